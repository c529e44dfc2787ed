import { useState } from 'react';
import type { ChequeRow, ChequeStatus } from '../../shared/contract/cheques';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { AmountView } from './amount-view';
import { commonStatuses, statusCounts } from './batch-statuses';
import { statusName } from './cheque-format';
import { ChequeStatusBadge } from './cheque-status-badge';

type Props = { rows: ChequeRow[]; toman: boolean; onClose: () => void; onDone: () => void };

/**
 * The status change of the cheque window for the cheques picked in the list: only the statuses every
 * one of them may take are offered (or why none is), with one date, note, counterparty and bounce
 * certificate for all. The engine changes all of them or none ('cheques/set-status-batch'); its
 * refusal names each cheque that cannot take the change.
 */
export function BatchStatusDialog({ rows, toman, onClose, onDone }: Props) {
  const { t, calendar, lang, num } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const [to, setTo] = useState<ChequeStatus | ''>('');
  const [day, setDay] = useState(() => formatDate(isoDateOf(new Date()), calendar, lang));
  const [note, setNote] = useState('');
  const [counterparty, setCounterparty] = useState('');
  const [certificate, setCertificate] = useState(false);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const choices = commonStatuses(rows);
  const directions = [...new Set(rows.map((r) => r.direction))];
  // One type: the action as the cheque window says it; both types: each type's name of the status.
  const label = (s: ChequeStatus) =>
    directions.length === 1 ? m.actions[directions[0]!][s] || statusName(t, directions[0]!, s) : [...new Set(directions.map((d) => statusName(t, d, s)))].join(' / ');
  const name = (s: ChequeStatus) => [...new Set(directions.map((d) => statusName(t, d, s)))].join(' / ');

  const apply = async () => {
    if (!to) return;
    const iso = parseDateInput(day, calendar);
    if (!iso) return setError({ field: 'date', message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian) });
    setBusy(true);
    const r = await client.call('cheques/set-status-batch', { ids: rows.map((x) => x.id), status: to, date: iso, note, counterparty, certificate });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.batchChanged(num(r.value.ids.length), name(to)));
    onDone();
  };

  return (
    <Dialog
      title={m.batchTitle(num(rows.length))}
      onClose={onClose}
      size="medium"
      testId="batch-status"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          {to && (
            <button type="button" className="button primary" onClick={() => void apply()} disabled={busy} data-testid="batch-status-apply">
              {m.batchApply(num(rows.length), name(to))}
            </button>
          )}
        </>
      }
    >
      <ul className="batch-cheques" data-testid="batch-cheques">
        {rows.map((r) => (
          <li key={r.id} className="batch-cheque" data-testid="batch-cheque">
            <bdi className="batch-cheque-party">{r.partyName}</bdi>
            <span className="num nowrap">
              <AmountView rials={r.amount} toman={toman} />
            </span>
            <ChequeStatusBadge direction={r.direction} status={r.status} />
          </li>
        ))}
      </ul>
      {choices.length === 0 ? (
        <p className="batch-none" data-testid="batch-none">
          {m.batchNone(statusCounts(rows).map((x) => m.batchCount(m.types[x.direction], statusName(t, x.direction, x.status), num(x.count))).join(lang === 'fa' ? '، ' : ', '))}
        </p>
      ) : (
        <div className="status-change batch-status">
          <div className="status-choices" role="radiogroup" aria-label={m.newStatus}>
            {choices.map((s) => (
              <button
                key={s}
                type="button"
                role="radio"
                aria-checked={to === s}
                className={`status-choice${to === s ? ' active' : ''}`}
                onClick={() => {
                  setTo(s);
                  setError(null);
                }}
                data-testid={`to-${s}`}
              >
                {label(s)}
              </button>
            ))}
          </div>
          {to && (
            <div className="status-form">
              <div className="form-row">
                <DateInput name="date" label={m.statusDate} value={day} onChange={setDay} error={error?.field === 'date' && !error.message.includes('\n') ? error.message : undefined} />
                {(to === 'deposited' || to === 'endorsed') && (
                  <TextField name="counterparty" label={to === 'deposited' ? m.counterpartyDeposited : m.counterpartyEndorsed} value={counterparty} onChange={setCounterparty} />
                )}
              </div>
              {to === 'bounced' && (
                <label className="checkbox-row">
                  <input type="checkbox" checked={certificate} onChange={(e) => setCertificate(e.target.checked)} data-testid="certificate" />
                  {m.certificate}
                </label>
              )}
              <TextField name="statusNote" label={m.statusNote} value={note} onChange={setNote} multiline rows={2} />
            </div>
          )}
          {/* A refused batch: one line per cheque that cannot take the change. */}
          {error && (error.field !== 'date' || error.message.includes('\n')) && (
            <p className="form-banner error batch-error" role="alert" data-testid="batch-status-error">
              {error.message}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
