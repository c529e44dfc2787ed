import { useEffect, useState } from 'react';
import type { Cheque, ChequeStatus } from '../../shared/contract/cheques';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { statusName } from './cheque-format';

type Props = { cheque: Cheque; onChanged: (c: Cheque) => void };

/**
 * Moves a cheque to one of the statuses its current one allows, with the date it happened (today by
 * default), a note, and — where it applies — who it went to and the bounce certificate.
 */
export function StatusChange({ cheque, onChanged }: Props) {
  const { t, calendar, lang } = useLocale();
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

  // Another cheque, or this one changed: start again.
  useEffect(() => {
    setTo('');
    setNote('');
    setCounterparty('');
    setCertificate(false);
    setError(null);
  }, [cheque.id, cheque.status]);

  if (cheque.nextStatuses.length === 0) return <p className="muted cheque-final" data-testid="cheque-final">{m.finalStatus}</p>;

  const apply = async () => {
    if (!to) return;
    const iso = parseDateInput(day, calendar);
    if (!iso) return setError({ field: 'date', message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian) });
    setBusy(true);
    const r = await client.call('cheques/set-status', { id: cheque.id, status: to, date: iso, note, counterparty, certificate });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.statusChanged(statusName(t, cheque.direction, to)));
    onChanged(r.value);
  };

  const actions = m.actions[cheque.direction];
  return (
    <div className="status-change" data-testid="status-change">
      <h3>{m.changeStatus}</h3>
      <div className="status-choices" role="radiogroup" aria-label={m.newStatus}>
        {cheque.nextStatuses.map((s) => (
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
            {actions[s] || statusName(t, cheque.direction, s)}
          </button>
        ))}
      </div>
      {to && (
        <div className="status-form">
          <div className="form-row">
            <DateInput name="date" label={m.statusDate} value={day} onChange={setDay} error={error?.field === 'date' ? error.message : undefined} />
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
          {error && error.field !== 'date' && (
            <p className="form-banner error" role="alert" data-testid="status-error">
              {error.message}
            </p>
          )}
          <button type="button" className="button primary" onClick={() => void apply()} disabled={busy} data-testid="status-apply">
            {m.applyStatus}: {statusName(t, cheque.direction, to)}
          </button>
        </div>
      )}
    </div>
  );
}
