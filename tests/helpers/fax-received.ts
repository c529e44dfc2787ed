/**
 * Received faxes for the fax log's tests: pages sent by our T.30 transmitter and taken by our receiver
 * over a line in memory (fax-memory-line.ts), made into the `ReceivedFax` a line delivers, and a stand-in
 * for `FaxLines` whose `deliver` hands one to whatever listens (the engine's fax log) — the seam
 * src/main/fax/fax-calls.ts names, so the log runs as it will on a line that can fax.
 */
import type { FaxLines, ReceivedFax } from '../../src/main/fax/fax-calls';
import type { FaxBitmap } from '../../src/fax/t4/bitmap';
import { receiveFax } from '../../src/fax/t30/t30-receive';
import { transmitFax } from '../../src/fax/t30/t30-transmit';
import { memoryLine, type Tamper } from './fax-memory-line';

const timers = { t1: 1500, t2: 400, t4: 150 };
const clock = { now: () => Date.now() };

export type ReceiveOver = {
  pages: FaxBitmap[];
  fine?: boolean;
  /** The sender's TSI. */
  tsi?: string;
  callerNumber?: string | null;
  lineId?: string;
  startedAt?: number;
  tamper?: Tamper;
};

/** Sends the pages with our transmitter to our receiver and returns what the line would deliver. */
export async function receivedOverMemory(o: ReceiveOver): Promise<ReceivedFax> {
  const line = memoryLine(o.tamper);
  const trace: string[] = [];
  const started = Date.now();
  const [, got] = await Promise.all([
    transmitFax({ port: line.caller, clock, localId: o.tsi ?? '', pages: o.pages.map((bitmap) => ({ bitmap, fine: o.fine ?? true })), timers }),
    receiveFax({ port: line.answerer, clock, localId: 'Monshi', timers, onEvent: (e) => trace.push(`${e.dir} ${e.text}`) }),
  ]);
  return {
    lineId: o.lineId ?? '1',
    callId: null,
    callerNumber: o.callerNumber === undefined ? null : o.callerNumber,
    report: {
      ok: got.ok,
      reason: got.reason ?? null,
      remoteId: got.remoteId,
      pages: got.received.length,
      bps: got.params?.rate.bps ?? null,
      ecm: got.params?.ecm ?? false,
      fine: got.params?.fine ?? o.fine ?? true,
      startedAt: o.startedAt ?? started,
      durationMs: Date.now() - started,
      trace: trace.slice(-300),
    },
    pages: got.received,
  };
}

/** FaxLines with no line: `deliver` is a fax arriving. */
export function faxLinesStandIn(): { lines: FaxLines; deliver(fax: ReceivedFax): void } {
  const listeners = new Set<(fax: ReceivedFax) => void>();
  return {
    lines: {
      available: () => [],
      send: () => Promise.reject(new Error('the stand-in sends nothing')),
      onReceived(l) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      onReceiving: () => () => undefined,
    },
    deliver: (fax) => listeners.forEach((l) => l(fax)),
  };
}
