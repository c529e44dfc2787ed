/**
 * The FIF of DIS/DTC (what a station can do) and DCS (what the transmitter chose), T.30 Table 2. Bit n
 * of the table is the n-th bit on the line; an octet goes least significant bit first, so bit n is
 * octet ⌊(n−1)/8⌋, mask 1 << ((n−1) mod 8). Every eighth bit (24, 32, …) says another octet follows.
 */
import type { FaxCoding } from '../t4/encode';
import { type FaxRate, RATES, rateFromDcsBits } from './rates';

export type PageLength = 'a4' | 'b4' | 'unlimited';

/** A DIS or DTC: the called station's capabilities. */
export type Capabilities = {
  /** Bit 10: it can receive a document. */
  receiver: boolean;
  /** Bits 11–14. V.27ter (4800/2400) is every fax machine's fallback. */
  modems: { v27ter: boolean; v29: boolean; v17: boolean };
  /** Bit 15: fine resolution (196 lines per inch). */
  fine: boolean;
  /** Bit 16: MR (two-dimensional) coding. */
  mr: boolean;
  /** Bit 31: MMR (T.6) coding, which needs ECM. */
  mmr: boolean;
  /** Bits 19–20. Width is always 215 mm (bits 17–18 = 0). */
  length: PageLength;
  /** Bits 21–23: the shortest time the receiver can print a line in, ms (0, 5, 10, 20 or 40). */
  minScanMs: number;
  /** Bit 27: error correction mode (T.30 Annex A). */
  ecm: boolean;
};

/** A DCS: the transmitter's choice for the pages that follow. */
export type SessionParams = {
  rate: FaxRate;
  fine: boolean;
  coding: FaxCoding;
  length: PageLength;
  minScanMs: number;
  ecm: boolean;
  /** Bit 28 (ECM only): 64-octet frames instead of 256. */
  ecmFrameSize: 256 | 64;
};

export const bit = (fif: Uint8Array, n: number): 0 | 1 => {
  const i = (n - 1) >> 3;
  return i < fif.length ? (((fif[i]! >> ((n - 1) & 7)) & 1) as 0 | 1) : 0;
};

function setBit(fif: Uint8Array, n: number, on: boolean | 0 | 1): void {
  if (on) fif[(n - 1) >> 3]! |= 1 << ((n - 1) & 7);
}

/** Bits 21, 22, 23 → ms. DIS codes 011/110/101 mean "half that at fine" (bit 46); the longer value is kept. */
const SCAN_TIMES: Record<string, number> = { '000': 20, '001': 40, '010': 10, '100': 5, '111': 0, '011': 10, '110': 20, '101': 40 };
const SCAN_CODES: Record<number, [0 | 1, 0 | 1, 0 | 1]> = { 20: [0, 0, 0], 40: [0, 0, 1], 10: [0, 1, 0], 5: [1, 0, 0], 0: [1, 1, 1] };
const LENGTH_CODES: Record<PageLength, [0 | 1, 0 | 1]> = { a4: [0, 0], unlimited: [0, 1], b4: [1, 0] };

const scanTime = (fif: Uint8Array) => SCAN_TIMES[`${bit(fif, 21)}${bit(fif, 22)}${bit(fif, 23)}`]!;
const pageLength = (fif: Uint8Array): PageLength => (bit(fif, 20) ? 'unlimited' : bit(fif, 19) ? 'b4' : 'a4');

/** An FIF of as many octets as the highest bit set needs (at least 3), with the extension bits chaining them. */
function sized(bits: number[]): Uint8Array {
  const highest = Math.max(24, ...bits);
  const octets = Math.max(3, Math.ceil(highest / 8));
  const fif = new Uint8Array(octets);
  for (const n of bits) setBit(fif, n, true);
  for (let o = 3; o < octets; o++) setBit(fif, o * 8, true); // bit 24, 32, …: "another octet follows"
  return fif;
}

function common(length: PageLength, minScanMs: number): number[] {
  const scan = SCAN_CODES[minScanMs];
  if (!scan) throw new RangeError(`no T.30 code for a minimum scan-line time of ${minScanMs} ms`);
  const bits: number[] = [];
  LENGTH_CODES[length].forEach((b, i) => b && bits.push(19 + i));
  scan.forEach((b, i) => b && bits.push(21 + i));
  return bits;
}

export function encodeDis(c: Capabilities): Uint8Array {
  const bits = common(c.length, c.minScanMs);
  if (c.receiver) bits.push(10);
  // 1101 = V.27ter + V.29 + V.17, 1100 = V.27ter + V.29, 0100 = V.27ter, 1000 = V.29 only.
  if (c.modems.v29 || c.modems.v17) bits.push(11);
  if (c.modems.v27ter || c.modems.v17) bits.push(12);
  if (c.modems.v17) bits.push(14);
  if (c.fine) bits.push(15);
  if (c.mr) bits.push(16);
  if (c.ecm) bits.push(27);
  if (c.mmr && c.ecm) bits.push(31);
  return sized(bits);
}

export function decodeDis(fif: Uint8Array): Capabilities {
  const [b11, b12, b13, b14] = [bit(fif, 11), bit(fif, 12), bit(fif, 13), bit(fif, 14)];
  const none = !b11 && !b12 && !b13 && !b14; // "V.27ter fall-back mode": 2400 only, still V.27ter
  return {
    receiver: bit(fif, 10) === 1,
    modems: { v27ter: none || b12 === 1, v29: b11 === 1, v17: b11 === 1 && b14 === 1 },
    fine: bit(fif, 15) === 1,
    mr: bit(fif, 16) === 1,
    mmr: bit(fif, 31) === 1,
    length: pageLength(fif),
    minScanMs: scanTime(fif),
    ecm: bit(fif, 27) === 1,
  };
}

export function encodeDcs(p: SessionParams): Uint8Array {
  const bits = common(p.length, p.minScanMs);
  bits.push(10); // "receive": set the receiver in receive mode
  p.rate.dcsBits.forEach((b, i) => b && bits.push(11 + i));
  if (p.fine) bits.push(15);
  if (p.coding === 'mr') bits.push(16);
  if (p.ecm) bits.push(27);
  if (p.ecm && p.ecmFrameSize === 64) bits.push(28);
  if (p.coding === 'mmr') bits.push(31);
  return sized(bits);
}

/** A DCS's parameters, or null when it names a modulation we do not have (V.33) — answered with FTT. */
export function decodeDcs(fif: Uint8Array): SessionParams | null {
  const rate = rateFromDcsBits([bit(fif, 11), bit(fif, 12), bit(fif, 13), bit(fif, 14)]);
  if (!rate) return null;
  const ecm = bit(fif, 27) === 1;
  return {
    rate,
    fine: bit(fif, 15) === 1,
    coding: ecm && bit(fif, 31) ? 'mmr' : bit(fif, 16) ? 'mr' : 'mh',
    length: pageLength(fif),
    minScanMs: scanTime(fif),
    ecm,
    ecmFrameSize: ecm && bit(fif, 28) ? 64 : 256,
  };
}

/** The rates both sides can use, fastest first, capped at `maxBps`. */
export function commonRates(remote: Capabilities, local: Capabilities['modems'], maxBps: number): FaxRate[] {
  const has = (m: FaxRate['modem']) => (m === 'V.17' ? 'v17' : m === 'V.29' ? 'v29' : 'v27ter') satisfies keyof Capabilities['modems'];
  return RATES.filter((r) => r.bps <= maxBps && remote.modems[has(r.modem)] && local[has(r.modem)]);
}
