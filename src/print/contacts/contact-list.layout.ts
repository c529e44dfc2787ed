/**
 * Lays out the phonebook list as a table: row number, name, company / job title, phones, groups.
 * Columns run from the start side (right in Persian); the header row repeats on every page; rows
 * are zebra-striped and never split across pages.
 */
import type { ContactSummary } from '../../shared/contract/contacts';
import { localDigits } from '../../shared/text/digits';
import type { Frame } from '../pdf/report-frame';
import { MUTED, RULE_COLOR } from '../pdf/report-frame';
import type { DrawOp, PrintDocument, TextLine, TextLook } from '../pdf/print-document';
import { groupList, phoneLine, type FormatContext } from './contact-format';

type CellLine = TextLine;
type Column = { x: number; width: number };

// User text takes its direction from its first letter; labels and phone lines follow the document.
const BODY: TextLook = { size: 8.5 };
const USER: TextLook = { ...BODY, dir: 'auto' };
const NAME: TextLook = { size: 8.5, weight: 'bold', dir: 'auto' };
const SECOND: TextLook = { size: 8, color: MUTED };
const USER_SECOND: TextLook = { ...SECOND, dir: 'auto' };
const HEAD: TextLook = { size: 8.5, weight: 'bold' };
const PAD_X = 4;
const PAD_Y = 3;
/** Relative widths: row number, name, company / job title, phones, groups. */
const WEIGHTS = [5, 26, 26, 28, 15] as const;
/** A row of a contact with dozens of phones is cut here so it always fits one page. */
const MAX_PHONE_LINES = 12;
const HEADER_FILL = '#e2e8f0';
const ZEBRA_FILL = '#f3f5f8';

/** Wraps, keeping at most `max` lines; the last kept line ends with '…' when text was dropped. */
function wrapClamped(doc: PrintDocument, text: string, width: number, look: TextLook, max: number): CellLine[] {
  if (text.trim() === '') return [];
  const lines = doc.wrap(text, width, look);
  if (lines.length > max) {
    const last = lines[max - 1]?.look ?? look;
    const rest = lines
      .slice(max - 1)
      .map((l) => l.text)
      .join(' ');
    lines.splice(max - 1, lines.length, { text: doc.truncate(`${rest} \u2026`, width, last), look: last });
  }
  return lines;
}

function rowCells(doc: PrintDocument, row: ContactSummary, index: number, cols: Column[], ctx: FormatContext): CellLine[][] {
  const inner = cols.map((c) => c.width - 2 * PAD_X);
  const w = (i: number) => inner[i] ?? 0;
  const phones = row.phones.map((p) => ({ text: doc.truncate(phoneLine(p, ctx), w(3), BODY), look: BODY }));
  if (phones.length > MAX_PHONE_LINES) {
    const rest = phones.length - (MAX_PHONE_LINES - 1);
    phones.splice(MAX_PHONE_LINES - 1, phones.length, { text: `+${localDigits(rest, ctx.lang)} \u2026`, look: SECOND });
  }
  return [
    [{ text: localDigits(index + 1, ctx.lang), look: SECOND }],
    wrapClamped(doc, row.displayName, w(1), NAME, 2),
    [...wrapClamped(doc, row.company, w(2), USER, 2), ...wrapClamped(doc, row.jobTitle, w(2), USER_SECOND, 2)],
    phones,
    wrapClamped(doc, groupList(row.groupIds, ctx), w(4), BODY, 3),
  ];
}

function cellsHeight(doc: PrintDocument, cells: CellLine[][]): number {
  const heights = cells.map((lines) => lines.reduce((h, l) => h + doc.lineHeight(l.look.size), 0));
  return Math.max(doc.lineHeight(BODY.size), ...heights) + 2 * PAD_Y;
}

function cellOps(cells: CellLine[][], cols: Column[], y: number, doc: PrintDocument): DrawOp[] {
  const ops: DrawOp[] = [];
  cells.forEach((lines, i) => {
    const col = cols[i];
    if (!col) return;
    let ly = y + PAD_Y;
    for (const l of lines) {
      // The row number is centred; everything else starts at the reading side.
      ops.push({ kind: 'text', text: l.text, x: col.x + PAD_X, y: ly, width: col.width - 2 * PAD_X, look: { ...l.look, align: i === 0 ? 'center' : 'start' } });
      ly += doc.lineHeight(l.look.size);
    }
  });
  return ops;
}

/** Pages of draw operations for the list (at least one page, saying "no contacts" when empty). */
export function layoutContactList(doc: PrintDocument, rows: readonly ContactSummary[], ctx: FormatContext, frame: Frame): DrawOp[][] {
  const { box } = doc;
  const cols = doc.columns(box.left, box.width, WEIGHTS);
  const { labels } = ctx;
  const headCells: CellLine[][] = [labels.rowNumber, labels.name, labels.companyJob, labels.phones, labels.groups].map((t, i) => [
    { text: doc.truncate(t, (cols[i]?.width ?? 0) - 2 * PAD_X, HEAD), look: HEAD },
  ]);
  const headHeight = cellsHeight(doc, headCells);
  const header = (y: number): DrawOp[] => [
    { kind: 'rect', x: box.left, y, w: box.width, h: headHeight, color: HEADER_FILL },
    ...cellOps(headCells, cols, y, doc),
    { kind: 'line', x1: box.left, y1: y + headHeight, x2: box.right, y2: y + headHeight, color: RULE_COLOR, width: 0.6 },
  ];

  if (rows.length === 0) {
    return [[{ kind: 'text', text: labels.empty, x: box.left, y: frame.bodyTop, width: box.width, look: { ...BODY, align: 'start' } }]];
  }
  const pages: DrawOp[][] = [];
  let page: DrawOp[] = [];
  let y = frame.bodyBottom; // forces a new page for the first row
  rows.forEach((row, index) => {
    const cells = rowCells(doc, row, index, cols, ctx);
    const height = cellsHeight(doc, cells);
    if (y + height > frame.bodyBottom) {
      page = [...header(frame.bodyTop)];
      pages.push(page);
      y = frame.bodyTop + headHeight;
    }
    if (index % 2 === 1) page.push({ kind: 'rect', x: box.left, y, w: box.width, h: height, color: ZEBRA_FILL });
    page.push(...cellOps(cells, cols, y, doc));
    y += height;
  });
  return pages;
}
