import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useLocale } from '../i18n/use-t';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

type Props = { labels: string[]; answered: number[]; missed: number[] };

/** Incoming calls answered and missed per hour (a day) or per day (a week, a month), stacked; chart.js on a canvas, right to left in Persian. */
export function CallsChart({ labels, answered, missed }: Props) {
  const { t, lang, num } = useLocale();
  const canvas = useRef<HTMLCanvasElement>(null);
  const rtl = lang === 'fa';
  useEffect(() => {
    if (!canvas.current) return;
    const font = { family: 'Vazirmatn, sans-serif' };
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels,
        datasets: [
          { label: t.dashboard.answered, data: answered, backgroundColor: '#2e7d5b', stack: 'in' },
          { label: t.dashboard.missed, data: missed, backgroundColor: '#c0392b', stack: 'in' },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: rtl ? 'fa-IR' : 'en-US',
        plugins: { legend: { rtl, position: 'bottom', labels: { font } }, tooltip: { rtl } },
        scales: {
          x: { stacked: true, reverse: rtl, ticks: { font, autoSkip: true, maxRotation: 0 } },
          y: { stacked: true, position: rtl ? 'right' : 'left', beginAtZero: true, ticks: { precision: 0, font, callback: (v) => num(Number(v)) } },
        },
      },
    });
    return () => chart.destroy();
  }, [labels, answered, missed, rtl, t, num]);
  return (
    <div className="tile-chart">
      <canvas ref={canvas} role="img" aria-label={t.dashboard.chartLabel} data-testid="calls-chart" />
    </div>
  );
}
