/**
 * A fax cover page: a large "Fax" title, then To, From, Subject, Date and the page count on ruled lines,
 * and the note wrapped below. Values are user text (direction from their first letter); labels are
 * given in the user's language by the caller. One page, the paper's size.
 */
import { PrintDocument, type DrawOp, type TextLook } from '../pdf/print-document';

export type FaxCoverText = {
  lang: 'fa' | 'en';
  title: string;
  /** Label and value pairs in order (to, from, subject, date, pages). */
  rows: { label: string; value: string }[];
  noteLabel: string;
  note: string;
  pageSize: readonly [number, number];
  assetsDir?: string;
};

const TITLE: TextLook = { size: 34, weight: 'bold' };
const LABEL: TextLook = { size: 11, color: '#000' };
const VALUE: TextLook = { size: 14, weight: 'bold', dir: 'auto' };
const NOTE: TextLook = { size: 12, dir: 'auto', align: 'natural' };

export async function printFaxCover(c: FaxCoverText): Promise<Buffer> {
  const doc = await PrintDocument.create({ lang: c.lang, title: c.title, marginsMm: 20, pageSize: c.pageSize, assetsDir: c.assetsDir });
  const { box } = doc;
  const ops: DrawOp[] = [];
  let y = box.top + 10;
  ops.push({ kind: 'text', text: c.title, x: box.left, y, width: box.width, look: { ...TITLE, align: 'start' } });
  y += doc.lineHeight(TITLE.size) + 6;
  ops.push({ kind: 'rect', x: box.left, y, w: box.width, h: 3, color: '#000' });
  y += 20;
  const [labelCol, valueCol] = doc.columns(box.left, box.width, [1, 3]);
  const rowH = doc.lineHeight(VALUE.size) + 14;
  for (const row of c.rows) {
    ops.push({
      kind: 'text',
      text: doc.truncate(row.label, labelCol!.width - 8, LABEL),
      x: labelCol!.x,
      y: y + 3,
      width: labelCol!.width,
      look: { ...LABEL, align: 'start' },
    });
    ops.push({
      kind: 'text',
      text: doc.truncate(row.value, valueCol!.width, VALUE),
      x: valueCol!.x,
      y,
      width: valueCol!.width,
      look: { ...VALUE, align: 'start' },
    });
    y += rowH;
    ops.push({ kind: 'line', x1: box.left, y1: y - 6, x2: box.right, y2: y - 6, color: '#000', width: 0.8 });
  }
  if (c.note.trim() !== '') {
    y += 16;
    ops.push({ kind: 'text', text: c.noteLabel, x: box.left, y, width: box.width, look: { ...LABEL, weight: 'bold', align: 'start' } });
    y += doc.lineHeight(LABEL.size) + 4;
    for (const line of doc.wrap(c.note, box.width, NOTE)) {
      if (y + doc.lineHeight(NOTE.size) > box.bottom) break; // the cover is one page; a longer note belongs in the document
      if (line.text !== '') ops.push({ kind: 'text', text: line.text, x: box.left, y, width: box.width, look: line.look });
      y += doc.lineHeight(NOTE.size);
    }
  }
  doc.render([ops]);
  return doc.end();
}
