import { useState } from 'react';
import type { AttendanceRecord } from '../../shared/contract/attendance';
import { formatDate, isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { addDays } from '../lib/date-ranges';
import { parseTime } from '../reminders/reminder-draft';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Props = { fileId: number; record: AttendanceRecord | null; mode: 'new' | 'correct' | 'delete'; onClose: () => void };
type Err = { field: string; message: string } | null;

const hhmm = (iso: string) => {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/**
 * A manual entry, a manager's correction (the reason is required and kept with the old times) or a
 * deletion (with its reason). An exit time not after the entry time is the next morning (a night shift).
 */
export function RecordDialog({ fileId, record, mode, onClose }: Props) {
  const { t, calendar, lang, dir } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const [day, setDay] = useState(() => formatDate(record ? isoDateOf(new Date(record.start)) : isoDateOf(new Date()), calendar, lang));
  const [start, setStart] = useState(record ? localDigits(hhmm(record.start), lang) : '');
  const [end, setEnd] = useState(record?.end ? localDigits(hhmm(record.end), lang) : '');
  const [text, setText] = useState('');
  const [error, setError] = useState<Err>(null);
  const [saving, setSaving] = useState(false);
  const startT = parseTime(start);
  const endT = end.trim() ? parseTime(end) : null;
  const nextDay = startT !== null && endT !== null && endT <= startT;

  const save = async () => {
    if (mode === 'delete') {
      if (!record) return;
      const r = await client.call('attendance/record-delete', { id: record.id, reason: text });
      if (!r.ok) return setError({ field: r.error.field ?? 'reason', message: r.error.message });
      toast.show('success', m.saved);
      return onClose();
    }
    const date = parseDateInput(day, calendar);
    if (!date)
      return setError({ field: 'date', message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian) });
    if (!startT) return setError({ field: 'start', message: m.badTime });
    if (end.trim() && !endT) return setError({ field: 'end', message: m.badTime });
    const endMoment = endT ? { date: nextDay ? addDays(date, 1) : date, time: endT } : null;
    setSaving(true);
    const r =
      mode === 'new'
        ? await client.call('attendance/record-add', { fileId, start: { date, time: startT }, end: endMoment, note: text })
        : await client.call('attendance/record-correct', { id: record!.id, start: { date, time: startT }, end: endMoment, reason: text });
    setSaving(false);
    if (!r.ok) return setError({ field: (r.error.field ?? '').split('.')[0] ?? '', message: r.error.message });
    toast.show('success', m.saved);
    onClose();
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);
  const known = ['date', 'start', 'end', 'reason', 'note'];
  const banner = error && !known.includes(error.field) ? error.message : null;
  const title = mode === 'new' ? m.newRecordTitle : mode === 'correct' ? m.correctTitle : m.deleteTitle;

  return (
    <Dialog
      title={title}
      size="small"
      onClose={onClose}
      testId="record-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button
            type="button"
            className={`button ${mode === 'delete' ? 'danger' : 'primary'}`}
            onClick={() => void save()}
            disabled={saving}
            data-testid="record-save"
          >
            {mode === 'delete' ? m.remove : m.save}
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
        {mode !== 'delete' && (
          <>
            <DateInput
              name="date"
              label={m.date}
              value={day}
              onChange={(v) => {
                setDay(v);
                setError(null);
              }}
              error={errorOf('date')}
            />
            <div className="grid cols-2">
              <TextField
                name="start"
                label={m.startTime}
                value={start}
                onChange={(v) => {
                  setStart(v);
                  setError(null);
                }}
                placeholder={m.timePlaceholder}
                inputMode="numeric"
                dir={dir}
                error={errorOf('start')}
                autoFocus
              />
              <TextField
                name="end"
                label={m.endTime}
                value={end}
                onChange={(v) => {
                  setEnd(v);
                  setError(null);
                }}
                placeholder={m.timePlaceholder}
                inputMode="numeric"
                dir={dir}
                error={errorOf('end')}
                hint={nextDay ? m.nextDayHint : m.endEmpty}
              />
            </div>
          </>
        )}
        {mode === 'new' ? (
          <TextField name="note" label={m.note} value={text} onChange={setText} error={errorOf('note')} />
        ) : (
          <TextField
            name="reason"
            label={m.reason}
            value={text}
            onChange={(v) => {
              setText(v);
              setError(null);
            }}
            hint={m.reasonHint}
            error={errorOf('reason')}
            multiline
            rows={2}
            autoFocus={mode === 'delete'}
          />
        )}
      </div>
    </Dialog>
  );
}
