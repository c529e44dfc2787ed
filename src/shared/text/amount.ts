/**
 * Money amounts as users type and read them. Cheque amounts are whole rials (ریال); many people think
 * in toman (تومان, ten rials), so the UI can show toman too. Typed amounts may use any digit script
 * and group thousands with ',', '٬' (U+066C), '،', a space, an apostrophe or — in groups of three —
 * dots.
 */
import { formatInteger, localDigits, toAsciiDigits } from './digits';

/** The largest amount a cheque may carry (the words printer handles up to this). */
export const MAX_AMOUNT_RIALS = 999_999_999_999_999;

/** Whole rials from typed text, or null when it is not a whole positive amount within range. */
export function parseAmount(text: string): number | null {
  let s = toAsciiDigits(text).replace(/[\s\u200c\u200e\u200f,\u066c\u060c'’_]/g, '');
  s = s.replace(/(ریال|rials?|RLS|IRR)$/i, '');
  if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replace(/\./g, '');
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_AMOUNT_RIALS ? n : null;
}

/** Rials with thousands separators in the language's digits ('۱۲٬۵۰۰٬۰۰۰'). */
export function formatRials(rials: number, lang: 'fa' | 'en'): string {
  return formatInteger(rials, lang);
}

/** Toman (rials / 10) with separators; a rial amount not divisible by ten keeps its tenth ('۱٬۲۵۰٫۵'). */
export function formatToman(rials: number, lang: 'fa' | 'en'): string {
  const whole = formatInteger(Math.trunc(rials / 10), lang);
  const tenth = rials % 10;
  return tenth === 0 ? whole : `${whole}${lang === 'fa' ? '\u066b' : '.'}${localDigits(tenth, lang)}`;
}
