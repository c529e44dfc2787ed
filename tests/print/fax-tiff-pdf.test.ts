/**
 * A fax TIFF as a PDF with its G3/G4 data kept (src/print/fax/fax-tiff-pdf.ts), read back with poppler:
 * `pdfimages -list` says every page image is ccitt, its stream is the TIFF's own coded bytes when the TIFF
 * held them in a form PDF takes, and `pdftoppm -mono` at the fax's resolution gives back the page bit for bit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createBitmap, getPixel, readTiffF, writeTiffF, type FaxBitmap, type TiffPage } from '../../src/fax';
import { faxTiffToPdf } from '../../src/print/fax/fax-tiff-pdf';
import { blankPage, photoPage, textPage } from '../helpers/fax-pages';
import { removeDir, tempDir } from '../helpers/engine';

let dir = '';
beforeAll(() => {
  dir = tempDir('monshi-fax-pdf-');
});
afterAll(() => removeDir(dir));

/** pdftoppm's 1-bit drawing of page `n` at the fax's own resolution, as a fax bitmap (1 = black). */
function popplerPage(pdf: string, n: number, xdpi: number, ydpi: number): FaxBitmap {
  const out = path.join(dir, `p${n}`);
  execFileSync('pdftoppm', ['-mono', '-rx', String(xdpi), '-ry', String(ydpi), '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  const pbm = readFileSync(`${out}.pbm`);
  const head = /^P4\s+(\d+)\s+(\d+)\s/.exec(pbm.subarray(0, 40).toString('latin1'))!;
  const b = createBitmap(Number(head[1]), Number(head[2]));
  b.data.set(pbm.subarray(head[0].length, head[0].length + b.data.length));
  return b;
}

function differingPixels(a: FaxBitmap, b: FaxBitmap): number {
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let n = 0;
  for (let y = 0; y < a.height; y++) for (let x = 0; x < a.width; x++) n += getPixel(a, x, y) === getPixel(b, x, y) ? 0 : 1;
  return n;
}

function convert(name: string, pages: TiffPage[]): { pdf: string; tiff: Uint8Array; bytes: Buffer } {
  const tiff = writeTiffF(pages);
  const pdf = path.join(dir, `${name}.pdf`);
  writeFileSync(pdf, faxTiffToPdf(tiff));
  return { pdf, tiff, bytes: readFileSync(pdf) };
}

const imagesList = (pdf: string) =>
  execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));

it.each([
  ['T.6 (MMR)', 'mmr'],
  ['T.4 MH with fill bits', 'mh'],
  ['T.4 MR, K=4', 'mr'],
] as const)('keeps %s data as CCITTFax and poppler draws the pages back exactly; a fine page is A4', (_label, compression) => {
  const fine = textPage(1728, 2287, 3);
  const standard = photoPage(1728, 1143, 4);
  const { pdf, tiff, bytes } = convert(`fax-${compression}`, [
    { bitmap: fine, compression, yResolution: 196 },
    { bitmap: standard, compression, yResolution: 98 },
    { bitmap: blankPage(1728, 1143), compression, yResolution: 98 },
  ]);
  const images = imagesList(pdf);
  expect(images).toHaveLength(3);
  for (const row of images) expect(row[8]).toBe('ccitt'); // page num type width height color comp bpc enc …
  expect(images.map((r) => [r[3], r[4]])).toEqual([
    ['1728', '2287'],
    ['1728', '1143'],
    ['1728', '1143'],
  ]);
  // No re-encoding: the PDF holds each page's coded bytes from the TIFF.
  for (const page of readTiffF(tiff)) expect(bytes.indexOf(Buffer.from(page.coded!))).toBeGreaterThan(0);
  // A4 is 595 × 842 pt: 1728 px at 204 dpi is 609.9 pt across (fax paper is a little wider), 2287 rows at 196 lpi 840.1 pt down.
  expect(execFileSync('pdfinfo', ['-f', '1', '-l', '1', pdf], { encoding: 'utf8' })).toMatch(/Page\s+1 size:\s+609\.88\d* x 840\.12\d* pts/);
  expect(differingPixels(popplerPage(pdf, 1, 204, 196), fine)).toBe(0);
  expect(differingPixels(popplerPage(pdf, 2, 204, 98), standard)).toBe(0);
  expect(differingPixels(popplerPage(pdf, 3, 204, 98), blankPage(1728, 1143))).toBe(0);
});

it('codes a page again as T.6 when the TIFF holds it uncoded, and it still reads back exactly', () => {
  const page = textPage(1728, 1143, 5, false);
  const { pdf, bytes } = convert('fax-none', [{ bitmap: page, compression: 'none', yResolution: 98 }]);
  expect(imagesList(pdf)[0]![8]).toBe('ccitt');
  expect(bytes.toString('latin1')).toContain('/K -1');
  expect(differingPixels(popplerPage(pdf, 1, 204, 98), page)).toBe(0);
});

it('refuses a file that is not a fax TIFF', () => {
  expect(() => faxTiffToPdf(new TextEncoder().encode('%PDF-1.4 not a tiff'))).toThrow(/not a TIFF/);
});

/** Our TIFF rewritten by libtiff's tiffcp with `args` (another writer, another fill order or strip layout). */
function viaTiffcp(name: string, page: FaxBitmap, args: string[]): Uint8Array {
  const from = path.join(dir, `${name}-in.tif`);
  const to = path.join(dir, `${name}.tif`);
  writeFileSync(from, writeTiffF([{ bitmap: page, compression: 'mmr', yResolution: 196 }]));
  execFileSync('tiffcp', [...args, from, to]);
  return readFileSync(to);
}

it.each([
  ['libtiff T.6, bits least significant first (FillOrder 2): the bytes turned, the codes kept', ['-c', 'g4', '-f', 'lsb2msb'], true],
  ['libtiff T.4 2-D with fill: kept', ['-c', 'g3:2d:fill'], true],
  ['libtiff T.4 1-D without fill: kept', ['-c', 'g3:1d'], true],
  ['libtiff T.6 in strips of 100 rows: coded again as one T.6 image', ['-c', 'g4', '-r', '100'], false],
] as const)('reads %s, exactly', (_label, args, kept) => {
  const page = textPage(1728, 2287, 6);
  const tiff = viaTiffcp(`tiffcp-${args.join('')}`, page, [...args]);
  const pdf = path.join(dir, `tiffcp-${args.join('')}.pdf`);
  const bytes = Buffer.from(faxTiffToPdf(tiff));
  writeFileSync(pdf, bytes);
  expect(imagesList(pdf)[0]![8]).toBe('ccitt');
  const [read] = readTiffF(tiff);
  expect(read!.coded !== undefined).toBe(kept);
  if (kept) expect(bytes.indexOf(Buffer.from(read!.coded!))).toBeGreaterThan(0);
  expect(differingPixels(popplerPage(pdf, 1, 204, 196), page)).toBe(0);
});
