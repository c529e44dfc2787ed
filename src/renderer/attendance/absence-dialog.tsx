import { useState } from 'react';
import { LEAVE_TYPES, type LeaveType } from '../../shared/contract/attendance';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { parseTime } from '../reminders/reminder-draft';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Props = { fileId: number; category: 'leave' | 'mission'; onClose: () => void };

/** Leave (entitled, sick, unpaid) or a mission, by the day (from–to) or by the hour (a date, from–to). */
export function AbsenceDialog({ fileId, category, onClose }: Props) {
  const { t, calendar, lang, dir } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const [leaveType, setLeaveType] = useState<LeaveType>('entitled');
  const [unit, setUnit] = useState<'day' | 'hour'>('day');
  const [from, setFrom] = useState(() => formatDate(isoDateOf(new Date()), calendar, lang));
  const [to, setTo] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const bad = t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian);

  const save = async () => {
    const fromIso = parseDateInput(from, calendar);
    if (!fromIso) return setError({ field: 'from', message: bad });
    const toIso = unit === 'day' && to.trim() ? parseDateInput(to, calendar) : fromIso;
    if (!toIso) return setError({ field: 'to', message: bad });
    const s = unit === 'hour' ? parseTime(start) : null;
    const e = unit === 'hour' ? parseTime(end) : null;
    if (unit === 'hour' && !s) return setError({ field: 'start', message: m.badTime });
    if (unit === 'hour' && !e) return setError({ field: 'end', message: m.badTime });
    const r = await client.call('attendance/absence-add', {
      fileId,
      category,
      leaveType: category === 'leave' ? leaveType : null,
      unit,
      from: fromIso,
      to: toIso,
      start: s,
      end: e,
      note,
    });
    if (!r.ok) return setError({ field: r.error.code === 'conflict' ? '' : (r.error.field ?? ''), message: r.error.message });
    toast.show('success', m.saved);
    onClose();
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);
  const banner = error && !['from', 'to', 'start', 'end'].includes(error.field) ? error.message : null;
  const fromError = errorOf('from');

  return (
    <Dialog
      title={category === 'leave' ? m.leaveTitle : m.missionTitle}
      size="small"
      onClose={onClose}
      testId="absence-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} data-testid="absence-save">
            {m.save}
          </button>
        </>
      }
    >
      <div className="form-stack">
        {banner && (
          <p className="form-banner error" role="alert" data-testid="form-banner">
            {banner}
          </p>
        )}
        {category === 'leave' && (
          <div className="segmented" role="radiogroup" aria-label={m.leaveType}>
            {LEAVE_TYPES.map((k) => (
              <button
                key={k}
                type="button"
                role="radio"
                aria-checked={leaveType === k}
                className={`segment${leaveType === k ? ' active' : ''}`}
                onClick={() => setLeaveType(k)}
                data-testid={`leave-${k}`}
              >
                {m.leaveTypes[k]}
              </button>
            ))}
          </div>
        )}
        <div className="segmented" role="radiogroup" aria-label={m.unit}>
          {(['day', 'hour'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={unit === k}
              className={`segment${unit === k ? ' active' : ''}`}
              onClick={() => setUnit(k)}
              data-testid={`unit-${k}`}
            >
              {k === 'day' ? m.byDay : m.byHour}
            </button>
          ))}
        </div>
        <div className="grid cols-2">
          <DateInput
            name="from"
            label={unit === 'day' ? m.fromDate : m.date}
            value={from}
            onChange={(v) => {
              setFrom(v);
              setError(null);
            }}
            error={fromError}
          />
          {unit === 'day' ? (
            <DateInput
              name="to"
              label={m.toDate}
              value={to}
              onChange={(v) => {
                setTo(v);
                setError(null);
              }}
              error={errorOf('to')}
            />
          ) : (
            <span />
          )}
          {unit === 'hour' && (
            <>
              <TextField
                name="start"
                label={m.from}
                value={start}
                onChange={(v) => {
                  setStart(v);
                  setError(null);
                }}
                placeholder={m.timePlaceholder}
                inputMode="numeric"
                dir={dir}
                error={errorOf('start')}
              />
              <TextField
                name="end"
                label={m.to}
                value={end}
                onChange={(v) => {
                  setEnd(v);
                  setError(null);
                }}
                placeholder={m.timePlaceholder}
                inputMode="numeric"
                dir={dir}
                error={errorOf('end')}
              />
            </>
          )}
        </div>
        <TextField name="note" label={m.note} value={note} onChange={setNote} />
      </div>
    </Dialog>
  );
}
