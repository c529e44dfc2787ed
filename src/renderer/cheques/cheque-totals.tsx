import type { ChequeReport } from '../../shared/contract/cheques';
import { JALALI_MONTHS_EN, JALALI_MONTHS_FA } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { AmountView } from './amount-view';
import { statusName } from './cheque-format';

/** Totals of the filtered cheques by status and by month of the due date (Jalali months with the Jalali calendar). */
export function ChequeTotals({ report, toman }: { report: ChequeReport; toman: boolean }) {
  const { t, lang, num, digits } = useLocale();
  const m = t.cheques;
  const monthLabel = (month: string | null) => {
    if (month === null) return m.noDue;
    const [y, mo] = month.split('-').map(Number) as [number, number];
    const name =
      report.calendar === 'jalali'
        ? (lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[mo - 1]
        : new Date(Date.UTC(y, mo - 1, 1)).toLocaleString(lang === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB', { month: 'long', timeZone: 'UTC' });
    return `${name} ${digits(y)}`;
  };
  const table = (
    title: string,
    first: string,
    testId: string,
    rows: { key: string; label: string; direction: 'received' | 'paid'; count: number; amount: number }[],
  ) => (
    <section className="cheque-totals-table">
      <h3>{title}</h3>
      <table className="cheque-table compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{first}</th>
            <th>{m.cols.type}</th>
            <th className="num">{m.cols.count}</th>
            <th className="num">{m.cols.amount}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {m.emptyFiltered}
              </td>
            </tr>
          )}
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testId}-row`}>
              <td>{r.label}</td>
              <td>{m.types[r.direction]}</td>
              <td className="num">{num(r.count)}</td>
              <td className="num">
                <AmountView rials={r.amount} toman={toman} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  return (
    <div className="cheque-totals" data-testid="cheque-totals">
      {table(
        m.byStatus,
        m.cols.status,
        'totals-status',
        report.byStatus.map((s) => ({ key: `${s.direction}-${s.status}`, label: statusName(t, s.direction, s.status), ...s })),
      )}
      {table(
        m.byMonth,
        m.cols.month,
        'totals-month',
        report.byMonth.map((s) => ({ key: `${s.direction}-${s.month ?? 'none'}`, label: monthLabel(s.month), ...s })),
      )}
    </div>
  );
}
