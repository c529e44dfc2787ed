/**
 * Save as PDF on a fax document (#/fax/document/ID) in Chromium: the file saved is a PDF whose page images
 * are the fax's own CCITT data (poppler's pdfimages says ccitt), one A4 page per fax page, and drawn at the
 * fax's resolution it is bit for bit the page the library stored; a damaged stored file says so. Persian and English.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getPixel, readTiffF, type FaxBitmap } from '../../src/fax';
import { shot, useApp } from './app';
import { addFaxFile, useLanguage } from './fax-setup';
import { pdfOf } from '../helpers/fax-docs';

jest.setTimeout(120_000);

const app = useApp({ name: 'fax-pdf', acceptDownloads: true });
const { page } = app;
const docsDir = () => path.join(app.dataDir, 'fax', 'documents');

/** A two-page A4 PDF: a black block and a line on page 1, a line on page 2. */
const twoPagePdf = () =>
  pdfOf((doc) => {
    doc.rect(100, 120, 200, 100).fill('#000');
    doc.fillColor('#000').fontSize(24).text('Monshi fax as PDF', 100, 400);
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fillColor('#000').fontSize(24).text('Page two', 100, 100);
  });

/** Adds the file in the Fax screen and opens it at its own address; returns the stored TIFF's name. */
async function addAndOpen(name: string): Promise<string> {
  const before = new Set(existsSync(docsDir()) ? readdirSync(docsDir()) : []);
  await page.evaluate(() => (location.hash = '#/fax'));
  await page.getByTestId('fax-screen').waitFor();
  const id = await addFaxFile(page, name, await twoPagePdf());
  await page.evaluate((to) => (location.hash = to), `#/fax/document/${id}`);
  await page.getByTestId('fax-document').waitFor();
  return readdirSync(docsDir()).find((f) => !before.has(f))!;
}

/** poppler's 1-bit drawing of page `n` at the fax's resolution. */
function popplerPage(pdf: string, n: number, ydpi: number): { width: number; height: number; data: Buffer } {
  const out = `${pdf}-p${n}`;
  execFileSync('pdftoppm', ['-mono', '-rx', '204', '-ry', String(ydpi), '-f', String(n), '-l', String(n), '-singlefile', pdf, out]);
  const pbm = readFileSync(`${out}.pbm`);
  const head = /^P4\s+(\d+)\s+(\d+)\s/.exec(pbm.subarray(0, 40).toString('latin1'))!;
  return { width: Number(head[1]), height: Number(head[2]), data: pbm.subarray(head[0].length) };
}

function samePage(drawn: { width: number; height: number; data: Buffer }, page: FaxBitmap): boolean {
  if (drawn.width !== page.width || drawn.height !== page.height) return false;
  const rowBytes = Math.ceil(drawn.width / 8);
  for (let y = 0; y < page.height; y++)
    for (let x = 0; x < page.width; x++) if (((drawn.data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1) !== getPixel(page, x, y)) return false;
  return true;
}

test('Persian: Save as PDF keeps the fax pages as CCITT images, A4, bit for bit the stored pages', async () => {
  await useLanguage(page, 'fa');
  const stored = await addAndOpen('نامه.pdf');
  const dialog = page.getByTestId('fax-document');
  await expect(dialog.getByTestId('fax-export-pdf').textContent()).resolves.toBe('ذخیره به‌صورت PDF');
  await shot(page, 'fax-pdf-01-fa');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('fax-export-pdf').click()]);
  expect(download.suggestedFilename()).toBe('نامه.pdf');
  const file = await download.path();
  const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(images).toHaveLength(2);
  for (const line of images) expect(line.trim().split(/\s+/).slice(3, 9)).toEqual(['1728', '2287', 'gray', '1', '1', 'ccitt']);
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+609\.88\d* x 840\.12\d* pts/);
  const pages = readTiffF(readFileSync(path.join(docsDir(), stored)));
  pages.forEach((p, i) => expect(samePage(popplerPage(file, i + 1, 196), p.bitmap)).toBe(true));
  await page.keyboard.press('Escape');
});

test('English: Save as PDF of a damaged stored file says so and saves nothing', async () => {
  await useLanguage(page, 'en');
  const stored = await addAndOpen('broken-en.pdf');
  // Damaged behind the app's back (a failing disk, another program).
  writeFileSync(path.join(docsDir(), stored), Buffer.from('II*\0 not a fax any more'));
  const dialog = page.getByTestId('fax-document');
  await expect(dialog.getByTestId('fax-export-pdf').textContent()).resolves.toBe('Save as PDF');
  let downloads = 0;
  page.on('download', () => downloads++);
  await dialog.getByTestId('fax-export-pdf').click();
  await page.getByTestId('toast-error').filter({ hasText: 'The page file of this document is damaged; no PDF could be made from it.' }).waitFor();
  await shot(page, 'fax-pdf-02-damaged-en');
  expect(downloads).toBe(0);
  await page.keyboard.press('Escape');
});
