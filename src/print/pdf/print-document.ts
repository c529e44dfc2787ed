/**
 * A small document layer over pdfkit for reports: A4 pages, margins in millimetres, text measured
 * and drawn through the HarfBuzz shaper, right-to-left layout when the language is Persian.
 *
 * Reports are built in two passes: a layout pass turns data into pages of draw operations (it only
 * measures text), then `render` draws them. Knowing the page count before drawing lets every
 * page say "page X of Y" without keeping finished pages in memory (pdfkit flushes a page as soon
 * as the next one starts).
 */
import PDFDocument from 'pdfkit';
import { firstStrongDir } from '../shaping/bidi-itemizer';
import type { BaseDir, Shaper } from '../shaping/text-shaper';
import { createShaper } from '../shaping/text-shaper';
import { truncateToWidth, wrapText, type TextStyle } from '../shaping/text-layout';
import { fontPaths, resolveAssetsDir, type FontWeight } from './assets-dir';
import { writeShapedLine } from './glyph-writer';

export type { FontWeight } from './assets-dir';
export type Lang = 'fa' | 'en';

/**
 * 'start' and 'end' follow the document direction (start = right in Persian); 'natural' follows
 * the text's own paragraph direction (an English note in a Persian report starts at the left).
 */
export type Align = 'start' | 'end' | 'natural' | 'center' | 'left' | 'right';

export type TextLook = {
  size: number;
  weight?: FontWeight;
  /** CSS-style colour, default '#000'. */
  color?: string;
  /**
   * Paragraph direction; default the document's. 'auto' takes it from the first letter (like HTML
   * dir="auto"): right for user text such as names, notes and companies, so "Asia Tech Co." keeps
   * its full stop at the end. 'ltr' for e-mail addresses. Alignment still follows `align`.
   */
  dir?: BaseDir | 'auto';
  align?: Align;
};

/** One laid-out line and the look to draw it with (direction resolved). */
export type TextLine = { text: string; look: TextLook };

export type DrawOp =
  | { kind: 'text'; text: string; x: number; y: number; width: number; look: TextLook }
  | { kind: 'rect'; x: number; y: number; w: number; h: number; color: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number };

/** Content area of a page in points (pdfkit coordinates: origin top left, y down). */
export type Box = { left: number; top: number; right: number; bottom: number; width: number; height: number };

export type Margins = { top: number; right: number; bottom: number; left: number };

export type PrintDocumentOptions = {
  lang: Lang;
  /** PDF metadata title. */
  title?: string;
  /** Page margins in millimetres, one number for all four sides. Default 12. */
  marginsMm?: number | Margins;
  /** Folder containing fonts/Vazirmatn-*.ttf; found automatically when omitted. */
  assetsDir?: string;
  /** Page size in points [width, height]; default A4 (fax pages also print on US letter and on a header strip). */
  pageSize?: readonly [number, number];
};

export const MM = 72 / 25.4;
export const A4: readonly [number, number] = [595.28, 841.89];
export const LETTER: readonly [number, number] = [612, 792];
/** Line box height per point of font size: Vazirmatn's ascent + descent is 1.56 em; a bit tighter reads well in tables. */
const LINE_FACTOR = 1.5;

export class PrintDocument {
  readonly lang: Lang;
  readonly dir: BaseDir;
  readonly box: Box;
  private readonly pdf: PDFKit.PDFDocument;
  private readonly fonts: Record<FontWeight, string>;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  private pagesStarted = 0;
  private readonly size: [number, number];

  private constructor(
    private readonly shaper: Shaper,
    opts: PrintDocumentOptions,
  ) {
    this.lang = opts.lang;
    this.dir = opts.lang === 'fa' ? 'rtl' : 'ltr';
    this.fonts = fontPaths(resolveAssetsDir(opts.assetsDir));
    const m = typeof opts.marginsMm === 'object' ? opts.marginsMm : uniform(opts.marginsMm ?? 12);
    this.size = [...(opts.pageSize ?? A4)];
    const [w, h] = this.size;
    this.box = {
      left: m.left * MM,
      top: m.top * MM,
      right: w - m.right * MM,
      bottom: h - m.bottom * MM,
      width: w - (m.left + m.right) * MM,
      height: h - (m.top + m.bottom) * MM,
    };
    this.pdf = new PDFDocument({
      size: this.size,
      autoFirstPage: false,
      lang: opts.lang === 'fa' ? 'fa-IR' : 'en',
      info: { Title: opts.title ?? '', Producer: 'Monshi', Creator: 'Monshi' },
    });
    this.pdf.registerFont('regular', this.fonts.regular);
    this.pdf.registerFont('bold', this.fonts.bold);
    this.pdf.on('data', (c: Buffer) => this.chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  /** Loads the shaper (first time: compiles HarfBuzz) and finds the fonts; throws if they are missing. */
  static async create(opts: PrintDocumentOptions): Promise<PrintDocument> {
    return new PrintDocument(await createShaper(), opts);
  }

  /** Height of one line of text at `size` points. */
  lineHeight(size: number): number {
    return size * LINE_FACTOR;
  }

  /** The paragraph direction `look` gives to `text`. */
  baseDir(text: string, look: TextLook): BaseDir {
    if (look.dir === 'auto') return firstStrongDir(text) ?? this.dir;
    return look.dir ?? this.dir;
  }

  private style(text: string, look: TextLook): TextStyle {
    return { fontPath: this.fonts[look.weight ?? 'regular'], sizePt: look.size, baseDir: this.baseDir(text, look) };
  }

  measure(text: string, look: TextLook): number {
    return this.shaper.measure(text, this.fonts[look.weight ?? 'regular'], look.size, this.baseDir(text, look));
  }

  truncate(text: string, width: number, look: TextLook): string {
    return truncateToWidth(this.shaper, text, this.style(text, look), width);
  }

  /**
   * Wraps text to `width` points. Each '\n' starts a paragraph whose direction is resolved once
   * (for 'auto', from its first letter) and kept by all its lines, as UAX #9 wants.
   */
  wrap(text: string, width: number, look: TextLook): TextLine[] {
    return text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .flatMap((paragraph) => {
        const dir = this.baseDir(paragraph, look);
        return wrapText(this.shaper, paragraph, this.style(paragraph, look), width).map((t) => ({ text: t, look: { ...look, dir } }));
      });
  }

  /** The page side an alignment means; `textDir` is the line's own direction, used by 'natural'. */
  physicalAlign(align: Align = 'start', textDir: BaseDir = this.dir): 'left' | 'right' | 'center' {
    if (align === 'natural') return textDir === 'rtl' ? 'right' : 'left';
    if (align === 'start') return this.dir === 'rtl' ? 'right' : 'left';
    if (align === 'end') return this.dir === 'rtl' ? 'left' : 'right';
    return align;
  }

  /**
   * Splits [left, left + width] into columns given in logical order (first = start side) by
   * relative weights; returns their x and width in the same logical order.
   */
  columns(left: number, width: number, weights: readonly number[]): { x: number; width: number }[] {
    const total = weights.reduce((a, b) => a + b, 0);
    let cursor = this.dir === 'rtl' ? left + width : left;
    return weights.map((wt) => {
      const w = (width * wt) / total;
      const x = this.dir === 'rtl' ? cursor - w : cursor;
      cursor = this.dir === 'rtl' ? cursor - w : cursor + w;
      return { x, width: w };
    });
  }

  /** Draws one line of text (already fitted to width) in the line box whose top is y. */
  private drawText(op: Extract<DrawOp, { kind: 'text' }>): void {
    const { look } = op;
    const weight = look.weight ?? 'regular';
    const dir = this.baseDir(op.text, look);
    const line = this.shaper.shapeLine(op.text, this.fonts[weight], look.size, dir);
    const align = this.physicalAlign(look.align, dir);
    const x = align === 'left' ? op.x : align === 'right' ? op.x + op.width - line.width : op.x + (op.width - line.width) / 2;
    const m = this.shaper.metrics(this.fonts[weight]);
    const ascent = (m.ascender * look.size) / m.unitsPerEm;
    const extent = ((m.ascender - m.descender) * look.size) / m.unitsPerEm;
    const baseline = op.y + (this.lineHeight(look.size) - extent) / 2 + ascent;
    this.pdf.fillColor(look.color ?? '#000');
    writeShapedLine(this.pdf, weight, line, x, baseline, (gid) => this.shaper.glyphAdvance(this.fonts[weight], gid));
  }

  private draw(op: DrawOp): void {
    if (op.kind === 'text') this.drawText(op);
    else if (op.kind === 'rect') this.pdf.rect(op.x, op.y, op.w, op.h).fill(op.color);
    else this.pdf.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.width).stroke(op.color);
  }

  /**
   * Draws laid-out pages, each on a new page. `frame(pageIndex, pageCount)` adds the operations
   * repeated on every page (header, footer, "page X of Y"). Call once per document.
   */
  render(pages: readonly DrawOp[][], frame?: (page: number, pageCount: number) => DrawOp[]): void {
    const count = Math.max(1, pages.length);
    for (let i = 0; i < count; i++) {
      this.pdf.addPage({ size: this.size, margin: 0 });
      this.pagesStarted++;
      for (const op of frame?.(i, count) ?? []) this.draw(op);
      for (const op of pages[i] ?? []) this.draw(op);
    }
  }

  /** Finishes the file and resolves with its bytes. */
  end(): Promise<Buffer> {
    if (this.pagesStarted === 0) this.pdf.addPage({ size: this.size, margin: 0 }); // a PDF needs at least one page
    this.pdf.end();
    return this.done;
  }
}

function uniform(mm: number): Margins {
  return { top: mm, right: mm, bottom: mm, left: mm };
}
