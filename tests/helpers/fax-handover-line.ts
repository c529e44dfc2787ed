/**
 * A Line that can only hand its modem to the fax engine, for testing fax calls above the line
 * (src/main/fax) with the real T.30 on both sides: `fax()` gives one side of the in-memory FaxPort pair
 * (fax-memory-line.ts) and the test's far end runs our receiveFax/transmitFax on the other. Until the
 * simulator's Class 1 (src/telephony/sim) is in, the modem is the only part that is not real.
 * Everything else a Line does rejects as unsupported: these tests must not lean on it.
 */
import type { FaxPort } from '../../src/fax/t30/port';
import {
  LineError,
  type FaxHandover,
  type FaxHandoverResult,
  type Line,
  type LineEventName,
  type LineEvents,
  type LineInfo,
  type LineStatus,
} from '../../src/telephony';
import { memoryLine, type Tamper } from './fax-memory-line';

export type FarEnd = (port: FaxPort, how: FaxHandover) => Promise<unknown>;

export type HandoverLine = Line & {
  fax(h: FaxHandover): Promise<FaxHandoverResult>;
  status: LineStatus;
  /** What each handover asked for, and how many releases came. */
  handovers: FaxHandover[];
  releases: number;
  /** The far end of the last call (resolves when it finished). */
  farEnd: Promise<unknown> | null;
  /** Set to make the next handover fail (busy, no answer …) or throw. */
  nextOutcome: Exclude<FaxHandoverResult, { ok: true }>['outcome'] | 'throw' | null;
  emit<E extends LineEventName>(e: E, payload: LineEvents[E]): void;
};

export function faxHandoverLine(id: string, farEnd: FarEnd, opts: { tamper?: Tamper; canFax?: boolean } = {}): HandoverLine {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const unsupported = async (): Promise<never> => {
    throw new LineError('unsupported', 'a fax-only test line');
  };
  const line: HandoverLine = {
    id,
    kind: 'demo',
    status: 'idle',
    handovers: [],
    releases: 0,
    farEnd: null,
    nextOutcome: null,
    info: (): LineInfo => ({
      id,
      kind: 'demo',
      port: 'demo',
      status: line.status,
      detail: null,
      identity: null,
      abilities: { recordCalls: null, flash: false, fax: opts.canFax === false ? null : 'class1' },
    }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (p: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    emit(event, payload) {
      for (const l of listeners.get(event) ?? []) l(payload);
    },
    start: async () => undefined,
    // Enough of a voice line for the IVR to answer, wait for keys and hang up.
    async answer() {
      if (line.status !== 'ringing') throw new LineError('bad-state', 'not ringing');
      line.status = 'in-call';
      line.emit('answered', {});
    },
    async hangUp() {
      if (line.status === 'idle') return;
      line.status = 'idle';
      line.emit('hangup', { reason: 'local' });
    },
    dial: unsupported,
    play: async () => ({ stoppedBy: 'end' }),
    record: unsupported,
    recordCall: unsupported,
    flash: unsupported,
    stopAudio: async () => undefined,
    test: unsupported,
    close: async () => undefined,
    async fax(h) {
      line.handovers.push(h);
      const outcome = line.nextOutcome;
      line.nextOutcome = null;
      if (outcome === 'throw') throw new LineError('device-lost', 'the modem went away');
      if (outcome) return { ok: false, outcome };
      if (h.how === 'answer' && line.status !== 'ringing') throw new LineError('bad-state', 'not ringing');
      if (h.how === 'switch' && line.status !== 'in-call') throw new LineError('bad-state', 'not in a call');
      const pair = memoryLine(opts.tamper);
      const before = line.status;
      line.status = 'in-call';
      line.farEnd = farEnd(h.how === 'dial' ? pair.answerer : pair.caller, h);
      return {
        ok: true,
        link: {
          modem: h.how === 'dial' ? pair.caller : pair.answerer,
          release: async () => {
            line.releases++;
            line.status = before === 'ringing' || before === 'in-call' ? 'idle' : before;
            // The call ends, as the real line's does.
            if (h.how !== 'dial') line.emit('hangup', { reason: 'fax' });
          },
        },
      };
    },
  };
  return line;
}
