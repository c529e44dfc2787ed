/**
 * A printed form: sections of labelled fields written on ruled lines, tables with ruled rows, text
 * boxes and a signature line. Values may be empty, so the same layout prints a blank form to fill by
 * hand and a filled one (the employment application form, PRODUCT.md §3). Persian pages run right to
 * left; user text takes its direction from its first letter.
 */
import { localDigits } from '../../shared/text/digits';
import { PrintDocument, type TextLook } from '../pdf/print-document';
import { PageFlow } from '../pdf/page-flow';
import { MUTED, RULE_COLOR, reportFrame } from '../pdf/report-frame';

export type FormField = { label: string; value: string; /** Relative width in its row (default 1). */ span?: number };
export type FormSection =
  | { kind: 'fields'; title: string; rows: FormField[][] }
  | { kind: 'table'; title: string; head: string[]; weights: number[]; rows: string[][]; minRows: number }
  | { kind: 'text'; title: string; text: string; minLines: number }
  | { kind: 'signature'; text: string; label: string };

export type FormDocument = {
  lang: 'fa' | 'en';
  title: string;
  /** Small text opposite the title (print date). */
  note: string;
  /** With {page} and {pages}. */
  pageLabel: string;
  sections: FormSection[];
  assetsDir?: string;
};

const H2: TextLook = { size: 11, weight: 'bold' };
const LABEL: TextLook = { size: 7.5, color: MUTED };
const VALUE: TextLook = { size: 10, dir: 'auto' };
const CELL: TextLook = { size: 9, dir: 'auto' };
const HEAD: TextLook = { size: 8.5, weight: 'bold' };
const HEAD_FILL = '#eef1f5';
const LINE_GAP = 6;

export async function printForm(form: FormDocument): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: form.lang, title: form.title, assetsDir: form.assetsDir });
  const { box } = doc;
  const frame = reportFrame(doc, {
    title: form.title,
    note: form.note,
    footer: (p, ps) => form.pageLabel.replace('{page}', localDigits(p, form.lang)).replace('{pages}', localDigits(ps, form.lang)),
  });
  const flow = new PageFlow(frame);
  const text = (t: string, look: TextLook, x: number, width: number) =>
    flow.push({ kind: 'text', text: doc.truncate(t, width, look), x, y: flow.y, width, look: { align: 'start', ...look } });
  const rule = (x1: number, x2: number, at: number, color = RULE_COLOR, width = 0.5) => flow.push({ kind: 'line', x1, y1: at, x2, y2: at, color, width });
  const heading = (title: string, extra: number) => {
    flow.need(doc.lineHeight(H2.size) + extra);
    flow.y += 4;
    text(title, H2, box.left, box.width);
    flow.y += doc.lineHeight(H2.size) + 2;
  };

  const fieldHeight = doc.lineHeight(LABEL.size) + doc.lineHeight(VALUE.size) + LINE_GAP;
  for (const s of form.sections) {
    if (s.kind === 'fields') {
      heading(s.title, fieldHeight);
      for (const row of s.rows) {
        flow.need(fieldHeight);
        const cols = doc.columns(
          box.left,
          box.width,
          row.map((f) => f.span ?? 1),
        );
        row.forEach((f, i) => {
          const c = cols[i]!;
          const x = c.x + 4;
          const w = c.width - 8;
          text(f.label, LABEL, x, w);
          flow.push({
            kind: 'text',
            text: doc.truncate(f.value, w, VALUE),
            x,
            y: flow.y + doc.lineHeight(LABEL.size),
            width: w,
            look: { ...VALUE, align: 'start' },
          });
          rule(x, x + w, flow.y + doc.lineHeight(LABEL.size) + doc.lineHeight(VALUE.size) + 1);
        });
        flow.y += fieldHeight;
      }
    } else if (s.kind === 'table') {
      const rowH = doc.lineHeight(CELL.size) + 6;
      heading(s.title, rowH * 2);
      const cols = doc.columns(box.left, box.width, s.weights);
      const line = (cells: string[], look: TextLook, fill?: string) => {
        flow.need(rowH);
        if (fill) flow.push({ kind: 'rect', x: box.left, y: flow.y, w: box.width, h: rowH, color: fill });
        cells.forEach((cell, i) => {
          const c = cols[i]!;
          flow.push({
            kind: 'text',
            text: doc.truncate(cell, c.width - 8, look),
            x: c.x + 4,
            y: flow.y + 3,
            width: c.width - 8,
            look: { ...look, align: 'start' },
          });
        });
        // Column separators make the blank form easy to fill by hand.
        for (const c of cols.slice(1)) {
          const edge = doc.dir === 'rtl' ? c.x + c.width : c.x;
          flow.push({ kind: 'line', x1: edge, y1: flow.y, x2: edge, y2: flow.y + rowH, color: RULE_COLOR, width: 0.4 });
        }
        flow.y += rowH;
        rule(box.left, box.right, flow.y);
      };
      rule(box.left, box.right, flow.y);
      line(s.head, HEAD, HEAD_FILL);
      const rows = [...s.rows];
      while (rows.length < s.minRows) rows.push(s.head.map(() => ''));
      for (const r of rows) line(r, CELL);
      flow.y += 4;
    } else if (s.kind === 'text') {
      const lh = doc.lineHeight(VALUE.size) + 4;
      heading(s.title, lh * 2);
      const lines = s.text ? doc.wrap(s.text, box.width - 8, VALUE) : [];
      const count = Math.max(lines.length, s.minLines);
      for (let i = 0; i < count; i++) {
        flow.need(lh);
        const l = lines[i];
        if (l) flow.push({ kind: 'text', text: l.text, x: box.left + 4, y: flow.y, width: box.width - 8, look: { ...l.look, align: 'natural' } });
        rule(box.left, box.right, flow.y + lh - 1, '#c9d0d8', 0.4);
        flow.y += lh;
      }
      flow.y += 4;
    } else {
      flow.need(doc.lineHeight(VALUE.size) * 4);
      flow.y += 10;
      text(s.text, { size: 9 }, box.left, box.width);
      flow.y += doc.lineHeight(9) + 22;
      const [, sig] = doc.columns(box.left, box.width, [1, 1]);
      rule(sig!.x + 10, sig!.x + sig!.width - 10, flow.y);
      flow.y += 2;
      flow.push({ kind: 'text', text: s.label, x: sig!.x, y: flow.y, width: sig!.width, look: { ...LABEL, align: 'center' } });
      flow.y += doc.lineHeight(LABEL.size) + 6;
    }
  }

  doc.render(flow.pages, frame.ops);
  return doc.end();
}
