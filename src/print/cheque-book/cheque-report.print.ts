/**
 * The cheque report as PDF: a line of totals, then tables — totals by status, totals by month of the
 * due date, and the list of cheques — each with its heading repeated on a new page when it breaks.
 * The caller passes cells already written in the report's language (digits, dates, names); this file
 * only lays them out: Persian pages run right to left, amount columns align to the end side.
 */
import { localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type ReportTable = {
  title: string;
  head: string[];
  /** Relative column widths, first = start side. */
  weights: number[];
  /** Columns aligned to the end side (amounts, counts). */
  numeric: boolean[];
  rows: string[][];
  /** A bold last row (totals). */
  total?: string[];
  /** Shown instead of rows when there are none. */
  empty: string;
};

export type ChequeReportPrintOptions = {
  lang: 'fa' | 'en';
  title: string;
  /** Small text opposite the title: print time. */
  note: string;
  /** Lines under the header: the filter, the totals. */
  summary: string[];
  tables: ReportTable[];
  /** 'Page {page} of {pages}'. */
  page: string;
  assetsDir?: string;
};

const H2: TextLook = { size: 10.5, weight: 'bold' };
const HEAD: TextLook = { size: 8, weight: 'bold' };
const BODY: TextLook = { size: 8 };
const SUMMARY: TextLook = { size: 9, color: MUTED };
const ZEBRA = '#f1f4f7';

export async function printChequeReport(opts: ChequeReportPrintOptions): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: opts.lang, title: opts.title, assetsDir: opts.assetsDir, marginsMm: 10 });
  const { box } = doc;
  const frame = reportFrame(doc, {
    title: opts.title,
    note: opts.note,
    footer: (p, ps) => opts.page.replace('{page}', localDigits(p, opts.lang)).replace('{pages}', localDigits(ps, opts.lang)),
  });
  const flow = new PageFlow(frame);

  for (const line of opts.summary) {
    flow.push({
      kind: 'text',
      text: doc.truncate(line, box.width, SUMMARY),
      x: box.left,
      y: flow.y,
      width: box.width,
      look: { ...SUMMARY, align: 'start', dir: 'auto' },
    });
    flow.y += doc.lineHeight(SUMMARY.size);
  }
  flow.y += 6;

  for (const t of opts.tables) {
    const cols = doc.columns(box.left, box.width, t.weights);
    const rowH = doc.lineHeight(BODY.size) + 2;
    const row = (cells: string[], look: TextLook, shade: boolean) => {
      if (shade) flow.push({ kind: 'rect', x: box.left, y: flow.y - 1, w: box.width, h: rowH, color: ZEBRA });
      cells.forEach((c, i) => {
        const col = cols[i]!;
        const align = t.numeric[i] ? 'end' : 'start';
        flow.push({
          kind: 'text',
          text: doc.truncate(c, col.width - 6, look),
          x: col.x + 3,
          y: flow.y,
          width: col.width - 6,
          look: { ...look, align, dir: t.numeric[i] ? undefined : 'auto' },
        });
      });
      flow.y += rowH;
    };
    const heading = (cont: boolean) => {
      flow.push({ kind: 'text', text: cont ? `${t.title} …` : t.title, x: box.left, y: flow.y, width: box.width, look: { ...H2, align: 'start' } });
      flow.y += doc.lineHeight(H2.size) + 2;
      row(t.head, HEAD, false);
      flow.push({ kind: 'line', x1: box.left, y1: flow.y - 1, x2: box.right, y2: flow.y - 1, color: RULE_COLOR, width: 0.6 });
    };
    // A table starts on a new page unless its heading and a few rows fit.
    if (!flow.fits(doc.lineHeight(H2.size) + 4 * rowH)) flow.newPage();
    heading(false);
    if (t.rows.length === 0) row([t.empty], BODY, false);
    t.rows.forEach((r, i) => {
      if (!flow.fits(rowH)) {
        flow.newPage();
        heading(true);
      }
      row(r, BODY, i % 2 === 1);
    });
    if (t.total) {
      if (!flow.fits(rowH + 2)) {
        flow.newPage();
        heading(true);
      }
      flow.push({ kind: 'line', x1: box.left, y1: flow.y, x2: box.right, y2: flow.y, color: RULE_COLOR, width: 0.6 });
      flow.y += 1;
      row(t.total, HEAD, false);
    }
    flow.y += 12;
  }

  doc.render(flow.pages, frame.ops);
  return doc.end();
}
