/**
 * What the alarm scheduler rings for: each reminder occurrence (minus its "alarm before"), and each
 * birthday at the birthday alarm time. A cheque source joins through `AlarmsService.addSource`.
 *
 * Neither source rings for an instant before the reminder or contact last changed: entering
 * yesterday's meeting, or importing a phonebook with today's birthdays after the alarm time, must
 * not ring "while you were away" for something that did not exist then.
 */
import { isoDateOf } from '../../shared/text/calendar';
import type { AlarmSource, DueItem } from './alarm-scheduler';
import { birthdaysBetween, birthdaysOn, type BirthdayOccurrence } from './birthdays';
import { nextDay, nextOf, participantsById, scheduleOf } from './occurrences';
import { localInstant, occurrencesBetween } from './recurrence';
import type { ReminderRow, RemindersRepo } from './reminders.repo';

const MS_DAY = 86_400_000;
/** The schema's largest "alarm before": a week. */
const MAX_BEFORE_MS = 10_080 * 60_000;

/** Keys name one occurrence, so editing a reminder's text never rings it again, but moving its time does. */
export const reminderKey = (id: number, occursAt: Date) => `reminder:${id}:${occursAt.toISOString()}`;
export const birthdayKey = (contactId: number, date: string) => `birthday:${contactId}:${date}`;

export type ReminderAlarmSource = AlarmSource & { forget(id: number): void };

export function reminderAlarmSource(repo: RemindersRepo): ReminderAlarmSource {
  /** The next alarm of each reminder, valid while its row is unchanged and the clock is in [after, next). */
  const nextCache = new Map<number, { updatedAt: string; after: number; next: number | null }>();
  const withAlarm = (from: string, to: string) => repo.inRange(from, to).filter((r) => r.alarm_minutes_before !== null);

  function nextAlarm(r: ReminderRow, after: number): number | null {
    const c = nextCache.get(r.id);
    if (c && c.updatedAt === r.updated_at && c.after <= after && (c.next === null || c.next > after)) return c.next;
    const before = r.alarm_minutes_before! * 60_000;
    const occ = nextOf(scheduleOf(r), new Date(after + before));
    const next = occ ? occ.getTime() - before : null;
    nextCache.set(r.id, { updatedAt: r.updated_at, after, next });
    return next;
  }

  return {
    dueBetween(from, to) {
      const out: DueItem[] = [];
      const rows = withAlarm(isoDateOf(from), isoDateOf(new Date(to.getTime() + MAX_BEFORE_MS)));
      for (const r of rows) {
        const before = r.alarm_minutes_before! * 60_000;
        const lo = Math.max(from.getTime(), Date.parse(r.updated_at));
        if (lo >= to.getTime()) continue;
        // Alarm instants in (lo, to] are occurrences in (lo + before, to + before].
        for (const occ of occurrencesBetween(scheduleOf(r), new Date(lo + before + 1), new Date(to.getTime() + before + 1))) {
          out.push({ key: reminderKey(r.id, occ), at: new Date(occ.getTime() - before), occursAt: occ, source: 'reminder', refId: r.id, title: r.subject });
        }
      }
      if (out.length === 0) return out;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const people = participantsById(repo.participantsOf([...new Set(out.map((d) => d.refId))]));
      for (const d of out) {
        const r = byId.get(d.refId)!;
        d.detail = { place: r.place, note: r.note, contactId: people.get(r.id)?.[0]?.id ?? null };
      }
      return out;
    },
    nextAfter(after) {
      let best: number | null = null;
      for (const r of withAlarm(isoDateOf(after), '9999-12-31')) {
        const n = nextAlarm(r, after.getTime());
        if (n !== null && (best === null || n < best)) best = n;
      }
      return best === null ? null : new Date(best);
    },
    forget: (id) => void nextCache.delete(id),
  };
}

/** Local ISO dates from `from` to `to`, both included. */
function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDay(d)) out.push(d);
  return out;
}

export type BirthdayAlarmSource = AlarmSource & { invalidate(): void };

export function birthdayAlarmSource(repo: RemindersRepo, deps: { time(): string | null; title(name: string, age: number): string }): BirthdayAlarmSource {
  let nextCache: { time: string; after: number; next: number | null } | null = null;
  /** Birthdays per local date: the scheduler asks about today again at every look; contacts changing clears it. */
  const days = new Map<string, BirthdayOccurrence[]>();
  const on = (date: string) => {
    let list = days.get(date);
    if (!list) {
      if (days.size > 8) days.clear();
      list = birthdaysOn(repo, date);
      days.set(date, list);
    }
    return list;
  };
  /** Birthdays in [from, to]: per day (cached) for the few days a look usually spans, else one range query. */
  const between = (from: string, to: string) => (to <= nextDay(nextDay(from)) ? eachDay(from, to).flatMap(on) : birthdaysBetween(repo, from, to));

  return {
    dueBetween(from, to) {
      const time = deps.time();
      if (time === null) return [];
      const out: DueItem[] = [];
      for (const b of between(isoDateOf(from), isoDateOf(to))) {
        const at = localInstant(b.date, time);
        if (at <= from || at > to || at.getTime() <= Date.parse(b.updatedAt)) continue;
        out.push({
          key: birthdayKey(b.contactId, b.date),
          at,
          occursAt: at,
          source: 'birthday',
          refId: b.contactId,
          title: deps.title(b.displayName, b.age),
          detail: { place: '', note: '', contactId: b.contactId },
        });
      }
      return out;
    },
    nextAfter(after) {
      const time = deps.time();
      if (time === null) return null;
      const a = after.getTime();
      if (nextCache && nextCache.time === time && nextCache.after <= a && (nextCache.next === null || nextCache.next > a)) {
        return nextCache.next === null ? null : new Date(nextCache.next);
      }
      let next: number | null = null;
      // Growing windows: with a big phonebook the next birthday is close; with none, a year is looked at once.
      for (const span of [1, 30, 370]) {
        const from = isoDateOf(after);
        for (const b of between(from, isoDateOf(new Date(a + span * MS_DAY)))) {
          const at = localInstant(b.date, time).getTime();
          if (at > a && (next === null || at < next)) next = at;
        }
        if (next !== null) break;
      }
      nextCache = { time, after: a, next };
      return next === null ? null : new Date(next);
    },
    invalidate: () => {
      nextCache = null;
      days.clear();
    },
  };
}
