/**
 * Places an already shaped line (HarfBuzz glyph ids and positions) into a pdfkit page as real,
 * selectable text in an embedded, subsetted font.
 *
 * pdfkit has no public API for "draw these glyph ids here", so this uses its internals. They were
 * read in pdfkit 0.20.2 (pinned in package.json; re-check this file on any upgrade):
 * - `doc._font` is the EmbeddedFont selected by `doc.font(name)`; `font.id` is its resource name.
 * - `font.subset.includeGlyph(gid)` (fontkit TTFSubset) adds a glyph and returns its id in the
 *   subset; pdfkit embeds the subset as a CIDFontType2 with Identity-H encoding, so the 2-byte
 *   code we write IS the subset glyph id.
 * - `font.widths[subsetGid]` (1000 units per em) becomes the /W array and `font.unicode[subsetGid]`
 *   (code points) the ToUnicode CMap, both written at `doc.end()`. Every included glyph MUST get both
 *   (pdfkit iterates them densely), which `EmbeddedFont.encode()` also guarantees.
 * - `doc.page.fonts[font.id] = font.ref()` puts the font into the page's resources.
 * - `doc.addContent()` appends raw operators to the page's content stream.
 */
import type PDFKit from 'pdfkit';
import type { ShapedRunLine } from '../shaping/run-shaper';
import type { ShapedGlyph, ShapedLine } from '../shaping/text-shaper';

type PdfkitEmbeddedFont = {
  id: string;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  ref(): unknown;
};
type PdfkitInternals = PDFKit.PDFDocument & {
  _font: PdfkitEmbeddedFont;
  page: PDFKit.PDFPage & { fonts: Record<string, unknown> };
  addContent(data: string): PDFKit.PDFDocument;
};

/** Bidi controls (isolates around phone numbers, marks): layout hints only, not part of the text. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** A mapping made only of format characters (ZWNJ…) shares its glyph (the invisible space) with real text. */
const FORMAT_ONLY = /^\p{Cf}*$/u;

const num = (n: number) => String(Math.round(n * 1000) / 1000);
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A UTF-16BE hex string with BOM, how PDF wants a Unicode text string in a content stream. */
function pdfTextString(text: string): string {
  let hex = '<FEFF';
  for (let i = 0; i < text.length; i++) hex += hex4(text.charCodeAt(i));
  return `${hex}>`;
}

type Cluster = { text: string; glyphs: ShapedGlyph[] };

/**
 * Glyphs grouped by cluster (HarfBuzz keeps a cluster's glyphs together), in visual order, with
 * each cluster's text. The text of a right-to-left cluster is given in visual order: readers
 * rebuild reading order by reversing RTL text, characters of a multi-character glyph included
 * (checked with poppler: lam-alef «لا» otherwise extracts as «ال»).
 */
function clustersOf(line: ShapedLine): Cluster[] {
  // A cluster runs from its start to the next cluster start in the text (marked, not sorted: this runs for every line).
  const isStart = new Uint8Array(line.text.length + 1);
  for (const g of line.glyphs) isStart[g.cluster] = 1;
  isStart[line.text.length] = 1;
  const out: Cluster[] = [];
  for (const g of line.glyphs) {
    const last = out[out.length - 1];
    if (last && last.glyphs[0]?.cluster === g.cluster) {
      last.glyphs.push(g);
      continue;
    }
    let end = g.cluster + 1;
    while (!isStart[end]) end++;
    const text = line.text.slice(g.cluster, end).replace(BIDI_CONTROLS, '');
    out.push({ text: g.rtl && text.length > 1 ? [...text].reverse().join('') : text, glyphs: [g] });
  }
  return out;
}

/** Clusters grouped into words (runs of non-space clusters) and single spaces, in visual order. */
function wordsOf(clusters: Cluster[]): Cluster[][] {
  const words: Cluster[][] = [];
  let word: Cluster[] = [];
  for (const c of clusters) {
    if (/^\s$/.test(c.text)) {
      if (word.length > 0) words.push(word);
      words.push([c]);
      word = [];
    } else word.push(c);
  }
  if (word.length > 0) words.push(word);
  return words;
}

export type WriteOptions = {
  /**
   * One /ActualText per word instead of per cluster (text extraction only; the glyphs are the same).
   * For Nastaliq: its words cascade down to the left with vertical offsets, and a reader that
   * rebuilds text from glyph positions breaks such a word apart and mixes up its pieces; a word's
   * ActualText gives it the word as a whole (in visual order, like clusters, for RTL).
   */
  wordSpans?: boolean;
};

const codesOf = (text: string) => [...text].map((c) => c.codePointAt(0) ?? 0);
const sameCodes = (a: number[] | undefined, text: string) => a !== undefined && String.fromCodePoint(...a) === text;

/**
 * Writes `line` with its left edge at x and its baseline at y (pdfkit's top-down page coordinates),
 * in the current fill colour. `fontName` is a font registered with `doc.registerFont`, the same file
 * the line was shaped with; `nominalAdvance(glyphId)` is the glyph's hmtx advance in font units.
 *
 * Text extraction: each glyph's ToUnicode entry carries its first cluster's characters, and readers
 * put RTL text back in logical order from the glyph positions. Where that cannot give the source
 * text (a cluster of several glyphs, a glyph shared by two characters, ZWNJ, bidi isolates), only
 * that cluster gets a /Span with /ActualText. A single ActualText for the whole line was tried
 * first: poppler spreads it left to right and then reverses it as RTL text, so pdftotext printed
 * every Persian line backwards.
 */
export function writeShapedLine(
  pdf: PDFKit.PDFDocument,
  fontName: string,
  line: ShapedLine,
  x: number,
  y: number,
  nominalAdvance: (glyphId: number) => number,
  opts: WriteOptions = {},
): void {
  if (line.glyphs.length === 0) return;
  const doc = pdf.font(fontName) as PdfkitInternals;
  const font = doc._font;
  if (typeof font.subset?.includeGlyph !== 'function') throw new Error(`print: font ${fontName} is not an embedded TrueType font`);
  doc.page.fonts[font.id] ??= font.ref();

  const toThousandths = 1000 / line.unitsPerEm; // font units → PDF glyph space (1000 per em)
  const ops: string[] = [];
  let tj: string[] = [];
  let pending = 0; // horizontal move still to make, in thousandths of an em, + = to the right
  let rise = 0;
  const flushTj = () => {
    if (tj.length > 0) ops.push(`[${tj.join(' ')}] TJ`);
    tj = [];
  };
  const show = (g: ShapedGlyph, cid: number) => {
    const width = font.widths[cid] ?? 0;
    const xOffset = g.xOffset * toThousandths;
    const yOffset = g.yOffset * toThousandths;
    if (yOffset !== rise) {
      // A TJ array moves only horizontally; vertical mark offsets use text rise (Ts, in points).
      if (pending !== 0) tj.push(num(-pending));
      pending = 0;
      flushTj();
      ops.push(`${num((yOffset * line.sizePt) / 1000)} Ts`);
      rise = yOffset;
    }
    pending += xOffset;
    if (pending !== 0) tj.push(num(-pending)); // TJ numbers move left by n/1000 em, hence the sign
    tj.push(`<${hex4(cid)}>`);
    // Showing the glyph advanced the pen by its /W width; the shaper wants it at x + xAdvance.
    pending = g.xAdvance * toThousandths - xOffset - width;
  };

  const include = ({ text, glyphs }: Cluster) => {
    const cids = glyphs.map((g) => {
      const cid = font.subset.includeGlyph(g.id);
      font.widths[cid] ??= nominalAdvance(g.id) * toThousandths;
      return cid;
    });
    cids.forEach((cid, i) => {
      const own = i === 0 ? text : '';
      const known = font.unicode[cid];
      // First real mapping wins; an empty or format-only one (HarfBuzz draws ZWNJ with the space glyph) gives way.
      if (known == null || (!FORMAT_ONLY.test(own) && FORMAT_ONLY.test(String.fromCodePoint(...known)))) font.unicode[cid] = codesOf(own);
    });
    return cids;
  };
  const span = (text: string, draw: () => void) => {
    flushTj();
    ops.push(`/Span <</ActualText ${pdfTextString(text)}>> BDC`);
    draw();
    flushTj();
    ops.push('EMC');
  };

  if (opts.wordSpans) {
    for (const word of wordsOf(clustersOf(line))) {
      const cids = word.map(include);
      const drawWord = () => word.forEach((c, k) => c.glyphs.forEach((g, i) => show(g, cids[k]?.[i] ?? 0)));
      if (word.length === 1 && /^\s$/.test(word[0]?.text ?? '')) drawWord();
      else span(word.map((c) => c.text).join(''), drawWord);
    }
  } else {
    for (const cluster of clustersOf(line)) {
      const cids = include(cluster);
      const { text, glyphs } = cluster;
      const plain = cids.length === 1 && !FORMAT_ONLY.test(text) && sameCodes(font.unicode[cids[0] ?? 0], text);
      const draw = () => glyphs.forEach((g, i) => show(g, cids[i] ?? 0));
      if (plain) draw();
      else span(text, draw);
    }
  }
  flushTj();

  doc.save();
  doc.transform(1, 0, 0, -1, 0, doc.page.height); // back to PDF's bottom-up space, as pdfkit's own text() does
  doc.addContent('BT');
  doc.addContent(`1 0 0 1 ${num(x)} ${num(doc.page.height - y)} Tm`);
  doc.addContent(`/${font.id} ${num(line.sizePt)} Tf`);
  for (const op of ops) doc.addContent(op);
  doc.addContent('ET');
  doc.restore();
}

/**
 * Writes a line shaped in several fonts (run-shaper.ts): each run with its own embedded font, one
 * after the other from x. `fontNameOf(fontPath)` is the name the file was registered under with
 * `doc.registerFont`; `nominalAdvance(fontPath, glyphId)` its hmtx advance in font units.
 */
export function writeShapedRuns(
  pdf: PDFKit.PDFDocument,
  line: ShapedRunLine,
  x: number,
  y: number,
  fontNameOf: (fontPath: string) => string,
  nominalAdvance: (fontPath: string, glyphId: number) => number,
  opts: WriteOptions = {},
): void {
  let at = x;
  for (const run of line.runs) {
    // Each run as a line of its own: its text is the run's slice, its clusters offsets into that slice.
    const part: ShapedLine = {
      text: line.text.slice(run.start, run.end),
      glyphs: run.glyphs.map((g) => ({ ...g, cluster: g.cluster - run.start })),
      unitsPerEm: run.unitsPerEm,
      sizePt: line.sizePt,
      width: run.width,
    };
    writeShapedLine(pdf, fontNameOf(run.fontPath), part, at, y, (gid) => nominalAdvance(run.fontPath, gid), opts);
    at += run.width;
  }
}
