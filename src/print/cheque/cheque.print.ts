/**
 * Cheque PDFs: a batch of leaves (one per page) and the calibration test print (plain A4 with a
 * 10 mm grid, the leaf's outline, every field's box and baseline, and sample values).
 *
 * The leaf is laid out in its own coordinates (cheque-layout.ts) and put on the page by one matrix:
 * calibration offset, then rotation for printers that feed cheques upright, then the paper position
 * ('leaf' paper: the page is the leaf; 'a4': the leaf at the top centre of an A4 page). Text is
 * drawn glyph by glyph as HarfBuzz shaped it (glyph-writer.ts), so Nastaliq prints exactly.
 * The template's background image is never printed: it does not even reach this module.
 */
import PDFDocument from 'pdfkit';
import type { ChequeField } from '../../shared/contract/cheque-print';
import { fontBytes } from '../font-bytes';
import { writeShapedRuns } from '../pdf/glyph-writer';
import { MM } from '../pdf/print-document';
import { prepareSubsetSource, useFastSubset } from '../pdf/ttf-subset';
import { firstStrongDir, itemizeWithBidi } from '../shaping/bidi-itemizer';
import { shapeRuns } from '../shaping/run-shaper';
import { createShaper, type Shaper } from '../shaping/text-shaper';
import { fontChain, layoutLeaf, type ChequeLayoutTemplate, type FontResolver, type PlacedLine } from './cheque-layout';
import type { ChequeValuesData } from './cheque-text';

export type { ChequeLayoutTemplate, FontResolver } from './cheque-layout';

const A4_MM = { w: 210, h: 297 } as const;

/** Leaf → page: (x, y) ↦ (a·x + c·y + e, b·x + d·y + f), points, y down. */
export type Matrix = readonly [a: number, b: number, c: number, d: number, e: number, f: number];

export type LeafPlacement = { pageWidth: number; pageHeight: number; matrix: Matrix };

const ROTATIONS: Record<ChequeLayoutTemplate['rotation'], readonly [number, number, number, number]> = {
  0: [1, 0, 0, 1],
  90: [0, 1, -1, 0],
  180: [-1, 0, 0, -1],
  270: [0, -1, 1, 0],
};

/**
 * Where the leaf lands on the page, in points. `page` 'a4' forces an A4 page (the test print)
 * with the leaf where printing on that paper would put it; a leaf-sized paper then sits at the
 * page's top-left corner, as a printer starts a small page there.
 */
export function leafPlacement(t: ChequeLayoutTemplate, page: 'print' | 'a4' = 'print'): LeafPlacement {
  const w = t.widthMm * MM;
  const h = t.heightMm * MM;
  const [a, b, c, d] = ROTATIONS[t.rotation];
  const upright = t.rotation === 90 || t.rotation === 270;
  const boxW = upright ? h : w;
  const boxH = upright ? w : h;
  // The corner that rotation brings to the top-left of the turned leaf's box.
  const turn = { 0: [0, 0], 90: [h, 0], 180: [w, h], 270: [0, w] }[t.rotation] as [number, number];
  const a4 = t.paper === 'a4' || page === 'a4';
  const left = t.paper === 'a4' ? (A4_MM.w * MM - boxW) / 2 : 0;
  const ox = t.offsetXMm * MM;
  const oy = t.offsetYMm * MM;
  return {
    pageWidth: a4 ? A4_MM.w * MM : boxW,
    pageHeight: a4 ? A4_MM.h * MM : boxH,
    matrix: [a, b, c, d, left + turn[0] + a * ox + c * oy, turn[1] + b * ox + d * oy],
  };
}

/** A leaf point in mm → the page point in mm where it prints (for tests and the designer's help text). */
export function leafToPageMm(t: ChequeLayoutTemplate, xMm: number, yMm: number, page: 'print' | 'a4' = 'print'): { xMm: number; yMm: number } {
  const [a, b, c, d, e, f] = leafPlacement(t, page).matrix;
  const x = xMm * MM;
  const y = yMm * MM;
  return { xMm: (a * x + c * y + e) / MM, yMm: (b * x + d * y + f) / MM };
}

/**
 * Parsed fonts (fontkit objects, as pdfkit made them) kept between documents: parsing the 570 kB
 * Nastaliq font again for every cheque cost more than laying the cheque out. pdfkit accepts a
 * fontkit font in registerFont (PDFFontFactory.open, pdfkit 0.20.2) and makes a fresh subset of it
 * for each document, so reuse is safe.
 */
const parsedFonts = new Map<string, unknown>();
type PdfkitWithFont = PDFKit.PDFDocument & { _font?: { font?: unknown; subset?: { includeGlyph(id: number): number; cff?: unknown } } };
/** The tables pdfkit's EmbeddedFont.embed reads from a fontkit font (each decoded on first use, then kept). */
type FontkitTables = { 'OS/2'?: unknown; post?: unknown; head?: unknown; bbox?: unknown; italicAngle?: unknown; capHeight?: unknown; xHeight?: unknown };

/**
 * What a document needs of its fonts before HarfBuzz: fontkit's parse for pdfkit (with the tables its
 * embedding reads), the tables the subset is cut from, bidi-js's tables. The first cheque after the engine
 * starts does this while HarfBuzz's WebAssembly compiles on V8's background threads, instead of after.
 */
function prepareFonts(paths: Iterable<string>): void {
  for (const path of paths) {
    if (parsedFonts.has(path)) continue;
    const pdf = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
    pdf.registerFont('F', fontBytes(path) as unknown as string);
    const font = (pdf.font('F') as PdfkitWithFont)._font?.font as FontkitTables | undefined;
    if (!font) continue;
    void [font['OS/2'], font.post, font.head, font.bbox, font.italicAngle, font.capHeight, font.xHeight];
    parsedFonts.set(path, font);
    prepareSubsetSource(path);
  }
  itemizeWithBidi('\u0627 1', 'rtl'); // bidi-js unpacks its tables on first use
}

/** The shaper, with the template's fonts prepared while HarfBuzz loads (a no-op once both are ready). */
async function shaperWithFonts(fonts: Iterable<string>): Promise<Shaper> {
  const ready = createShaper();
  ready.catch(() => undefined); // awaited below; this keeps a failure while preparing from leaving it unhandled
  prepareFonts(fonts);
  return ready;
}

/** A pdfkit document that embeds each font file once, under a name of its own. */
class ChequePdf {
  private readonly pdf: PDFKit.PDFDocument;
  private readonly names = new Map<string, string>();
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(
    private readonly shaper: Shaper,
    title: string,
  ) {
    // font: null skips pdfkit's default Helvetica, whose AFM metrics it would parse for every document
    // (a tenth of a cheque's time); all text here goes through registered TTFs.
    this.pdf = new PDFDocument({
      autoFirstPage: false,
      font: null as unknown as string,
      lang: 'fa-IR',
      info: { Title: title, Producer: 'Monshi', Creator: 'Monshi' },
    });
    this.pdf.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  get doc(): PDFKit.PDFDocument {
    return this.pdf;
  }

  private fontName = (path: string): string => {
    let name = this.names.get(path);
    if (!name) {
      name = `F${this.names.size}`;
      const parsed = parsedFonts.get(path);
      this.pdf.registerFont(name, (parsed ?? fontBytes(path)) as string);
      this.names.set(path, name);
      const embedded = (this.pdf.font(name) as PdfkitWithFont)._font;
      if (!parsed && embedded?.font) parsedFonts.set(path, embedded.font);
      // Before any glyph is included: fontkit's subset re-encoded the whole font for every cheque.
      useFastSubset(embedded, path);
    }
    return name;
  };

  addPage(width: number, height: number): void {
    this.pdf.addPage({ size: [width, height], margin: 0 });
  }

  /** Draws lines in the current coordinate system (the leaf's, inside `onLeaf`). */
  draw(lines: readonly PlacedLine[], color = '#000'): void {
    this.pdf.fillColor(color);
    for (const l of lines) writeShapedRuns(this.pdf, l.line, l.x, l.baseline, this.fontName, (p, gid) => this.shaper.glyphAdvance(p, gid), { wordSpans: true });
  }

  /** Runs `fn` with the leaf's coordinate system in force. */
  onLeaf(placement: LeafPlacement, fn: () => void): void {
    this.pdf.save();
    this.pdf.transform(...placement.matrix);
    fn();
    this.pdf.restore();
  }

  end(): Promise<Buffer> {
    this.pdf.end();
    return this.done;
  }
}

export type ChequePrintOptions = { fontPath: FontResolver; title?: string };

/** One page per leaf, in order; the fields' values only (the leaf already carries its printed form). */
export async function printCheques(template: ChequeLayoutTemplate, items: readonly ChequeValuesData[], opts: ChequePrintOptions): Promise<Buffer> {
  const shaper = await shaperWithFonts(new Set(template.fields.flatMap((f) => fontChain(f, opts.fontPath))));
  const doc = new ChequePdf(shaper, opts.title ?? template.name);
  const placement = leafPlacement(template);
  for (const values of items) {
    const lines = layoutLeaf(shaper, template, values, opts.fontPath);
    doc.addPage(placement.pageWidth, placement.pageHeight);
    doc.onLeaf(placement, () => doc.draw(lines));
  }
  if (items.length === 0) doc.addPage(placement.pageWidth, placement.pageHeight);
  return doc.end();
}

export type TestPrintLabels = {
  /** One line under the grid: template name, offsets, rotation (already in the user's language). */
  caption: string;
  /** A field's name and number (1-based) in the user's language, written over its box. */
  field: (kind: ChequeField['kind'], n: number) => string;
};

const GRID_MM = 10;
const GRID_COLOR = '#c8c8c8';
const GRID_BOLD = '#8c8c8c';
const BOX_COLOR = '#1f6feb';
const LABEL_PT = 6;

/**
 * Plain A4 to hold against a real leaf: a 10 mm grid numbered in mm from the page's top-left
 * corner, the leaf's outline where printing puts it (calibration and rotation included), every
 * field's box (ascender to descender of its font) with its baseline dashed, and the sample values.
 */
export async function printChequeTest(
  template: ChequeLayoutTemplate,
  sample: ChequeValuesData,
  opts: ChequePrintOptions,
  labels: TestPrintLabels,
): Promise<Buffer> {
  const shaper = await shaperWithFonts(new Set([opts.fontPath('vazirmatn'), ...template.fields.flatMap((f) => fontChain(f, opts.fontPath))]));
  const doc = new ChequePdf(shaper, opts.title ?? template.name);
  const placement = leafPlacement(template, 'a4');
  doc.addPage(placement.pageWidth, placement.pageHeight);
  drawGrid(doc, shaper, placement, opts.fontPath('vazirmatn'));
  const lines = layoutLeaf(shaper, template, sample, opts.fontPath);
  doc.onLeaf(placement, () => {
    const pdf = doc.doc;
    pdf
      .rect(0, 0, template.widthMm * MM, template.heightMm * MM)
      .lineWidth(0.8)
      .stroke('#000');
    template.fields.forEach((f, i) => {
      const fonts = fontChain(f, opts.fontPath);
      const m = shaper.metrics(fonts[0] ?? '');
      const top = f.yMm * MM - (m.ascender * f.sizePt) / m.unitsPerEm;
      const bottom = f.yMm * MM - (m.descender * f.sizePt) / m.unitsPerEm;
      pdf
        .rect(f.xMm * MM, top, f.widthMm * MM, bottom - top)
        .lineWidth(0.4)
        .stroke(BOX_COLOR);
      pdf
        .moveTo(f.xMm * MM, f.yMm * MM)
        .lineTo((f.xMm + f.widthMm) * MM, f.yMm * MM)
        .dash(2, { space: 1.5 })
        .lineWidth(0.4)
        .stroke(BOX_COLOR);
      pdf.undash();
      const labelText = labels.field(f.kind, i + 1);
      const label = shapeRuns(shaper, labelText, [opts.fontPath('vazirmatn')], LABEL_PT, firstStrongDir(labelText) ?? 'rtl');
      doc.draw([{ field: i, line: label, x: (f.xMm + f.widthMm) * MM - label.width, baseline: top - 1, baseDir: 'rtl', role: 'value' }], BOX_COLOR);
    });
    doc.draw(lines);
  });
  const caption = shapeRuns(shaper, labels.caption, [opts.fontPath('vazirmatn')], 9, 'rtl');
  doc.draw([
    { field: -1, line: caption, x: placement.pageWidth - 10 * MM - caption.width, baseline: placement.pageHeight - 8 * MM, baseDir: 'rtl', role: 'value' },
  ]);
  return doc.end();
}

function drawGrid(doc: ChequePdf, shaper: Shaper, placement: LeafPlacement, labelFont: string): void {
  const pdf = doc.doc;
  const cols = Math.floor(placement.pageWidth / MM / GRID_MM);
  const rows = Math.floor(placement.pageHeight / MM / GRID_MM);
  for (let i = 0; i <= cols; i++) {
    const x = i * GRID_MM * MM;
    pdf
      .moveTo(x, 0)
      .lineTo(x, placement.pageHeight)
      .lineWidth(i % 5 === 0 ? 0.5 : 0.25)
      .stroke(i % 5 === 0 ? GRID_BOLD : GRID_COLOR);
  }
  for (let j = 0; j <= rows; j++) {
    const y = j * GRID_MM * MM;
    pdf
      .moveTo(0, y)
      .lineTo(placement.pageWidth, y)
      .lineWidth(j % 5 === 0 ? 0.5 : 0.25)
      .stroke(j % 5 === 0 ? GRID_BOLD : GRID_COLOR);
  }
  const labels: PlacedLine[] = [];
  const label = (n: number) => shapeRuns(shaper, String(n), [labelFont], LABEL_PT, 'ltr');
  for (let i = 1; i < cols; i++)
    labels.push({ field: -1, line: label(i * GRID_MM), x: i * GRID_MM * MM + 1, baseline: 2.5 * MM, baseDir: 'ltr', role: 'value' });
  for (let j = 1; j < rows; j++) labels.push({ field: -1, line: label(j * GRID_MM), x: 1, baseline: j * GRID_MM * MM - 1, baseDir: 'ltr', role: 'value' });
  doc.draw(labels, GRID_BOLD);
}
