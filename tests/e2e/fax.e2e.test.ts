/**
 * The Fax screen end to end in Chromium: the document library. A real PDF (made with pdfkit) and a PNG
 * added through the file picker are listed with their page counts, paper, resolution and date; a
 * document opens at its own address and its page is really drawn (the <img>'s natural size is the fax's
 * 1728 pixels across, and a canvas counts its black pixels), page by page; Export TIFF downloads a file
 * libtiff reads; Delete asks first with the safe answer focused; a damaged file is refused with a message
 * naming it and nothing is listed. Persian and English, and a reload keeps the open document.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { engineApi, pollUntil, shot, useApp } from './app';
import { addFaxFile, useLanguage, pixelsOfPage } from './fax-setup';
import { pdfOf } from '../helpers/fax-docs';
import { makePng } from '../helpers/png';

jest.setTimeout(120_000);

const app = useApp({ name: 'fax', acceptDownloads: true });
const { page, restart } = app;
// The data folder is made when the file starts (a getter): read it then, not here.
const storedFiles = () => readdirSync(path.join(app.dataDir, 'fax', 'documents'));
const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

/** A two-page A4 PDF: a black block on page 1, a line of text on page 2. */
const twoPagePdf = () =>
  pdfOf((doc) => {
    doc.rect(100, 120, 200, 100).fill('#000');
    doc.fillColor('#000').fontSize(24).text('Monshi fax page one', 100, 400);
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fillColor('#000').fontSize(24).text('Page two', 100, 100);
  });

/** A small PNG: a black square on white. */
const squarePng = () => makePng(200, 200, (x, y) => (x > 50 && x < 150 && y > 50 && y < 150 ? [0, 0, 0] : [255, 255, 255]));

/** From the phonebook (whatever an earlier test left open is closed by the address), through the header's Fax tab. */
async function openFax(): Promise<void> {
  await page.evaluate(() => (location.hash = '#/phonebook'));
  await page.getByTestId('fax-screen').waitFor({ state: 'detached' });
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-screen').waitFor();
}

const row = (name: string) => page.getByTestId('fax-row').filter({ hasText: name });

test('Persian: a PDF and a PNG are added, listed with their pages; a page is drawn, page by page, zoomed; the open document survives a reload', async () => {
  await useLanguage(page, 'fa');
  await openFax();
  // Honest about where faxes go in and out (receiving on lines is there now, no "later version"); Send a fax is a link.
  await expect(page.getByTestId('fax-lines-note').textContent()).resolves.toContain('دفتر فکس‌ها');
  await expect(page.getByTestId('fax-screen').textContent()).resolves.not.toContain('نسخهٔ بعدی');
  await expect(page.getByRole('button', { name: /ارسال|فرستادن|Send/ }).count()).resolves.toBe(0);

  await addFaxFile(page, 'price-list-fa.pdf', await twoPagePdf(), 'application/pdf');
  await page.getByTestId('fax-resolution').selectOption('standard');
  await addFaxFile(page, 'square-fa.png', squarePng(), 'image/png');
  // Persian digits, the paper and resolution in words, the date in the Jalali calendar (the year 1405).
  await expect(row('price-list-fa.pdf').getByTestId('fax-pages').textContent()).resolves.toBe('۲');
  await expect(row('price-list-fa.pdf').getByTestId('fax-format').textContent()).resolves.toBe('A4، ریز');
  await expect(row('square-fa.png').getByTestId('fax-pages').textContent()).resolves.toBe('۱');
  await expect(row('square-fa.png').getByTestId('fax-format').textContent()).resolves.toBe('A4، معمولی');
  await expect(row('price-list-fa.pdf').getByTestId('fax-added').textContent()).resolves.toMatch(/۱۴۰[۵۶]/);
  // Newest first.
  await expect(page.getByTestId('fax-row').first().textContent()).resolves.toContain('square-fa.png');
  await shot(page, 'fax-01-list-fa');

  // Open the PDF: its own address, page 1 of 2 drawn at the fax's width with the black block on it.
  await row('price-list-fa.pdf').getByTestId('fax-open').click();
  const dialog = page.getByTestId('fax-document');
  await dialog.waitFor();
  const id = await row('price-list-fa.pdf').getAttribute('data-id');
  await expect(page.evaluate(() => location.hash)).resolves.toBe(`#/fax/document/${id}`);
  await poll(() => dialog.getByTestId('fax-page-of').textContent(), 'صفحهٔ ۱ از ۲');
  const first = await pixelsOfPage(page);
  expect(first.width).toBe(1728);
  expect(first.height).toBe(2287); // A4 at fine resolution
  // The 200 × 100 pt block alone is about 567 × 272 pixels at 204 × 196 dpi; the rest of the page is white.
  expect(first.black).toBeGreaterThan(150_000);
  expect(first.white).toBeGreaterThan(first.width * first.height * 0.8);
  await expect(dialog.getByTestId('fax-prev').isDisabled()).resolves.toBe(true);
  // The whole page is in view at first: the image no taller than its frame, with the page's shape.
  const box = await dialog.getByTestId('fax-page-image').boundingBox();
  const frame = await dialog.getByTestId('fax-page-frame').boundingBox();
  expect(box!.height).toBeLessThanOrEqual(frame!.height);
  expect(box!.width / box!.height).toBeCloseTo(1728 / 2287, 2);
  await shot(page, 'fax-02-page-fa');

  // Next page: another image (text only, much less ink), then the end of the document.
  await dialog.getByTestId('fax-next').click();
  await poll(() => dialog.getByTestId('fax-page-image').getAttribute('data-page'), '2');
  await poll(() => dialog.getByTestId('fax-page-of').textContent(), 'صفحهٔ ۲ از ۲');
  const second = await pixelsOfPage(page);
  expect(second.black).toBeGreaterThan(1_000);
  expect(second.black).toBeLessThan(first.black / 4);
  await expect(dialog.getByTestId('fax-next').isDisabled()).resolves.toBe(true);

  // Zoom to the page's own pixels: the image is drawn 1728 CSS pixels wide and the frame scrolls.
  await dialog.getByTestId('fax-zoom').selectOption('100');
  await poll(() => dialog.getByTestId('fax-page-image').evaluate((img) => Math.round(img.getBoundingClientRect().width)), 1728);
  await dialog.getByTestId('fax-zoom').selectOption('width');
  await poll(async () => Math.round((await dialog.getByTestId('fax-page-image').boundingBox())!.width) > 800, true);
  await dialog.getByTestId('fax-zoom').selectOption('page');

  // A reload lands on the same document.
  await page.reload();
  await page.getByTestId('fax-document').waitFor();
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'صفحهٔ ۱ از ۲');
  expect((await pixelsOfPage(page)).width).toBe(1728);
  await page.getByTestId('fax-close').click();
  await page.getByTestId('fax-document').waitFor({ state: 'detached' });
  await expect(page.evaluate(() => location.hash)).resolves.toBe('#/fax');

  // The PNG: one page, the square on it.
  await row('square-fa.png').getByTestId('fax-open').click();
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'صفحهٔ ۱ از ۱');
  const png = await pixelsOfPage(page);
  expect(png.width).toBe(1728);
  expect(png.black).toBeGreaterThan(10_000);
  await page.keyboard.press('Escape');
  await page.getByTestId('fax-document').waitFor({ state: 'detached' });
});

test('English: Export TIFF saves a file libtiff reads; Delete asks first (Cancel focused), then removes it', async () => {
  await useLanguage(page, 'en');
  await openFax();
  await addFaxFile(page, 'letter-en.pdf', await twoPagePdf(), 'application/pdf');
  await expect(row('letter-en.pdf').getByTestId('fax-pages').textContent()).resolves.toBe('2');
  await expect(row('letter-en.pdf').getByTestId('fax-format').textContent()).resolves.toBe('A4, Fine');
  await expect(row('letter-en.pdf').getByTestId('fax-added').textContent()).resolves.toMatch(/20(26|27)/);
  await expect(page.getByTestId('fax-lines-note').textContent()).resolves.toContain('Fax log');
  await expect(page.getByTestId('fax-screen').textContent()).resolves.not.toContain('later version');
  await shot(page, 'fax-03-list-en');

  await row('letter-en.pdf').getByTestId('fax-open').click();
  const dialog = page.getByTestId('fax-document');
  await poll(() => dialog.getByTestId('fax-page-of').textContent(), 'Page 1 of 2');
  expect((await pixelsOfPage(page)).width).toBe(1728);
  await shot(page, 'fax-04-page-en');

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('fax-export-tiff').click()]);
  expect(download.suggestedFilename()).toBe('letter-en.tif');
  const file = await download.path();
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 4)]).toEqual([0x49, 0x49, 42, 0]);
  const info = execFileSync('tiffinfo', [file], { encoding: 'utf8' });
  expect(info).toMatch(/Image Width: 1728/);
  expect(info.match(/TIFF Directory/g)?.length).toBe(2);
  expect(info).toMatch(/CCITT Group 3/);

  // Delete: the question starts on Cancel, so Enter keeps the document.
  await dialog.getByTestId('fax-delete').click();
  const ask = page.getByTestId('confirm-dialog');
  await ask.waitFor();
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-cancel');
  await expect(ask.textContent()).resolves.toContain('letter-en.pdf');
  await shot(page, 'fax-05-delete-en');
  await page.keyboard.press('Enter');
  await ask.waitFor({ state: 'detached' });
  await expect(row('letter-en.pdf').count()).resolves.toBe(1);
  // Asked again and confirmed: gone from the list and from the engine, and its address leads back to the list.
  await dialog.getByTestId('fax-delete').click();
  await page.getByTestId('confirm-ok').click();
  await dialog.waitFor({ state: 'detached' });
  await poll(() => row('letter-en.pdf').count(), 0);
  const left = await engineApi(page, 'fax/documents', {});
  expect(left.some((d) => d.fileName === 'letter-en.pdf')).toBe(false);
  await expect(page.evaluate(() => location.hash)).resolves.toBe('#/fax');
  // A link to the deleted document opens the library, not an empty dialog.
  const gone = left.length === 0 ? 999 : Math.max(...left.map((d) => d.id)) + 1;
  await page.evaluate((h) => (location.hash = h), `#/fax/document/${gone}`);
  await poll(() => page.evaluate(() => location.hash), '#/fax');
  await expect(page.getByTestId('fax-document').count()).resolves.toBe(0);
});

test('Back closes an open document and Forward opens it again', async () => {
  await useLanguage(page, 'en');
  await openFax();
  await addFaxFile(page, 'back-en.png', squarePng(), 'image/png');
  await page.getByTestId('toast-success').filter({ hasText: '“back-en.png” added with 1 page.' }).waitFor();
  await row('back-en.png').getByTestId('fax-open').click();
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'Page 1 of 1');
  await page.goBack();
  await page.getByTestId('fax-document').waitFor({ state: 'detached' });
  await expect(page.evaluate(() => location.hash)).resolves.toBe('#/fax');
  await page.goForward();
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'Page 1 of 1');
  expect((await pixelsOfPage(page)).width).toBe(1728);
});

test('plain text (Persian and English) becomes a fax page; the kind comes from the content, so text named .pdf is text', async () => {
  await useLanguage(page, 'fa');
  await openFax();
  const text = 'فهرست قیمت‌ها — پاییز ۱۴۰۵\nPrice list, autumn 2026\nتلفن: ۰۲۱-۸۸۸۸۸۸۸۸\n';
  await addFaxFile(page, 'notes-fa.pdf', Buffer.from(text, 'utf8'), 'application/pdf');
  await expect(row('notes-fa.pdf').getByTestId('fax-pages').textContent()).resolves.toBe('۱');
  await expect((await engineApi(page, 'fax/documents', {})).find((d) => d.fileName === 'notes-fa.pdf')?.kind).toBe('text');
  await row('notes-fa.pdf').getByTestId('fax-open').click();
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'صفحهٔ ۱ از ۱');
  const drawn = await pixelsOfPage(page);
  expect(drawn.width).toBe(1728);
  expect(drawn.black).toBeGreaterThan(2_000);
  await shot(page, 'fax-08-text-fa');
  await page.keyboard.press('Escape');
  await page.getByTestId('fax-document').waitFor({ state: 'detached' });
});

test('a damaged file is refused with a message naming it, in the user’s language, and nothing is listed', async () => {
  await useLanguage(page, 'en');
  await openFax();
  const before = (await engineApi(page, 'fax/documents', {})).length;
  // A “PDF” that starts like one but is not.
  const broken = Buffer.from('%PDF-1.4\nthis is not really a PDF, only its first line\n');
  await page.getByTestId('fax-file').setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: broken });
  const error = page.getByTestId('fax-add-error');
  await poll(() => error.textContent(), '“broken.pdf” is a damaged PDF and could not be read.', 30_000);
  await shot(page, 'fax-06-error-en');
  // Binary bytes named .pdf: not a document, in Persian.
  await useLanguage(page, 'fa');
  await page.getByTestId('fax-file').setInputFiles({ name: 'junk.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0, 1, 2, 3, 0xfe, 0xff, 7, 8]) });
  await poll(async () => (await error.textContent())?.startsWith('«junk.pdf» نه PDF است'), true, 30_000);
  await shot(page, 'fax-07-error-fa');
  expect((await engineApi(page, 'fax/documents', {})).length).toBe(before);
  await expect(row('broken.pdf').count()).resolves.toBe(0);
  await expect(row('junk.pdf').count()).resolves.toBe(0);
});

test('a document whose stored file went missing says so in the dialog and on Save as TIFF, instead of an empty page', async () => {
  await useLanguage(page, 'en');
  await openFax();
  const before = new Set(storedFiles());
  await addFaxFile(page, 'lost-en.png', squarePng(), 'image/png');
  const added = storedFiles().filter((f) => !before.has(f));
  expect(added).toHaveLength(1);
  // Removed behind the app's back (another program, a restored backup).
  rmSync(path.join(app.dataDir, 'fax', 'documents', added[0]!));
  await row('lost-en.png').getByTestId('fax-open').click();
  const dialog = page.getByTestId('fax-document');
  await poll(() => dialog.getByTestId('load-error').textContent(), 'The page file of this document is not in the data folder. Try again');
  await expect(dialog.getByTestId('fax-page-image').count()).resolves.toBe(0);
  await dialog.getByTestId('fax-export-tiff').click();
  await page.getByTestId('toast-error').filter({ hasText: 'not in the data folder' }).waitFor();
  await shot(page, 'fax-09-missing-en');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the library is still there after a restart, and its document links still open', async () => {
  await useLanguage(page, 'en');
  await openFax();
  await addFaxFile(page, 'kept-en.pdf', await twoPagePdf(), 'application/pdf');
  const id = await row('kept-en.pdf').getAttribute('data-id');
  await restart();
  await page.evaluate((h) => (location.hash = h), `#/fax/document/${id}`);
  await poll(() => page.getByTestId('fax-page-of').textContent(), 'Page 1 of 2');
  expect((await pixelsOfPage(page)).black).toBeGreaterThan(150_000);
  await page.keyboard.press('Escape');
  await expect(row('kept-en.pdf').getByTestId('fax-pages').textContent()).resolves.toBe('2');
});
