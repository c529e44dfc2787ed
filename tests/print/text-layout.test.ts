/** Truncation and wrapping measured on shaped text. */
import { join } from 'node:path';
import { createShaper, type Shaper } from '../../src/print/shaping/text-shaper';
import { ELLIPSIS, truncateToWidth, wrapText, type TextStyle } from '../../src/print/shaping/text-layout';

const FONT = join(__dirname, '../../assets/fonts/Vazirmatn-Regular.ttf');
const fa: TextStyle = { fontPath: FONT, sizePt: 10, baseDir: 'rtl' };
const en: TextStyle = { fontPath: FONT, sizePt: 10, baseDir: 'ltr' };

let shaper: Shaper;
const width = (s: string, st: TextStyle) => shaper.measure(s, st.fontPath, st.sizePt, st.baseDir);

beforeAll(async () => {
  shaper = await createShaper();
});

describe('truncateToWidth', () => {
  test('keeps text that fits', () => {
    expect(truncateToWidth(shaper, 'علی احمدی', fa, 200)).toBe('علی احمدی');
  });

  test('cuts at a grapheme and ends with an ellipsis, within the width', () => {
    const text = 'گروه صنعتی ایران‌خودرو (سهامی عام)';
    const max = width(text, fa) / 2;
    const cut = truncateToWidth(shaper, text, fa, max);
    expect(cut.endsWith(ELLIPSIS)).toBe(true);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(width(cut, fa)).toBeLessThanOrEqual(max);
    // Not needlessly short: one more character would not fit.
    const kept = cut.slice(0, -1);
    const longer = text.slice(0, kept.length + 1).trimEnd() + ELLIPSIS;
    if (longer !== cut) expect(width(longer, fa)).toBeGreaterThan(max);
  });

  test('never splits a letter from its mark', () => {
    const text = 'بِسْمِ اللّهِ الرَّحْمنِ';
    for (const max of [15, 20, 25, 30, 40, 50]) {
      const kept = truncateToWidth(shaper, text, fa, max).slice(0, -1);
      // The character after the cut is never a diacritic left behind by its letter.
      expect(/[\u064b-\u0652]/.test(text.charAt(kept.trimEnd().length))).toBe(false);
    }
  });

  test('returns an empty string when even the ellipsis does not fit', () => {
    expect(truncateToWidth(shaper, 'Hello', en, 1)).toBe('');
  });
});

describe('wrapText', () => {
  const paragraph =
    'تماس گرفته شد دربارهٔ پیش‌فاکتور شمارهٔ ۱۴۰۰. قرار شد نسخهٔ نهایی قرارداد تا پایان هفته ارسال شود و پس از امضا، پرداخت مرحلهٔ اول انجام ' + 'گیرد.';

  test('every line fits and no word is lost or split', () => {
    const lines = wrapText(shaper, paragraph, fa, 150);
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(width(l, fa)).toBeLessThanOrEqual(150);
    expect(lines.join(' ')).toBe(paragraph);
  });

  test('lines are filled greedily: the next word would not have fitted', () => {
    const lines = wrapText(shaper, paragraph, fa, 150);
    for (let i = 0; i < lines.length - 1; i++) {
      const nextWord = (lines[i + 1] ?? '').split(' ')[0];
      expect(width(`${lines[i]} ${nextWord}`, fa)).toBeGreaterThan(150);
    }
  });

  test('newlines start paragraphs and empty lines stay', () => {
    expect(wrapText(shaper, 'یک\n\nدو\r\nسه', fa, 500)).toEqual(['یک', '', 'دو', 'سه']);
  });

  test('a word wider than the line is cut between graphemes', () => {
    const long = 'ali.hosseini.very.long.address@parsonline.example';
    const lines = wrapText(shaper, long, en, 60);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(long);
    for (const l of lines) expect(width(l, en)).toBeLessThanOrEqual(60);
  });
});
