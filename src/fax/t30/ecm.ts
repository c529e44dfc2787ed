/**
 * ECM (T.30 Annex A) blocks: the page's coded octets cut into numbered FCD frames of 256 (or 64) octets,
 * at most 256 frames a block, each block ended by three RCP frames; PPS names the post-page message, page,
 * block and frame count; PPR lists by bitmap the frames to send again. FCD and RCP have no X bit.
 */
import { FCF, FCF_X } from './fcf';
import { buildFrame } from './frames';

export const FCD = 0x06; // T.30 "0110 0000"
export const RCP = 0x86; // T.30 "0110 0001"
/** PPS's post-page message for a block that is not the end of a page. */
export const PPS_NULL = 0x00;
export const FRAMES_PER_BLOCK = 256;

export type EcmBlock = { frames: Uint8Array[] };

/** A page's octets as blocks of FCD payloads (the last frame may be shorter). */
export function toBlocks(octets: Uint8Array, frameSize: number): Uint8Array[][] {
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < octets.length; i += frameSize) payloads.push(octets.subarray(i, i + frameSize));
  if (payloads.length === 0) payloads.push(new Uint8Array(0));
  const blocks: Uint8Array[][] = [];
  for (let i = 0; i < payloads.length; i += FRAMES_PER_BLOCK) blocks.push(payloads.slice(i, i + FRAMES_PER_BLOCK));
  return blocks;
}

export const fcdFrame = (n: number, payload: Uint8Array) => Uint8Array.of(0xff, 0x03, FCD, n, ...payload);
export const rcpFrames = () => [0, 1, 2].map(() => Uint8Array.of(0xff, 0x03, RCP));

/** PPS: [post-page FCF, page, block, frames − 1], counters modulo 256. */
export const ppsFrame = (ppm: number, page: number, block: number, frames: number) =>
  buildFrame(FCF.PPS | FCF_X, Uint8Array.of(ppm === PPS_NULL ? PPS_NULL : ppm | FCF_X, page & 0xff, block & 0xff, (frames - 1) & 0xff));

/** PPR's FIF: 32 octets, bit n (octet n >> 3, mask 1 << (n & 7)) set for each frame to send again. */
export function pprFif(missing: Iterable<number>): Uint8Array {
  const fif = new Uint8Array(32);
  for (const n of missing) fif[n >> 3]! |= 1 << (n & 7);
  return fif;
}

export function pprMissing(fif: Uint8Array, frames: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < frames; n++) if ((fif[n >> 3] ?? 0) & (1 << (n & 7))) out.push(n);
  return out;
}
