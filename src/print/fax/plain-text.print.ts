/**
 * A plain-text file (Persian, English or both) as a PDF to fax: the paper's size, 15 mm margins, 11 pt
 * Vazirmatn, each paragraph in its own direction (from its first letter, as the UI's dir="auto"), a
 * form feed starting a new page. Shaped with HarfBuzz like every printed page, then rasterised by the
 * fax page renderer, so text typed in Monshi and a PDF from elsewhere go out the same way.
 */
import { firstStrongDir } from '../shaping/bidi-itemizer';
import { PrintDocument, type DrawOp, type TextLook } from '../pdf/print-document';

export type PlainTextPrintOptions = { pageSize: readonly [number, number]; assetsDir?: string; title?: string };

const BODY: TextLook = { size: 11, dir: 'auto', align: 'natural' };

export async function printPlainText(text: string, opts: PlainTextPrintOptions): Promise<Buffer> {
  const lang = firstStrongDir(text) === 'ltr' ? 'en' : 'fa';
  const doc = await PrintDocument.create({ lang, title: opts.title, assetsDir: opts.assetsDir, marginsMm: 15, pageSize: opts.pageSize });
  const { box } = doc;
  const lh = doc.lineHeight(BODY.size);
  const pages: DrawOp[][] = [];
  for (const sheet of text.split('\f')) {
    let page: DrawOp[] = [];
    pages.push(page);
    let y = box.top;
    // Tabs become spaces: the shaper has no tab stops, and a tab's glyph is nothing in Vazirmatn.
    for (const line of doc.wrap(sheet.replace(/\t/g, '    ').replace(/\n+$/, ''), box.width, BODY)) {
      if (y + lh > box.bottom) {
        page = [];
        pages.push(page);
        y = box.top;
      }
      if (line.text !== '') page.push({ kind: 'text', text: line.text, x: box.left, y, width: box.width, look: line.look });
      y += lh;
    }
  }
  doc.render(pages);
  return doc.end();
}
