/**
 * The byte-copying TrueType subset that cheque PDFs embed (src/print/pdf/ttf-subset.ts) against
 * fontkit's own subset, which pdfkit used before: read back with fontkit, both give the same glyphs in
 * the same order (composite glyphs and their components included), the same outlines and advances.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { builtinFontPath } from '../../src/print/cheque/cheque-fonts';
import { TtfSubset, useFastSubset } from '../../src/print/pdf/ttf-subset';

type Glyph = { path: { toSVG(): string }; advanceWidth: number };
type FontkitFont = { numGlyphs: number; getGlyph(id: number): Glyph; createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array } };
// fontkit is pdfkit's own dependency (the pinned version pdfkit embeds fonts with).
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): FontkitFont };

/** Glyph ids whose glyf entry is composite (numberOfContours < 0), read straight from the file. */
function compositeGlyphs(file: Buffer, limit: number): number[] {
  const tables = new Map<string, [number, number]>();
  for (let i = 0; i < file.readUInt16BE(4); i++)
    tables.set(file.toString('latin1', 12 + i * 16, 16 + i * 16), [file.readUInt32BE(20 + i * 16), file.readUInt32BE(24 + i * 16)]);
  const [head] = tables.get('head')!;
  const [loca] = tables.get('loca')!;
  const [glyf] = tables.get('glyf')!;
  const long = file.readInt16BE(head + 50) === 1;
  const n = file.readUInt16BE(tables.get('maxp')![0] + 4);
  const off = (i: number) => (long ? file.readUInt32BE(loca + i * 4) : file.readUInt16BE(loca + i * 2) * 2);
  const out: number[] = [];
  for (let g = 0; g < n && out.length < limit; g++) if (off(g + 1) > off(g) && file.readInt16BE(glyf + off(g)) < 0) out.push(g);
  return out;
}

const outline = (f: FontkitFont, i: number) => {
  const g = f.getGlyph(i);
  return `${g.advanceWidth} ${g.path.toSVG()}`;
};

describe('TtfSubset', () => {
  for (const key of ['nastaliq', 'vazirmatn'] as const) {
    test(`${key}: the same glyphs, order, outlines and advances as fontkit's subset`, () => {
      const path = builtinFontPath(key);
      const file = readFileSync(path);
      const original = fontkit.create(file);
      const composites = compositeGlyphs(file, 8);
      const wanted = [...composites, 3, 57, 200, 200, 511, original.numGlyphs - 1, 4, ...composites.slice(0, 2)];

      const embedded = { subset: original.createSubset() as unknown as { includeGlyph(id: number): number } };
      expect(useFastSubset(embedded, path)).toBe(true);
      const ours = embedded.subset as TtfSubset;
      const theirs = original.createSubset();
      expect(wanted.map((g) => ours.includeGlyph(g))).toEqual(wanted.map((g) => theirs.includeGlyph(g)));

      const a = fontkit.create(ours.encode());
      const b = fontkit.create(Buffer.from(theirs.encode()));
      expect(a.numGlyphs).toBe(b.numGlyphs);
      expect(a.numGlyphs).toBeGreaterThanOrEqual(new Set([0, ...wanted]).size);
      for (let i = 0; i < a.numGlyphs; i++) expect([i, outline(a, i)]).toEqual([i, outline(b, i)]);
      // Each subset glyph is the original glyph it was made from.
      [0, ...wanted].forEach((g) => expect(outline(a, ours.includeGlyph(g))).toBe(outline(original, g)));
    });
  }

  test('has composite glyphs to test with (Vazirmatn; Noto Nastaliq has none)', () => {
    expect(compositeGlyphs(readFileSync(builtinFontPath('vazirmatn')), 8)).toHaveLength(8);
  });
});
