/**
 * The fax log as PDF: one line per fax under column headings (time, direction, number or contact, TSI/CSI,
 * pages, speed, duration, result in words), in the report frame every printout carries. The engine gives
 * the cells as text already in the user's language and digits, so this file only lays them out; Persian
 * pages run right to left (the first column at the right).
 */
import { formatInstant, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type FaxLogPrintOptions = {
  lang: Lang;
  calendar: CalendarSystem;
  title: string;
  /** What is printed: the filter in words and the count. */
  summary: string;
  printedAt: Date;
  /** Column headings, as many as each row has cells. */
  headings: string[];
  /** With {page} and {pages}. */
  pageLabel: string;
  none: string;
  assetsDir?: string;
};

/** Shares of the width per column (time, direction, party, TSI/CSI, pages, speed, duration, result). */
const WIDTHS = [15, 8, 20, 14, 7, 9, 7, 20];
const BODY: TextLook = { size: 8 };
const HEAD: TextLook = { size: 7.5, weight: 'bold', color: MUTED };
const SMALL: TextLook = { size: 8, color: MUTED };

export async function printFaxLog(rows: readonly string[][], opts: FaxLogPrintOptions): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: opts.lang, title: opts.title, assetsDir: opts.assetsDir });
  const { box } = doc;
  const frame = reportFrame(doc, {
    title: opts.title,
    note: formatInstant(opts.printedAt.toISOString(), opts.calendar, opts.lang),
    footer: (p, ps) => opts.pageLabel.replace('{page}', localDigits(p, opts.lang)).replace('{pages}', localDigits(ps, opts.lang)),
  });
  const flow = new PageFlow(frame);
  const cols = doc.columns(box.left, box.width, WIDTHS);
  const cell = (i: number, text: string, look: TextLook) => {
    const c = cols[i]!;
    flow.push({
      kind: 'text',
      text: doc.truncate(text, c.width - 4, look),
      x: c.x + 2,
      y: flow.y,
      width: c.width - 4,
      look: { align: 'start', dir: 'auto', ...look },
    });
  };
  const heads = () => {
    opts.headings.forEach((h, i) => cell(i, h, HEAD));
    flow.y += doc.lineHeight(HEAD.size);
    flow.push({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.6 });
    flow.y += 3;
  };

  flow.push({ kind: 'text', text: opts.summary, x: box.left, y: flow.y, width: box.width, look: { ...SMALL, align: 'start', dir: 'auto' } });
  flow.y += doc.lineHeight(SMALL.size) + 6;
  if (rows.length === 0) {
    flow.push({ kind: 'text', text: opts.none, x: box.left, y: flow.y, width: box.width, look: { ...BODY, align: 'start' } });
  } else heads();
  let page = flow.pages.length;
  for (const row of rows) {
    flow.need(doc.lineHeight(BODY.size) + 3);
    // A new page repeats the headings above its first row.
    if (flow.pages.length !== page) {
      page = flow.pages.length;
      heads();
    }
    row.forEach((text, i) => cell(i, text, BODY));
    flow.y += doc.lineHeight(BODY.size) + 1;
    flow.push({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.25 });
    flow.y += 2;
  }
  doc.render(flow.pages, frame.ops);
  return doc.end();
}
