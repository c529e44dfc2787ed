/**
 * What a modem says about itself, parsed: +FCLASS=?, +VSM=? (two layouts in the field), +VLS=?.
 * The voice compression is chosen by its NAME, never by its number: the same number means different
 * things on Conexant, USR and Intel firmware (reference §1.4), and vgetty's number-and-substring
 * mapping picks the wrong method on a CX93001.
 */
import type { CodecName } from '../audio/codecs';

export type VoiceMethod = { id: number; name: string; bits: number; rates: number[] };

/** Classes are single digits and 2.0/2.1: a range wider than this is nonsense, kept as its two ends. */
const MAX_CLASS_RANGE = 16;
/** At most this many classes are kept from what a device printed. */
const MAX_CLASSES = 64;

/**
 * `0,1,2,2.0,8` or `(0-2,8)` → ['0','1','2','2.0','8']. What a device prints is capped: a modem that
 * answers `0-400000000` must not make the engine build an array of 400 million strings at every start.
 */
export function parseClasses(text: string): string[] {
  const out: string[] = [];
  for (const part of text
    .slice(0, 4096)
    .replace(/[()\s]/g, '')
    .split(',')) {
    if (out.length >= MAX_CLASSES) break;
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (!range) {
      if (part) out.push(part);
      continue;
    }
    const [lo, hi] = [Number(range[1]), Number(range[2])];
    if (hi - lo > MAX_CLASS_RANGE) out.push(range[1]!, range[2]!);
    else for (let i = lo; i <= hi && out.length < MAX_CLASSES; i++) out.push(String(i));
  }
  return out.slice(0, MAX_CLASSES);
}

function parseRates(text: string): number[] {
  return text
    .replace(/[()]/g, '')
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean)
    .flatMap((r) => {
      const m = /^(\d+)-(\d+)$/.exec(r);
      return m ? [Number(m[1]), Number(m[2])] : [Number(r)];
    })
    .filter((n) => Number.isFinite(n) && n > 0);
}

/**
 * One method per line: `cml,"cmid",bps,tm,vsr,scs,sel` (V.253; vsr a rate or a list) or USR's
 * `cml,"cmid",(rates)`. Lines that are neither are skipped.
 */
export function parseVoiceMethods(lines: string[]): VoiceMethod[] {
  const out: VoiceMethod[] = [];
  for (const raw of lines) {
    const line = raw.replace(/^\+VSM:\s*/i, '').trim();
    const m = /^(\d+)\s*,\s*"([^"]*)"\s*,?\s*(.*)$/.exec(line);
    if (!m) continue;
    const rest = m[3]!;
    const name = m[2]!;
    const v253 = /^(\d+)\s*,\s*(\d+)\s*,\s*(\([^)]*\)|\d+)/.exec(rest);
    if (v253) out.push({ id: Number(m[1]), name, bits: Number(v253[1]), rates: parseRates(v253[3]!) });
    else {
      const bits = /16-BIT/i.test(name) ? 16 : /ADPCM/i.test(name) ? 4 : 8;
      out.push({ id: Number(m[1]), name, bits, rates: parseRates(rest) });
    }
  }
  return out;
}

/**
 * The codec a method name means, or null for ones we do not speak: Rockwell's "2 Bit ADPCM" and
 * "4 Bit ADPCM", a bare "ADPCM", G.72x, 14-bit, G.729… IMA ADPCM only as the 4-bit one it is.
 */
export function codecOfMethod(m: VoiceMethod): CodecName | null {
  const n = m.name.toUpperCase();
  if (/MU-LAW|ULAW|G\.?711\s*U|G\.?711U/.test(n)) return 'ulaw';
  if (/A-LAW|ALAW|G\.?711\s*A/.test(n)) return 'alaw';
  if (/\bIMA[\s-]*ADPCM\b/.test(n) && m.bits === 4) return 'ima';
  if (/ADPCM|G\.72|14 BIT/.test(n)) return null;
  if (/16-BIT LINEAR/.test(n) && m.bits === 16) return 's16le';
  if (/^SIGNED PCM$/.test(n) && m.bits === 8) return 's8';
  if ((/UNSIGNED PCM/.test(n) || /8-BIT LINEAR/.test(n)) && m.bits === 8) return 'u8';
  return null;
}

const PREFERENCE: CodecName[] = ['u8', 'ulaw', 'alaw', 's8', 's16le', 'ima'];

/**
 * The method to use: 8 kHz, then the first codec in PREFERENCE order (8-bit unsigned linear is what
 * every field-tested setup in the reference uses); among equals the lowest number, so a CX93001's
 * standard method 1 is taken before its vendor duplicate 130. IMA ADPCM comes last — 4 bits sound
 * worse than any 8-bit format — and is there for a modem that offers nothing else we speak.
 */
export function chooseVoiceMethod(methods: VoiceMethod[]): { method: VoiceMethod; codec: CodecName } | null {
  for (const codec of PREFERENCE) {
    const found = methods.filter((m) => codecOfMethod(m) === codec && m.rates.includes(8000)).sort((a, b) => a.id - b.id)[0];
    if (found) return { method: found, codec };
  }
  return null;
}

/** `label,"prims",tx,rx,idle` lines of +VLS=?. */
export function parseLineModes(lines: string[]): { label: number; primitives: string }[] {
  const out: { label: number; primitives: string }[] = [];
  for (const l of lines) {
    const m = /^(\d+)\s*,\s*"([^"]*)"/.exec(l.trim());
    if (m) out.push({ label: Number(m[1]), primitives: m[2]! });
  }
  return out;
}
