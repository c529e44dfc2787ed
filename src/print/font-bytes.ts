/**
 * Font files read once per process. HarfBuzz (shaping), the PDF writer (pdfkit/fontkit metrics) and the
 * subsetter all need the same bytes; reading a 570 kB Nastaliq file three times was a tenth of the first
 * cheque's time. A font file is never changed in place (a user font replaced gets a new file name).
 */
import { readFileSync } from 'node:fs';

const bytes = new Map<string, Buffer>();

export function fontBytes(path: string): Buffer {
  let b = bytes.get(path);
  if (!b) {
    b = readFileSync(path);
    bytes.set(path, b);
  }
  return b;
}
