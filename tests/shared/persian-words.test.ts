/**
 * Amounts and dates in words, checked against a small words → number parser written here
 * independently (it accumulates counts and multiplies by scale words, the way a reader does), on
 * boundaries, numbers full of zeros, and thousands of generated amounts up to 999,999,999,999,999.
 */
import { toJalaali } from 'jalaali-js';
import { JALALI_MONTHS_FA } from '../../src/shared/text/calendar';
import { amountInWords, jalaliDateInWords, MAX_WORDS_AMOUNT, numberToWords, ordinalWords } from '../../src/shared/text/persian-words';

const VALUES: Record<string, number> = {
  صفر: 0,
  یک: 1,
  دو: 2,
  سه: 3,
  چهار: 4,
  پنج: 5,
  شش: 6,
  هفت: 7,
  هشت: 8,
  نه: 9,
  ده: 10,
  یازده: 11,
  دوازده: 12,
  سیزده: 13,
  چهارده: 14,
  پانزده: 15,
  شانزده: 16,
  هفده: 17,
  هجده: 18,
  نوزده: 19,
  بیست: 20,
  سی: 30,
  چهل: 40,
  پنجاه: 50,
  شصت: 60,
  هفتاد: 70,
  هشتاد: 80,
  نود: 90,
  یکصد: 100,
  دویست: 200,
  سیصد: 300,
  چهارصد: 400,
  پانصد: 500,
  ششصد: 600,
  هفتصد: 700,
  هشتصد: 800,
  نهصد: 900,
};
const SCALES: Record<string, number> = { میلیون: 1e6, میلیارد: 1e9 };

/** Words → number. «هزار» multiplies the count built so far; «میلیون»/«میلیارد» close it into the total. */
function parseWords(text: string): number {
  const tokens = text.split(' ').filter((t) => t !== 'و');
  let total = 0;
  let current = 0;
  let expectCount = true; // a count must come before every scale word
  for (const tok of tokens) {
    if (tok in VALUES) {
      current += VALUES[tok]!;
      expectCount = false;
    } else if (tok === 'هزار') {
      if (expectCount) throw new Error(`scale without a count in «${text}»`);
      current *= 1000;
    } else if (tok in SCALES) {
      if (expectCount || current === 0) throw new Error(`scale without a count in «${text}»`);
      total += current * SCALES[tok]!;
      current = 0;
      expectCount = true;
    } else throw new Error(`unknown word «${tok}» in «${text}»`);
  }
  return total + current;
}

/** Ordinal words → number: undo «سوم», «‌ام» and the «م» ending. */
function parseOrdinal(text: string): number {
  if (text.endsWith('سوم')) return parseWords(`${text.slice(0, -3)}سه`);
  if (text.endsWith('\u200cام')) return parseWords(text.slice(0, -3));
  if (!text.endsWith('م')) throw new Error(`not an ordinal: ${text}`);
  return parseWords(text.slice(0, -1));
}

/** Deterministic generator (mulberry32), so a failure names a case that can be re-run. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Amounts of every length whose digits are often zero (the hard cases: «… میلیارد و یک»). */
function generatedAmounts(count: number): number[] {
  const r = rng(1403);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const len = 1 + Math.floor(r() * 15);
    let s = String(1 + Math.floor(r() * 9));
    for (let k = 1; k < len; k++) s += r() < 0.45 ? '0' : String(Math.floor(r() * 10));
    out.push(Number(s));
  }
  return out;
}

const BOUNDARIES = [
  0,
  1,
  9,
  10,
  11,
  19,
  20,
  21,
  99,
  100,
  101,
  110,
  199,
  200,
  999,
  1000,
  1001,
  1010,
  1100,
  9999,
  10_000,
  99_999,
  100_000,
  100_001,
  999_999,
  1_000_000,
  1_000_001,
  1_001_000,
  999_999_999,
  1_000_000_000,
  1_000_000_001,
  1_000_001_000,
  999_999_999_999,
  1_000_000_000_000,
  1_000_000_000_001,
  1_001_000_000_000,
  10_000_000_000_000,
  100_000_000_000_000,
  100_000_000_000_001,
  900_000_000_000_000,
  MAX_WORDS_AMOUNT,
];

const BAD_STYLE = /^(هزار|صد|میلیون|میلیارد)|(^| )و و |^و | و$| {2}/;
const OTHER_SPELLINGS = /(^| )(صد|یک صد|یکهزار|پونصد|هیجده|چارصد)( |$)/;

describe('numberToWords', () => {
  test.each([
    [0, 'صفر'],
    [7, 'هفت'],
    [18, 'هجده'],
    [100, 'یکصد'],
    [405, 'چهارصد و پنج'],
    [1000, 'یک هزار'],
    [1403, 'یک هزار و چهارصد و سه'],
    [2_500, 'دو هزار و پانصد'],
    [250_000_000, 'دویست و پنجاه میلیون'],
    [1_000_000_001, 'یک میلیارد و یک'],
    [1_000_000_000_000, 'یک هزار میلیارد'],
    [2_500_000_000_000, 'دو هزار و پانصد میلیارد'],
    [5_000_000_000_007, 'پنج هزار میلیارد و هفت'],
    [1_234_000_000_000, 'یک هزار و دویست و سی و چهار میلیارد'],
    [123_456_789_012_345, 'یکصد و بیست و سه هزار و چهارصد و پنجاه و شش میلیارد و هفتصد و هشتاد و نه میلیون و دوازده هزار و سیصد و چهل و پنج'],
    [MAX_WORDS_AMOUNT, 'نهصد و نود و نه هزار و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون و نهصد و نود و نه هزار و نهصد و نود و نه'],
  ])('%d → %s', (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  test('boundaries read back to the same number', () => {
    for (const n of BOUNDARIES) expect([n, parseWords(numberToWords(n))]).toEqual([n, n]);
  });

  test('20,000 generated amounts with zeros inside read back exactly, in one spelling style', () => {
    const amounts = generatedAmounts(20_000);
    expect(amounts.some((n) => n > 1e14)).toBe(true);
    for (const n of amounts) {
      const w = numberToWords(n);
      if (parseWords(w) !== n) throw new Error(`${n} → «${w}» reads back as ${parseWords(w)}`);
      // One style: no bare «صد»/«هزار» at the start, no doubled or dangling «و», single spaces.
      if (BAD_STYLE.test(w) || OTHER_SPELLINGS.test(w)) throw new Error(`${n} → «${w}» breaks the spelling style`);
    }
  });

  test('every number below 20,000 reads back', () => {
    for (let n = 0; n < 20_000; n++) if (parseWords(numberToWords(n)) !== n) throw new Error(`${n}: ${numberToWords(n)}`);
  });

  test('refuses what it cannot spell exactly', () => {
    for (const bad of [-1, 1.5, MAX_WORDS_AMOUNT + 1, Number.NaN, Infinity]) expect(() => numberToWords(bad)).toThrow(RangeError);
  });
});

describe('amountInWords', () => {
  test('«ریال» by default, another suffix or none on request', () => {
    expect(amountInWords(1_250_000)).toBe('یک میلیون و دویست و پنجاه هزار ریال');
    expect(amountInWords(1_250_000, { suffix: 'ریال تمام' })).toBe('یک میلیون و دویست و پنجاه هزار ریال تمام');
    expect(amountInWords(1_250_000, { suffix: '' })).toBe('یک میلیون و دویست و پنجاه هزار');
  });
});

describe('ordinals and dates in words', () => {
  test('day ordinals یکم … سی و یکم', () => {
    const days = Array.from({ length: 31 }, (_, i) => ordinalWords(i + 1));
    expect(days.slice(0, 10)).toEqual(['یکم', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم']);
    expect(days.slice(10, 20)).toEqual(['یازدهم', 'دوازدهم', 'سیزدهم', 'چهاردهم', 'پانزدهم', 'شانزدهم', 'هفدهم', 'هجدهم', 'نوزدهم', 'بیستم']);
    expect(days[22]).toBe('بیست و سوم');
    expect(days[29]).toBe('سی\u200cام');
    expect(days[30]).toBe('سی و یکم');
    days.forEach((d, i) => expect(parseOrdinal(d)).toBe(i + 1));
  });

  test('the reference example', () => {
    expect(jalaliDateInWords('2025-03-15')).toBe('بیست و پنجم اسفند یک هزار و چهارصد و سه');
  });

  test('every day of 1399–1405 reads back to its Jalali day, month and year', () => {
    const start = Date.UTC(2020, 2, 20); // 1399/01/01
    const end = Date.UTC(2027, 2, 21);
    for (let t = start; t < end; t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const j = toJalaali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
      const words = jalaliDateInWords(iso);
      const month = JALALI_MONTHS_FA.findIndex((m) => words.includes(` ${m} `));
      expect(month + 1).toBe(j.jm);
      const [dayWords, yearWords] = words.split(` ${JALALI_MONTHS_FA[month]} `) as [string, string];
      expect([iso, parseOrdinal(dayWords), parseWords(yearWords)]).toEqual([iso, j.jd, j.jy]);
    }
  });

  test('refuses a malformed date', () => {
    expect(() => jalaliDateInWords('1403/12/25')).toThrow(RangeError);
  });

  test('refuses an impossible date instead of reading it as a day of the next month (issue 13)', () => {
    for (const iso of ['2025-02-30', '2025-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00']) {
      expect(() => jalaliDateInWords(iso)).toThrow(RangeError);
    }
    expect(jalaliDateInWords('2024-02-29')).toBe('دهم اسفند یک هزار و چهارصد و دو'); // a leap day is a day
  });
});
