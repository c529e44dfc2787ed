/**
 * Numbers, rial amounts and Jalali dates in Persian words, as they are written on cheques.
 *
 * One spelling style throughout (cheque practice: every scale word has its count, so nothing can be
 * put in front of it): «یک هزار», «یکصد», «چهارصد», «پانصد», «هجده»; parts joined with « و ».
 * Scales: هزار، میلیون، میلیارد, and «هزار میلیارد» above that (10¹² is read as a thousand milliards,
 * so 1,234,000,000,000 is «یک هزار و دویست و سی و چهار میلیارد»). Exact for every integer from 0 to
 * 999,999,999,999,999 (below 2⁵³, so plain numbers are exact).
 */
import { toJalaali } from 'jalaali-js';
import { isIsoDate, JALALI_MONTHS_FA } from './calendar';

export const MAX_WORDS_AMOUNT = 999_999_999_999_999;

const ONES = ['', 'یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه'];
const TEENS = ['ده', 'یازده', 'دوازده', 'سیزده', 'چهارده', 'پانزده', 'شانزده', 'هفده', 'هجده', 'نوزده'];
const TENS = ['', '', 'بیست', 'سی', 'چهل', 'پنجاه', 'شصت', 'هفتاد', 'هشتاد', 'نود'];
const HUNDREDS = ['', 'یکصد', 'دویست', 'سیصد', 'چهارصد', 'پانصد', 'ششصد', 'هفتصد', 'هشتصد', 'نهصد'];
const AND = ' و ';

/** 1..999 in words ('' for 0). */
function below1000(n: number): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) parts.push(HUNDREDS[h] ?? '');
  if (rest >= 10 && rest < 20) parts.push(TEENS[rest - 10] ?? '');
  else {
    const t = Math.floor(rest / 10);
    const o = rest % 10;
    if (t > 0) parts.push(TENS[t] ?? '');
    if (o > 0) parts.push(ONES[o] ?? '');
  }
  return parts.join(AND);
}

/** 1..999,999 in words ('' for 0): «X هزار و Y». */
function below1e6(n: number): string {
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (th > 0) parts.push(`${below1000(th)} هزار`);
  if (rest > 0) parts.push(below1000(rest));
  return parts.join(AND);
}

function checkRange(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_WORDS_AMOUNT) {
    throw new RangeError(`persian-words: ${n} is not an integer from 0 to ${MAX_WORDS_AMOUNT}`);
  }
}

/**
 * An integer from 0 to 999,999,999,999,999 in Persian words: 0 → «صفر», 1000 → «یک هزار»,
 * 2,500,000,000,000 → «دو هزار و پانصد میلیارد». Throws a RangeError outside that range.
 */
export function numberToWords(n: number): string {
  checkRange(n);
  if (n === 0) return 'صفر';
  const milliards = Math.floor(n / 1e9); // up to 999,999: «… هزار و … میلیارد»
  const rest = n % 1e9;
  const millions = Math.floor(rest / 1e6);
  const belowMillion = rest % 1e6;
  const parts: string[] = [];
  if (milliards > 0) parts.push(`${below1e6(milliards)} میلیارد`);
  if (millions > 0) parts.push(`${below1000(millions)} میلیون`);
  if (belowMillion > 0) parts.push(below1e6(belowMillion));
  return parts.join(AND);
}

export type AmountWordsOptions = {
  /** Word after the amount, such as «ریال» (default) or «ریال تمام»; '' for none. */
  suffix?: string;
};

/** A rial amount in words for a cheque: «یک میلیون و دویست هزار ریال». */
export function amountInWords(rials: number, opts: AmountWordsOptions = {}): string {
  const suffix = opts.suffix ?? 'ریال';
  const words = numberToWords(rials);
  return suffix === '' ? words : `${words} ${suffix}`;
}

/**
 * Ordinal in words with the «-م» ending as dates use it: 1 → «یکم», 3 → «سوم», 23 → «بیست و سوم»,
 * 30 → «سی‌ام» (with ZWNJ), 31 → «سی و یکم». From 1 to 999,999,999,999,999.
 */
export function ordinalWords(n: number): string {
  if (n < 1) throw new RangeError(`persian-words: no ordinal for ${n}`);
  const words = numberToWords(n);
  if (words.endsWith('سه')) return `${words.slice(0, -2)}سوم`;
  if (words.endsWith('ی')) return `${words}\u200cام`; // سی‌ام: the letter would otherwise join «یم»
  return `${words}م`;
}

/** ISO date → Jalali date in words, day as an ordinal: «بیست و پنجم اسفند یک هزار و چهارصد و سه». Throws a RangeError for a day that does not exist. */
export function jalaliDateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  // isIsoDate also refuses days that do not exist (Feb 30, Apr 31): the conversion would silently
  // carry them into the next month, and a cheque would say a date nobody wrote.
  if (!m || !isIsoDate(iso)) throw new RangeError(`persian-words: ${iso} is not an ISO date of a real day`);
  const j = toJalaali(Number(m[1]), Number(m[2]), Number(m[3]));
  return `${ordinalWords(j.jd)} ${JALALI_MONTHS_FA[j.jm - 1] ?? ''} ${numberToWords(j.jy)}`;
}
