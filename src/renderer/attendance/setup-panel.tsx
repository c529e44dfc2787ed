import { useState } from 'react';
import type { Schedule } from '../../shared/contract/attendance';
import { useClient } from '../app/client';
import { useSchedules } from '../hooks/use-schedules';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { HolidaysCard } from './holidays-card';
import { ScheduleDialog } from './schedule-dialog';

/** Work schedules (weekly shifts, night shifts, grace) and the shared holiday table. */
export function SetupPanel() {
  const { t, digits, num } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const schedules = useSchedules();
  const [editing, setEditing] = useState<{ schedule: Schedule | null } | null>(null);

  const remove = async (s: Schedule) => {
    if (!(await confirm({ title: m.scheduleDeleteTitle, body: m.scheduleDeleteBody(s.name), confirmLabel: m.remove, danger: true }))) return;
    const r = await client.call('schedules/delete', { id: s.id });
    if (!r.ok) toast.show('error', r.error.message);
  };
  const hours = (min: number) => digits(min % 60 ? `${Math.floor(min / 60)}:${String(min % 60).padStart(2, '0')}` : String(min / 60));

  return (
    <div className="setup-panel">
      <section className="card setup-card">
        <div className="section-head">
          <h2>{m.schedules}</h2>
          <button type="button" className="button primary" onClick={() => setEditing({ schedule: null })} data-testid="schedule-new">
            + {m.newSchedule}
          </button>
        </div>
        {schedules.length === 0 && <p className="muted">{m.schedulesEmpty}</p>}
        <ul className="plain-list schedule-list">
          {schedules.map((s) => (
            <li key={s.id} className="schedule" data-testid="schedule">
              <div className="schedule-head">
                <strong>{s.name}</strong>
                <span className="muted">{m.weeklyHours(hours(s.weeklyMinutes))}</span>
                <span className="muted">{m.staffCount(num(s.staffCount))}</span>
                <span className="toolbar-spacer" />
                <button type="button" className="link-button" onClick={() => setEditing({ schedule: s })}>
                  {t.common.edit}
                </button>
                <button type="button" className="link-button danger" onClick={() => void remove(s)}>
                  {m.remove}
                </button>
              </div>
              <div className="schedule-days">
                {m.weekDays.map((name, i) => {
                  const sh = s.shifts.find((x) => x.weekday === i);
                  return (
                    <span key={name} className={`schedule-day${sh ? '' : ' off'}`}>
                      <span className="muted">{name}</span> {sh ? <bdi dir="ltr">{digits(`${sh.start}–${sh.end}`)}</bdi> : m.dayOff}
                      {sh && sh.end <= sh.start && <span className="badge"> {m.nightShift}</span>}
                    </span>
                  );
                })}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <HolidaysCard />
      {editing && <ScheduleDialog schedule={editing.schedule} onClose={() => setEditing(null)} />}
    </div>
  );
}
