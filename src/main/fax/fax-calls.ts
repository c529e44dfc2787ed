/**
 * The seam between fax calls on lines and what the office does with faxes.
 *
 * - `FaxLines` (implemented in src/main/fax/fax-lines.ts): T.30 on a line's modem — dialling out and
 *   sending, answering fax calls by the line's policy (fax-only, after N rings, or a voice call that hears
 *   a fax machine's calling tone) and receiving.
 * - The outbox (queue, schedule, retries) and the fax log (every fax in and out, the received-fax popup,
 *   the contact's timeline) depend on these types only, so they are tested with our T.30 over an
 *   in-memory line (tests/helpers/fax-memory-line.ts) and run unchanged on any line that can fax.
 */
import type { ReceivedPage } from '../../fax/t30/session';
import type { FaxFailure } from '../../fax/t30/session';
import type { SendPage } from '../../fax/t30/t30-transmit';

/** Why a fax call did not complete: T.30's own reasons, or the line's. */
export type FaxCallFailure =
  | FaxFailure
  /** The dialled number was busy, did not answer, or there was no dial tone (the outbox retries these). */
  | 'busy'
  | 'no-answer'
  | 'no-dialtone'
  /** The line is in a call, disconnected, or cannot fax (no Class 1 on its modem). */
  | 'line-unavailable'
  /** The modem failed in the middle (an unexpected result, the device was unplugged). */
  | 'modem-error'
  /** The user cancelled it (the signal was aborted). */
  | 'cancelled';

/** One fax call's result: the fields HylaFAX's xferfaxlog keeps, for the log and the outbox. */
export type FaxCallReport = {
  ok: boolean;
  reason: FaxCallFailure | null;
  /** The far end's CSI (sending) or TSI (receiving), trimmed; '' when it sent none. */
  remoteId: string;
  /** Pages the far end confirmed (sending) or that we kept (receiving). */
  pages: number;
  /** The rate page data went at, bit/s; null when no page got that far. */
  bps: number | null;
  ecm: boolean;
  fine: boolean;
  /** Epoch ms when the line went off hook (dialling or answering). */
  startedAt: number;
  durationMs: number;
  /** Frames and decisions in words, for the log's detail (capped: the last 300 lines). */
  trace: string[];
};

export type FaxProgress = {
  stage: 'dialing' | 'answering' | 'handshake' | 'page' | 'finishing';
  /** 1-based page being sent or received; 0 before the first. */
  page: number;
  /** The pages of the fax, when known (always when sending). */
  pages: number | null;
  bps: number | null;
};

export type SendFaxCall = {
  lineId: string;
  /** The digits to dial, already as the line must dial them (src/main/lines/dial-target.ts). */
  dial: string;
  /** The pages, header lines already stamped; all of one resolution. */
  pages: readonly SendPage[];
  /** Our number as the far end sees it (TSI), ≤ 20 characters. */
  localId: string;
  /** Use ECM when the far end has it. */
  ecm: boolean;
  onProgress?(p: FaxProgress): void;
  /** Aborting hangs up at the next step; the report then says 'cancelled'. */
  signal?: AbortSignal;
};

export type ReceivedFax = {
  lineId: string;
  /** The call-log row of the call the fax came on (it rang like any call, with its caller ID); null if none. */
  callId: number | null;
  /** The caller ID's number, as the call log has it; null when withheld or absent. */
  callerNumber: string | null;
  report: FaxCallReport;
  /** The pages kept, even when the call failed part way. */
  pages: ReceivedPage[];
};

export type FaxLineInfo = { lineId: string; name: string; busy: boolean };

export type FaxLines = {
  /** Lines whose modem can fax (Class 1), with whether one is in a call now. */
  available(): FaxLineInfo[];
  /** Dials and sends. Never rejects for line or far-end conditions: the report says what happened. */
  send(call: SendFaxCall): Promise<FaxCallReport>;
  /** A fax came in on a line (complete or not); the listener stores it. Returns the unsubscribe. */
  onReceived(listener: (fax: ReceivedFax) => void): () => void;
  /** Progress of a fax being received, for the live status. Returns the unsubscribe. */
  onReceiving(listener: (e: { lineId: string; callId: number | null; progress: FaxProgress }) => void): () => void;
};

/** One row of the fax log: a fax received, or a fax sent (its last attempt), or one that finally failed. */
export type FaxLogEntry = {
  direction: 'in' | 'out';
  lineId: string;
  /** The number dialled (out) or the caller ID's (in). */
  remoteNumber: string | null;
  report: FaxCallReport;
  /** Pages of the document (out) — the report's `pages` says how many were confirmed. */
  pagesTotal: number;
  /** The TIFF Class F file of the fax's pages, relative to the data folder; null when nothing was kept. */
  tiffPath: string | null;
  /** The outbox job it came from (out). */
  jobId: number | null;
  /** The call-log row (in). */
  callId: number | null;
  /** How many times the outbox dialled for it (out); 1 for received faxes. */
  attempts: number;
};

/** What the outbox needs of the fax log: one call when a job ends (sent, failed for good or cancelled). */
export type FaxLogWriter = { record(entry: FaxLogEntry): { id: number } };
