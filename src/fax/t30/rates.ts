/**
 * The page-data modulations T.30 negotiates and the order the transmitter falls back through after FTT
 * or RTN (issue 16): V.17 14400 → 12000 → V.29 9600 → 7200 → V.27ter 4800 → 2400. V.17 at 9600/7200
 * exists, but a machine that has V.17 also has V.29 at those speeds, which trains more robustly.
 */
export type FaxModem = 'V.27ter' | 'V.29' | 'V.17';

export type FaxRate = {
  bps: number;
  modem: FaxModem;
  /** T.31 +FTM/+FRM code for TCF (V.17: long training, T.30 §5.3.2.4). */
  modulation: number;
  /** The code for page data (V.17: short training, as T.30 has it after a TCF; receivers such as efax expect it). */
  pageModulation: number;
  /** DCS bits 11, 12, 13, 14 (T.30 Table 2), in that order. */
  dcsBits: readonly [0 | 1, 0 | 1, 0 | 1, 0 | 1];
};

export const RATES: readonly FaxRate[] = [
  { bps: 14400, modem: 'V.17', modulation: 145, pageModulation: 146, dcsBits: [0, 0, 0, 1] },
  { bps: 12000, modem: 'V.17', modulation: 121, pageModulation: 122, dcsBits: [0, 1, 0, 1] },
  { bps: 9600, modem: 'V.29', modulation: 96, pageModulation: 96, dcsBits: [1, 0, 0, 0] },
  { bps: 7200, modem: 'V.29', modulation: 72, pageModulation: 72, dcsBits: [1, 1, 0, 0] },
  { bps: 4800, modem: 'V.27ter', modulation: 48, pageModulation: 48, dcsBits: [0, 1, 0, 0] },
  { bps: 2400, modem: 'V.27ter', modulation: 24, pageModulation: 24, dcsBits: [0, 0, 0, 0] },
];

/** V.17 at 9600/7200 as a DCS may name them (a transmitter that prefers V.17 throughout). */
const V17_LOW: readonly FaxRate[] = [
  { bps: 9600, modem: 'V.17', modulation: 97, pageModulation: 98, dcsBits: [1, 0, 0, 1] },
  { bps: 7200, modem: 'V.17', modulation: 73, pageModulation: 74, dcsBits: [1, 1, 0, 1] },
];

export const rateByBps = (bps: number): FaxRate | undefined => RATES.find((r) => r.bps === bps);

/** The rate a DCS names (bits 11–14), or undefined for a combination T.30 does not define for DCS. */
export function rateFromDcsBits(bits: readonly number[]): FaxRate | undefined {
  const same = (r: FaxRate) => r.dcsBits.every((b, i) => b === bits[i]);
  return RATES.find(same) ?? V17_LOW.find(same);
}

/** The next rate down after FTT or RTN, or undefined below 2400. */
export function fallback(rate: FaxRate, allowed: (r: FaxRate) => boolean): FaxRate | undefined {
  const i = RATES.findIndex((r) => r.bps === rate.bps);
  return RATES.slice(i + 1).find(allowed);
}
