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
    else if (last && !LETTER.test(ch) && shaper.covers(last.fontPath, cp))
      font = last.fontPath; // spaces, digits, punctuation stay in the font around them
    else font = fonts.find((f) => shaper.covers(f, cp)) ?? (FOLLOWER.test(ch) ? '' : (fonts[0] ?? ''));
    if (font === '') font = nextFontOf(shaper, text, i + len, item.end, fonts); // leading follower: the next letter decides
    if (last && last.fontPath === font) last.end = i + len;
    else spans.push({ start: i, end: i + len, level: item.level, script: item.script, fontPath: font });
    i += len;
  }
  return spans;
}

function nextFontOf(shaper: Shaper, text: string, from: number, end: number, fonts: readonly string[]): string {
  for (let i = from; i < end;) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (!FOLLOWER.test(ch)) return fonts.find((f) => shaper.covers(f, cp)) ?? fonts[0] ?? '';
    i += ch.length;
  }
  return fonts[0] ?? '';
}

const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Fonts whose words may be shaped one by one (the shipped ones, see trustWordBreaks): a cheque's amount and
 * date in words change on every leaf, but they are made of a few dozen words, so a word cache leaves
 * HarfBuzz only the words it has not seen (a fifth of a warm cheque's time went to shaping).
 */
const wordSafeFonts = new Set<string>();
type WordGlyphs = { glyphs: ShapedGlyph[] }; // clusters relative to the word's start
const wordCache = new Map<string, WordGlyphs>();
const WORD_CACHE_LIMIT = 20_000;
const SPACE = 0x20;
/** HarfBuzz keeps five characters of context on each side of what it shapes. */
const CONTEXT = 5;

/**
 * Marks a font whose lookups never reach across a space, so that a line shaped word by word (each word
 * with the line around it as context) gives the same glyphs as the whole line shaped at once. Checked for
 * the shipped fonts on thousands of cheque texts (tests/print/word-shaping.test.ts); a user's font is
 * always shaped whole, as a font could kern or substitute across spaces.
 */
export function trustWordBreaks(fontPath: string): void {
  wordSafeFonts.add(fontPath);
}

/**
 * The context HarfBuzz sees before/after a word, as far as it can matter: it uses context only to join
 * Arabic letters, and stops at the first character that is not transparent — a space stops it, so what
 * lies beyond the nearest space cannot change the word's shape.
 */
function contextBefore(text: string, at: number): string {
  const c = text.slice(Math.max(0, at - CONTEXT), at);
  const space = c.lastIndexOf(' ');
  return space < 0 ? c : c.slice(space);
}
function contextAfter(text: string, at: number): string {
  const c = text.slice(at, at + CONTEXT);
  const space = c.indexOf(' ');
  return space < 0 ? c : c.slice(0, space + 1);
}

const wordKey = (text: string, span: Span, start: number, end: number) =>
  `${span.fontPath}\u0000${span.level % 2}${span.script}\u0000${contextBefore(text, start)}\u0000${text.slice(start, end)}\u0000${contextAfter(text, end)}`;

function remember(key: string, glyphs: ShapedGlyph[]): void {
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.delete(wordCache.keys().next().value as string); // oldest first
  wordCache.set(key, { glyphs });
}

/** The words of a span and the spaces between them, in logical order: [start, end) each. */
function piecesOf(text: string, span: Span): [number, number][] {
  const pieces: [number, number][] = [];
  for (let i = span.start; i < span.end;) {
    let j = i + 1;
    if (text.charCodeAt(i) !== SPACE) while (j < span.end && text.charCodeAt(j) !== SPACE) j++;
    pieces.push([i, j]);
    i = j;
  }
  return pieces;
}

/** A few unknown words are shaped one by one; more than that, the span is shaped whole (one HarfBuzz call). */
const FEW_UNKNOWN = 2;

/**
 * One span's glyphs, left to right. In a trusted font the span is put together from cached words (and
 * spaces); words not seen yet are shaped one by one when there are few, else the whole span is shaped at
 * once — the first cheque, where every word is new — and cut into words for the cache by cluster.
 */
function shapeSpanByWords(shaper: Shaper, text: string, span: Span): ShapedGlyph[] {
  if (!wordSafeFonts.has(span.fontPath)) return shaper.shapeSpan(text, span, span.fontPath);
  const pieces = piecesOf(text, span);
  const keys = pieces.map(([a, b]) => wordKey(text, span, a, b));
  const known = keys.map((k) => wordCache.get(k));
  if (known.filter((k) => k === undefined).length > FEW_UNKNOWN) return shapeWholeSpan(shaper, text, span, pieces, keys);
  const out = pieces.map(([a, b], n) => {
    let hit = known[n];
    if (!hit) {
      hit = { glyphs: shaper.shapeSpan(text, { ...span, start: a, end: b }, span.fontPath).map((g) => ({ ...g, cluster: g.cluster - a })) };
      remember(keys[n] ?? '', hit.glyphs);
    }
    return hit.glyphs.map((g) => ({ ...g, cluster: g.cluster + a }));
  });
  if (span.level % 2 === 1) out.reverse(); // a right-to-left span's words run right to left
  return out.flat();
}

/** The span shaped at once, its glyphs also kept word by word (each glyph goes with the piece its cluster starts in). */
function shapeWholeSpan(shaper: Shaper, text: string, span: Span, pieces: [number, number][], keys: string[]): ShapedGlyph[] {
  const glyphs = shaper.shapeSpan(text, span, span.fontPath);
  const pieceAt = new Int32Array(span.end - span.start);
  pieces.forEach(([a, b], n) => pieceAt.fill(n, a - span.start, b - span.start));
  const byPiece: ShapedGlyph[][] = pieces.map(() => []);
  for (const g of glyphs) {
    const n = pieceAt[g.cluster - span.start] ?? 0;
    byPiece[n]?.push({ ...g, cluster: g.cluster - (pieces[n]?.[0] ?? span.start) });
  }
  byPiece.forEach((g, n) => remember(keys[n] ?? '', g));
  return glyphs;
}

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
      const glyphs = shapeSpanByWords(shaper, text, span);
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
