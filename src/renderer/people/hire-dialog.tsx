import { useEffect, useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useSchedules } from '../hooks/use-schedules';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

/** Hiring an applicant: the staff file's number, hiring date and schedule; everything else comes from the application. */
export function HireDialog({ file, onClose, onHired }: { file: PersonFile; onClose: () => void; onHired: (staff: PersonFile) => void }) {
  const { t, calendar, digits } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const schedules = useSchedules();
  const [fileNo, setFileNo] = useState('');
  const [next, setNext] = useState('');
  const [date, setDate] = useState('');
  const [scheduleId, setScheduleId] = useState<number | null>(null);
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    void client.call('people/next-number', { kind: 'staff' }).then((r) => (r.ok ? setNext(r.value.fileNo) : setError({ field: '', message: r.error.message })));
  }, [client]);

  const save = async () => {
    const registeredOn = date.trim() ? parseDateInput(date, calendar) : null;
    if (date.trim() && !registeredOn)
      return setError({
        field: 'registeredOn',
        message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian),
      });
    const r = await client.call('people/hire', { id: file.id, fileNo, registeredOn, scheduleId });
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.hired(digits(r.value.fileNo)));
    onHired(r.value);
  };
  const banner = error && error.field !== 'fileNo' && error.field !== 'registeredOn' ? error.message : null;

  return (
    <Dialog
      title={m.hireTitle(file.contact.displayName)}
      onClose={onClose}
      size="small"
      testId="hire-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} data-testid="hire-confirm">
            {m.hireConfirm}
          </button>
        </>
      }
    >
      <div className="form-stack">
        <p className="muted">{m.hireBody}</p>
        {banner && (
          <p className="form-banner error" role="alert">
            {banner}
          </p>
        )}
        <TextField
          name="fileNo"
          label={m.fileNo}
          value={fileNo}
          onChange={setFileNo}
          placeholder={digits(next)}
          hint={next ? m.fileNoHint(digits(next)) : undefined}
          error={error?.field === 'fileNo' ? error.message : undefined}
        />
        <DateInput name="registeredOn" label={m.hireDate} value={date} onChange={setDate} error={error?.field === 'registeredOn' ? error.message : undefined} />
        <div className="form-field">
          <label htmlFor="hire-schedule">{m.schedule}</label>
          <select
            id="hire-schedule"
            className="input"
            value={scheduleId ?? ''}
            onChange={(e) => setScheduleId(e.target.value ? Number(e.target.value) : null)}
            data-testid="hire-schedule"
          >
            <option value="">{m.noSchedule}</option>
            {schedules.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
    </Dialog>
  );
}
