import { useState } from 'react';
import type { Followup } from '../../shared/contract/followups';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Props = {
  /** A new follow-up on this call or contact, or a move of `followup`. */
  target: { callId: number | null; contactId: number | null } | { followup: Followup };
  onSaved: (f: Followup) => void;
  onCancel?: () => void;
};

/** 'HH:MM' from what was typed (Persian or ASCII digits, '۱۴:۳۰', '9:5' is not a time). */
function parseTime(text: string): string | null {
  const m = /^\s*(\d{1,2})[:.](\d{2})\s*$/.exec(toAsciiDigits(text));
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/**
 * A follow-up's date (the project's date field: Jalali in Persian, with its month picker), time, owner
 * (an enabled user; in the single-user office only "the office") and note. Saves a new one or moves one.
 */
export function FollowupForm({ target, onSaved, onCancel }: Props) {
  const { t, calendar, lang, digits } = useLocale();
  const f = t.followups;
  const client = useClient();
  const toast = useToast();
  const existing = 'followup' in target ? target.followup : null;
  const tomorrow = new Date(Date.now() + 86_400_000);
  const [date, setDate] = useState(formatDate(existing?.dueDate ?? isoDateOf(tomorrow), calendar, lang));
  const [time, setTime] = useState(digits(existing?.dueTime ?? '10:00'));
  const [ownerId, setOwnerId] = useState<number | null>(existing?.ownerId ?? null);
  const [note, setNote] = useState(existing?.note ?? '');
  const [errors, setErrors] = useState<{ date?: string; time?: string }>({});
  const [busy, setBusy] = useState(false);
  const owners = useQuery('followups/owners', {});

  const save = async () => {
    const dueDate = parseDateInput(date, calendar);
    const dueTime = parseTime(time);
    const errs = { date: dueDate ? undefined : f.dateRequired, time: dueTime ? undefined : f.timeRequired };
    setErrors(errs);
    if (!dueDate || !dueTime) return;
    setBusy(true);
    const fields = { dueDate, dueTime, ownerId, note };
    const r =
      'followup' in target
        ? await client.call('followups/save', { id: target.followup.id, ...fields })
        : await client.call('followups/save', { callId: target.callId, contactId: target.contactId, ...fields });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', existing ? f.moved : f.saved);
    onSaved(r.value);
  };

  return (
    <div className="followup-form" data-testid="followup-form">
      <div className="followup-form-row">
        <DateInput name="followup-date" label={f.date} value={date} onChange={setDate} error={errors.date} />
        <TextField name="followup-time" label={f.time} value={time} onChange={setTime} error={errors.time} dir="ltr" inputMode="numeric" />
      </div>
      <label className="field">
        <span className="field-label">{f.owner}</span>
        <select
          className="input"
          value={ownerId ?? ''}
          onChange={(e) => setOwnerId(e.target.value === '' ? null : Number(e.target.value))}
          data-testid="followup-owner"
        >
          <option value="">{f.ownerNone}</option>
          {owners.data?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <TextField name="followup-note" label={f.note} value={note} onChange={setNote} multiline rows={2} dir="auto" />
      <div className="followup-form-actions">
        <button type="button" className="button small primary" onClick={() => void save()} disabled={busy} data-testid="followup-save">
          {existing ? f.move : f.save}
        </button>
        {onCancel && (
          <button type="button" className="button small subtle" onClick={onCancel} data-testid="followup-cancel">
            {t.common.cancel}
          </button>
        )}
      </div>
    </div>
  );
}
