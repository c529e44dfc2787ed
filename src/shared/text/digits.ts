/** Digit conversion between ASCII, Persian (U+06F0..) and Arabic-Indic (U+0660..) digits. */

const PERSIAN_ZERO = 0x06f0;
const ARABIC_ZERO = 0x0660;

/** Any Persian or Arabic-Indic digit becomes its ASCII digit; everything else is kept. */
export function toAsciiDigits(s: string): string {
  return s.replace(/[\u06f0-\u06f9\u0660-\u0669]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_ZERO);
  });
}

/** ASCII and Arabic-Indic digits become Persian digits (for display in Persian). */
export function toPersianDigits(s: string): string {
  return toAsciiDigits(s).replace(/[0-9]/g, (d) => String.fromCharCode(PERSIAN_ZERO + Number(d)));
}

/** Digits in the script of the UI language: Persian digits for 'fa', ASCII for 'en'. */
export function localDigits(s: string | number, lang: 'fa' | 'en'): string {
  const text = String(s);
  return lang === 'fa' ? toPersianDigits(text) : toAsciiDigits(text);
}

/** Groups thousands (Persian uses the Arabic thousands separator U+066C). */
export function formatInteger(n: number, lang: 'fa' | 'en'): string {
  const grouped = Math.trunc(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fa' ? '\u066c' : ',');
  return localDigits(grouped, lang);
}
