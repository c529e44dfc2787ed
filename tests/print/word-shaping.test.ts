/**
 * The word cache of the run shaper (src/print/shaping/run-shaper.ts): in the shipped fonts a line put
 * together from words shaped one by one (or cut out of an earlier line) must be glyph for glyph what
 * HarfBuzz gives for each span shaped whole — amounts and dates in words, names with ZWNJ, Latin names,
 * digits, guard signs, the lam-alef ligature. A user's font is never shaped by words.
 */
import { builtinFontPath } from '../../src/print/cheque/cheque-fonts';
import { runSpans, shapeRuns } from '../../src/print/shaping/run-shaper';
import { createShaper, type ShapedGlyph, type Shaper } from '../../src/print/shaping/text-shaper';
import { chequeFieldText } from '../../src/shared/text/cheque-field-text';

const NAMES = [
  'علی‌رضا حسینی‌نژاد',
  'شرکت پارس‌آنلاین',
  'فاطمه‌زهرا میرزایی',
  'Asia Tech Co. 2024',
  'گروه صنعتی ایران‌خودرو',
  'لا اله',
  'یوسف ژیان چگینی (سهامی خاص)',
  'mehr  & co',
];

/** The texts a cheque prints: amounts and dates in words with guards and suffix, payees, purposes, numbers. */
function corpus(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const v = {
      date: new Date(Date.UTC(2018, 0, 1) + i * 86_400_000 * 5).toISOString().slice(0, 10),
      amountRials: 1000 + i * 7_919_113 + ((i * i) % 1000),
      payee: `${NAMES[i % NAMES.length]} ${i}`,
      nationalId: '0012345679',
      purpose: `بابت فاکتور ${i} و «قسط» ${i % 7}`,
      sayadId: '1234567890123456',
    };
    out.push(chequeFieldText({ kind: 'amountWords', suffix: 'ریال', guard: 'slashes', text: '', digits: 'fa' }, v));
    out.push(chequeFieldText({ kind: 'dateWords', suffix: '', guard: 'none', text: '', digits: 'fa' }, v));
    out.push(chequeFieldText({ kind: 'payee', suffix: '', guard: 'hash', text: '', digits: 'fa' }, v));
    out.push(chequeFieldText({ kind: 'purpose', suffix: '', guard: 'star', text: '', digits: 'latin' }, v));
  }
  return out;
}

/** Every span of the line shaped whole by HarfBuzz, with the line as context: what the runs must hold. */
function wholeSpans(shaper: Shaper, text: string, fonts: string[]): ShapedGlyph[][] {
  return runSpans(shaper, text, fonts, 'rtl').map((span) => shaper.shapeSpan(text, span, span.fontPath));
}

describe('shaping by words in the shipped fonts', () => {
  const chains = () => [[builtinFontPath('nastaliq'), builtinFontPath('vazirmatn')], [builtinFontPath('vazirmatn')], [builtinFontPath('vazirmatn-bold')]];

  // The first lines are shaped whole (every word new); later ones mostly come from known words, with one or
  // two new words (a payee's number, a rarer amount word) shaped alone; the second pass adds a new last word.
  test('gives the glyphs of whole spans, whether shaped whole, put together from known words or with a few new words', async () => {
    const shaper = await createShaper();
    const texts = corpus(150);
    let compared = 0;
    for (const fonts of chains()) {
      for (const pass of [texts, texts.map((t, i) => `${t} ${i}x`)]) {
        for (const text of pass) {
          const runs = shapeRuns(shaper, text, fonts, 12, 'rtl').runs.map((r) => r.glyphs);
          expect(runs).toEqual(wholeSpans(shaper, text, fonts));
          compared++;
        }
      }
    }
    expect(compared).toBe(texts.length * 6);
  });
});
