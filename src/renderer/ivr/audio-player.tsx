import { useEffect, useRef, useState } from 'react';
import type { AudioOut } from '../../shared/contract/ivr';
import { useLocale } from '../i18n/use-t';
import { playFailure, wavAudio, type WavAudio } from './audio-utils';
import { Waveform } from './waveform';

export const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

type Props = {
  load: () => Promise<AudioOut | null>;
  durationMs: number;
  /** Once per player, when the sound has really started (its time advanced) — not on a click that played nothing. */
  onHeard?: () => void;
  testId?: string;
};

/**
 * Play/pause with a waveform that follows the playback; `load` fetches the audio the first time.
 * A play that fails (the browser wants a click first, the audio cannot be decoded) says so under the
 * button instead of leaving it at pause.
 */
export function AudioPlayer({ load, durationMs, onHeard, testId }: Props) {
  const { t, digits } = useLocale();
  const [audio, setAudio] = useState<AudioOut | null>(null);
  const [playing, setPlaying] = useState(false);
  const [progress, setProgress] = useState(0);
  const [failure, setFailure] = useState<'blocked' | 'failed' | null>(null);
  const el = useRef<WavAudio | null>(null);
  const reported = useRef(false);
  const onHeardRef = useRef(onHeard);
  onHeardRef.current = onHeard;
  useEffect(() => () => el.current?.release(), []);

  const make = (a: AudioOut): WavAudio => {
    const w = wavAudio(a.base64);
    const p = w.el;
    p.ontimeupdate = () => {
      setProgress(p.duration ? p.currentTime / p.duration : 0);
      // Playing and past its start: a seek on a paused (or refused) player is not hearing it.
      if (!p.paused && p.currentTime > 0 && !reported.current) {
        reported.current = true;
        onHeardRef.current?.();
      }
    };
    p.onplay = () => setPlaying(true);
    p.onpause = () => setPlaying(false);
    p.onended = () => {
      setPlaying(false);
      setProgress(1);
    };
    p.onerror = () => {
      setPlaying(false);
      setFailure('failed');
    };
    return w;
  };

  const toggle = async () => {
    if (playing) {
      el.current?.el.pause();
      return;
    }
    let a = audio;
    if (!a) {
      a = await load();
      if (!a) return;
      setAudio(a);
    }
    el.current ??= make(a);
    const p = el.current.el;
    if (p.ended) p.currentTime = 0;
    setFailure(null);
    await p.play().catch((e: unknown) => {
      setPlaying(false);
      setFailure(playFailure(e));
    });
  };

  return (
    <div className="audio-player" data-testid={testId}>
      <button type="button" className="button small" onClick={() => void toggle()} aria-label={playing ? t.ivr.pause : t.ivr.play} data-testid="play">
        {playing ? '❚❚' : '▶'}
      </button>
      {audio ? (
        <Waveform
          peaks={audio.peaks}
          progress={progress}
          label={t.ivr.waveform}
          onSeek={(f) => {
            const p = el.current?.el;
            if (p && p.duration) p.currentTime = f * p.duration;
          }}
        />
      ) : (
        <span className="waveform waveform-empty" aria-hidden="true" />
      )}
      <span className="muted audio-time">{digits(clock(durationMs))}</span>
      {failure && (
        <span className="field-error audio-failure" role="alert" data-testid="play-failed">
          {failure === 'blocked' ? t.ivr.playBlocked : t.ivr.playFailed}
        </span>
      )}
    </div>
  );
}
