import { useEffect, useMemo, useState } from 'react';
import { REMINDER_KINDS, type Occurrence, type OccurrenceQuery, type Reminder, type ReminderKind } from '../../shared/contract/reminders';
import type { FileOut } from '../../shared/contract/io';
import { isoDateOf, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { navigate } from '../app/router';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { addDays, presetRange } from '../lib/date-ranges';
import { DateInput } from '../ui/date-input';
import { FileReadyDialog } from '../ui/file-ready-dialog';
import { useToast } from '../ui/toast-context';
import { OccurrenceList } from './occurrence-list';
import { ReminderForm } from './reminder-form';
import { ReminderGroupsDialog } from './reminder-groups-dialog';
import { useOccurrences } from './use-occurrences';
import { useReminderGroups } from './use-reminder-groups';

type Preset = 'today' | 'week' | 'month' | 'next30' | 'custom';
const PRESETS: Preset[] = ['today', 'week', 'month', 'next30', 'custom'];

/**
 * The reminder book: the occurrences of a range (today, this week, this Jalali month, the next 30
 * days, or any range) by day, with birthdays from the phonebook; search by words, group and kind;
 * print as a list or with full descriptions. A click opens the reminder (or the birthday's contact).
 */
export function RemindersScreen({ onOpenContact, reminderId }: { onOpenContact: (id: number) => void; reminderId: number | null }) {
  const { t, calendar, num } = useLocale();
  const m = t.reminders;
  const client = useClient();
  const toast = useToast();
  const groups = useReminderGroups();
  const [today, setToday] = useState(() => isoDateOf(new Date()));
  const [preset, setPreset] = useState<Preset>('next30');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [text, setText] = useState('');
  const [groupId, setGroupId] = useState<number | null>(null);
  const [kind, setKind] = useState<ReminderKind | null>(null);
  const [birthdays, setBirthdays] = useState(true);
  // A new reminder's form is the screen's own; a reminder open in its form is the route's ('#/reminder/3').
  const [form, setForm] = useState<{ reminder: Reminder | null } | null>(null);
  const [opened, setOpened] = useState<Reminder | null>(null);
  const [groupsOpen, setGroupsOpen] = useState(false);
  const [pdf, setPdf] = useState<FileOut | null>(null);
  const [printing, setPrinting] = useState(false);
  const debouncedText = useDebounced(text, 200);

  // The day changes at midnight while the app stays open.
  useEffect(() => {
    const timer = setInterval(() => setToday(isoDateOf(new Date())), 60_000);
    return () => clearInterval(timer);
  }, []);

  const range = useMemo(() => {
    if (preset === 'next30') return { from: today, to: addDays(today, 29) };
    if (preset !== 'custom') return presetRange(preset, new Date(`${today}T12:00:00`), calendar);
    const from = parseDateInput(custom.from, calendar);
    const to = parseDateInput(custom.to, calendar);
    return from && to ? { from, to } : null;
  }, [preset, today, calendar, custom]);
  const badRange = range !== null && range.to < range.from;
  const query: OccurrenceQuery | null =
    range && !badRange ? { ...range, text: debouncedText, groupId, kind, includeBirthdays: birthdays && kind === null } : null;
  const state = useOccurrences(query);

  const open = (o: Occurrence) => (o.source === 'birthday' ? onOpenContact(o.refId) : navigate({ screen: 'reminder', id: o.refId }));
  useEffect(() => {
    setOpened(null);
    if (reminderId === null) return;
    let stale = false;
    void client.call('reminders/get', { id: reminderId }).then((r) => {
      if (stale) return;
      if (!r.ok) return toast.show('error', r.error.message);
      setForm(null);
      setOpened(r.value);
    });
    return () => {
      stale = true;
    };
  }, [reminderId, client, toast]);
  const shown = opened ? { reminder: opened } : form;
  const closeForm = () => (opened ? navigate({ screen: 'reminders' }) : setForm(null));

  const print = async (detail: 'list' | 'full') => {
    if (!query) return;
    setPrinting(true);
    const r = await client.call('reminders/print', { ...query, detail });
    setPrinting(false);
    if (!r.ok) return toast.show('error', r.error.message);
    setPdf(r.value);
  };

  const filtered = debouncedText !== '' || groupId !== null || kind !== null;
  const items = state.list?.items ?? [];
  return (
    <div className="reminders-screen" data-testid="reminders-screen">
      <div className="reminders-toolbar">
        <h1>{m.title}</h1>
        <div className="toolbar-actions">
          <button type="button" className="button" onClick={() => setGroupsOpen(true)} data-testid="reminder-groups-open">
            {m.groups}
          </button>
          <button type="button" className="button" onClick={() => void print('list')} disabled={!query || printing} data-testid="reminders-print-list">
            {m.print}: {m.printList}
          </button>
          <button type="button" className="button" onClick={() => void print('full')} disabled={!query || printing} data-testid="reminders-print-full">
            {m.print}: {m.printFull}
          </button>
          <button type="button" className="button primary" onClick={() => setForm({ reminder: null })} data-testid="reminder-new">
            + {m.newReminder}
          </button>
        </div>
      </div>
      <div className="reminders-filters">
        <div className="segmented" role="radiogroup" aria-label={m.rangeLabel}>
          {PRESETS.map((p) => (
            <button
              key={p}
              type="button"
              role="radio"
              aria-checked={preset === p}
              className={`segment${preset === p ? ' active' : ''}`}
              onClick={() => setPreset(p)}
              data-testid={`range-${p}`}
            >
              {m.ranges[p]}
            </button>
          ))}
        </div>
        {preset === 'custom' && (
          <div className="reminders-custom">
            <DateInput name="from" label={m.from} value={custom.from} onChange={(from) => setCustom((c) => ({ ...c, from }))} />
            <DateInput
              name="to"
              label={m.to}
              value={custom.to}
              onChange={(to) => setCustom((c) => ({ ...c, to }))}
              error={badRange ? m.invalidRange : undefined}
            />
          </div>
        )}
        <input
          className="input reminders-search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={m.searchPlaceholder}
          aria-label={m.search}
          title={m.search}
          data-testid="reminders-search"
        />
        <select
          className="input"
          value={groupId ?? ''}
          onChange={(e) => setGroupId(e.target.value ? Number(e.target.value) : null)}
          aria-label={m.group}
          data-testid="reminders-group"
        >
          <option value="">{m.anyGroup}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
        <select
          className="input"
          value={kind ?? ''}
          onChange={(e) => setKind((e.target.value || null) as ReminderKind | null)}
          aria-label={m.kind}
          data-testid="reminders-kind"
        >
          <option value="">{m.anyKind}</option>
          {REMINDER_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.kinds[k]}
            </option>
          ))}
        </select>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={birthdays}
            onChange={(e) => setBirthdays(e.target.checked)}
            disabled={kind !== null}
            data-testid="reminders-birthdays"
          />
          {m.birthdays}
        </label>
        <span className="muted reminders-count" data-testid="reminders-count">
          {state.list ? m.count(num(items.length)) : ''}
        </span>
      </div>
      <div className="reminders-body">
        {state.error && (
          <p className="form-banner error" role="alert">
            {state.error}
          </p>
        )}
        {state.list?.truncated && <p className="form-banner">{m.truncated}</p>}
        {state.list && items.length === 0 && (
          <p className="reminders-empty" data-testid="reminders-empty">
            {filtered ? m.emptyFiltered : m.empty}
          </p>
        )}
        <OccurrenceList items={items} today={today} onOpen={open} />
      </div>
      {shown && (
        <ReminderForm
          key={shown.reminder?.id ?? 'new'}
          reminder={shown.reminder}
          day={range?.from && range.from > today ? range.from : today}
          groups={groups}
          onClose={closeForm}
        />
      )}
      {groupsOpen && <ReminderGroupsDialog groups={groups} onClose={() => setGroupsOpen(false)} />}
      {pdf && <FileReadyDialog file={pdf} onClose={() => setPdf(null)} countLabel={m.count} />}
    </div>
  );
}
