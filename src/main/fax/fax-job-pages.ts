/**
 * The pages of an outbox job. When it is queued: the cover page (optional) and each library document's
 * stored pages in the chosen order, all at one resolution (one DCS covers a whole call), written to the
 * job's own TIFF. When it dials: the header line stamped on each page with the sending time, "page n/m"
 * counting the whole fax, so a fax resumed from page 3 still says 3/5 on its third page.
 */
import type { FaxBitmap } from '../../fax';
import { createBitmap } from '../../fax';
import type { SendPage } from '../../fax/t30/t30-transmit';
import type { CalendarSystem } from '../../shared/text/calendar';
import type { Lang } from '../i18n/messages';
import { renderCover, type FaxCover } from './pages/cover-page';
import { renderHeaders } from './pages/page-header';
import type { FaxPageFormat, FaxResolution } from './pages/page-format';

export type JobPage = { bitmap: FaxBitmap; yResolution: number };

/** A standard page's rows drawn twice: the same paper at fine resolution. */
function toFine(b: FaxBitmap): FaxBitmap {
  const out = createBitmap(b.width, b.height * 2);
  for (let y = 0; y < b.height; y++) {
    const row = b.data.subarray(y * b.rowBytes, (y + 1) * b.rowBytes);
    out.data.set(row, 2 * y * b.rowBytes);
    out.data.set(row, (2 * y + 1) * b.rowBytes);
  }
  return out;
}

/** The resolution of a fax made of these pages: fine when any page is, so nothing loses detail. */
export const faxResolution = (pages: JobPage[]): FaxResolution => (pages.some((p) => p.yResolution > 150) ? 'fine' : 'standard');

/** The documents' pages at one resolution, with the cover page first when asked for. */
export async function jobPages(
  docs: JobPage[],
  o: { cover: FaxCover | null; paper: FaxPageFormat['paper']; lang: Lang; calendar: CalendarSystem; when: Date; assetsDir?: string },
): Promise<{ resolution: FaxResolution; pages: FaxBitmap[] }> {
  const resolution = faxResolution(docs);
  const pages = docs.map((p) => (resolution === 'fine' && p.yResolution < 150 ? toFine(p.bitmap) : p.bitmap));
  if (o.cover) {
    const format = { paper: o.paper, resolution };
    const cover = await renderCover(o.cover, { lang: o.lang, calendar: o.calendar, when: o.when, pages: pages.length + 1, format, assetsDir: o.assetsDir });
    pages.unshift(cover.bitmap);
  }
  return { resolution, pages };
}

/** Pages `from`…end (0-based) with the header line of the whole fax stamped over their top rows. */
export async function stampedPages(
  pages: FaxBitmap[],
  from: number,
  h: { lang: Lang; calendar: CalendarSystem; officeName: string; ourNumber: string; when: Date; resolution: FaxResolution; assetsDir?: string },
): Promise<SendPage[]> {
  const format: FaxPageFormat = { paper: 'a4', resolution: h.resolution };
  const strips = await renderHeaders(h, pages.length, format);
  const fine = h.resolution === 'fine';
  return pages.slice(from).map((p, i) => {
    const strip = strips[from + i]!;
    const data = p.data.slice();
    if (strip.rowBytes === p.rowBytes) data.set(strip.data.subarray(0, Math.min(strip.data.length, data.length)), 0);
    return { bitmap: { ...p, data }, fine };
  });
}
