/**
 * A phone photo arrives upright: a JPEG whose EXIF orientation (1–8) says how to show its stored pixels
 * becomes the same fax page as the upright picture. The tags are written by exiftool and the upright
 * reference is made by exiftran (its lossless turn by the same tag, libjpeg's transupp): two independent
 * programs, so the test does not check our reading of the rule against itself.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { renderImage } from '../../src/main/fax/pages/image-raster';
import { jpegOrientation } from '../../src/main/fax/pages/jpeg-orientation';
import { pageGeometry } from '../../src/main/fax/pages/page-format';
import { testWithTools } from '../helpers/reference-tools';

const test = testWithTools(['exiftool', 'exiftran'], 'libimage-exiftool-perl exiftran');
const g = pageGeometry({ paper: 'a4', resolution: 'fine' });

/**
 * A picture with no symmetry (a block top left, a bar along the top right, a dot low right). Its sides
 * are multiples of 16, so exiftran turns it whole, and nearly equal, so neither it nor its quarter turn
 * is landscape enough to be turned on the page (which would make orientation 8 look like the stored pixels).
 */
async function storedJpeg(): Promise<Buffer> {
  const c = createCanvas(464, 480);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 464, 480);
  ctx.fillStyle = '#000';
  ctx.fillRect(16, 16, 120, 80);
  ctx.fillRect(260, 16, 180, 20);
  ctx.fillRect(380, 380, 40, 40);
  ctx.fillStyle = '#888';
  ctx.fillRect(16, 200, 60, 200);
  return c.encode('jpeg', 95);
}

/** Mean absolute difference of two grey pages, 0–255. */
const meanDiff = (a: Uint8Array, b: Uint8Array) => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-exif-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tagged = (stored: Buffer, o: number, order: 'MM' | 'II' = 'MM') => {
  const file = path.join(dir, `o${o}-${order}.jpg`);
  writeFileSync(file, stored);
  execFileSync('exiftool', ['-q', '-overwrite_original', '-n', `-ExifByteOrder=${order === 'II' ? 'Little-endian' : 'Big-endian'}`, `-Orientation=${o}`, file]);
  return file;
};

test('every EXIF orientation 1–8 gives the page of the upright picture (exiftran -a), and 2–8 differ from the stored pixels', async () => {
  const stored = await storedJpeg();
  const asStored = await renderImage(stored, 'jpeg', 'stored.jpg', g);
  const found: string[] = [];
  for (let o = 1; o <= 8; o++) {
    const file = tagged(stored, o);
    const upright = path.join(dir, `up${o}.jpg`);
    execFileSync('exiftran', ['-a', '-o', upright, file], { stdio: 'ignore' });
    const uprightBytes = readFileSync(upright);
    expect([o, jpegOrientation(readFileSync(file)), jpegOrientation(uprightBytes)]).toEqual([o, o, 1]);
    const page = await renderImage(readFileSync(file), 'jpeg', 'photo.jpg', g);
    const reference = await renderImage(uprightBytes, 'jpeg', 'upright.jpg', g);
    // The lossless turn decodes within a grey level or two of the stored pixels turned; a wrong turn is tens of levels away.
    found.push(`${o}: upright ${meanDiff(page, reference) < 1.5}, as stored ${o === 1 || meanDiff(page, asStored) > 8}`);
  }
  expect(found).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((o) => `${o}: upright true, as stored true`));
}, 120_000);

test('the tag is read in either byte order; a JPEG without EXIF, or with a damaged one, is shown as stored', async () => {
  const stored = await storedJpeg();
  expect(jpegOrientation(readFileSync(tagged(stored, 6, 'II')))).toBe(6);
  expect(jpegOrientation(readFileSync(tagged(stored, 8, 'MM')))).toBe(8);
  expect(jpegOrientation(stored)).toBe(1);
  const cut = readFileSync(tagged(stored, 6, 'MM'));
  const exif = cut.indexOf('Exif');
  expect(jpegOrientation(cut.subarray(0, exif + 12))).toBe(1); // the segment ends inside its TIFF header
  expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x01]))).toBe(1); // a length shorter than itself
});
