/**
 * The WebAssembly shaper must give exactly what native HarfBuzz (`hb-shape`, Debian
 * libharfbuzz-bin) gives: same glyph ids, advances, offsets and clusters, item by item, with the
 * same text context around each item. Every request goes to one `hb-shape --batch` (helpers/hb-shape.ts).
 */
import { join } from 'node:path';
import { itemizeLine, type BaseDir, type TextItem } from '../../src/print/shaping/bidi-itemizer';
import { createShaper, type Shaper, type ShapedGlyph } from '../../src/print/shaping/text-shaper';
import { SHAPING_CORPUS } from './fixtures/shaping-corpus';
import { hbShaper, type HbGlyph, type HbRequest } from '../helpers/hb-shape';
import { describeWithTools } from '../helpers/reference-tools';

const FONTS = join(__dirname, '../../assets/fonts');
const REGULAR = join(FONTS, 'Vazirmatn-Regular.ttf');
const BOLD = join(FONTS, 'Vazirmatn-Bold.ttf');

const describeWithHbShape = describeWithTools(['hb-shape'], 'libharfbuzz-bin');

/** Native hb-shape on one item, with the rest of the line as context, as our shaper does. */
function request(font: string, text: string, item: TextItem | null): HbRequest {
  if (!item) return { font, text, language: 'fa', script: 'Arab', direction: 'rtl' }; // the plain command for a single RTL run
  return {
    font,
    text: text.slice(item.start, item.end),
    direction: item.level % 2 === 1 ? 'rtl' : 'ltr',
    script: item.script,
    language: item.script === 'Arab' ? 'fa' : 'en',
    before: text.slice(0, item.start),
    after: text.slice(item.end),
  };
}

const hb = hbShaper();
const hbShape = (font: string, text: string, item: TextItem | null): HbGlyph[] => hb.shape(request(font, text, item));

const cases: [BaseDir, string][] = [...SHAPING_CORPUS.map((t): [BaseDir, string] => ['rtl', t]), ...SHAPING_CORPUS.map((t): [BaseDir, string] => ['ltr', t])];
const rtlOnly = SHAPING_CORPUS.filter((t) => {
  const items = itemizeLine(t, 'rtl');
  return items.length === 1 && items[0]?.level === 1;
});

/** Our glyphs in the shape of hb-shape's JSON (clusters relative to the item start, as hb-shape reports them). */
const asHb = (glyphs: ShapedGlyph[], offset: number): HbGlyph[] =>
  glyphs.map((g) => ({ g: g.id, cl: g.cluster - offset, dx: g.xOffset, dy: g.yOffset, ax: g.xAdvance, ay: 0 }));

describeWithHbShape('shaping matches native HarfBuzz (hb-shape)', () => {
  let shaper: Shaper;
  beforeAll(async () => {
    shaper = await createShaper();
    // Every answer the tests below ask for, from one hb-shape process.
    hb.prepare([
      ...cases.flatMap(([dir, text]) => itemizeLine(text, dir).map((item) => request(REGULAR, text, item))),
      ...[REGULAR, BOLD].flatMap((font) => rtlOnly.map((text) => request(font, text, null))),
    ]);
  });

  test('the corpus is big enough to mean something', () => {
    expect(SHAPING_CORPUS.length).toBeGreaterThanOrEqual(100);
  });

  test.each(cases)('%s: %s', (dir, text) => {
    const items = itemizeLine(text, dir);
    const line = shaper.shapeLine(text, REGULAR, 10, dir);
    // The line is its items' glyphs in visual order; each item must match hb-shape glyph by glyph.
    let at = 0;
    for (const item of items) {
      const expected = hbShape(REGULAR, text, item);
      const ours = line.glyphs.slice(at, at + expected.length);
      expect(asHb(ours, item.start)).toEqual(expected);
      at += expected.length;
    }
    expect(at).toBe(line.glyphs.length);
  });

  test('single right-to-left runs match the plain `hb-shape --direction=rtl` command, regular and bold', () => {
    expect(rtlOnly.length).toBeGreaterThan(30);
    for (const font of [REGULAR, BOLD]) {
      for (const text of rtlOnly) {
        const ours = asHb(shaper.shapeLine(text, font, 10, 'rtl').glyphs, 0);
        expect({ text, glyphs: ours }).toEqual({ text, glyphs: hbShape(font, text, null) });
      }
    }
  });

  test('width in points is the sum of advances scaled by size / unitsPerEm', () => {
    const line = shaper.shapeLine('علی‌رضا حسینی‌نژاد', REGULAR, 12, 'rtl');
    const units = line.glyphs.reduce((s, g) => s + g.xAdvance, 0);
    expect(line.width).toBeCloseTo((units * 12) / line.unitsPerEm, 6);
    expect(shaper.measure('علی‌رضا حسینی‌نژاد', REGULAR, 12, 'rtl')).toBeCloseTo(line.width, 6);
  });
});
