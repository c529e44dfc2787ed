/**
 * The sound-card test: a `Line` whose far end is the PC itself. Prompts go to the UI to play on the
 * speakers, the on-screen keypad sends the keys, the microphone is recorded in the UI and sent back
 * as WAV. The IVR runs on it exactly as on a modem — the same executor, the same tree — so a tree can
 * be tried with no telephone line at all.
 */
import type { SoundCardEvent } from '../../shared/contract/ivr';
import {
  LineError,
  type Line,
  type LineEventName,
  type LineEvents,
  type LineInfo,
  type Pcm,
  type PlayOutcome,
  type RecordOutcome,
  type Timers,
} from '../../telephony';
import { writeWav } from './audio/wav';

type Listener<E extends LineEventName> = (p: LineEvents[E]) => void;

export type SoundCardLine = Line & {
  key(digit: string): void;
  /** The UI's recording (already 8 kHz mono), answering the last 'record' event. */
  deliver(pcm: Pcm): void;
  callerHangsUp(): void;
};

export function createSoundCardLine(session: number, timers: Timers, send: (e: SoundCardEvent) => void): SoundCardLine {
  const listeners = new Map<LineEventName, Set<Listener<LineEventName>>>();
  let inCall = true;
  let stop: ((s: PlayOutcome['stoppedBy'], digit?: string) => void) | null = null;
  let recording: { resolve: (pcm: Pcm) => void; stopOnDtmf: boolean; stoppedBy: RecordOutcome['stoppedBy'] | null; digit?: string } | null = null;
  const emit = <E extends LineEventName>(event: E, payload: LineEvents[E]) => {
    for (const l of listeners.get(event) ?? []) (l as Listener<E>)(payload);
  };
  const ended = (reason: 'local' | 'remote') => {
    if (!inCall) return;
    inCall = false;
    stop?.('hangup');
    if (recording) {
      recording.stoppedBy = 'hangup';
      send({ session, kind: 'stop-record' });
    }
    emit('hangup', { reason });
    send({ session, kind: 'ended' });
  };
  const line: SoundCardLine = {
    id: `soundcard-${session}`,
    kind: 'demo',
    info: (): LineInfo => ({
      id: `soundcard-${session}`,
      kind: 'demo',
      port: 'sound card',
      status: inCall ? 'in-call' : 'idle',
      detail: null,
      identity: null,
      abilities: { recordCalls: null, flash: false, fax: null },
    }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as Listener<LineEventName>);
      return () => set.delete(listener as Listener<LineEventName>);
    },
    start: async () => undefined,
    answer: async () => undefined,
    hangUp: async () => ended('local'),
    dial: async () => 'failed',
    fax: () => Promise.reject(new LineError('unsupported', 'A sound card cannot fax.')),
    play(pcm, o = {}) {
      if (!inCall) return Promise.reject(new LineError('bad-state', 'No call in progress.'));
      const durationMs = Math.round((pcm.length * 1000) / 8000);
      send({ session, kind: 'play', base64: writeWav(pcm).toString('base64'), durationMs });
      return new Promise<PlayOutcome>((resolve) => {
        const t = timers.setTimeout(() => done('end'), durationMs);
        const stopOnDtmf = o.stopOnDtmf ?? false;
        const done = (stoppedBy: PlayOutcome['stoppedBy'], digit?: string) => {
          if (stoppedBy === 'dtmf' && !stopOnDtmf) return;
          timers.clearTimeout(t);
          stop = null;
          if (stoppedBy !== 'end') send({ session, kind: 'stop' });
          resolve({ stoppedBy, digit });
        };
        stop = done;
      });
    },
    record(o) {
      if (!inCall) return Promise.reject(new LineError('bad-state', 'No call in progress.'));
      send({ session, kind: 'record', maxMs: o.maxMs });
      return new Promise<RecordOutcome>((resolve) => {
        const r: NonNullable<typeof recording> = { resolve: () => undefined, stopOnDtmf: o.stopOnDtmf ?? false, stoppedBy: null };
        // The UI stops by itself at maxMs; if its recording never comes, the call does not hang.
        const t = timers.setTimeout(() => finish(new Int16Array(0)), o.maxMs + 10_000);
        const finish = (pcm: Pcm) => {
          timers.clearTimeout(t);
          recording = null;
          resolve({ pcm, stoppedBy: r.stoppedBy ?? 'max-length', digit: r.digit });
        };
        r.resolve = finish;
        recording = r;
      });
    },
    stopAudio: async () => {
      stop?.('stop');
      if (recording) {
        recording.stoppedBy = 'stop';
        send({ session, kind: 'stop-record' });
      }
    },
    test: () => Promise.reject(new LineError('unsupported', 'The sound card has no modem to test.')),
    recordCall: () => Promise.reject(new LineError('unsupported', 'The sound-card test records no conversations.')),
    flash: () => Promise.reject(new LineError('unsupported', 'The sound card has no telephone line to flash.')),
    close: async () => ended('local'),
    key(digit) {
      if (!inCall) return;
      emit('dtmf', { digit });
      stop?.('dtmf', digit);
      if (recording?.stopOnDtmf && !recording.stoppedBy) {
        recording.stoppedBy = 'dtmf';
        recording.digit = digit;
        send({ session, kind: 'stop-record' });
      }
    },
    deliver(pcm) {
      recording?.resolve(pcm);
    },
    callerHangsUp: () => ended('remote'),
  };
  return line;
}
