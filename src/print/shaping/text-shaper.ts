/**
 * Shapes one line of Persian, English or mixed text with HarfBuzz (harfbuzzjs) into positioned
 * glyphs in visual order, ready to be placed on a page.
 *
 * Why HarfBuzz and not pdfkit's own text(): pdfkit (fontkit) lays words out left to right and
 * shapes Persian with the wrong language system; measured against native HarfBuzz, harfbuzzjs plus
 * bidi-js items matched every glyph (see the shared reference notes on shaping).
 */
import type { Blob, Buffer as HbBuffer, Face, Font } from 'harfbuzzjs';
import { fontBytes } from '../font-bytes';
import { itemizeLine, type BaseDir, type TextItem } from './bidi-itemizer';
import { loadHarfBuzz, type HarfBuzz } from './harfbuzz-loader';

export type { BaseDir } from './bidi-itemizer';

/** One glyph. Positions are in font units (the font's unitsPerEm per em), exactly as HarfBuzz returns them. */
export type ShapedGlyph = {
  /** Glyph index in the font (not a character code). */
  id: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  /** UTF-16 offset in the line of the first character this glyph comes from. */
  cluster: number;
  /** The glyph belongs to a right-to-left item. */
  rtl: boolean;
};

export type ShapedLine = {
  /** The text as given (logical order); a PDF writer can attach it as ActualText. */
  text: string;
  /** Left to right as they appear on the page. */
  glyphs: ShapedGlyph[];
  unitsPerEm: number;
  sizePt: number;
  /** Advance width of the whole line in points at sizePt. */
  width: number;
};

/** Vertical metrics in font units (descender is negative). */
export type FontMetrics = { unitsPerEm: number; ascender: number; descender: number; lineGap: number };

export type Shaper = {
  /**
   * Shapes one line; the caller splits paragraphs and wraps (a stray control character such as
   * '\n' or '\t' is shaped as a space). Throws if the font file cannot be read.
   */
  shapeLine(text: string, fontPath: string, sizePt: number, baseDir: BaseDir): ShapedLine;
  /** Width in points of the shaped line; cached, so cheap to call repeatedly while laying out. */
  measure(text: string, fontPath: string, sizePt: number, baseDir: BaseDir): number;
  /** Nominal advance of one glyph in font units (what a PDF font's width table must say). */
  glyphAdvance(fontPath: string, glyphId: number): number;
  metrics(fontPath: string): FontMetrics;
  /** Does the font map this code point to a glyph (its cmap)? */
  covers(fontPath: string, codePoint: number): boolean;
  /**
   * Shapes one span of a line (one direction, one script, one font) with the rest of the line as
   * context, uncached; glyph clusters are offsets into the whole line. For callers that choose the
   * font per span (see run-shaper.ts); `shapeLine` is this over `itemizeLine` with one font.
   */
  shapeSpan(text: string, span: TextItem, fontPath: string): ShapedGlyph[];
};

type LoadedFont = { blob: Blob; face: Face; font: Font; metrics: FontMetrics; advances: Map<number, number>; unicodes: Set<number> | null };
type CachedShape = { glyphs: ShapedGlyph[]; advance: number };

/** Shaped lines kept for reuse: report labels, group names and column headers repeat on every page. */
const SHAPE_CACHE_LIMIT = 20_000;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');

const fonts = new Map<string, LoadedFont>();
let shaperPromise: Promise<Shaper> | null = null;

/** The process-wide shaper; the first call compiles the HarfBuzz WebAssembly (tens of milliseconds). */
export function createShaper(): Promise<Shaper> {
  shaperPromise ??= loadHarfBuzz().then(makeShaper, (err: unknown) => {
    shaperPromise = null;
    throw err;
  });
  return shaperPromise;
}

function makeShaper(hb: HarfBuzz): Shaper {
  const buffer: HbBuffer = new hb.Buffer(); // reused: shaping is synchronous, so one buffer is enough
  const cache = new Map<string, CachedShape>();

  function loadFont(path: string): LoadedFont {
    let f = fonts.get(path);
    if (!f) {
      const blob = new hb.Blob(fontBytes(path));
      const face = new hb.Face(blob, 0);
      const font = new hb.Font(face); // default scale = unitsPerEm, so positions come out in font units
      const ext = font.hExtents();
      f = { blob, face, font, advances: new Map(), unicodes: null, metrics: { unitsPerEm: face.upem, ...ext } };
      fonts.set(path, f);
    }
    return f;
  }

  function shapeItem(text: string, item: TextItem, fontPath: string): ShapedGlyph[] {
    const { font } = loadFont(fontPath);
    buffer.reset();
    // The whole line goes in as context so letters at an item's edge join (or not) as in the full text.
    buffer.addText(text, item.start, item.end - item.start);
    const rtl = item.level % 2 === 1;
    buffer.setDirection(rtl ? hb.Direction.RTL : hb.Direction.LTR);
    buffer.setScript(item.script);
    buffer.setLanguage(item.script === 'Arab' ? 'fa' : 'en');
    hb.shape(font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    return infos.map((info, i) => {
      const p = positions[i];
      return { id: info.codepoint, cluster: info.cluster, rtl, xAdvance: p?.xAdvance ?? 0, xOffset: p?.xOffset ?? 0, yOffset: p?.yOffset ?? 0 };
    });
  }

  function shapeCached(raw: string, fontPath: string, baseDir: BaseDir): CachedShape {
    // Same length, so clusters still index the caller's string.
    const text = CONTROL.test(raw) ? raw.replace(CONTROL_ALL, ' ') : raw;
    const key = `${fontPath}\u0000${baseDir}\u0000${text}`;
    let hit = cache.get(key);
    if (hit) return hit;
    const glyphs: ShapedGlyph[] = [];
    for (const item of itemizeLine(text, baseDir)) glyphs.push(...shapeItem(text, item, fontPath));
    hit = { glyphs, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) };
    if (cache.size >= SHAPE_CACHE_LIMIT) cache.delete(cache.keys().next().value as string); // oldest first
    cache.set(key, hit);
    return hit;
  }

  return {
    shapeLine(text, fontPath, sizePt, baseDir) {
      const { glyphs, advance } = shapeCached(text, fontPath, baseDir);
      const unitsPerEm = loadFont(fontPath).metrics.unitsPerEm;
      return { text, glyphs, unitsPerEm, sizePt, width: (advance * sizePt) / unitsPerEm };
    },
    measure(text, fontPath, sizePt, baseDir) {
      if (text.length === 0) return 0;
      return (shapeCached(text, fontPath, baseDir).advance * sizePt) / loadFont(fontPath).metrics.unitsPerEm;
    },
    glyphAdvance(fontPath, glyphId) {
      const f = loadFont(fontPath);
      let adv = f.advances.get(glyphId);
      if (adv === undefined) {
        adv = f.font.glyphHAdvance(glyphId);
        f.advances.set(glyphId, adv);
      }
      return adv;
    },
    metrics: (fontPath) => loadFont(fontPath).metrics,
    covers(fontPath, codePoint) {
      const f = loadFont(fontPath);
      f.unicodes ??= new Set(f.face.collectUnicodes());
      return f.unicodes.has(codePoint);
    },
    shapeSpan: (text, span, fontPath) => shapeItem(text, span, fontPath),
  };
}
