/**
 * TIFF Class F files on their own: a multi-page file reads back page for page with its resolution and
 * coding; FillOrder 2 and BlackIsZero files read as the same page; a file that is not a fax TIFF is
 * refused with a reason. (libtiff reads and writes these files in t4-libtiff.test.ts.)
 */
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { readTiffF, TiffFormatError } from '../../src/fax/tiff/tiff-read';
import { writeTiffF } from '../../src/fax/tiff/tiff-write';
import { photoPage, textPage } from '../helpers/fax-pages';

test('a three-page file (MH standard, MR fine, MMR) reads back page for page', () => {
  const a = textPage(1728, 300, 1, false);
  const b = photoPage(1728, 200);
  const c = textPage(2432, 150, 2);
  const file = writeTiffF([
    { bitmap: a, compression: 'mh', yResolution: 98 },
    { bitmap: b, compression: 'mr', yResolution: 196 },
    { bitmap: c, compression: 'mmr', yResolution: 196 },
  ]);
  const pages = readTiffF(file);
  expect(pages.map((p) => [p.compression, p.yResolution, p.xResolution, p.fillBits, p.software])).toEqual([
    ['mh', 98, 204, true, 'Monshi'],
    ['mr', 196, 204, true, 'Monshi'],
    ['mmr', 196, 204, false, 'Monshi'],
  ]);
  expect(pages.map((p) => p.badLines)).toEqual([[], [], []]);
  expect([sameBitmap(pages[0]!.bitmap, a), sameBitmap(pages[1]!.bitmap, b), sameBitmap(pages[2]!.bitmap, c)]).toEqual([true, true, true]);
});

/** Rewrites one SHORT tag's value in the first IFD of a file we wrote (little-endian). */
function setShortTag(file: Uint8Array, tag: number, value: number): void {
  const v = new DataView(file.buffer, file.byteOffset);
  const ifd = v.getUint32(4, true);
  const n = v.getUint16(ifd, true);
  for (let i = 0; i < n; i++) {
    const e = ifd + 2 + i * 12;
    if (v.getUint16(e, true) === tag) return v.setUint16(e + 8, value, true);
  }
  throw new Error(`no tag ${tag}`);
}

test('an uncompressed page stored BlackIsZero, least significant bit first, reads as the same page', () => {
  const page = textPage(1001, 40, 3);
  const file = writeTiffF([
    {
      bitmap: {
        ...page,
        data: page.data.map((x) => {
          let r = 0;
          for (let i = 0; i < 8; i++) if (~x & (1 << i)) r |= 0x80 >> i;
          return r;
        }),
      },
      compression: 'none',
    },
  ]);
  setShortTag(file, 262, 1); // BlackIsZero
  setShortTag(file, 266, 2); // FillOrder 2
  expect(sameBitmap(readTiffF(file)[0]!.bitmap, page)).toBe(true);
});

test('a file that is not a fax TIFF is refused with the reason', () => {
  expect(() => readTiffF(new TextEncoder().encode('%PDF-1.4 not a tiff'))).toThrow(/not a TIFF file/);
  const good = writeTiffF([{ bitmap: textPage(1728, 20, 4), compression: 'mh' }]);
  expect(() => readTiffF(good.subarray(0, 40))).toThrow(TiffFormatError);
  const lzw = good.slice();
  setShortTag(lzw, 259, 5);
  expect(() => readTiffF(lzw)).toThrow(/page 1: compression 5 is not fax/);
});

test('a damaged file (random bytes changed) is read or refused with TiffFormatError, never another exception', () => {
  const good = writeTiffF([
    { bitmap: textPage(1728, 60, 5), compression: 'mr' },
    { bitmap: textPage(1728, 60, 6), compression: 'mmr' },
  ]);
  let state = 7;
  const rnd = () => (state = (state * 1103515245 + 12345) >>> 0) / 4294967296;
  for (let i = 0; i < 300; i++) {
    const bad = good.slice();
    // Anywhere, and in the last page's IFD and values (the file's last ~300 bytes) where a change breaks the structure.
    for (let j = 0; j < 4; j++) bad[j & 1 ? bad.length - 1 - Math.floor(rnd() * 300) : Math.floor(rnd() * bad.length)] = Math.floor(rnd() * 256);
    try {
      readTiffF(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(TiffFormatError);
    }
  }
});
