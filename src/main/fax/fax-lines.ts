/**
 * Fax calls on the office's lines (the `FaxLines` seam of fax-calls.ts): our T.30 engine (src/fax/t30)
 * over the modem a line hands over with `line.fax(h)` (src/telephony/line.ts).
 *
 * - `send` dials from the line asked for (or any idle line that can fax), sends, and always gives the
 *   modem back with `release()`, whatever happened; it never rejects for a line or far-end condition.
 * - `sendOnCall` sends on a voice call already answered (fax-on-demand: the caller's machine receives);
 * - `receiveOn` answers (a fax-only line, a ring past the line's N) or switches an answered voice call
 *   (adaptive answer: the IVR, voicemail or a recording heard a fax machine's calling tone) and
 *   receives; the pages kept are handed to `onReceived` listeners even when the call broke part way.
 * A line is busy for fax while it is in any call, and while one of our own fax calls holds its modem.
 */
import { LineError, type FaxHandover, type FaxLink, type Line } from '../../telephony';
import type { Capabilities } from '../../fax/t30/dis-dcs';
import type { ReceivedPage } from '../../fax/t30/session';
import type { T30Timers } from '../../fax/t30/timers';
import { receiveFax } from '../../fax/t30/t30-receive';
import { transmitFax } from '../../fax/t30/t30-transmit';
import type { Logger } from '../kernel/logger';
import { receiveOverClass2, transmitOverClass2 } from '../../fax/t32/class2-fax';
import { abortableClass2, abortablePort, FaxCancelled } from './fax-abort-port';
import { faxCallTrace, type FaxCallTrace } from './fax-call-trace';
import type { FaxCallFailure, FaxCallReport, FaxLineInfo, FaxLines, FaxProgress, ReceivedFax, SendFaxCall } from './fax-calls';
import { canFax, type FaxCapableLine } from './fax-line-handover';

export type FaxLinesDeps = {
  /** The lines running now (the lines service), by their stored id. */
  lines(): { id: number; name: string; line: Line }[];
  /** Epoch ms (the engine's clock). */
  now(): number;
  /** Our number as a calling fax machine sees it (CSI) when we receive. */
  localId(): string;
  log: Logger;
  /** Shorter T.30 timers (tests). */
  timers?: Partial<T30Timers>;
  /** What we offer when receiving (DIS); ECM on by default, it keeps pages intact on noisy lines. */
  receiveCapabilities?: Partial<Capabilities>;
};

export type FaxReceiveCall = { callId: number | null; callerNumber: string | null };

export type LineFaxCalls = FaxLines & {
  /**
   * Receives a fax on a line: 'answer' a ringing line as a fax machine, or 'switch' an answered voice
   * call to fax. Resolves with what was received (also given to `onReceived`), or null when the line
   * could not take the fax (not ringing any more, cannot fax, the device went away).
   */
  receiveOn(lineId: number, how: 'answer' | 'switch', call: FaxReceiveCall): Promise<ReceivedFax | null>;
  /**
   * Fax-on-demand: sends `pages` on the voice call a line has answered (the IVR), as the transmitter —
   * the caller pressed Start on a fax machine with an empty feeder, so that machine receives (FaxHandover
   * 'switch' with send, src/telephony/line.ts). Resolves with the report (the modem always given back,
   * which ends the call), or null when the call could not be handed over (not in a call, cannot fax,
   * the device went away): nothing was sent and the caller is still on the line if they were.
   */
  sendOnCall(lineId: number, call: FaxOnCall): Promise<FaxCallReport | null>;
  /** Whether one of our fax calls holds this line's modem now. */
  holds(lineId: number): boolean;
};

export type FaxOnCall = Pick<SendFaxCall, 'pages' | 'localId' | 'ecm' | 'onProgress'>;

type Listener<T> = (e: T) => void;

export function createFaxLines(deps: FaxLinesDeps): LineFaxCalls {
  const active = new Set<number>();
  const received = new Set<Listener<ReceivedFax>>();
  const receiving = new Set<Listener<{ lineId: string; callId: number | null; progress: FaxProgress }>>();
  const clock = { now: () => deps.now() };

  const faxable = () => {
    const out: { id: number; name: string; line: FaxCapableLine; busy: boolean }[] = [];
    for (const { id, name, line } of deps.lines()) if (canFax(line)) out.push({ id, name, line, busy: active.has(id) || line.info().status !== 'idle' });
    return out;
  };

  /** The handover, with a throw (bad state, no fax, device gone) turned into the report's reason. */
  async function handOver(line: FaxCapableLine, h: FaxHandover, trace: FaxCallTrace): Promise<FaxLink | FaxCallFailure> {
    try {
      const r = await line.fax(h);
      if (r.ok) return r.link;
      trace.note(`handover ${h.how}: ${r.outcome}`);
      return r.outcome === 'failed' ? 'modem-error' : r.outcome;
    } catch (e) {
      trace.note(`handover ${h.how}: ${e instanceof Error ? e.message : String(e)}`);
      return e instanceof LineError && (e.code === 'bad-state' || e.code === 'unsupported') ? 'line-unavailable' : 'modem-error';
    }
  }

  async function release(link: FaxLink, lineId: number, trace: FaxCallTrace): Promise<void> {
    try {
      await link.release();
    } catch (e) {
      trace.note(`release: ${e instanceof Error ? e.message : String(e)}`);
      deps.log.error(`line ${lineId}: giving the modem back after a fax failed`, e);
    }
  }

  const failureOf = (e: unknown, signal?: AbortSignal): FaxCallFailure => (e instanceof FaxCancelled || signal?.aborted ? 'cancelled' : 'modem-error');

  type Ender = (reason: FaxCallFailure | null, r?: { remoteId?: string; pages?: number; bps?: number | null; ecm?: boolean }) => FaxCallReport;

  /** Our T.30 sending on a link the line handed over (dialled, or fax-on-demand); the modem is always given back. */
  type Sending = FaxOnCall & { signal?: AbortSignal };
  async function transmitOn(link: FaxLink, lineId: number, call: Sending, trace: FaxCallTrace, end: Ender): Promise<FaxCallReport> {
    try {
      trace.progress({ stage: 'handshake' });
      // A Class 2/2.0 modem runs T.30 itself: we give it the pages (src/fax/t32); Class 1 runs ours.
      const out =
        'class2' in link
          ? await transmitOverClass2({ port: abortableClass2(link.class2, call.signal), pages: call.pages, onEvent: (e) => trace.event(e) })
          : await transmitFax({
              port: abortablePort(link.modem, call.signal),
              clock,
              localId: call.localId,
              pages: call.pages,
              ecm: call.ecm,
              timers: deps.timers,
              onEvent: (e) => trace.event(e),
            });
      trace.progress({ stage: 'finishing' });
      const bps = out.pages > 0 ? (out.params?.rate.bps ?? null) : null;
      return end(out.ok ? null : (out.reason ?? 'modem-error'), { remoteId: out.remoteId, pages: out.pages, bps, ecm: out.params?.ecm ?? false });
    } catch (e) {
      trace.note(e instanceof FaxCancelled ? 'cancelled' : `modem: ${e instanceof Error ? e.message : String(e)}`);
      return end(failureOf(e, call.signal), { pages: Math.max(0, trace.current.page - 1), bps: trace.current.bps });
    } finally {
      await release(link, lineId, trace);
    }
  }

  const emit = <T>(set: Set<Listener<T>>, e: T) => {
    for (const l of set) {
      try {
        l(e);
      } catch (err) {
        deps.log.error('a fax listener failed', err);
      }
    }
  };

  return {
    available: (): FaxLineInfo[] => faxable().map((l) => ({ lineId: String(l.id), name: l.name, busy: l.busy })),

    async send(call): Promise<FaxCallReport> {
      const startedAt = deps.now();
      const fine = call.pages[0]?.fine ?? false;
      const trace = faxCallTrace(startedAt, deps.now, call.pages.length, call.onProgress);
      const end: Ender = (reason, r = {}) =>
        trace.report({ ok: reason === null, reason, remoteId: r.remoteId ?? '', pages: r.pages ?? 0, bps: r.bps ?? null, ecm: r.ecm ?? false, fine });
      const lines = faxable();
      const chosen = call.lineId ? lines.find((l) => String(l.id) === call.lineId) : lines.find((l) => !l.busy);
      if (!chosen || chosen.busy) {
        trace.note(chosen ? `line ${chosen.id} is busy` : call.lineId ? `line ${call.lineId} cannot fax now` : 'no idle line can fax');
        return end('line-unavailable');
      }
      if (call.signal?.aborted) return end('cancelled');
      active.add(chosen.id);
      try {
        trace.progress({ stage: 'dialing' });
        const link = await handOver(chosen.line, withLocalId(chosen.line, { how: 'dial', number: call.dial }, call.localId), trace);
        if (typeof link === 'string') return end(link);
        return await transmitOn(link, chosen.id, call, trace, end);
      } finally {
        active.delete(chosen.id);
      }
    },

    async sendOnCall(lineId, call): Promise<FaxCallReport | null> {
      const entry = deps.lines().find((l) => l.id === lineId);
      if (!entry || !canFax(entry.line) || active.has(lineId)) return null;
      const startedAt = deps.now();
      const fine = call.pages[0]?.fine ?? false;
      const trace = faxCallTrace(startedAt, deps.now, call.pages.length, call.onProgress);
      const end: Ender = (reason, r = {}) =>
        trace.report({ ok: reason === null, reason, remoteId: r.remoteId ?? '', pages: r.pages ?? 0, bps: r.bps ?? null, ecm: r.ecm ?? false, fine });
      active.add(lineId);
      try {
        trace.progress({ stage: 'answering' });
        const link = await handOver(entry.line, { how: 'switch', send: true }, trace);
        if (typeof link === 'string') {
          deps.log.error(`line ${lineId}: fax-on-demand could not take the call (${link})`);
          return null;
        }
        return await transmitOn(link, lineId, call, trace, end);
      } finally {
        active.delete(lineId);
      }
    },

    async receiveOn(lineId, how, call): Promise<ReceivedFax | null> {
      const entry = deps.lines().find((l) => l.id === lineId);
      if (!entry || !canFax(entry.line) || active.has(lineId)) return null;
      const startedAt = deps.now();
      const progress = (p: FaxProgress) => emit(receiving, { lineId: String(lineId), callId: call.callId, progress: p });
      const trace = faxCallTrace(startedAt, deps.now, null, progress);
      active.add(lineId);
      try {
        trace.progress({ stage: 'answering' });
        const link = await handOver(entry.line, withLocalId(entry.line, { how }, deps.localId()), trace);
        if (typeof link === 'string') {
          deps.log.error(`line ${lineId}: a fax call could not be taken (${link})`);
          return null;
        }
        const pages: ReceivedPage[] = [];
        let report: FaxCallReport;
        try {
          trace.progress({ stage: 'handshake' });
          const onPage = (p: ReceivedPage) => {
            pages.push(p);
            trace.kept(pages.length);
          };
          const out =
            'class2' in link
              ? await receiveOverClass2({ port: link.class2, onEvent: (e) => trace.event(e), onPage })
              : await receiveFax({
                  port: link.modem,
                  clock,
                  localId: deps.localId(),
                  capabilities: { ecm: true, ...deps.receiveCapabilities },
                  timers: deps.timers,
                  onEvent: (e) => trace.event(e),
                  onPage,
                });
          trace.progress({ stage: 'finishing' });
          const p = out.params;
          report = trace.report({
            ok: out.ok,
            reason: out.ok ? null : (out.reason ?? 'modem-error'),
            remoteId: out.remoteId,
            pages: pages.length,
            bps: pages.length > 0 && p ? p.rate.bps : null,
            ecm: p?.ecm ?? false,
            fine: p?.fine ?? false,
          });
        } catch (e) {
          // The modem failed part way (unplugged): the pages already kept are the fax.
          trace.note(`modem: ${e instanceof Error ? e.message : String(e)}`);
          const fine = pages[0]?.fine ?? false;
          report = trace.report({ ok: false, reason: 'modem-error', remoteId: '', pages: pages.length, bps: trace.current.bps, ecm: false, fine });
        } finally {
          await release(link, lineId, trace);
        }
        const fax: ReceivedFax = { lineId: String(lineId), callId: call.callId, callerNumber: call.callerNumber, report, pages };
        emit(received, fax);
        return fax;
      } finally {
        active.delete(lineId);
      }
    },

    holds: (lineId) => active.has(lineId),
    onReceived(listener) {
      received.add(listener);
      return () => received.delete(listener);
    },
    onReceiving(listener) {
      receiving.add(listener);
      return () => receiving.delete(listener);
    },
  };
}

/** A Class 2/2.0 modem sends our ID itself (+FLI), so it needs it at the handover; with Class 1 our T.30 sends it. */
function withLocalId(line: FaxCapableLine, h: FaxHandover, localId: string): FaxHandover {
  const cls = line.info().abilities.fax;
  return cls === 'class2' || cls === 'class2.0' ? { ...h, localId } : h;
}
