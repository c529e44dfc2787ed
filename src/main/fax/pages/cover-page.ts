/** The optional cover page (to, from, subject, date, page count, note), printed by src/print and made a fax page like any PDF. */
import { printFaxCover } from '../../../print/fax/fax-cover.print';
import { formatInstant, type CalendarSystem } from '../../../shared/text/calendar';
import { message, type Lang } from '../../i18n/messages';
import { toBilevel } from './bilevel';
import { PAPER_PT, pageGeometry, type FaxPageFormat } from './page-format';
import { openPdf } from './pdf-raster';
import type { RenderedPage } from './render-document';

export type FaxCover = { to: string; from: string; subject: string; note: string };

/** `pages`: the fax's page count with the cover. */
export async function renderCover(
  c: FaxCover,
  o: { lang: Lang; calendar: CalendarSystem; when: Date; pages: number; format: FaxPageFormat; assetsDir?: string },
): Promise<RenderedPage> {
  const t = (key: Parameters<typeof message>[1], params?: Record<string, string | number>) => message(o.lang, key, params);
  const pdfBytes = await printFaxCover({
    lang: o.lang,
    title: t('fax.cover_title'),
    rows: [
      { label: t('fax.cover_to'), value: c.to },
      { label: t('fax.cover_from'), value: c.from },
      { label: t('fax.cover_subject'), value: c.subject },
      { label: t('fax.cover_date'), value: formatInstant(o.when.toISOString(), o.calendar, o.lang) },
      { label: t('fax.cover_pages'), value: message(o.lang, 'fax.cover_page_count', { pages: o.pages }) },
    ],
    noteLabel: t('fax.cover_note'),
    note: c.note,
    pageSize: PAPER_PT[o.format.paper],
    assetsDir: o.assetsDir,
  });
  const g = pageGeometry(o.format);
  const pdf = await openPdf(pdfBytes, 'cover');
  try {
    return toBilevel(await pdf.renderPage(0, g), g.width, g.height, 'threshold');
  } finally {
    await pdf.close();
  }
}
