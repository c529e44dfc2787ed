import { useState, type KeyboardEvent } from 'react';
import { REMINDER_KINDS, type Reminder, type ReminderGroup } from '../../shared/contract/reminders';
import { JALALI_MONTHS_EN, JALALI_MONTHS_FA } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { ParticipantsPicker } from './participants-picker';
import {
  ALARM_CHOICES,
  buildReminderInput,
  neverRings,
  draftFromReminder,
  emptyReminderDraft,
  withRepeatDefaults,
  type DraftError,
  type ReminderDraft,
  type RepeatKind,
} from './reminder-draft';

type Props = {
  /** null for a new reminder. */
  reminder: Reminder | null;
  /** The day a new reminder starts on. */
  day: string;
  groups: ReminderGroup[];
  onClose: () => void;
};

const REPEAT_KINDS: RepeatKind[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

/**
 * New or edit reminder: kind, subject, Jalali date and time, repeat (daily, weekly on chosen days,
 * monthly on a Jalali day, yearly), until, alarm, group, participants from the phonebook, place, note.
 * Ctrl+S saves; a mistake shows under its field, whether the form or the engine found it.
 */
export function ReminderForm({ reminder, day, groups, onClose }: Props) {
  const { t, calendar, lang, digits, dir } = useLocale();
  const m = t.reminders;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [draft, setDraft] = useState<ReminderDraft>(() =>
    reminder ? draftFromReminder(reminder, calendar, lang) : emptyReminderDraft(day, calendar, lang, new Date()),
  );
  const [error, setError] = useState<DraftError | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<ReminderDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const errorOf = (f: string) => (error && (error.field === f || error.field.startsWith(`${f}.`)) ? error.message : undefined);

  // A reminder whose alarm time has already passed would be saved and never ring: say so under the
  // date while it is typed, and ask once more on save (a past meeting may still be worth noting).
  const built = buildReminderInput(draft, calendar, t, lang);
  const original = reminder ? buildReminderInput(draftFromReminder(reminder, calendar, lang), calendar, t, lang) : null;
  const timingChanged =
    !original?.ok ||
    !built.ok ||
    JSON.stringify([built.input.date, built.input.time, built.input.repeat, built.input.until, built.input.alarmMinutesBefore]) !==
      JSON.stringify([original.input.date, original.input.time, original.input.repeat, original.input.until, original.input.alarmMinutesBefore]);
  const silent = built.ok && timingChanged ? neverRings(built.input, new Date()) : null;

  const save = async () => {
    if (!built.ok) return setError(built.error);
    if (silent && !(await confirm({ title: m.neverRingsTitle, body: silent === 'past' ? m.pastWarning : m.endedWarning, confirmLabel: m.saveAnyway }))) return;
    setSaving(true);
    const r = reminder ? await client.call('reminders/update', { id: reminder.id, data: built.input }) : await client.call('reminders/create', built.input);
    setSaving(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.saved);
    onClose();
  };
  const remove = async () => {
    if (!reminder) return;
    if (!(await confirm({ title: m.delete, body: m.confirmDelete(reminder.subject), confirmLabel: m.delete, danger: true }))) return;
    const r = await client.call('reminders/delete', { id: reminder.id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.deleted);
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && (e.code === 'KeyS' || e.key === 'Enter')) {
      e.preventDefault();
      void save();
    }
  };
  const months = lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN;
  const known = ['kind', 'subject', 'date', 'time', 'repeat', 'until', 'alarmMinutesBefore', 'groupId', 'participantIds', 'place', 'note'];
  const banner = error && !known.some((k) => error.field === k || error.field.startsWith(`${k}.`)) ? error.message : null;

  return (
    <Dialog
      title={reminder ? m.editTitle : m.newTitle}
      onClose={onClose}
      onKeyDown={onKeyDown}
      size="large"
      testId="reminder-form"
      footer={
        <>
          {reminder && (
            <button type="button" className="button danger-outline footer-start" onClick={() => void remove()} data-testid="reminder-delete">
              {m.delete}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving} data-testid="reminder-save">
            {m.save}
          </button>
        </>
      }
    >
      <div className="reminder-form">
        {banner && (
          <p className="form-banner error" role="alert" data-testid="form-banner">
            {banner}
          </p>
        )}
        <div className="segmented" role="radiogroup" aria-label={m.kind}>
          {REMINDER_KINDS.map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={draft.kind === k}
              className={`segment${draft.kind === k ? ' active' : ''}`}
              onClick={() => update({ kind: k })}
              data-testid={`kind-${k}`}
            >
              {m.kinds[k]}
            </button>
          ))}
        </div>
        <TextField name="subject" label={m.subject} value={draft.subject} onChange={(subject) => update({ subject })} error={errorOf('subject')} autoFocus />
        <div className="form-row">
          <DateInput name="date" label={m.date} value={draft.date} onChange={(date) => update({ date })} error={errorOf('date')} />
          <TextField
            name="time"
            label={m.time}
            value={draft.time}
            onChange={(time) => update({ time })}
            placeholder={m.timePlaceholder}
            dir={dir}
            inputMode="numeric"
            error={errorOf('time')}
          />
          <div className="form-field">
            <label htmlFor="reminder-alarm">{m.alarm}</label>
            <select id="reminder-alarm" className="input" value={draft.alarm} onChange={(e) => update({ alarm: e.target.value })} data-testid="alarm">
              {ALARM_CHOICES.map((a) => (
                <option key={a} value={a}>
                  {m.alarmOptions[a]}
                </option>
              ))}
              {!(ALARM_CHOICES as readonly string[]).includes(draft.alarm) && <option value={draft.alarm}>{digits(draft.alarm)}</option>}
            </select>
          </div>
        </div>
        {silent && (
          <p className="field-hint warn" role="status" data-testid="reminder-never-rings">
            {silent === 'past' ? m.pastWarning : m.endedWarning}
          </p>
        )}

        <fieldset className="repeat-box">
          <legend>{m.repeat}</legend>
          <div className="form-row">
            <div className="form-field">
              <label htmlFor="reminder-repeat">{m.repeat}</label>
              <select
                id="reminder-repeat"
                className="input"
                value={draft.repeatKind}
                onChange={(e) => setDraft((d) => withRepeatDefaults(d, e.target.value as RepeatKind, calendar, lang))}
                data-testid="repeat"
              >
                {REPEAT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {m.repeatKinds[k]}
                  </option>
                ))}
              </select>
            </div>
            {(draft.repeatKind === 'daily' || draft.repeatKind === 'weekly') && (
              <TextField
                name="repeat.every"
                label={`${m.every} … ${draft.repeatKind === 'daily' ? m.everyDays : m.everyWeeks}`}
                value={draft.every}
                onChange={(every) => update({ every })}
                inputMode="numeric"
                dir={dir}
                error={errorOf('repeat.every')}
              />
            )}
            {draft.repeatKind === 'monthly' && (
              <TextField
                name="repeat.day"
                label={m.monthDay}
                value={draft.monthDay}
                onChange={(monthDay) => update({ monthDay })}
                inputMode="numeric"
                dir={dir}
                hint={m.monthDayHint}
                error={errorOf('repeat.day')}
              />
            )}
            {draft.repeatKind === 'yearly' && (
              <>
                <div className="form-field">
                  <label htmlFor="reminder-month">{m.yearMonth}</label>
                  <select
                    id="reminder-month"
                    className="input"
                    value={draft.yearMonth}
                    onChange={(e) => update({ yearMonth: Number(e.target.value) })}
                    data-testid="repeat.month"
                  >
                    {months.map((name, i) => (
                      <option key={name} value={i + 1}>
                        {name}
                      </option>
                    ))}
                  </select>
                </div>
                <TextField
                  name="repeat.day"
                  label={m.yearDay}
                  value={draft.yearDay}
                  onChange={(yearDay) => update({ yearDay })}
                  inputMode="numeric"
                  dir={dir}
                  error={errorOf('repeat.day')}
                />
              </>
            )}
            {draft.repeatKind !== 'none' && (
              <DateInput name="until" label={m.until} value={draft.until} onChange={(until) => update({ until })} error={errorOf('until')} />
            )}
          </div>
          {draft.repeatKind === 'weekly' && (
            <div className="weekday-picker" role="group" aria-label={m.repeatKinds.weekly}>
              {m.weekDays.map((name, i) => (
                <label key={name} className={`weekday${draft.days.includes(i) ? ' on' : ''}`} title={name}>
                  <input
                    type="checkbox"
                    checked={draft.days.includes(i)}
                    onChange={(e) => update({ days: e.target.checked ? [...draft.days, i] : draft.days.filter((x) => x !== i) })}
                    data-testid={`weekday-${i}`}
                  />
                  {name}
                </label>
              ))}
              <FieldErrorText id="reminder-days-err" message={errorOf('repeat.days')} />
            </div>
          )}
        </fieldset>

        <div className="form-row">
          <div className="form-field">
            <label htmlFor="reminder-group">{m.group}</label>
            <select
              id="reminder-group"
              className={`input${errorOf('groupId') ? ' invalid' : ''}`}
              value={draft.groupId ?? ''}
              onChange={(e) => update({ groupId: e.target.value ? Number(e.target.value) : null })}
              data-testid="groupId"
            >
              <option value="">{m.noGroup}</option>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
            <FieldErrorText id="reminder-group-err" message={errorOf('groupId')} />
          </div>
          <TextField name="place" label={m.place} value={draft.place} onChange={(place) => update({ place })} error={errorOf('place')} />
        </div>
        <ParticipantsPicker value={draft.participants} onChange={(participants) => update({ participants })} error={errorOf('participantIds')} />
        <TextField name="note" label={m.note} value={draft.note} onChange={(note) => update({ note })} multiline rows={3} error={errorOf('note')} />
      </div>
    </Dialog>
  );
}
