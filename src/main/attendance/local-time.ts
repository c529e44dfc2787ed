/**
 * Local calendar dates and wall-clock times of the office ↔ instants. The office keeps one time zone
 * (the machine's); Iran has had no daylight saving since 2022, so a local date and time names one
 * instant. Day arithmetic is done on the calendar date in UTC so it never skips or repeats a day.
 */
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ms since the epoch of a local date ('YYYY-MM-DD') at 'HH:MM'. */
export function localMs(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm, 0, 0).getTime();
}

/** The local date of an instant. */
export function localDate(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getFullYear(), 4)}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}

/** The local wall-clock time of an instant, 'HH:MM'. */
export function localTime(ms: number): string {
  const t = new Date(ms);
  return `${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Every date from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Iranian weekday of a date: 0 = Saturday … 6 = Friday. */
export function iranWeekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 1) % 7;
}

/** First and last ISO dates of a Jalali month. */
export function jalaliMonthRange(year: number, month: number): { from: string; to: string } {
  const a = toGregorian(year, month, 1);
  const b = toGregorian(year, month, jalaaliMonthLength(year, month));
  return { from: `${a.gy}-${pad(a.gm)}-${pad(a.gd)}`, to: `${b.gy}-${pad(b.gm)}-${pad(b.gd)}` };
}

/** The Jalali year and month of a date. */
export function jalaliMonthOf(date: string): { year: number; month: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const j = toJalaali(y, m, d);
  return { year: j.jy, month: j.jm };
}

/** Minutes of 'HH:MM' since midnight. */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};
