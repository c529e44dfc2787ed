/**
 * When a reminder happens again. Times are office wall-clock times (a date and 'HH:MM' in the
 * machine's time zone; Iran has had no daylight saving since 2022, so a wall-clock time is one instant),
 * and monthly/yearly repeats follow the Jalali calendar, as an Iranian office counts them: "every
 * month on the 25th" means the 25th of Farvardin, Ordibehesht, …; a day the month lacks (31 in Mehr,
 * 30 in a common-year Esfand) falls on the month's last day.
 */
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

/** Iranian week: 0 = Saturday … 6 = Friday. */
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export type Repeat =
  | { kind: 'none' }
  | { kind: 'daily'; every: number }
  | { kind: 'weekly'; days: WeekDay[]; every: number }
  | { kind: 'monthly'; day: number } // Jalali day of month, 1–31
  | { kind: 'yearly'; month: number; day: number }; // Jalali month and day

export type Schedule = {
  /** First occurrence: ISO date and 'HH:MM' local time. */
  date: string;
  time: string;
  repeat: Repeat;
  /** Last date (ISO, inclusive) on which it may occur; null = forever. */
  until: string | null;
};

const pad = (n: number) => String(n).padStart(2, '0');
const MS_DAY = 86_400_000;

function isoParts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The instant of a local wall-clock date and time. */
export function localInstant(iso: string, time: string): Date {
  const [y, m, d] = isoParts(iso);
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0);
}

function isoOfLocal(t: Date): string {
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** Days since 1970-01-01 of an ISO date, independent of the time zone. */
function dayNumber(iso: string): number {
  const [y, m, d] = isoParts(iso);
  return Math.round(Date.UTC(y, m - 1, d) / MS_DAY);
}

function isoOfDayNumber(n: number): string {
  const t = new Date(n * MS_DAY);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Iranian weekday (0 = Saturday) of an ISO date. */
export function weekDayOf(iso: string): WeekDay {
  // 1970-01-01 was a Thursday = 5 in the Iranian week.
  return ((((dayNumber(iso) + 5) % 7) + 7) % 7) as WeekDay;
}

function jalaliDate(jy: number, jm: number, day: number): string {
  const d = Math.min(day, jalaaliMonthLength(jy, jm));
  const g = toGregorian(jy, jm, d);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** Does the schedule occur on this ISO date (ignoring `until`)? */
function occursOn(s: Schedule, iso: string): boolean {
  const delta = dayNumber(iso) - dayNumber(s.date);
  if (delta < 0) return false;
  const r = s.repeat;
  switch (r.kind) {
    case 'none':
      return delta === 0;
    case 'daily':
      return delta % Math.max(1, r.every) === 0;
    case 'weekly': {
      const weeks = Math.floor((delta + weekDayOf(s.date)) / 7);
      return weeks % Math.max(1, r.every) === 0 && r.days.includes(weekDayOf(iso));
    }
    case 'monthly': {
      const [y, m, d] = isoParts(iso);
      const j = toJalaali(y, m, d);
      return jalaliDate(j.jy, j.jm, r.day) === iso;
    }
    case 'yearly': {
      const [y, m, d] = isoParts(iso);
      const j = toJalaali(y, m, d);
      return j.jm === r.month && jalaliDate(j.jy, r.month, r.day) === iso;
    }
  }
}

/**
 * Occurrence instants in [from, to), in order. Walks day by day, so ranges are meant to be what a
 * screen or the alarm scheduler looks at (days to a few years); a year of daily repeats is 366 steps.
 */
export function occurrencesBetween(s: Schedule, from: Date, to: Date): Date[] {
  const out: Date[] = [];
  const first = Math.max(dayNumber(s.date), dayNumber(isoOfLocal(from)));
  const last = Math.min(dayNumber(isoOfLocal(to)), s.until ? dayNumber(s.until) : Number.POSITIVE_INFINITY);
  for (let n = first; n <= last; n++) {
    const iso = isoOfDayNumber(n);
    if (!occursOn(s, iso)) continue;
    const t = localInstant(iso, s.time);
    if (t >= from && t < to) out.push(t);
  }
  return out;
}

/** The first occurrence strictly after `after`, or null when there is none (ended, or none in 5 years). */
export function nextOccurrence(s: Schedule, after: Date): Date | null {
  const horizon = new Date(after.getTime() + 5 * 366 * MS_DAY);
  const start = new Date(after.getTime() + 1);
  // Look in growing windows so the common case (soon) stays cheap.
  for (let span = 8 * MS_DAY; ; span *= 4) {
    const end = new Date(Math.min(start.getTime() + span, horizon.getTime()));
    const [t] = occurrencesBetween(s, start, end);
    if (t) return t;
    if (end >= horizon) return null;
  }
}
