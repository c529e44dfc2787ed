/**
 * Play and record on a SIP call's media (CallMedia, from src/telephony/sip/media), with the same
 * outcomes as a modem's: a key press may stop either, a recording ends on silence or its length, the
 * hang-up or `stopAudio()` ends both.
 */
import type { PlayOutcome, RecordOutcome } from '../../line';
import type { CallMedia } from '../sip-media';

export type AudioRun = { done: Promise<PlayOutcome | RecordOutcome>; abort(why: 'hangup' | 'stop'): void };

/** A frame this quiet (peak) counts as silence for a recording's silence stop. */
const SILENCE_PEAK = 600;

/** The call's key presses, whichever way they came (RFC 4733 or SIP INFO); returns the unsubscribe. */
export type OnDigit = (listener: (digit: string) => void) => () => void;

export function playOn(media: CallMedia, pcm: Int16Array, stopOnDtmf: boolean, onDigit: OnDigit): AudioRun & { done: Promise<PlayOutcome> } {
  let stopped: PlayOutcome | null = null;
  let offDigit = (): void => undefined;
  const done = new Promise<PlayOutcome>((resolve) => {
    if (stopOnDtmf)
      offDigit = onDigit((digit) => {
        stopped ??= { stoppedBy: 'dtmf', digit };
        media.stop();
      });
    media.play(pcm).then(
      (how) => {
        offDigit();
        resolve(how === 'end' && !stopped ? { stoppedBy: 'end' } : (stopped ?? { stoppedBy: 'stop' }));
      },
      () => (offDigit(), resolve(stopped ?? { stoppedBy: 'hangup' })),
    );
  });
  return {
    done,
    abort: (why) => {
      stopped ??= { stoppedBy: why };
      media.stop();
    },
  };
}

export function recordFrom(
  media: CallMedia,
  opts: { maxMs: number; stopOnDtmf?: boolean; silenceMs?: number; keep: boolean },
  emit: (pcm: Int16Array) => void,
  onDigit: OnDigit,
): AudioRun & { done: Promise<RecordOutcome> } {
  const frames: Int16Array[] = [];
  let quietMs = 0;
  let heardMs = 0;
  let finish: (o: Omit<RecordOutcome, 'pcm'>) => void = () => undefined;
  const done = new Promise<RecordOutcome>((resolve) => {
    let over = false;
    const offs: (() => void)[] = [];
    const wall = setTimeout(() => finish({ stoppedBy: 'max-length' }), opts.maxMs + 500);
    finish = (o) => {
      if (over) return;
      over = true;
      clearTimeout(wall);
      for (const off of offs) off();
      const pcm = new Int16Array(frames.reduce((n, f) => n + f.length, 0));
      let at = 0;
      for (const f of frames) {
        pcm.set(f, at);
        at += f.length;
      }
      resolve({ ...o, pcm });
    };
    offs.push(
      media.onAudio((pcm) => {
        emit(pcm);
        if (opts.keep) frames.push(pcm);
        const ms = (pcm.length / 8000) * 1000;
        heardMs += ms;
        let peak = 0;
        for (const s of pcm) peak = Math.max(peak, Math.abs(s));
        quietMs = peak < SILENCE_PEAK ? quietMs + ms : 0;
        if (opts.silenceMs && quietMs >= opts.silenceMs) finish({ stoppedBy: 'silence' });
        else if (heardMs >= opts.maxMs) finish({ stoppedBy: 'max-length' });
      }),
    );
    if (opts.stopOnDtmf) offs.push(onDigit((digit) => finish({ stoppedBy: 'dtmf', digit })));
  });
  return { done, abort: (why) => finish({ stoppedBy: why }) };
}
