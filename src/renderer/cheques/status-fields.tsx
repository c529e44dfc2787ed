import { useState } from 'react';
import type { ChequeStatus } from '../../shared/contract/cheques';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';

export type StatusError = { field: string; message: string } | null;

/**
 * What a status change asks for, for one cheque or several: the new status, the day it happened
 * (today by default), who it went to, the bounce certificate and a note. `date()` is the typed day as
 * ISO, or null after naming the error on the field.
 */
export function useStatusDraft() {
  const { t, calendar, lang } = useLocale();
  const [to, setTo] = useState<ChequeStatus | ''>('');
  const [day, setDay] = useState(() => formatDate(isoDateOf(new Date()), calendar, lang));
  const [note, setNote] = useState('');
  const [counterparty, setCounterparty] = useState('');
  const [certificate, setCertificate] = useState(false);
  const [error, setError] = useState<StatusError>(null);
  const [busy, setBusy] = useState(false);
  return {
    to,
    day,
    note,
    counterparty,
    certificate,
    error,
    busy,
    setDay,
    setNote,
    setCounterparty,
    setCertificate,
    setError,
    setBusy,
    pick(s: ChequeStatus) {
      setTo(s);
      setError(null);
    },
    reset() {
      setTo('');
      setNote('');
      setCounterparty('');
      setCertificate(false);
      setError(null);
    },
    date(): string | null {
      const iso = parseDateInput(day, calendar);
      if (!iso)
        setError({ field: 'date', message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian) });
      return iso;
    },
  };
}

export type StatusDraft = ReturnType<typeof useStatusDraft>;

/** The statuses offered, as radio buttons. */
export function StatusChoices({ choices, draft, label }: { choices: ChequeStatus[]; draft: StatusDraft; label: (s: ChequeStatus) => string }) {
  const m = useLocale().t.cheques;
  return (
    <div className="status-choices" role="radiogroup" aria-label={m.newStatus}>
      {choices.map((s) => (
        <button
          key={s}
          type="button"
          role="radio"
          aria-checked={draft.to === s}
          className={`status-choice${draft.to === s ? ' active' : ''}`}
          onClick={() => draft.pick(s)}
          data-testid={`to-${s}`}
        >
          {label(s)}
        </button>
      ))}
    </div>
  );
}

/** The day, the counterparty (deposit, endorsement), the certificate (bounce) and the note of the chosen status. */
export function StatusFields({ draft, dateError }: { draft: StatusDraft; dateError: string | undefined }) {
  const m = useLocale().t.cheques;
  const { to } = draft;
  return (
    <>
      <div className="form-row">
        <DateInput name="date" label={m.statusDate} value={draft.day} onChange={draft.setDay} error={dateError} />
        {(to === 'deposited' || to === 'endorsed') && (
          <TextField
            name="counterparty"
            label={to === 'deposited' ? m.counterpartyDeposited : m.counterpartyEndorsed}
            value={draft.counterparty}
            onChange={draft.setCounterparty}
          />
        )}
      </div>
      {to === 'bounced' && (
        <label className="checkbox-row">
          <input type="checkbox" checked={draft.certificate} onChange={(e) => draft.setCertificate(e.target.checked)} data-testid="certificate" />
          {m.certificate}
        </label>
      )}
      <TextField name="statusNote" label={m.statusNote} value={draft.note} onChange={draft.setNote} multiline rows={2} />
    </>
  );
}
