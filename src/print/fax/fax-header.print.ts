/**
 * The line at the top of every sent fax page (T.30 calls it the header; HylaFAX the tag line): the
 * office's name and number at the start side, the date and time in the middle, "page n/m" at the end
 * side — one strip per page of `width` × `height` points, shaped with HarfBuzz. The fax renderer
 * rasterises each strip at the fax resolution and writes it over the page's top rows.
 */
import { PrintDocument, type DrawOp, type TextLook } from '../pdf/print-document';

export type FaxHeaderText = {
  lang: 'fa' | 'en';
  /** Office name and our number, e.g. 'دفتر نمونه  ۰۲۱۸۸۷۷۶۶۵۵'. */
  from: string;
  /** Date and time, already in the calendar and digits wanted. */
  when: string;
  /** 'page n/m' for a page (1-based). */
  page: (page: number, pages: number) => string;
  pages: number;
  /** Strip size in points. */
  width: number;
  height: number;
  assetsDir?: string;
};

const LOOK: TextLook = { size: 8.5 };

export async function printFaxHeaders(h: FaxHeaderText): Promise<Buffer> {
  const doc = await PrintDocument.create({
    lang: h.lang,
    marginsMm: { top: 0, bottom: 0, left: 4, right: 4 },
    pageSize: [h.width, h.height],
    assetsDir: h.assetsDir,
  });
  const { box } = doc;
  const y = (h.height - doc.lineHeight(LOOK.size)) / 2;
  const [start, middle, end] = doc.columns(box.left, box.width, [2, 1.4, 1]);
  const cell = (text: string, col: { x: number; width: number }, look: TextLook): DrawOp => ({
    kind: 'text',
    text: doc.truncate(text, col.width - 4, look),
    x: col.x,
    y,
    width: col.width,
    look,
  });
  const pages = Array.from({ length: h.pages }, (_, i) => [
    cell(h.from, start!, { ...LOOK, weight: 'bold', align: 'start' }),
    // Numbers and dates run left to right inside a Persian line: isolated so their digits keep their order.
    cell(`\u2066${h.when}\u2069`, middle!, { ...LOOK, align: 'center' }),
    cell(h.page(i + 1, h.pages), end!, { ...LOOK, align: 'end' }),
  ]);
  doc.render(pages);
  return doc.end();
}
