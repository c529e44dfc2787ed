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

const DIGIT = /[0-9\u06f0-\u06f9\u0660-\u0669]/;
/** What a user or a pasted text may put between groups (a dot is not: '۱۲.۵' must stay visibly wrong). */
const SEPARATORS = /[,\u066c\u060c\s'’_\u200c\u200e\u200f]/g;

/**
 * Thousands grouped while an amount is typed. `typed` is the field's text after the keystroke or paste,
 * `caret` where the browser left the caret in it, `before` the text before, `inputType` the InputEvent's.
 * Text that is digits and separators only is regrouped in the script the user typed (Persian or Arabic-
 * Indic digits → Persian digits with '٬', else ASCII with ','), and the caret stays after the same digit;
 * anything else is left as typed (parseAmount names the mistake on save). Deleting a separator deletes
 * the digit beside it, as in spreadsheets — otherwise Backspace would seem to do nothing.
 */
export function groupAmountInput(before: string, typed: string, caret: number, inputType = ''): { text: string; caret: number } {
  let digits = typed.replace(SEPARATORS, '');
  if (digits === '' || ![...digits].every((ch) => DIGIT.test(ch))) return { text: typed, caret };
  let at = [...typed.slice(0, caret)].filter((ch) => DIGIT.test(ch)).length;
  if (typed.length < before.length && before.replace(SEPARATORS, '') === digits) {
    if (inputType === 'deleteContentBackward' && at > 0) {
      digits = digits.slice(0, at - 1) + digits.slice(at);
      at -= 1;
    } else if (inputType === 'deleteContentForward' && at < digits.length) {
      digits = digits.slice(0, at) + digits.slice(at + 1);
    }
  }
  const persian = /[\u06f0-\u06f9\u0660-\u0669]/.test(digits);
  const ascii = toAsciiDigits(digits);
  let text = '';
  let pos = at === 0 ? 0 : -1;
  for (let i = 0; i < ascii.length; i++) {
    text += ascii[i];
    if (i + 1 === at) pos = text.length;
    const left = ascii.length - i - 1;
    if (left > 0 && left % 3 === 0) text += persian ? '\u066c' : ',';
  }
  return { text: persian ? localDigits(text, 'fa') : text, caret: pos === -1 ? text.length : pos };
}
