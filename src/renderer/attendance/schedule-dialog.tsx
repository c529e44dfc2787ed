import { useState } from 'react';
import type { Schedule, Shift } from '../../shared/contract/attendance';
import { localDigits, toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { parseTime } from '../reminders/reminder-draft';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';

type Row = { on: boolean; start: string; end: string };

/** A work schedule: a name, each weekday's shift (or a day off; an end before the start runs into the next day), and the grace minutes. */
export function ScheduleDialog({ schedule, onClose }: { schedule: Schedule | null; onClose: () => void }) {
  const { t, lang, dir } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const [name, setName] = useState(schedule?.name ?? '');
  const [grace, setGrace] = useState(localDigits(schedule?.graceMinutes ?? 0, lang));
  const [rows, setRows] = useState<Row[]>(() =>
    Array.from({ length: 7 }, (_, i) => {
      const s = schedule?.shifts.find((x) => x.weekday === i);
      if (s) return { on: true, start: localDigits(s.start, lang), end: localDigits(s.end, lang) };
      // A new schedule starts as the common office week: Saturday–Wednesday 8–16, Thursday 8–12, Friday off.
      if (!schedule && i < 6) return { on: true, start: localDigits('08:00', lang), end: localDigits(i === 5 ? '12:00' : '16:00', lang) };
      return { on: false, start: localDigits('08:00', lang), end: localDigits('16:00', lang) };
    }),
  );
  const [error, setError] = useState<{ field: string; message: string } | null>(null);

  const save = async () => {
    const shifts: Shift[] = [];
    for (const [i, r] of rows.entries()) {
      if (!r.on) continue;
      const start = parseTime(r.start);
      const end = parseTime(r.end);
      if (!start) return setError({ field: `row.${i}.start`, message: m.badTime });
      if (!end) return setError({ field: `row.${i}.end`, message: m.badTime });
      shifts.push({ weekday: i, start, end });
    }
    const g = Number(toAsciiDigits(grace.trim()) || '0');
    const data = { name, shifts, graceMinutes: Number.isFinite(g) ? g : 0 };
    const r = schedule ? await client.call('schedules/update', { id: schedule.id, data }) : await client.call('schedules/create', data);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.saved);
    onClose();
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);
  const banner = error && !error.field.startsWith('row.') && error.field !== 'name' && error.field !== 'graceMinutes' ? error.message : null;

  return (
    <Dialog
      title={schedule ? m.scheduleTitleEdit(schedule.name) : m.scheduleTitleNew}
      onClose={onClose}
      testId="schedule-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} data-testid="schedule-save">
            {m.save}
          </button>
        </>
      }
    >
      <div className="form-stack">
        {banner && (
          <p className="form-banner error" role="alert">
            {banner}
          </p>
        )}
        <div className="grid cols-2">
          <TextField name="name" label={m.scheduleName} value={name} onChange={setName} error={errorOf('name')} autoFocus />
          <TextField name="graceMinutes" label={m.grace} value={grace} onChange={setGrace} inputMode="numeric" dir={dir} error={errorOf('graceMinutes')} />
        </div>
        <table className="table compact shift-table">
          <thead>
            <tr>
              <th />
              <th>{m.shiftStart}</th>
              <th>{m.shiftEnd}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const set = (patch: Partial<Row>) => setRows((rs) => rs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
              const night = r.on && parseTime(r.start) !== null && parseTime(r.end) !== null && parseTime(r.end)! <= parseTime(r.start)!;
              return (
                <tr key={i} data-testid={`shift-${i}`}>
                  <td>
                    <label className="checkbox-row">
                      <input type="checkbox" checked={r.on} onChange={(e) => set({ on: e.target.checked })} data-testid={`shift-${i}-on`} />
                      {m.weekDays[i]}
                    </label>
                  </td>
                  <td>
                    <input
                      className={`input time-input${errorOf(`row.${i}.start`) ? ' invalid' : ''}`}
                      value={r.start}
                      disabled={!r.on}
                      onChange={(e) => set({ start: e.target.value })}
                      aria-label={`${m.weekDays[i]} ${m.shiftStart}`}
                      dir={dir}
                      data-testid={`shift-${i}-start`}
                    />
                  </td>
                  <td>
                    <input
                      className={`input time-input${errorOf(`row.${i}.end`) ? ' invalid' : ''}`}
                      value={r.end}
                      disabled={!r.on}
                      onChange={(e) => set({ end: e.target.value })}
                      aria-label={`${m.weekDays[i]} ${m.shiftEnd}`}
                      dir={dir}
                      data-testid={`shift-${i}-end`}
                    />
                  </td>
                  <td className="muted">{!r.on ? m.dayOff : night ? m.nightShift : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {error?.field.startsWith('row.') && <p className="field-error">{error.message}</p>}
      </div>
    </Dialog>
  );
}
