/**
 * The Class 1 simulator's states, its timing and the DLE shielding of what it sends the host: the
 * parts of sim-fax.ts that are data and pure functions, so that file keeps only what the modem does.
 */
import { MODULATION_BPS } from './sim-fax-line';

export const DLE = 0x10;
export const ETX = 0x03;
export const XON = 0x11;
export const XOFF = 0x13;
/** The states step this often: a receive looks at the line, a transmit drains its buffer. */
export const TICK_MS = 50;
/**
 * A transmit state whose host sends nothing for this long goes back to command state with ERROR
 * (spandsp's T.31, iaxmodem's engine, has a 5 s DTE timeout; what it then answers is our assumption):
 * without it, a host that gave up mid-frame would have its next commands taken as frame data.
 */
export const DTE_TIMEOUT_MS = 5000;
/** How long ATD waits for the far end's first frame before NO CARRIER (S7, about 50 s on most modems). */
export const DIAL_CARRIER_MS = 50_000;
/** T.30's T1 (35 s): a receiving machine sends DIS this long after Start, then gives up. */
export const RECEIVER_T1_MS = 35_000;

export type Class1State =
  | { kind: 'idle' }
  /** Collecting the host's frames; `sending` while the last one is on the line. */
  | { kind: 'hdlc-tx'; bytes: number[]; escaped: boolean; queued: Uint8Array[]; sending: boolean; first: boolean }
  /** Waiting for a frame; `abort` is what a character from the host makes the modem say. */
  | { kind: 'hdlc-rx'; abort: 'OK' | 'NO CARRIER'; deadline: number | null }
  | { kind: 'data-tx'; modulation: number; buffer: number[]; sent: number[]; escaped: boolean; ending: boolean; xoff: boolean; startAt: number }
  | { kind: 'data-rx'; modulation: number; octets: Uint8Array | null; at: number }
  | { kind: 'wait'; abortable: boolean; handle: unknown };

/** The host may be this far ahead of the line (one second of data) before XOFF holds it back. */
export function highMark(modulation: number): number {
  return Math.max(512, MODULATION_BPS[modulation]! / 8);
}

/** Data to the host with each DLE doubled (T.31), so only <DLE><ETX> can end it. */
export function shield(octets: Uint8Array): Buffer {
  const out: number[] = [];
  for (const b of octets) {
    out.push(b);
    if (b === DLE) out.push(DLE);
  }
  return Buffer.from(out);
}

/** Octets as the test log shows them. */
export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
