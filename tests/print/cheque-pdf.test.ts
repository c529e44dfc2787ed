/**
 * Cheque PDFs read back: field positions within ±0.2 mm (from our own content stream for every
 * rotation and calibration offset, and from poppler's word boxes for alignment), text in reading
 * order (amount in words, Nastaliq included), shrink-to-fit, guard marks and fill, one page per leaf,
 * the test print's grid. PNGs land in test-results/print/ to be looked at.
 */
import { join } from 'node:path';
import { leafToPageMm, printChequeTest, printCheques, type ChequeLayoutTemplate, type FontResolver } from '../../src/print/cheque/cheque.print';
import { chequeFieldInput, chequeValuesInput, type ChequeFieldInput, type ChequeValues } from '../../src/shared/contract/cheque-print';
import { amountInWords, jalaliDateInWords } from '../../src/shared/text/persian-words';
import { textOrigins } from './helpers/pdf-content';
import { describeWithPoppler, fontsTable, pageCount, pdfText, rasterise, savePdf, wordBoxes } from './helpers/poppler';

const FONTS = join(__dirname, '../../assets/fonts');
const fontPath: FontResolver = (key) =>
  (({ vazirmatn: 'Vazirmatn-Regular.ttf', 'vazirmatn-bold': 'Vazirmatn-Bold.ttf', nastaliq: 'NotoNastaliqUrdu-Regular.ttf' }) as Record<string, string>)[key]
    ? join(
        FONTS,
        ({ vazirmatn: 'Vazirmatn-Regular.ttf', 'vazirmatn-bold': 'Vazirmatn-Bold.ttf', nastaliq: 'NotoNastaliqUrdu-Regular.ttf' } as Record<string, string>)[
          key
        ]!,
      )
    : (() => {
        throw new Error(`no font ${key}`);
      })();

const field = (f: ChequeFieldInput) => chequeFieldInput.parse(f);
const values = (v: ChequeValues) => chequeValuesInput.parse(v);

const SAMPLE = values({
  date: '2025-03-15',
  amountRials: 1_250_000_000,
  payee: 'علی‌رضا حسینی‌نژاد',
  nationalId: '0012345679',
  purpose: 'بابت فاکتور ۱۲۳۴',
  sayadId: '1234567890123456',
});

/** A Sayad-like leaf, 180 × 85 mm. */
function template(over: Partial<ChequeLayoutTemplate> = {}): ChequeLayoutTemplate {
  return {
    name: 'ملت — جاری ۱۲۳',
    widthMm: 180,
    heightMm: 85,
    paper: 'leaf',
    rotation: 0,
    offsetXMm: 0,
    offsetYMm: 0,
    fields: [
      field({ kind: 'dateDigits', xMm: 20, yMm: 14, widthMm: 32, align: 'left', sizePt: 12 }),
      field({ kind: 'dateWords', xMm: 60, yMm: 24, widthMm: 100, font: 'nastaliq', sizePt: 13 }),
      field({ kind: 'amountWords', xMm: 15, yMm: 40, widthMm: 150, font: 'nastaliq', sizePt: 14, guard: 'slashes', suffix: 'ریال' }),
      field({ kind: 'payee', xMm: 40, yMm: 52, widthMm: 120, guard: 'hash', fill: true }),
      field({ kind: 'amountDigits', xMm: 12, yMm: 66, widthMm: 45, align: 'center', guard: 'hash', digits: 'latin' }),
      field({ kind: 'nationalId', xMm: 100, yMm: 66, widthMm: 40, align: 'left', digits: 'latin' }),
      field({ kind: 'purpose', xMm: 60, yMm: 76, widthMm: 100 }),
    ],
    ...over,
  };
}

/** Independent of the code under test: where a leaf point goes on the page for each rotation (mm). */
function expectedOnPage(t: ChequeLayoutTemplate, x: number, y: number): { x: number; y: number } {
  const lx = x + t.offsetXMm;
  const ly = y + t.offsetYMm;
  const W = t.widthMm;
  const H = t.heightMm;
  const turned = { 0: { x: lx, y: ly }, 90: { x: H - ly, y: lx }, 180: { x: W - lx, y: H - ly }, 270: { x: ly, y: W - lx } }[t.rotation];
  const boxW = t.rotation % 180 === 0 ? W : H;
  return { x: turned.x + (t.paper === 'a4' ? (210 - boxW) / 2 : 0), y: turned.y };
}

const TOL = 0.2;

describeWithPoppler('cheque PDF', () => {
  test('a batch prints one page per leaf, the leaf size, with every value in reading order', async () => {
    const items = [
      SAMPLE,
      values({ ...SAMPLE, amountRials: 999_999_999_999_999, payee: 'Asia Tech Co.', date: '2025-09-22' }),
      values({ ...SAMPLE, date: null, amountRials: 407_000 }),
    ];
    const path = savePdf('cheque-batch', await printCheques(template(), items, { fontPath }));
    expect(pageCount(path)).toBe(3);
    const one = pdfText(path, 1);
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    // Words in reading order; poppler moves the spaces next to the neutral guard signs, so those are compared without spaces.
    expect(squash(one)).toContain(amountInWords(1_250_000_000));
    expect(one.replace(/\s+/g, '')).toContain(`//${amountInWords(1_250_000_000)}//`.replace(/\s+/g, ''));
    expect(squash(one)).toContain(jalaliDateInWords('2025-03-15'));
    expect(one).toContain('۱۴۰۳/۱۲/۲۵'); // Persian digits by default
    expect(one).toContain('علی‌رضا حسینی‌نژاد');
    expect(one).toContain('#1,250,000,000#');
    expect(one).toContain('0012345679');
    expect(squash(pdfText(path, 2))).toContain(amountInWords(999_999_999_999_999));
    expect(pdfText(path, 2)).toContain('Asia Tech Co.');
    // A guarantee cheque: no date at all.
    expect(pdfText(path, 3)).not.toMatch(/[۰-۹]{4}\/[۰-۹]{2}/);
    const fonts = fontsTable(path);
    expect(fonts).toContain('NotoNastaliqUrdu');
    expect(fonts).toContain('Vazirmatn');
    expect(rasterise(path, 'cheque-batch')).toHaveLength(3);
  });

  test.each([0, 90, 180, 270] as const)('rotation %d° with a calibration offset: every text object where the matrix says, within ±0.2 mm', async (rotation) => {
    const t = template({
      rotation,
      offsetXMm: 1.5,
      offsetYMm: -0.8,
      fields: template().fields.map((f) => ({ ...f, align: 'left' as const, fill: false, guard: 'none' as const })),
    });
    const pdf = await printCheques(t, [SAMPLE], { fontPath });
    savePdf(`cheque-rot${rotation}`, pdf);
    const origins = textOrigins(pdf);
    // Left-aligned text starts at the box's left edge, on the baseline; the first run of each field is its first text object.
    const firsts = t.fields.map((f) => expectedOnPage(t, f.xMm, f.yMm));
    for (const e of firsts) {
      const hit = origins.find((o) => Math.abs(o.xMm - e.x) <= TOL && Math.abs(o.yMm - e.y) <= TOL);
      expect({ expected: e, found: hit ? 'yes' : origins.map((o) => [o.xMm.toFixed(2), o.yMm.toFixed(2)].join(',')) }).toEqual({ expected: e, found: 'yes' });
      expect(hit?.angle).toBe(rotation);
    }
    // And the code's own mapping agrees with the independent one.
    for (const f of t.fields) {
      const p = leafToPageMm(t, f.xMm, f.yMm);
      const e = expectedOnPage(t, f.xMm, f.yMm);
      expect(Math.abs(p.xMm - e.x) + Math.abs(p.yMm - e.y)).toBeLessThan(1e-9);
    }
    rasterise(savePdf(`cheque-rot${rotation}`, pdf), `cheque-rot${rotation}`);
  });

  test('paper A4: the leaf at the top centre, upright leaves too', async () => {
    for (const rotation of [0, 90] as const) {
      const t = template({ paper: 'a4', rotation, fields: [field({ kind: 'nationalId', xMm: 10, yMm: 20, widthMm: 40, align: 'left', digits: 'latin' })] });
      const pdf = await printCheques(t, [SAMPLE], { fontPath });
      const [o] = textOrigins(pdf);
      const e = expectedOnPage(t, 10, 20);
      expect(Math.abs(o!.xMm - e.x)).toBeLessThanOrEqual(TOL);
      expect(Math.abs(o!.yMm - e.y)).toBeLessThanOrEqual(TOL);
    }
  });

  test('alignment read back by poppler: right, centre and left edges within ±0.2 mm', async () => {
    const t = template({
      fields: [
        field({ kind: 'sayadId', xMm: 20, yMm: 20, widthMm: 60, align: 'right', digits: 'latin' }),
        field({ kind: 'nationalId', xMm: 20, yMm: 35, widthMm: 60, align: 'center', digits: 'latin' }),
        field({ kind: 'text', text: 'Serial', xMm: 20, yMm: 50, widthMm: 60, align: 'left' }),
      ],
    });
    const path = savePdf('cheque-align', await printCheques(t, [SAMPLE], { fontPath }));
    const words = wordBoxes(path, 1);
    const mm = (pt: number) => (pt / 72) * 25.4;
    const right = words.find((w) => w.text === '1234567890123456')!;
    const centre = words.find((w) => w.text === '0012345679')!;
    const left = words.find((w) => w.text === 'Serial')!;
    expect(Math.abs(mm(right.xMax) - 80)).toBeLessThanOrEqual(TOL);
    expect(Math.abs((mm(centre.xMin) + mm(centre.xMax)) / 2 - 50)).toBeLessThanOrEqual(TOL);
    expect(Math.abs(mm(left.xMin) - 20)).toBeLessThanOrEqual(TOL);
  });

  test('shrink to fit keeps a long amount in words inside its box; without shrink it runs over', async () => {
    const long = values({ ...SAMPLE, amountRials: 987_654_321_987_654 });
    const box = { kind: 'amountWords', xMm: 20, yMm: 30, widthMm: 90, font: 'nastaliq', sizePt: 16, align: 'right', suffix: 'ریال' } as const;
    const shrunk = await printCheques(template({ fields: [field({ ...box, shrink: true })] }), [long], { fontPath });
    const wide = await printCheques(template({ fields: [field({ ...box, shrink: false })] }), [long], { fontPath });
    const leftmost = (pdf: Buffer) => Math.min(...textOrigins(pdf).map((o) => o.xMm));
    expect(leftmost(shrunk)).toBeGreaterThanOrEqual(20 - TOL);
    expect(leftmost(wide)).toBeLessThan(20);
    expect(Math.max(...textOrigins(shrunk).map((o) => o.sizePt))).toBeLessThan(16);
    rasterise(savePdf('cheque-shrink', shrunk), 'cheque-shrink');
  });

  test('fill: signs run from right next to the text to the far end of the box, less than one sign short', async () => {
    const t = template({ fields: [field({ kind: 'payee', xMm: 20, yMm: 30, widthMm: 120, guard: 'hash', fill: true })] });
    const path = savePdf('cheque-fill', await printCheques(t, [SAMPLE], { fontPath }));
    const text = pdfText(path, 1);
    expect(text).toMatch(/#{10,}/);
    const fill = wordBoxes(path, 1).find((w) => /^#{10,}$/.test(w.text))!;
    const signMm = ((fill.xMax - fill.xMin) / fill.text.length / 72) * 25.4;
    expect((fill.xMin / 72) * 25.4).toBeGreaterThanOrEqual(20 - TOL);
    expect((fill.xMin / 72) * 25.4).toBeLessThan(20 + signMm);
    rasterise(path, 'cheque-fill');
  });

  test('the test print: A4, grid numbers, field names, sample values and the caption', async () => {
    const labels = {
      caption: 'چاپ آزمایشی — ملت — شبکهٔ ۱۰ میلی‌متری',
      field: (k: string, n: number) => `${({ amountWords: 'مبلغ به حروف' } as Record<string, string>)[k] ?? k} (${n})`,
    };
    const path = savePdf('cheque-test-print', await printChequeTest(template({ offsetXMm: 2, rotation: 0 }), SAMPLE, { fontPath }, labels));
    expect(pageCount(path)).toBe(1);
    const text = pdfText(path, 1);
    for (const n of ['10', '50', '100', '200', '280']) expect(text).toMatch(new RegExp(`(^|\\s)${n}(\\s|$)`));
    expect(text).toContain('مبلغ به حروف');
    expect(text).toContain('چاپ آزمایشی');
    expect(text.replace(/\s+/g, ' ')).toContain(amountInWords(1_250_000_000));
    expect(rasterise(path, 'cheque-test-print')).toHaveLength(1);
  });
});
