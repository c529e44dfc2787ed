/**
 * What a fax call's two sides share: the options, the outcome (the fields HylaFAX's xferfaxlog keeps),
 * and receiving a whole message — one or more frames, the last marked final.
 */
import type { FaxBitmap } from '../t4/bitmap';
import type { Capabilities, SessionParams } from './dis-dcs';
import { type Frame, parseFrame } from './frames';
import type { FaxClock, FaxPort } from './port';
import type { T30Timers } from './timers';

export type FaxFailure =
  /** No DIS (sending) or DCS (receiving) within T1: not a fax machine, or it did not answer in time. */
  | 'no-handshake'
  /** Training failed at every rate down to 2400 (FTT each time), or TCF never came. */
  | 'training-failed'
  /** A command was sent three times without a valid response. */
  | 'no-response'
  /** The far end hung up (DCN) before the document was done. */
  | 'remote-disconnected'
  /** A page was refused (RTN) three times. */
  | 'page-rejected'
  /** The far end cannot receive (no bit 10 in its DIS) or we share no modulation or coding with it. */
  | 'incompatible'
  /** The page data never came after CFR/MCF. */
  | 'no-page-data';

export type FaxEvent = { dir: 'tx' | 'rx' | 'info'; text: string };

export type SessionOptions = {
  port: FaxPort;
  clock: FaxClock;
  /** Our number as the far end sees it (TSI when sending, CSI when receiving), ≤ 20 characters. */
  localId: string;
  timers?: Partial<T30Timers>;
  /** Every frame and decision, for the fax log's detail and for tests. */
  onEvent?(e: FaxEvent): void;
};

export type FaxOutcome = {
  ok: boolean;
  reason?: FaxFailure;
  /** The far end's CSI (sending) or TSI (receiving), trimmed; '' when it sent none. */
  remoteId: string;
  remoteCapabilities?: Capabilities;
  /** The last parameters used for page data. */
  params?: SessionParams;
  /** Pages the far end confirmed (sending) or that we kept (receiving). */
  pages: number;
  /** ECM: pages (1-based) whose frames were still bad after CTC and that ended with EOR/ERR: kept with errors. */
  pagesWithErrors?: number[];
};

export type ReceivedPage = {
  bitmap: FaxBitmap;
  fine: boolean;
  /** Rows that did not decode (replaced by the row above). */
  badLines: number;
  /** ECM: frames of the page never arrived intact (the transmitter ended with EOR); the rest is kept. */
  uncorrected?: boolean;
};

export type Message = { kind: 'frames'; frames: Frame[] } | { kind: 'timeout' } | { kind: 'no-carrier' };

/** The longest pause between the frames of one message (they follow each other on one carrier). */
const NEXT_FRAME_MS = 3_000;

/**
 * Receives one message: frames until a final one. A frame with a bad FCS or that is not T.30 is
 * dropped (T.30 §5.4.2: the station then waits for the command to be repeated); if nothing valid came,
 * the message is a timeout.
 */
export async function receiveMessage(port: FaxPort, timeoutMs: number, log: (e: FaxEvent) => void): Promise<Message> {
  const frames: Frame[] = [];
  let wait = timeoutMs;
  for (let i = 0; i < 16; i++) {
    const r = await port.receiveFrame(wait);
    if (r.kind !== 'frame') {
      if (frames.length > 0) return { kind: 'frames', frames };
      return r;
    }
    const f = r.fcsOk ? parseFrame(r.octets) : null;
    if (!f) {
      log({ dir: 'rx', text: `bad frame (${r.fcsOk ? 'not T.30' : 'FCS error'})` });
      if (frames.length > 0) return { kind: 'frames', frames };
      continue;
    }
    log({ dir: 'rx', text: `${f.name ?? `FCF 0x${f.fcf.toString(16)}`}${f.fif.length ? ` ${hex(f.fif)}` : ''}` });
    frames.push(f);
    if (f.final) return { kind: 'frames', frames };
    wait = NEXT_FRAME_MS;
  }
  return { kind: 'frames', frames };
}

export const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

export const findFrame = (m: Message, ...names: string[]): Frame | undefined =>
  m.kind === 'frames' ? m.frames.find((f) => f.name !== null && names.includes(f.name)) : undefined;
