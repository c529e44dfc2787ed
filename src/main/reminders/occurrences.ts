/**
 * The calendar view of the reminder book: reminders with their repeats expanded, plus birthdays from
 * the phonebook, in a date range, filtered and in time order. The agenda, the search and the printed
 * reports all read this.
 */
import type { Occurrence, OccurrenceList, Repeat, ReminderKind } from '../../shared/contract/reminders';
import { isIsoDate, isoDateOf } from '../../shared/text/calendar';
import { foldForSearch, searchWords } from '../../shared/text/normalize';
import { validationError } from '../kernel/app-error';
import { message, type Lang } from '../i18n/messages';
import { birthdaysBetween } from './birthdays';
import { localInstant, nextOccurrence, occurrencesBetween, type Schedule, type Repeat as RecurrenceRepeat } from './recurrence';
import type { ParticipantRow, ReminderRow, RemindersRepo } from './reminders.repo';

export const MAX_RANGE_DAYS = 400;
export const MAX_OCCURRENCES = 2000;
const MS_DAY = 86_400_000;

export type OccurrenceQueryParsed = {
  from: string;
  to: string;
  text: string;
  groupId: number | null;
  kind: ReminderKind | null;
  includeBirthdays: boolean;
};
type GroupRef = { id: number; name: string; color: string };

export const repeatOf = (row: Pick<ReminderRow, 'repeat'>) => JSON.parse(row.repeat) as Repeat;

export function scheduleOf(row: Pick<ReminderRow, 'date' | 'time' | 'repeat' | 'until'>): Schedule {
  return { date: row.date, time: row.time, repeat: repeatOf(row) as RecurrenceRepeat, until: row.until };
}

/** The first occurrence strictly after `after`, or null; one-offs and ended repeats without a walk. */
export function nextOf(s: Schedule, after: Date): Date | null {
  if (s.repeat.kind === 'none') {
    const t = localInstant(s.date, s.time);
    return t > after ? t : null;
  }
  if (s.until !== null && s.until < isoDateOf(new Date(after.getTime() - MS_DAY))) return null;
  return nextOccurrence(s, after);
}

/** The day after an ISO date. */
export const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + MS_DAY).toISOString().slice(0, 10);

/**
 * A matcher for a text query: every typed word must start a word of the text, both folded as in
 * the phonebook search (ZWNJ, ي/ك, diacritics and digit scripts never stop a match). Null: no query.
 */
export function textMatcher(query: string): ((text: string) => boolean) | null {
  const words = [...new Set(searchWords(foldForSearch(query)))];
  if (words.length === 0) return null;
  return (text) => {
    const have = searchWords(foldForSearch(text));
    return words.every((w) => have.some((h) => h.startsWith(w)));
  };
}

/** 'validation' on 'from'/'to' for unreadable dates, a reversed range or one over 400 days. */
export function checkRange(from: string, to: string): void {
  if (!isIsoDate(from)) throw validationError('validation.field_date', 'from', { field: 'from', value: from });
  if (!isIsoDate(to)) throw validationError('validation.field_date', 'to', { field: 'to', value: to });
  if (to < from) throw validationError('validation.range_reversed', 'to', { field: 'to' });
  if ((Date.parse(to) - Date.parse(from)) / MS_DAY > MAX_RANGE_DAYS) {
    throw validationError('validation.range_too_long', 'to', { field: 'to', max: MAX_RANGE_DAYS });
  }
}

export type OccurrenceDeps = {
  repo: RemindersRepo;
  /** The time birthdays are shown at (the birthday alarm time, or 09:00 when birthday alarms are off). */
  birthdayTime(): string;
};

export function findOccurrences(deps: OccurrenceDeps, q: OccurrenceQueryParsed, lang: Lang): OccurrenceList {
  checkRange(q.from, q.to);
  const match = textMatcher(q.text);
  const items: Occurrence[] = [];
  const groups = new Map<number, GroupRef>(deps.repo.groups.list().map((g) => [g.id, { id: g.id, name: g.name, color: g.color }]));

  const rows = deps.repo.inRange(q.from, q.to).filter((r) => (q.groupId === null || r.group_id === q.groupId) && (q.kind === null || r.kind === q.kind));
  const people = participantsById(deps.repo.participantsOf(rows.map((r) => r.id)));
  const start = localInstant(q.from, '00:00');
  const end = localInstant(nextDay(q.to), '00:00');
  for (const r of rows) {
    const participants = people.get(r.id) ?? [];
    if (match && !match([r.subject, r.note, r.place, ...participants.map((p) => p.displayName)].join('\n'))) continue;
    const group = r.group_id === null ? null : (groups.get(r.group_id) ?? null);
    const s = scheduleOf(r);
    for (const t of occurrencesBetween(s, start, end)) {
      items.push({
        source: 'reminder',
        refId: r.id,
        date: isoDateOf(t),
        time: r.time,
        at: t.toISOString(),
        kind: r.kind,
        subject: r.subject,
        note: r.note,
        place: r.place,
        group,
        participants,
        repeats: s.repeat.kind !== 'none',
        age: null,
      });
    }
  }

  if (q.includeBirthdays && q.groupId === null && q.kind === null) {
    const time = deps.birthdayTime();
    for (const b of birthdaysBetween(deps.repo, q.from, q.to)) {
      const subject = message(lang, 'reminders.birthday_subject', { name: b.displayName });
      if (match && !match(`${subject}\n${b.displayName}`)) continue;
      items.push({
        source: 'birthday',
        refId: b.contactId,
        date: b.date,
        time,
        at: localInstant(b.date, time).toISOString(),
        kind: 'birthday',
        subject,
        note: '',
        place: '',
        group: null,
        participants: [{ id: b.contactId, displayName: b.displayName }],
        repeats: true,
        age: b.age,
      });
    }
  }

  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.source === b.source ? a.refId - b.refId : a.source === 'reminder' ? -1 : 1));
  return { items: items.slice(0, MAX_OCCURRENCES), truncated: items.length > MAX_OCCURRENCES };
}

export function participantsById(rows: ParticipantRow[]): Map<number, { id: number; displayName: string }[]> {
  const out = new Map<number, { id: number; displayName: string }[]>();
  for (const p of rows) {
    const list = out.get(p.reminder_id) ?? [];
    list.push({ id: p.contact_id, displayName: p.display_name });
    out.set(p.reminder_id, list);
  }
  return out;
}
