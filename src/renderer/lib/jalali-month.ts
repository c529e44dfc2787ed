/** First and last ISO dates of a Jalali month (the attendance book works in Jalali months). */
import { jalaaliMonthLength, toGregorian } from 'jalaali-js';

const pad = (n: number) => String(n).padStart(2, '0');

export function jalaliMonthBounds(year: number, month: number): { from: string; to: string } {
  const a = toGregorian(year, month, 1);
  const b = toGregorian(year, month, jalaaliMonthLength(year, month));
  return { from: `${a.gy}-${pad(a.gm)}-${pad(a.gd)}`, to: `${b.gy}-${pad(b.gm)}-${pad(b.gd)}` };
}
