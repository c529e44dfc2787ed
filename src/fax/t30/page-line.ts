/**
 * Phase C page data as it travels: a page coded with the negotiated coding and minimum scan-line time,
 * each octet's bits reversed — T.4 data goes on the line in the order it was coded, and the modem sends
 * each octet least significant bit first (FillOrder 2). The receiving side decodes the same octets.
 */
import type { FaxBitmap } from '../t4/bitmap';
import { decodeT4, type DecodeResult } from '../t4/decode';
import { encodeT4, minLineBitsFor } from '../t4/encode';
import type { SessionParams } from './dis-dcs';

const REVERSED = new Uint8Array(256).map((_, b) => {
  let r = 0;
  for (let i = 0; i < 8; i++) if (b & (1 << i)) r |= 0x80 >> i;
  return r;
});

export function reverseBits(octets: Uint8Array): Uint8Array {
  const out = new Uint8Array(octets.length);
  for (let i = 0; i < octets.length; i++) out[i] = REVERSED[octets[i]!]!;
  return out;
}

/** The octets of one page for +FTM: EOL-led lines padded to the minimum scan-line time, ending with RTC. */
export function pageForLine(bitmap: FaxBitmap, p: SessionParams): Uint8Array {
  const coded = encodeT4(bitmap, {
    coding: p.coding,
    k: p.fine ? 4 : 2,
    minLineBits: p.coding === 'mmr' ? undefined : minLineBitsFor(p.minScanMs, p.rate.bps),
    rtc: true,
  });
  return reverseBits(coded);
}

/**
 * A page as received after +FRM: decoded tolerantly (bad lines reported, not fatal). What comes before
 * the first EOL is not page data — the end of the modem's training, seen with iaxmodem at every rate —
 * and would otherwise decode as a bad first row.
 */
export function pageFromLine(octets: Uint8Array, p: SessionParams, width = 1728): DecodeResult {
  return decodeT4(fromFirstEol(octets), { coding: p.coding, width });
}

/** The line's bits (least significant first) from the first EOL on, as T.4 octets (most significant first). */
export function fromFirstEol(octets: Uint8Array): Uint8Array {
  const total = octets.length * 8;
  let zeros = 0;
  let start = -1;
  for (let i = 0; i < total; i++) {
    if ((octets[i >> 3]! >> (i & 7)) & 1) {
      if (zeros >= 11) {
        start = i - 11;
        break;
      }
      zeros = 0;
    } else zeros++;
  }
  if (start < 0) return reverseBits(octets);
  const out = new Uint8Array(Math.ceil((total - start) / 8));
  for (let i = start; i < total; i++) if ((octets[i >> 3]! >> (i & 7)) & 1) out[(i - start) >> 3]! |= 0x80 >> ((i - start) & 7);
  return out;
}

/**
 * Whether TCF trained: T.30 leaves the check to the receiver; we ask for an unbroken run of zero octets
 * of at least one second of the 1.5 s sent (the modem's training and the carrier's end blur the edges).
 */
export function trainingGood(octets: Uint8Array, bps: number): boolean {
  let run = 0;
  let best = 0;
  for (const o of octets) {
    run = o === 0 ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best >= bps / 8;
}
