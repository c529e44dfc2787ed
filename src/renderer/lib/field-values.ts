/**
 * Values of user-defined fields between the engine's canonical text (numbers in ASCII, dates ISO,
 * yes/no '1'/'0', a choice as its option) and what the form shows and accepts.
 */
import type { CustomField } from '../../shared/contract/contacts';
import { formatDate, isIsoDate, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';

export const BOOL_YES = '1';
export const BOOL_NO = '0';

/** A canonical number in the language's digits (Persian uses '٫' as the decimal point). */
export function localNumber(value: string, lang: Lang): string {
  return localDigits(lang === 'fa' ? value.replace('.', '\u066b') : value, lang);
}

/** A canonical number for reading: thousands grouped, digits and decimal point of the language. */
export function displayNumber(value: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value);
  if (!m) return localDigits(value, lang);
  const int = formatInteger(Number(m[2]), lang);
  const frac = m[3] ? (lang === 'fa' ? '\u066b' : '.') + localDigits(m[3], lang) : '';
  return `${m[1] ?? ''}${int}${frac}`;
}

/** Canonical value → text for the form's input. */
export function fieldValueToInput(field: CustomField, value: string, cal: CalendarSystem, lang: Lang): string {
  if (field.kind === 'date' && isIsoDate(value)) return formatDate(value, cal, lang);
  if (field.kind === 'number') return localNumber(value, lang);
  return value;
}

/** Canonical value → text for the detail pane. */
export function fieldValueToDisplay(field: CustomField, value: string, cal: CalendarSystem, lang: Lang, yesNo: { yes: string; no: string }): string {
  if (field.kind === 'bool') return value === BOOL_YES ? yesNo.yes : yesNo.no;
  if (field.kind === 'date') return isIsoDate(value) ? formatDate(value, cal, lang) : value;
  if (field.kind === 'number') return displayNumber(value, lang);
  return value;
}
