/**
 * Date ranges the office thinks in (reports, the reminder book): today, this week (Iranian weeks run Saturday to Friday), this
 * and last month and this year — Jalali months and years with the Jalali calendar (the default),
 * Gregorian ones when the user chose that calendar. Pure: "today" is passed in.
 */
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { isoDateOf, type CalendarSystem } from '../../shared/text/calendar';

export const RANGE_PRESETS = ['today', 'week', 'month', 'lastMonth', 'year'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export type DateRange = { from: string; to: string };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** ISO date plus `days` (calendar arithmetic in UTC, so daylight saving never skips a day). */
export function addDays(isoDate: string, days: number): string {
  const t = new Date(`${isoDate}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** Saturday on or before the date: the first day of its Iranian week. */
export function weekStart(isoDate: string): string {
  const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay(); // 0 = Sunday … 6 = Saturday
  return addDays(isoDate, -((weekday + 1) % 7));
}

function monthRange(y: number, m: number, calendar: CalendarSystem): DateRange {
  if (calendar === 'gregorian') {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { from: iso(y, m, 1), to: iso(y, m, last) };
  }
  const a = toGregorian(y, m, 1);
  const b = toGregorian(y, m, jalaaliMonthLength(y, m));
  return { from: iso(a.gy, a.gm, a.gd), to: iso(b.gy, b.gm, b.gd) };
}

/** The whole period (week, month, year) containing `today`, or the one before for 'lastMonth'. */
export function presetRange(preset: RangePreset, today: Date, calendar: CalendarSystem): DateRange {
  const day = isoDateOf(today);
  const [gy, gm, gd] = day.split('-').map(Number) as [number, number, number];
  const j = toJalaali(gy, gm, gd);
  const [y, m] = calendar === 'jalali' ? [j.jy, j.jm] : [gy, gm];
  switch (preset) {
    case 'today':
      return { from: day, to: day };
    case 'week': {
      const from = weekStart(day);
      return { from, to: addDays(from, 6) };
    }
    case 'month':
      return monthRange(y, m, calendar);
    case 'lastMonth':
      return m === 1 ? monthRange(y - 1, 12, calendar) : monthRange(y, m - 1, calendar);
    case 'year':
      return { from: monthRange(y, 1, calendar).from, to: monthRange(y, 12, calendar).to };
  }
}
