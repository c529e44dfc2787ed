/**
 * The pages of one fax: an optional cover page, then each document's pages in order, each with the
 * header line — all rendered and checked before anything is returned (a bad file or too many pages
 * throws, naming the file, and nothing is half-made).
 */
import type { FaxBitmap } from '../../../fax';
import type { CalendarSystem } from '../../../shared/text/calendar';
import { AppError } from '../../kernel/app-error';
import type { Lang } from '../../i18n/messages';
import { renderCover, type FaxCover } from './cover-page';
import { withHeaders } from './page-header';
import { DEFAULT_FORMAT, type FaxPageFormat } from './page-format';
import { MAX_FAX_PAGES, nextTurn, openDocument, type FaxDocumentInput, type OpenDocument, type RenderOptions } from './render-document';

export type PrepareFax = {
  documents: FaxDocumentInput[];
  format?: Partial<FaxPageFormat>;
  lang: Lang;
  calendar: CalendarSystem;
  when: Date;
  /** Office name and our number for the header line; without it pages go as they are. */
  header?: { officeName: string; ourNumber: string };
  cover?: FaxCover;
  assetsDir?: string;
};

export async function prepareFax(p: PrepareFax): Promise<{ format: FaxPageFormat; pages: FaxBitmap[] }> {
  const format: FaxPageFormat = { ...DEFAULT_FORMAT, ...p.format };
  const opts: RenderOptions = { ...format, assetsDir: p.assetsDir };
  const extra = p.cover ? 1 : 0;
  const open: OpenDocument[] = [];
  const pages: FaxBitmap[] = [];
  try {
    // Every document is opened and counted first: a bad one or too many pages is refused before any page is drawn.
    let count = extra;
    for (const doc of p.documents) {
      const d = await openDocument(doc, opts);
      open.push(d);
      count += d.pageCount;
      if (count > MAX_FAX_PAGES) throw new AppError('fax/document', 'fax.too_many_in_fax', { file: doc.fileName, count, max: MAX_FAX_PAGES }, 'file');
    }
    for (const d of open) {
      for (let i = 0; i < d.pageCount; i++) {
        pages.push((await d.render(i)).bitmap);
        await nextTurn();
      }
    }
  } finally {
    for (const d of open) await d.close();
  }
  if (p.cover) {
    const cover = await renderCover(p.cover, { lang: p.lang, calendar: p.calendar, when: p.when, pages: pages.length + 1, format, assetsDir: p.assetsDir });
    pages.unshift(cover.bitmap);
  }
  const out = p.header ? await withHeaders(pages, { ...p.header, lang: p.lang, calendar: p.calendar, when: p.when, assetsDir: p.assetsDir }, format) : pages;
  return { format, pages: out };
}
