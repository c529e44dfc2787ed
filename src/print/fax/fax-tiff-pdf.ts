/**
 * A fax (TIFF Class F) as a PDF that keeps its G3/G4 data: each page is one image whose stream is the
 * page's own coded data under /CCITTFaxDecode — a T.6 page as it is, a T.4 page as it is with its EOLs
 * and fill (/EndOfLine, /EncodedByteAlign) — so nothing is decoded and coded again and the PDF is about
 * as small as the TIFF. Only a page the TIFF does not hold as one WhiteIsZero strip, or one with rows
 * our decoder had to mend (a PDF reader would mend them its own way), is coded again as T.6 from the
 * decoded bitmap. The page is the fax's paper: its size comes from the resolution, so a fine page
 * (1728 × 2287 at 204 × 196 dpi) is A4 and a standard one the same paper at half the rows.
 * A plain function of bytes, for the fax screen's Save as PDF and the fax log alike.
 */
import { encodeT4, readTiffF, type TiffReadPage } from '../../fax';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** The page's image stream and its /DecodeParms, keeping the fax's coding where a PDF reader decodes it the same way. */
function pageImage(page: TiffReadPage): { data: Uint8Array; parms: string } {
  const { width, height } = page.bitmap;
  const base = `/Columns ${width} /Rows ${height} /BlackIs1 false`;
  if (page.coded && page.badLines.length === 0) {
    if (page.compression === 'mmr') return { data: page.coded, parms: `<< /K -1 ${base} >>` };
    // TIFF's T.4 lines start with EOL; with fill bits each EOL ends on a byte boundary, so each line's code begins on one.
    const k = page.compression === 'mr' ? 1 : 0;
    return { data: page.coded, parms: `<< /K ${k} ${base} /EndOfLine true /EncodedByteAlign ${page.fillBits} >>` };
  }
  return { data: encodeT4(page.bitmap, { coding: 'mmr' }), parms: `<< /K -1 ${base} >>` };
}

/** Points for `pixels` at `dpi`, rounded down at 4 decimals: a reader drawing the page at `dpi` gets `pixels` rows, not one more. */
const points = (pixels: number, dpi: number) => Math.floor(((pixels * 72) / (dpi > 0 ? dpi : 204)) * 1e4) / 1e4;

/** TIFF Class F bytes → PDF bytes; a file that is not a fax TIFF throws readTiffF's TiffFormatError. */
export function faxTiffToPdf(tiff: Uint8Array): Uint8Array {
  const pages = readTiffF(tiff);
  if (pages.length === 0) throw new RangeError('the fax has no pages');
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const put = (b: Uint8Array) => {
    parts.push(b);
    length += b.length;
  };
  const object = (n: number, head: string, stream?: Uint8Array) => {
    offsets[n] = length;
    put(latin1(`${n} 0 obj\n${head}\n`));
    if (stream) {
      put(latin1('stream\n'));
      put(stream);
      put(latin1('\nendstream\n'));
    }
    put(latin1('endobj\n'));
  };
  // Objects: 1 catalog, 2 page tree, then per page: page, content, image.
  const pageObj = (i: number) => 3 + i * 3;
  put(latin1('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'));
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((_, i) => `${pageObj(i)} 0 R`).join(' ')}] >>`);
  pages.forEach((page, i) => {
    const n = pageObj(i);
    const w = points(page.bitmap.width, page.xResolution);
    const h = points(page.bitmap.height, page.yResolution);
    const content = latin1(`q ${w} 0 0 ${h} 0 0 cm /Fax Do Q`);
    const image = pageImage(page);
    object(n, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Fax ${n + 2} 0 R >> >> /Contents ${n + 1} 0 R >>`);
    object(n + 1, `<< /Length ${content.length} >>`, content);
    object(
      n + 2,
      `<< /Type /XObject /Subtype /Image /Width ${page.bitmap.width} /Height ${page.bitmap.height} /ColorSpace /DeviceGray /BitsPerComponent 1 ` +
        `/Filter /CCITTFaxDecode /DecodeParms ${image.parms} /Length ${image.data.length} >>`,
      image.data,
    );
  });
  const count = 3 + pages.length * 3;
  const xref = length;
  const rows = Array.from({ length: count - 1 }, (_, i) => `${String(offsets[i + 1]).padStart(10, '0')} 00000 n \n`).join('');
  put(latin1(`xref\n0 ${count}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
