import { useRef } from 'react';
import { useLocale } from '../i18n/use-t';
import { labelEvery, ticksFor } from './chart-scale';
import { useElementWidth } from './use-element-width';

export type ChartBar = {
  key: string;
  /** Axis label (already in the language's digits). */
  label: string;
  /** Shown on hover and read by screen readers. */
  title: string;
  /** One value per series, stacked from the axis up in series order. */
  values: readonly number[];
  /** A bar worth a label (the first of a month): when any bar is major, only those are labelled. */
  major?: boolean;
};
export type ChartSeries = { name: string; className: string };

type Props = { bars: readonly ChartBar[]; series: readonly ChartSeries[]; title: string; emptyText: string; testId: string; height?: number };

const PAD = { top: 10, bottom: 26, axis: 34, end: 8 };
const LABEL_PX = 34;

/**
 * A stacked bar chart in plain SVG. The first bar sits at the reading start: on the left in
 * English, on the right in Persian, so time runs the way the page reads; the value axis is on the
 * start side. Axis numbers are in the language's digits.
 */
export function StackedBarChart({ bars, series, title, emptyText, testId, height = 220 }: Props) {
  const { num, dir } = useLocale();
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  const rtl = dir === 'rtl';
  const totals = bars.map((b) => b.values.reduce((a, v) => a + v, 0));
  const ticks = ticksFor(Math.max(0, ...totals));
  const top = ticks[ticks.length - 1] ?? 1;
  const plotW = Math.max(0, width - PAD.axis - PAD.end);
  const plotH = height - PAD.top - PAD.bottom;
  const slot = bars.length ? plotW / bars.length : 0;
  const barW = Math.max(1, Math.min(28, slot * 0.72));
  const every = labelEvery(slot, LABEL_PX);
  const majors = bars.some((b) => b.major);
  let lastLabelled = -Infinity;
  const labelled = bars.map((b, i) => {
    const want = majors ? b.major === true && (i - lastLabelled) * slot >= LABEL_PX : i % every === 0;
    if (want) lastLabelled = i;
    return want;
  });
  // x of the start edge of slot i, mirrored in RTL so slot 0 is on the right.
  const slotX = (i: number) => (rtl ? width - PAD.axis - (i + 1) * slot : PAD.axis + i * slot);
  const y = (v: number) => PAD.top + plotH - (v / top) * plotH;
  const axisX = rtl ? width - PAD.axis : PAD.axis;
  const plotStart = rtl ? PAD.end : PAD.axis;

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className="chart-title">{title}</figcaption>
      <div ref={box} className="chart-box">
        {width > 0 && (
          <svg width={width} height={height} role="img" aria-label={title} className="chart-svg">
            {ticks.map((v) => (
              <g key={v} className="chart-tick">
                <line x1={plotStart} x2={plotStart + plotW} y1={y(v)} y2={y(v)} />
                <text x={rtl ? axisX + 6 : axisX - 6} y={y(v)} dy="0.35em" textAnchor={rtl ? 'start' : 'end'}>
                  {num(v)}
                </text>
              </g>
            ))}
            {bars.map((b, i) => {
              const x = slotX(i) + (slot - barW) / 2;
              let base = 0;
              return (
                <g key={b.key} className="chart-bar" data-testid="chart-bar" data-key={b.key} data-total={totals[i]}>
                  <title>{b.title}</title>
                  {/* An invisible full-height hit area, so thin bars still show their title on hover. */}
                  <rect className="chart-hit" x={slotX(i)} y={PAD.top} width={Math.max(1, slot)} height={plotH} />
                  {b.values.map((v, s) => {
                    if (v <= 0) return null;
                    const y0 = y(base);
                    base += v;
                    return (
                      <rect key={s} className={series[s]?.className} x={x} y={y(base)} width={barW} height={Math.max(0, y0 - y(base))} rx={barW > 6 ? 2 : 0} />
                    );
                  })}
                  {labelled[i] && (
                    <text className="chart-label" x={slotX(i) + slot / 2} y={height - 8} textAnchor="middle">
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
        )}
        {totals.every((v) => v === 0) && <p className="chart-empty muted">{emptyText}</p>}
      </div>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.className}>
            <span className={`legend-swatch ${s.className}`} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
