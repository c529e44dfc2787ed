/**
 * Dates for display and input. Dates are stored as ISO 'YYYY-MM-DD' (calendar dates) or ISO UTC
 * instants; the UI shows them in the calendar the user chose (Jalali by default), independent of the
 * UI language.
 */
import { isValidJalaaliDate, toGregorian, toJalaali } from 'jalaali-js';
import { localDigits, toAsciiDigits } from './digits';

export type CalendarSystem = 'jalali' | 'gregorian';
export type Lang = 'fa' | 'en';

export const JALALI_MONTHS_FA = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
export const JALALI_MONTHS_EN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Is this a real Gregorian calendar date in ISO form? */
export function isIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** ISO date → {year, month, day} in the given calendar. */
export function isoToParts(iso: string, cal: CalendarSystem): { y: number; m: number; d: number } {
  const [gy, gm, gd] = iso.split('-').map(Number) as [number, number, number];
  if (cal === 'gregorian') return { y: gy, m: gm, d: gd };
  const j = toJalaali(gy, gm, gd);
  return { y: j.jy, m: j.jm, d: j.jd };
}

/** ISO date → 'YYYY/MM/DD' in the calendar, digits in the language's script. */
export function formatDate(iso: string, cal: CalendarSystem, lang: Lang): string {
  if (!isIsoDate(iso)) return iso;
  const { y, m, d } = isoToParts(iso, cal);
  return localDigits(`${y}/${pad(m)}/${pad(d)}`, lang);
}

/** ISO date → '25 Esfand 1403' style, month by name. */
export function formatDateLong(iso: string, cal: CalendarSystem, lang: Lang): string {
  if (!isIsoDate(iso)) return iso;
  const { y, m, d } = isoToParts(iso, cal);
  if (cal === 'jalali') {
    const month = (lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[m - 1];
    return localDigits(`${d} ${month} ${y}`, lang);
  }
  const month = new Date(Date.UTC(y, m - 1, d)).toLocaleString(lang === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-GB', { month: 'long', timeZone: 'UTC' });
  return localDigits(`${d} ${month} ${y}`, lang);
}

/** UTC instant → local date and time in the calendar ('1403/12/25 14:05'). */
export function formatInstant(isoInstant: string, cal: CalendarSystem, lang: Lang): string {
  const t = new Date(isoInstant);
  if (Number.isNaN(t.getTime())) return isoInstant;
  const localIso = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatDate(localIso, cal, lang)} ${localDigits(`${pad(t.getHours())}:${pad(t.getMinutes())}`, lang)}`;
}

/**
 * Parses a date typed in the calendar ('1403/12/25', '۱۴۰۳-۱۲-۲۵', '1403.1.5') into ISO.
 * Returns null when the text is not a valid date of that calendar.
 */
export function parseDateInput(text: string, cal: CalendarSystem): string | null {
  const m = /^\s*(\d{4})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*$/.exec(toAsciiDigits(text));
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (cal === 'gregorian') {
    const iso = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    return isIsoDate(iso) ? iso : null;
  }
  if (!isValidJalaaliDate(y, mo, d)) return null;
  const g = toGregorian(y, mo, d);
  return `${pad(g.gy, 4)}-${pad(g.gm)}-${pad(g.gd)}`;
}

/**
 * An ISO date as it goes into a file name: 'YYYY-MM-DD' in the user's calendar (a Jalali user's
 * «contacts 1405-09-16.pdf» sorts and reads as the dates on screen), always ASCII digits and dashes,
 * which every file system and mail program keeps intact.
 */
export function fileNameDate(iso: string, cal: CalendarSystem): string {
  if (!isIsoDate(iso)) return iso;
  const { y, m, d } = isoToParts(iso, cal);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Today's ISO date in local time of the given clock instant. */
export function isoDateOf(t: Date): string {
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
