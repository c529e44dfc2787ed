/**
 * Birthdays from the phonebook, on the JALALI anniversary of the birth date (as an Iranian office
 * keeps them): born 1369/02/11 → every 11 Ordibehesht. A birth on 30 Esfand (leap year) falls on
 * 29 Esfand in common years, the rule the reminder repeats use.
 *
 * The anniversary's Gregorian month-day moves by at most 3 days between years (checked for
 * 1800–2100), so the database is asked for birth month-days within a few days of the range
 * (index contacts_by_birthday) and the exact dates are worked out here.
 */
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import type { BirthdayRow, RemindersRepo } from './reminders.repo';

export type BirthdayOccurrence = {
  contactId: number;
  displayName: string;
  /** Local ISO date of the anniversary. */
  date: string;
  /** Age reached that day (Jalali years). */
  age: number;
  /** When the contact last changed (ISO instant). */
  updatedAt: string;
};

const MS_DAY = 86_400_000;
const SLACK_DAYS = 4;
const pad = (n: number) => String(n).padStart(2, '0');

const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_DAY);
const isoOfDay = (n: number) => new Date(n * MS_DAY).toISOString().slice(0, 10);

function jalaliOf(iso: string) {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return toJalaali(y, m, d);
}

/** Gregorian ISO date of Jalali (jy, jm, jd), the day clamped to the month's length. */
export function jalaliToIso(jy: number, jm: number, jd: number): string {
  const g = toGregorian(jy, jm, Math.min(jd, jalaaliMonthLength(jy, jm)));
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** The [lo, hi] 'MM-DD' windows of birth dates that can have an anniversary in [from, to]. */
function monthDayWindows(from: string, to: string): [string, string][] {
  const a = dayNumber(from) - SLACK_DAYS;
  const b = dayNumber(to) + SLACK_DAYS;
  if (b - a >= 365) return [['01-01', '12-31']];
  const lo = isoOfDay(a).slice(5);
  const hi = isoOfDay(b).slice(5);
  return lo <= hi
    ? [[lo, hi]]
    : [
        [lo, '12-31'],
        ['01-01', hi],
      ];
}

/** Anniversaries of one birth date in [from, to] (local ISO dates), from the first birthday on. */
export function anniversaries(birthDate: string, from: string, to: string): { date: string; age: number }[] {
  const b = jalaliOf(birthDate);
  const out: { date: string; age: number }[] = [];
  for (let jy = Math.max(jalaliOf(from).jy, b.jy + 1); jy <= jalaliOf(to).jy; jy++) {
    const date = jalaliToIso(jy, b.jm, b.jd);
    if (date >= from && date <= to) out.push({ date, age: jy - b.jy });
  }
  return out;
}

/** Jalali years of the births looked for (Gregorian 1721–2121): where a Jalali month-day can fall. */
const BIRTH_YEARS = { first: 1100, last: 1500 };
const monthDaysOf = new Map<string, string[]>();

/**
 * The Gregorian 'MM-DD's a birth must have to be celebrated on `date`: those of the same Jalali
 * month-day in any birth year — and on 29 Esfand of a common year, of 30 Esfand too. Three or four.
 */
function birthMonthDaysFor(date: string): string[] {
  const j = jalaliOf(date);
  const days = [j.jd];
  if (j.jm === 12 && j.jd === jalaaliMonthLength(j.jy, 12) && j.jd === 29) days.push(30);
  const out = new Set<string>();
  for (const jd of days) {
    const key = `${j.jm}-${jd}`;
    let mds = monthDaysOf.get(key);
    if (!mds) {
      const set = new Set<string>();
      for (let jy = BIRTH_YEARS.first; jy <= BIRTH_YEARS.last; jy++) {
        if (jd <= jalaaliMonthLength(jy, j.jm)) set.add(jalaliToIso(jy, j.jm, jd).slice(5));
      }
      mds = [...set];
      monthDaysOf.set(key, mds);
    }
    for (const md of mds) out.add(md);
  }
  return [...out];
}

/** Every contact's birthday on one local date: a few exact index lookups instead of a range with slack. */
export function birthdaysOn(repo: RemindersRepo, date: string): BirthdayOccurrence[] {
  const out: BirthdayOccurrence[] = [];
  const j = jalaliOf(date);
  for (const md of birthMonthDaysFor(date)) {
    for (const r of repo.birthdaysOnMonthDay(md)) {
      const b = jalaliOf(r.birth_date);
      if (b.jy >= j.jy || jalaliToIso(j.jy, b.jm, b.jd) !== date) continue;
      out.push({ contactId: r.id, displayName: r.display_name, date, age: j.jy - b.jy, updatedAt: r.updated_at });
    }
  }
  return out;
}

/** Every contact's birthday in [from, to] (local ISO dates), in no particular order. */
export function birthdaysBetween(repo: RemindersRepo, from: string, to: string): BirthdayOccurrence[] {
  if (from > to) return [];
  const rows: BirthdayRow[] = monthDayWindows(from, to).flatMap(([lo, hi]) => repo.birthdaysBetween(lo, hi));
  const out: BirthdayOccurrence[] = [];
  for (const r of rows) {
    for (const a of anniversaries(r.birth_date, from, to)) {
      out.push({ contactId: r.id, displayName: r.display_name, date: a.date, age: a.age, updatedAt: r.updated_at });
    }
  }
  return out;
}
