import type { CallReport } from '../../shared/contract/calls';
import { isoToParts } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { StackedBarChart, type ChartBar, type ChartSeries } from './stacked-bar-chart';

const pad = (n: number) => String(n).padStart(2, '0');

/** Calls per day over the range and per hour of the day, stacked: answered, missed, outgoing. */
export function ReportCharts({ report }: { report: CallReport }) {
  const { t, calendar, date, digits } = useLocale();
  const c = t.calls;
  const series: ChartSeries[] = [
    { name: c.seriesAnswered, className: 'series-answered' },
    { name: c.seriesMissed, className: 'series-missed' },
    { name: c.seriesOutgoing, className: 'series-outgoing' },
  ];
  const title = (label: string, v: readonly number[]) => c.barTitle(label, digits(v[0] ?? 0), digits(v[1] ?? 0), digits(v[2] ?? 0));

  // Incoming counts include the missed ones; the stack shows them apart, so they add up to the total.
  // Over more than two months, month starts are labelled rather than every n-th day.
  const long = report.perDay.length > 62;
  const days: ChartBar[] = report.perDay.map((d) => {
    const { m, d: day } = isoToParts(d.date, calendar);
    const values = [Math.max(0, d.incoming - d.missed), d.missed, d.outgoing];
    return { key: d.date, label: digits(`${m}/${pad(day)}`), title: title(date(d.date), values), values, major: long && day === 1 };
  });
  const hours: ChartBar[] = report.perHour.map((h) => {
    const values = [Math.max(0, h.incoming - h.missed), h.missed, h.outgoing];
    return { key: String(h.hour), label: digits(h.hour), title: title(c.hourLabel(digits(pad(h.hour))), values), values };
  });

  return (
    <div className="report-charts">
      <StackedBarChart bars={days} series={series} title={c.chartDay} emptyText={c.chartEmpty} testId="report-chart-day" />
      <StackedBarChart bars={hours} series={series} title={c.chartHour} emptyText={c.chartEmpty} testId="report-chart-hour" />
    </div>
  );
}
