import { useEffect, useRef, useState } from 'react';
import type { AudioOut } from '../../shared/contract/ivr';
import { useLocale } from '../i18n/use-t';
import { wavUrl } from './audio-utils';
import { Waveform } from './waveform';

export const clock = (ms: number) => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Play/pause with a waveform that follows the playback; `load` fetches the audio the first time. */
export function AudioPlayer({ load, durationMs, onPlayed, testId }: { load: () => Promise<AudioOut | null>; durationMs: number; onPlayed?: () => void; testId?: string }) {
  const { t, digits } = useLocale();
  const [audio, setAudio] = useState<AudioOut | null>(null);
  const [playing, setPlaying] = useState(false);
  const [progress, setProgress] = useState(0);
  const el = useRef<HTMLAudioElement | null>(null);
  useEffect(() => () => el.current?.pause(), []);

  const toggle = async () => {
    if (playing) {
      el.current?.pause();
      return;
    }
    let a = audio;
    if (!a) {
      a = await load();
      if (!a) return;
      setAudio(a);
    }
    if (!el.current) {
      const player = new Audio(wavUrl(a.base64));
      player.ontimeupdate = () => setProgress(player.duration ? player.currentTime / player.duration : 0);
      player.onplay = () => setPlaying(true);
      player.onpause = () => setPlaying(false);
      player.onended = () => {
        setPlaying(false);
        setProgress(1);
        onPlayed?.();
      };
      el.current = player;
    }
    if (el.current.ended) el.current.currentTime = 0;
    await el.current.play().catch(() => undefined);
  };

  return (
    <div className="audio-player" data-testid={testId}>
      <button type="button" className="button small" onClick={() => void toggle()} aria-label={playing ? t.ivr.pause : t.ivr.play} data-testid="play">
        {playing ? '❚❚' : '▶'}
      </button>
      {audio ? (
        <Waveform peaks={audio.peaks} progress={progress} label={t.ivr.waveform} onSeek={(f) => {
            if (el.current && el.current.duration) el.current.currentTime = f * el.current.duration;
          }} />
      ) : (
        <span className="waveform waveform-empty" aria-hidden="true" />
      )}
      <span className="muted audio-time">{digits(clock(durationMs))}</span>
    </div>
  );
}
