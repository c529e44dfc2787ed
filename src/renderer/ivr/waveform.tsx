import { useEffect, useRef } from 'react';

/** Peaks (0…1) drawn as mirrored bars on a canvas, the played part in the accent colour. */
export function Waveform({ peaks, progress, label, onSeek }: { peaks: number[]; progress: number; label: string; onSeek?: (fraction: number) => void }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth;
    const h = c.clientHeight;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    const g = c.getContext('2d');
    if (!g) return;
    g.scale(dpr, dpr);
    g.clearRect(0, 0, w, h);
    const css = getComputedStyle(c);
    const played = css.getPropertyValue('--wave-played').trim() || '#1f5fa8';
    const rest = css.getPropertyValue('--wave-rest').trim() || '#b8c4d1';
    const bars = Math.max(1, Math.floor(w / 3));
    const loudest = Math.max(0.05, ...peaks);
    for (let i = 0; i < bars; i++) {
      const p = peaks[Math.floor((i * peaks.length) / bars)] ?? 0;
      const bh = Math.max(1, (p / loudest) * (h - 4));
      g.fillStyle = i / bars < progress ? played : rest;
      // Time runs left to right in both languages, like every audio player.
      g.fillRect(i * 3, (h - bh) / 2, 2, bh);
    }
  }, [peaks, progress]);
  return (
    <canvas
      ref={ref}
      className="waveform"
      dir="ltr"
      role="img"
      aria-label={label}
      data-testid="waveform"
      onClick={(e) => {
        const r = e.currentTarget.getBoundingClientRect();
        onSeek?.((e.clientX - r.left) / r.width);
      }}
    />
  );
}
