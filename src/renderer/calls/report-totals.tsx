import type { CallReport } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { formatDuration } from './call-format';

type Key = keyof ReturnType<typeof useLocale>['t']['calls']['totals'];

/** The headline numbers of a report, one card each; missed and unreturned stand out when not zero. */
export function ReportTotals({ totals }: { totals: CallReport['totals'] }) {
  const { t, num, digits } = useLocale();
  const cards: { key: Key; value: string; alert?: boolean; note?: string }[] = [
    { key: 'incoming', value: num(totals.incoming) },
    { key: 'answered', value: num(totals.answered), note: totals.ivr > 0 ? t.calls.ivrNote(num(totals.ivr)) : undefined },
    { key: 'missed', value: num(totals.missed), alert: totals.missed > 0 },
    { key: 'unreturned', value: num(totals.unreturned), alert: totals.unreturned > 0 },
    { key: 'outgoing', value: num(totals.outgoing) },
    { key: 'talk', value: digits(formatDuration(totals.talkSeconds)) },
  ];
  return (
    <div className="report-totals">
      {cards.map((c) => (
        <div key={c.key} className={`total-card total-${c.key}${c.alert ? ' alert' : ''}`} data-testid={`report-total-${c.key}`}>
          <span className="total-label">{t.calls.totals[c.key]}</span>
          <bdi className="total-value" dir={c.key === 'talk' ? 'ltr' : undefined}>
            {c.value}
          </bdi>
          {c.note && <span className="total-note">{c.note}</span>}
        </div>
      ))}
    </div>
  );
}
