/**
 * Zod compiles its object parsers with `new Function` when it can, and probes for that by trying
 * once; the page's Content Security Policy forbids eval, so every start logged a CSP violation (and
 * hid real ones, such as refused media, among them). Told to stay jitless, zod never tries.
 */
import { config } from 'zod';

config({ jitless: true });
