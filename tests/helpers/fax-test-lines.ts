/**
 * A `FaxLines` for outbox tests: one line ('fax1') whose calls run our real T.30 (transmitFax against
 * receiveFax) over the in-memory FaxPort pair, to a far end that keeps every page it confirmed across
 * calls. Each call's fate is scripted: busy, no answer, the line cut after n confirmed pages, a call that
 * hangs until it is cancelled, or a clean call (the default).
 */
import type { FaxCallReport, FaxLines, SendFaxCall } from '../../src/main/fax/fax-calls';
import { FCF } from '../../src/fax/t30/fcf';
import type { ReceivedPage } from '../../src/fax/t30/session';
import { receiveFax } from '../../src/fax/t30/t30-receive';
import { transmitFax } from '../../src/fax/t30/t30-transmit';
import { memoryLine } from './fax-memory-line';

export type CallFate = 'ok' | 'busy' | 'no-answer' | 'unavailable' | 'hang' | { cutAfter: number };

const timers = { t1: 1500, t2: 400, t4: 150 };
const clock = { now: () => Date.now() };

const report = (call: SendFaxCall, over: Partial<FaxCallReport>): FaxCallReport => ({
  ok: false,
  reason: null,
  remoteId: '',
  pages: 0,
  bps: null,
  ecm: false,
  fine: call.pages[0]?.fine ?? false,
  startedAt: Date.now(),
  durationMs: 0,
  trace: [],
  ...over,
});

export function testFaxLines() {
  const fates: CallFate[] = [];
  const calls: SendFaxCall[] = [];
  /** Every page the far end kept, over all calls, in order. */
  const farEnd: ReceivedPage[] = [];
  let busy = 0;

  async function send(call: SendFaxCall): Promise<FaxCallReport> {
    calls.push(call);
    const fate = fates.shift() ?? 'ok';
    call.onProgress?.({ stage: 'dialing', page: 0, pages: call.pages.length, bps: null });
    if (fate === 'busy' || fate === 'no-answer') return report(call, { reason: fate });
    if (fate === 'unavailable') return report(call, { reason: 'line-unavailable' });
    busy++;
    try {
      let cut = false;
      let mcf = 0;
      const line = memoryLine((from, s) => {
        if (cut) return null;
        if (from === 'answerer' && s.kind === 'frame' && (s.octets[2]! & 0xfe) === FCF.MCF) {
          mcf++;
          if (typeof fate === 'object' && mcf === fate.cutAfter) cut = true; // this MCF arrives, nothing after it
        }
        return s;
      });
      const stop = () => (cut = true);
      call.signal?.addEventListener('abort', stop);
      let page = 0;
      const caller = {
        ...line.caller,
        async sendData(modulation: number, octets: Uint8Array) {
          // Page data (TCF is all zeros): the live progress the outbox shows.
          if (!octets.every((b) => b === 0)) call.onProgress?.({ stage: 'page', page: ++page, pages: call.pages.length, bps: 9600 });
          return line.caller.sendData(modulation, octets);
        },
      };
      if (fate === 'hang') await new Promise<void>((resolve) => call.signal?.addEventListener('abort', () => resolve()));
      const [sent] = await Promise.all([
        transmitFax({ port: caller, clock, localId: call.localId, pages: call.pages, timers, ecm: call.ecm }),
        receiveFax({ port: line.answerer, clock, localId: '+98 21 5555', timers, onPage: (p) => farEnd.push(p) }),
      ]);
      call.signal?.removeEventListener('abort', stop);
      const cancelled = call.signal?.aborted === true;
      return report(call, {
        ok: sent.ok && !cancelled,
        reason: cancelled ? 'cancelled' : sent.ok ? null : (sent.reason ?? 'modem-error'),
        remoteId: sent.remoteId,
        pages: sent.pages,
        bps: sent.params?.rate.bps ?? null,
      });
    } finally {
      busy--;
    }
  }

  const lines: FaxLines = {
    available: () => [{ lineId: 'fax1', name: 'Fax', busy: busy > 0 }],
    send,
    onReceived: () => () => undefined,
    onReceiving: () => () => undefined,
  };
  return { lines, fates, calls, farEnd };
}
