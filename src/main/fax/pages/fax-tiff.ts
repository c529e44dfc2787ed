/**
 * Fax pages as a TIFF Class F file (src/fax's writer): Compression 3 with 2-D coding (MR, K=2 at
 * standard and 4 at fine, as a fax machine sends them) and fill bits — the Class F form that HylaFAX,
 * efax and libtiff's tools read — 204 × 98 or 196 dpi.
 */
import { writeTiffF, type FaxBitmap } from '../../../fax';
import { lpi, type FaxResolution } from './page-format';

export function faxTiff(pages: FaxBitmap[], resolution: FaxResolution): Uint8Array {
  return writeTiffF(pages.map((bitmap) => ({ bitmap, compression: 'mr', fillBits: true, yResolution: lpi(resolution) })));
}
