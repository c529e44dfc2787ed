/**
 * Everything a component needs to put text on screen in the user's language: the messages, the
 * writing direction, digits in the language's script and dates in the chosen calendar (the calendar
 * is its own setting, independent of the language).
 */
import { createContext } from 'react';
import { formatDate, formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { messages, type Messages } from './messages';

export type Locale = {
  lang: Lang;
  calendar: CalendarSystem;
  dir: 'rtl' | 'ltr';
  t: Messages;
  /** Integer with thousands separators in the language's digits. */
  num: (n: number) => string;
  /** Any text with its digits in the language's script (phone numbers, codes). */
  digits: (s: string | number) => string;
  /** ISO calendar date in the chosen calendar. */
  date: (iso: string) => string;
  /** ISO instant as local date and time in the chosen calendar. */
  instant: (iso: string) => string;
};

export function makeLocale(lang: Lang, calendar: CalendarSystem): Locale {
  return {
    lang,
    calendar,
    dir: lang === 'fa' ? 'rtl' : 'ltr',
    t: messages[lang],
    num: (n) => formatInteger(n, lang),
    digits: (s) => localDigits(s, lang),
    date: (iso) => formatDate(iso, calendar, lang),
    instant: (iso) => formatInstant(iso, calendar, lang),
  };
}

export const LocaleContext = createContext<Locale>(makeLocale('fa', 'jalali'));
