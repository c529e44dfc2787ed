/**
 * Writes the header line over the top rows of each page (as fax machines and HylaFAX's tag line do):
 * office name and number, date and time in the user's calendar, "page n/m". The strips are laid out
 * and shaped by src/print (one PDF, a strip a page), drawn by pdf.js at the fax resolution and
 * thresholded — text only, so no dithering.
 */
import type { FaxBitmap } from '../../../fax';
import { printFaxHeaders } from '../../../print/fax/fax-header.print';
import { formatInstant, type CalendarSystem } from '../../../shared/text/calendar';
import { localDigits } from '../../../shared/text/digits';
import { message, type Lang } from '../../i18n/messages';
import { toBilevel } from './bilevel';
import { pageGeometry, X_DPI, type FaxPageFormat, type PageGeometry } from './page-format';
import { openPdf } from './pdf-raster';

export type FaxHeader = { lang: Lang; calendar: CalendarSystem; officeName: string; ourNumber: string; when: Date; assetsDir?: string };

/** The header band: 5 mm (19 lines at standard, 39 at fine), the top margin every printed page leaves. */
export const HEADER_MM = 5;

export function headerRows(format: FaxPageFormat): number {
  return Math.round(((HEADER_MM * 72) / 25.4) * pageGeometry(format).sy);
}

/** The header strip of each page (1-bit, page width × headerRows), page i of pages.length. */
export async function renderHeaders(h: FaxHeader, pages: number, format: FaxPageFormat): Promise<FaxBitmap[]> {
  const page = pageGeometry(format);
  const width = (page.width / X_DPI) * 72;
  const height = (HEADER_MM * 72) / 25.4;
  const rows = headerRows(format);
  const from = [h.officeName.trim(), h.ourNumber.trim() ? `\u2066${localDigits(h.ourNumber.trim(), h.lang)}\u2069` : ''].filter(Boolean).join('   ');
  const pdfBytes = await printFaxHeaders({
    lang: h.lang,
    from,
    when: formatInstant(h.when.toISOString(), h.calendar, h.lang),
    page: (n, m) => message(h.lang, 'fax.header_page', { page: n, pages: m }),
    pages,
    width,
    height,
    assetsDir: h.assetsDir,
  });
  const strip: PageGeometry = { ...page, height: rows, boxW: width, boxH: height };
  const pdf = await openPdf(pdfBytes, 'header');
  try {
    const out: FaxBitmap[] = [];
    for (let i = 0; i < pages; i++) out.push(toBilevel(await pdf.renderPage(i, strip, { turn: false }), strip.width, rows, 'threshold').bitmap);
    return out;
  } finally {
    await pdf.close();
  }
}

/** Each page with its header written over its top rows (the rows are cleared first). Returns new bitmaps. */
export async function withHeaders(pages: FaxBitmap[], h: FaxHeader, format: FaxPageFormat): Promise<FaxBitmap[]> {
  const strips = await renderHeaders(h, pages.length, format);
  return pages.map((p, i) => {
    const strip = strips[i]!;
    const data = p.data.slice();
    data.set(strip.data.subarray(0, Math.min(strip.data.length, data.length)), 0);
    return { ...p, data };
  });
}
