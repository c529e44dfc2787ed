/**
 * Cheque text in Noto Nastaliq Urdu (with Vazirmatn for what the Nastaliq font lacks: Latin letters,
 * '*', '#', '%', '@') must come out exactly as native HarfBuzz (`hb-shape`) shapes it: same glyph
 * ids, advances, offsets and clusters, span by span, each with the rest of the line as context and
 * the Persian language system (FAR), so digits take their Persian forms and dots sit where they should.
 * Every request goes to one `hb-shape --batch` (helpers/hb-shape.ts).
 */
import { join } from 'node:path';
import type { BaseDir } from '../../src/print/shaping/bidi-itemizer';
import { runSpans, shapeRuns } from '../../src/print/shaping/run-shaper';
import { createShaper, type ShapedGlyph, type Shaper } from '../../src/print/shaping/text-shaper';
import { CHEQUE_CORPUS } from './fixtures/cheque-corpus';
import { hbShaper, type HbGlyph, type HbRequest } from '../helpers/hb-shape';
import { describeWithTools } from '../helpers/reference-tools';

const FONTS = join(__dirname, '../../assets/fonts');
const NASTALIQ = join(FONTS, 'NotoNastaliqUrdu-Regular.ttf');
const VAZIR = join(FONTS, 'Vazirmatn-Regular.ttf');
const CHAIN = [NASTALIQ, VAZIR];

const describeWithHbShape = describeWithTools(['hb-shape'], 'libharfbuzz-bin');

type Span = { start: number; end: number; level: number; script: string; fontPath: string };

const request = (text: string, span: Span, language = span.script === 'Arab' ? 'fa' : 'en'): HbRequest => ({
  font: span.fontPath,
  text: text.slice(span.start, span.end),
  direction: span.level % 2 === 1 ? 'rtl' : 'ltr',
  script: span.script,
  language,
  before: text.slice(0, span.start),
  after: text.slice(span.end),
});

const hb = hbShaper();
const hbShape = (text: string, span: Span, language?: string): HbGlyph[] => hb.shape(request(text, span, language));

const asHb = (glyphs: ShapedGlyph[], offset: number): HbGlyph[] =>
  glyphs.map((g) => ({ g: g.id, cl: g.cluster - offset, dx: g.xOffset, dy: g.yOffset, ax: g.xAdvance, ay: 0 }));

describeWithHbShape('Nastaliq cheque text matches native HarfBuzz (hb-shape)', () => {
  let shaper: Shaper;
  beforeAll(async () => {
    shaper = await createShaper();
    // Every span of the corpus, from one hb-shape process.
    hb.prepare(CHEQUE_CORPUS.flatMap((text) => runSpans(shaper, text, CHAIN, 'rtl').map((span) => request(text, span))));
  });

  test('the corpus has a few hundred cheque strings', () => {
    expect(CHEQUE_CORPUS.length).toBeGreaterThanOrEqual(300);
  });

  const cases: [BaseDir, string][] = CHEQUE_CORPUS.map((t) => ['rtl', t]);
  test.each(cases)('%s: %s', (dir, text) => {
    const line = shapeRuns(shaper, text, CHAIN, 14, dir);
    const spans = runSpans(shaper, text, CHAIN, dir);
    expect(line.runs.map((r) => [r.start, r.end, r.fontPath])).toEqual(spans.map((s) => [s.start, s.end, s.fontPath]));
    line.runs.forEach((run, i) => {
      const span = spans[i]!;
      expect({ span: text.slice(span.start, span.end), glyphs: asHb(run.glyphs, span.start) }).toEqual({
        span: text.slice(span.start, span.end),
        glyphs: hbShape(text, span),
      });
      expect(run.glyphs.some((g) => g.id === 0)).toBe(false); // no .notdef: every character found a font
    });
  });

  test('Persian text is shaped in the Nastaliq font; only Latin letters and missing signs fall back', () => {
    const fallbacks = new Set<string>();
    for (const text of CHEQUE_CORPUS) {
      for (const run of shapeRuns(shaper, text, CHAIN, 14, 'rtl').runs) {
        if (run.fontPath === VAZIR) fallbacks.add(text.slice(run.start, run.end));
      }
    }
    for (const f of fallbacks) expect(f).toMatch(/^[A-Za-z0-9 .\-*#%@(),]+$/);
    expect(fallbacks).toContain('*');
    expect(fallbacks).toContain('Asia Tech Co');
  });

  test('the language system matters: Persian ۴ is FourFarsi under FAR, another glyph under URD', () => {
    const text = '۱۴۰۳/۱۲/۲۵';
    const [span] = runSpans(shaper, text, CHAIN, 'rtl');
    expect(span).toBeDefined();
    const ours = shapeRuns(shaper, text, CHAIN, 14, 'rtl').runs[0]!.glyphs;
    const far = hbShape(text, span!, 'fa');
    const urd = hbShape(text, span!, 'ur');
    expect(asHb(ours, 0)).toEqual(far);
    expect(far.map((g) => g.g)).not.toEqual(urd.map((g) => g.g));
  });

  test('numbers keep their order: a numeric date reads left to right in visual order', () => {
    const line = shapeRuns(shaper, 'تاریخ ۱۴۰۳/۱۲/۲۵', CHAIN, 14, 'rtl');
    const digitClusters = line.runs
      .flatMap((r) => r.glyphs)
      .map((g) => g.cluster)
      .filter((c) => c >= 6);
    expect(digitClusters).toEqual([...digitClusters].sort((a, b) => a - b));
  });
});
