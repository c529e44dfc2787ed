/**
 * The header and footer every report page carries: title at the start side, a note (print date,
 * counts) at the end side, a rule under them, and "page X of Y" at the bottom.
 */
import type { DrawOp, PrintDocument, TextLook } from './print-document';

export type FrameText = {
  title: string;
  /** Small text opposite the title, e.g. the print date. */
  note: string;
  /** Footer text of a page (1-based page number). */
  footer: (page: number, pages: number) => string;
};

export type Frame = {
  /** Where page content may start and must end (points from the top of the page). */
  bodyTop: number;
  bodyBottom: number;
  ops: (pageIndex: number, pageCount: number) => DrawOp[];
};

export const RULE_COLOR = '#9aa5b1';
export const MUTED = '#555f6b';
const TITLE: TextLook = { size: 13, weight: 'bold' };
const SMALL: TextLook = { size: 8, color: MUTED };

export function reportFrame(doc: PrintDocument, text: FrameText): Frame {
  const { box } = doc;
  const titleHeight = doc.lineHeight(TITLE.size);
  const ruleY = box.top + titleHeight + 2;
  const footerHeight = doc.lineHeight(SMALL.size);
  const footerY = box.bottom - footerHeight;
  const noteWidth = Math.min(doc.measure(text.note, SMALL), box.width * 0.45);
  const titleWidth = box.width - noteWidth - 12;
  const title = doc.truncate(text.title, titleWidth, TITLE);
  const note = doc.truncate(text.note, noteWidth, SMALL);
  // The note sits on the title's baseline band, aligned to the end side.
  const noteY = box.top + titleHeight - doc.lineHeight(SMALL.size) - 1;
  const [titleCol, noteCol] = doc.columns(box.left, box.width, [titleWidth, box.width - titleWidth]);
  return {
    bodyTop: ruleY + 8,
    bodyBottom: footerY - 6,
    ops: (page, pages) => [
      { kind: 'text', text: title, x: titleCol?.x ?? box.left, y: box.top, width: titleWidth, look: { ...TITLE, align: 'start' } },
      { kind: 'text', text: note, x: noteCol?.x ?? box.left, y: noteY, width: noteCol?.width ?? noteWidth, look: { ...SMALL, align: 'end' } },
      { kind: 'line', x1: box.left, y1: ruleY, x2: box.right, y2: ruleY, color: RULE_COLOR, width: 0.8 },
      { kind: 'line', x1: box.left, y1: footerY - 2, x2: box.right, y2: footerY - 2, color: RULE_COLOR, width: 0.4 },
      { kind: 'text', text: text.footer(page + 1, pages), x: box.left, y: footerY, width: box.width, look: { ...SMALL, align: 'center' } },
    ],
  };
}
