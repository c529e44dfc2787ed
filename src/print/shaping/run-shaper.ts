/**
 * Shaping with font fallback: a line in a first-choice font (a Nastaliq font, a user's TTF) whose
 * characters that font lacks are shaped in the next font of the list. Noto Nastaliq Urdu, for one,
 * has no Latin letters and no '*', '#', '@', '%' or '…' — all of which a cheque may carry (a
 * company's Latin name, guard marks).
 *
 * Each bidi item (itemizeLine) is cut into spans by font, every span shaped by HarfBuzz with the
 * whole line as context (so letters next to a cut still join as in the full text). Characters that
 * draw nothing of their own (marks, ZWNJ/ZWJ, bidi controls, other format characters) stay with the
 * font of the character before them, so a mark is never separated from its letter; spaces, digits
 * and punctuation stay in the font before them when it has them, so "Asia Tech 2024" is one font.
 */
import { itemizeLine, type BaseDir } from './bidi-itemizer';
import type { ShapedGlyph, Shaper } from './text-shaper';

/** One span of a line in one font. `start`/`end` are UTF-16 offsets into the line; glyph clusters are offsets into the line too. */
export type ShapedRun = {
  fontPath: string;
  start: number;
  end: number;
  /** Left to right on the page. */
  glyphs: ShapedGlyph[];
  unitsPerEm: number;
  /** Advance width in points at the line's size. */
  width: number;
};

export type ShapedRunLine = {
  text: string;
  sizePt: number;
  /** Left to right on the page. */
  runs: ShapedRun[];
  /** Width in points. */
  width: number;
};

/** Marks, format characters (ZWNJ, ZWJ, bidi controls) and controls: they follow the font of their neighbour. */
const FOLLOWER = /^[\p{M}\p{Cf}\p{Cc}]$/u;

const LETTER = /^\p{L}$/u;

type Span = { start: number; end: number; level: number; script: 'Arab' | 'Latn'; fontPath: string };

/** The font of each span of one item: the first font of the list that has the character, else the first font. */
function spansOf(shaper: Shaper, text: string, item: { start: number; end: number; level: number; script: 'Arab' | 'Latn' }, fonts: readonly string[]): Span[] {
  const spans: Span[] = [];
  let i = item.start;
  while (i < item.end) {
    const cp = text.codePointAt(i) ?? 0;
    const len = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + len);
    const last = spans[spans.length - 1];
    let font: string;
    if (FOLLOWER.test(ch) && last) font = last.fontPath;
    else if (last && !LETTER.test(ch) && shaper.covers(last.fontPath, cp)) font = last.fontPath; // spaces, digits, punctuation stay in the font around them
    else font = fonts.find((f) => shaper.covers(f, cp)) ?? (FOLLOWER.test(ch) ? '' : (fonts[0] ?? ''));
    if (font === '') font = nextFontOf(shaper, text, i + len, item.end, fonts); // leading follower: the next letter decides
    if (last && last.fontPath === font) last.end = i + len;
    else spans.push({ start: i, end: i + len, level: item.level, script: item.script, fontPath: font });
    i += len;
  }
  return spans;
}

function nextFontOf(shaper: Shaper, text: string, from: number, end: number, fonts: readonly string[]): string {
  for (let i = from; i < end; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (!FOLLOWER.test(ch)) return fonts.find((f) => shaper.covers(f, cp)) ?? fonts[0] ?? '';
    i += ch.length;
  }
  return fonts[0] ?? '';
}

const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/** A shaped run in font units: what does not depend on the size. */
type UnitRun = Omit<ShapedRun, 'width'> & { advance: number };
const cache = new Map<string, UnitRun[]>();
const CACHE_LIMIT = 5_000;

/**
 * The runs of a line in font units, cached per (text, fonts, direction) — not per size: a field shrunk
 * to fit its box is the same glyphs at a smaller size, so it is not shaped a second time.
 */
function unitRuns(shaper: Shaper, text: string, fonts: readonly string[], baseDir: BaseDir): UnitRun[] {
  const key = `${fonts.join('\u0001')}\u0000${baseDir}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const runs: UnitRun[] = [];
  for (const item of itemizeLine(text, baseDir)) {
    const spans = spansOf(shaper, text, item, fonts);
    if (item.level % 2 === 1) spans.reverse(); // visual order: a right-to-left item's spans run right to left
    for (const span of spans) {
      const glyphs = shaper.shapeSpan(text, span, span.fontPath);
      const unitsPerEm = shaper.metrics(span.fontPath).unitsPerEm;
      runs.push({ fontPath: span.fontPath, start: span.start, end: span.end, glyphs, unitsPerEm, advance: glyphs.reduce((sum, g) => sum + g.xAdvance, 0) });
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, runs);
  return runs;
}

/**
 * Shapes one line with `fonts` in order of preference (the last one should cover Latin, e.g.
 * Vazirmatn). Runs come left to right as printed. The shaping is cached per (text, fonts, direction).
 */
export function shapeRuns(shaper: Shaper, raw: string, fonts: readonly string[], sizePt: number, baseDir: BaseDir): ShapedRunLine {
  const text = raw.replace(CONTROL_ALL, ' '); // same length: clusters still index the caller's string
  const runs = unitRuns(shaper, text, fonts, baseDir).map(({ advance, ...r }): ShapedRun => ({ ...r, width: (advance * sizePt) / r.unitsPerEm }));
  return { text: raw, sizePt, runs, width: runs.reduce((s, r) => s + r.width, 0) };
}

/** The spans `shapeRuns` shapes, in visual order, without shaping them (for tests that shape them elsewhere). */
export function runSpans(shaper: Shaper, text: string, fonts: readonly string[], baseDir: BaseDir): Span[] {
  return itemizeLine(text, baseDir).flatMap((item) => {
    const spans = spansOf(shaper, text, item, fonts);
    return item.level % 2 === 1 ? spans.reverse() : spans;
  });
}
