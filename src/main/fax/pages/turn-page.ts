/**
 * A page as it is shown: a standard page's lines drawn twice (so its pixels are square, as on paper),
 * then turned clockwise in 90° steps — a fax that came upside down or sideways is turned once and shown
 * so on screen and in print.
 */
import { createBitmap, getPixel, setPixel, type FaxBitmap } from '../../../fax';

export function repeatRows(b: FaxBitmap, times: number): FaxBitmap {
  if (times === 1) return b;
  const out = createBitmap(b.width, b.height * times);
  for (let y = 0; y < out.height; y++)
    out.data.set(b.data.subarray(Math.floor(y / times) * b.rowBytes, (Math.floor(y / times) + 1) * b.rowBytes), y * b.rowBytes);
  return out;
}

export function turnPage(b: FaxBitmap, rotation: 0 | 90 | 180 | 270): FaxBitmap {
  if (rotation === 0) return b;
  const side = rotation === 180 ? { w: b.width, h: b.height } : { w: b.height, h: b.width };
  const out = createBitmap(side.w, side.h);
  for (let y = 0; y < b.height; y++) {
    const row = y * b.rowBytes;
    for (let xb = 0; xb < b.rowBytes; xb++) {
      // Most of a fax page is white: whole white bytes are skipped.
      if (b.data[row + xb] === 0) continue;
      for (let x = xb * 8; x < Math.min(b.width, xb * 8 + 8); x++) {
        if (!getPixel(b, x, y)) continue;
        if (rotation === 90) setPixel(out, b.height - 1 - y, x, true);
        else if (rotation === 180) setPixel(out, b.width - 1 - x, b.height - 1 - y, true);
        else setPixel(out, y, b.width - 1 - x, true);
      }
    }
  }
  return out;
}
