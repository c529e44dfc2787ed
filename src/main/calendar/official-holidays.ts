/**
 * Iran's official holidays that fall on a fixed Jalali date. The religious holidays follow the lunar
 * calendar and move about eleven days a year; the office adds them from the official calendar each
 * year (the holiday table is editable), so they are deliberately not guessed here.
 */
import { toGregorian } from 'jalaali-js';
import type { Holiday } from '../../shared/contract/attendance';
import type { Lang } from '../../shared/text/calendar';

const FIXED: { m: number; d: number; fa: string; en: string }[] = [
  { m: 1, d: 1, fa: 'عید نوروز', en: 'Nowruz' },
  { m: 1, d: 2, fa: 'عید نوروز', en: 'Nowruz' },
  { m: 1, d: 3, fa: 'عید نوروز', en: 'Nowruz' },
  { m: 1, d: 4, fa: 'عید نوروز', en: 'Nowruz' },
  { m: 1, d: 12, fa: 'روز جمهوری اسلامی', en: 'Islamic Republic Day' },
  { m: 1, d: 13, fa: 'روز طبیعت', en: 'Nature Day' },
  { m: 3, d: 14, fa: 'رحلت امام خمینی', en: 'Death of Imam Khomeini' },
  { m: 3, d: 15, fa: 'قیام ۱۵ خرداد', en: '15 Khordad uprising' },
  { m: 11, d: 22, fa: 'پیروزی انقلاب اسلامی', en: 'Revolution Day' },
  { m: 12, d: 29, fa: 'ملی شدن صنعت نفت', en: 'Oil Nationalisation Day' },
];

const pad = (n: number) => String(n).padStart(2, '0');

/** The fixed-date official holidays of a Jalali year, as ISO dates with titles in the language. */
export function officialHolidays(jalaliYear: number, lang: Lang): Holiday[] {
  return FIXED.map((h) => {
    const g = toGregorian(jalaliYear, h.m, h.d);
    return { date: `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`, title: lang === 'fa' ? h.fa : h.en };
  });
}
