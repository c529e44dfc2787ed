/**
 * The PDF preview is drawn by pdf.js on canvases (src/renderer/ui/pdf-viewer.tsx), so these tests read
 * what the user sees: a cheque leaf's canvas has ink where the template puts the amount and agrees with
 * poppler's drawing of the same file, a long list counts its pages as it scrolls, Print puts one sheet
 * per page through Chromium's own print (printed to PDF and read back), and a file pdf.js cannot read says so.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pdfPreviewLoaded, pollUntil, settled, shot, shotsDir, useApp } from './app';

/** When set, the next PDF the engine sends is replaced by bytes that are not a PDF (as a damaged file would arrive). */
let breakNextPdf = false;

/** Passes the app's socket through, swapping a PDF answer's bytes when a test asks for a damaged file. */
async function relaySocket(p: Page): Promise<void> {
  await p.routeWebSocket(/\/ws/, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((m) => server.send(m));
    server.onMessage((m) => {
      if (breakNextPdf && typeof m === 'string' && m.includes('"application/pdf"')) {
        const msg = JSON.parse(m) as { result?: { ok: boolean; value?: { base64?: string } } };
        if (msg.result?.ok && msg.result.value?.base64) {
          msg.result.value.base64 = Buffer.from('%PDF-1.7\nthis is not a PDF after all\n').toString('base64');
          breakNextPdf = false;
          return ws.send(JSON.stringify(msg));
        }
      }
      ws.send(m);
    });
  });
}

const { page, loadProblems, pageErrors } = useApp({
  name: 'pdf-preview',
  fresh: 'test',
  viewport: { width: 1400, height: 900 },
  acceptDownloads: true,
  prepare: relaySocket,
});
const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input, 'fa');
const dir = path.join(shotsDir, 'pdf-preview');

/** The first canvas's ink (pixels darker than mid grey) on a grid of `cols`×`rows` cells, as 0/1 per cell, row by row. */
function canvasInk(cols: number, rows: number): Promise<{ width: number; height: number; cells: number[] }> {
  return page
    .getByTestId('pdf-page')
    .first()
    .evaluate(
      (c, [cols, rows]: [number, number]) => {
        const canvas = c as HTMLCanvasElement;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const cells = new Array<number>(cols * rows).fill(0);
        for (let y = 0; y < canvas.height; y++) {
          for (let x = 0; x < canvas.width; x++) {
            const i = (y * canvas.width + x) * 4;
            // pdf.js leaves the page transparent where nothing is drawn: alpha counts as ink only with a dark colour.
            if (data[i + 3]! > 128 && data[i]! + data[i + 1]! + data[i + 2]! < 3 * 128) {
              cells[Math.floor((y * rows) / canvas.height) * cols + Math.floor((x * cols) / canvas.width)] = 1;
            }
          }
        }
        return { width: canvas.width, height: canvas.height, cells };
      },
      [cols, rows] as [number, number],
    );
}

/** Poppler's drawing of page 1 of `file` at `width`×`height`, reduced to the same ink grid. */
function popplerInk(file: string, width: number, height: number, cols: number, rows: number): number[] {
  const out = path.join(dir, 'poppler');
  execFileSync('pdftoppm', ['-gray', '-f', '1', '-l', '1', '-singlefile', '-scale-to-x', String(width), '-scale-to-y', String(height), file, out]);
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const cells = new Array<number>(cols * rows).fill(0);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) if (pixels[y * w + x]! < 128) cells[Math.floor((y * rows) / h) * cols + Math.floor((x * cols) / w)] = 1;
  return cells;
}

/** Clicks Save in the preview and keeps the file. */
async function savePreview(name: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('file-ready').getByTestId('save-pdf').click()]);
  await download.saveAs(file);
  return file;
}

it('draws a cheque leaf: ink where the template puts the amount, none below it, the same page as poppler draws; page 1 of 1; zoom', async () => {
  // A Sayad leaf (180 × 85 mm) with the amount in words only, 14–166 mm across at 38 mm down.
  await api('cheque-templates/create', {
    name: 'ملت — پیش‌نمایش',
    bank: 'بانک ملت',
    widthMm: 180,
    heightMm: 85,
    fields: [{ kind: 'amountWords', xMm: 14, yMm: 38, widthMm: 152, font: 'nastaliq', suffix: 'ریال', guard: 'slashes' }],
  });
  await page.getByTestId('nav-cheques').click();
  await page.getByTestId('cheques-tab-templates').click();
  await page.getByTestId('cheque-designer').waitFor();
  await page.getByTestId('sample-amount').fill('۲۵۰۰۰۰۰۰۰۰');
  await page.getByTestId('template-preview').click();
  await pdfPreviewLoaded(page);
  await expect(page.getByTestId('pdf-preview').getAttribute('data-pages')).resolves.toBe('1');
  await expect(page.getByTestId('pdf-page-number').textContent()).resolves.toBe('صفحهٔ ۱ از ۱');
  await settled(page);
  await shot(page, 'pdf-preview-01-cheque-fa');

  // One cell per 2 mm of the leaf.
  const [cols, rows] = [90, 42];
  const ink = await canvasInk(cols, rows);
  const cell = (xMm: number, yMm: number) => ink.cells[Math.floor(yMm / 2) * cols + Math.floor(xMm / 2)];
  const band = (y0: number, y1: number, x0 = 0, x1 = 180) => {
    let n = 0;
    for (let y = y0; y < y1; y += 2) for (let x = x0; x < x1; x += 2) n += cell(x, y)!;
    return n;
  };
  expect(band(30, 48, 14, 166)).toBeGreaterThan(60); // the amount in words and its guard slashes
  expect(band(0, 26)).toBe(0); // nothing above it
  expect(band(54, 84)).toBe(0); // nothing below it
  // pdf.js drew the page poppler draws: the same cells inked, give or take an anti-aliased edge.
  const file = await savePreview('cheque.pdf');
  const theirs = popplerInk(file, ink.width, ink.height, cols, rows);
  const differ = theirs.filter((v, i) => v !== ink.cells[i]).length;
  expect(differ).toBeLessThan(0.1 * theirs.filter((v) => v === 1).length);

  // Zoom in: the page is drawn again, larger and sharp.
  const before = ink.width;
  await page.getByTestId('pdf-zoom-in').click();
  await expect(page.getByTestId('pdf-zoom').textContent()).resolves.toBe('۱۲۵٪');
  await pdfPreviewLoaded(page);
  await pollUntil(page, async () => (await canvasInk(cols, rows)).width > before * 1.2, true);
  // pdf.js and its worker ran under the CSP: nothing refused (a refusal is a console error), nothing thrown.
  expect(loadProblems).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it('counts the pages of a long list as it scrolls, in English; Print gives one sheet per page', async () => {
  for (let i = 1; i <= 70; i++) await api('contacts/create', { firstName: `Contact ${i}`, phones: [{ number: `0912${String(1000000 + i)}`, kind: 'mobile' }] });
  await page.getByTestId('language-switch').click();
  await page.getByTestId('print-list').click();
  await pdfPreviewLoaded(page);
  const pages = Number(await page.getByTestId('pdf-preview').getAttribute('data-pages'));
  expect(pages).toBeGreaterThan(1);
  await expect(page.getByTestId('pdf-page-number').textContent()).resolves.toBe(`Page 1 of ${pages}`);
  await page.getByTestId('pdf-preview').evaluate((box) => box.scrollTo(0, box.scrollHeight));
  await pollUntil(page, () => page.getByTestId('pdf-page-number').textContent(), `Page ${pages} of ${pages}`);
  await pdfPreviewLoaded(page);
  await settled(page);
  await shot(page, 'pdf-preview-02-list-en');

  // The file saved has as many pages as the preview shows.
  const file = await savePreview('list.pdf');
  expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));

  // Print: headless Chromium has no print dialog (its window.print() holds a print job that never ends), so the
  // window's print is counted here instead, and what it would print is what Chromium prints to PDF with the print
  // media, read back with poppler.
  await page.evaluate(() => {
    const w = window as unknown as { print: () => void; printed: number };
    w.printed = 0;
    w.print = () => void w.printed++;
  });
  await page.getByTestId('pdf-print').click();
  await pollUntil(page, () => page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
  await expect(page.locator('[data-testid="pdf-print-pages"] img').count()).resolves.toBe(pages);
  await expect(page.getByTestId('pdf-print').textContent()).resolves.toBe('Print');
  const printed = path.join(dir, 'printed.pdf');
  writeFileSync(printed, await page.pdf({ preferCSSPageSize: true }));
  expect(execFileSync('pdfinfo', [printed], { encoding: 'utf8' })).toMatch(new RegExp(`Pages:\\s+${pages}\\n`));
  // Only the pages: the first sheet reads the list's title, and nothing of the app around the dialog.
  // The sheets are the list's pages (A4), drawn: the printed first sheet inks the cells the saved file's first page inks.
  const info = (f: string) =>
    /Page size:\s+([\d.]+) x ([\d.]+)/
      .exec(execFileSync('pdfinfo', [f], { encoding: 'utf8' }))!
      .slice(1)
      .map(Number);
  const [pw = 0, ph = 0] = info(printed);
  const [fw = -9, fh = -9] = info(file);
  expect(Math.abs(pw - fw)).toBeLessThan(2);
  expect(Math.abs(ph - fh)).toBeLessThan(2);
  const sheet = popplerInk(printed, 298, 421, 30, 42);
  const original = popplerInk(file, 298, 421, 30, 42);
  expect(original.filter((v) => v === 1).length).toBeGreaterThan(50);
  expect(sheet.filter((v, i) => v !== original[i]).length).toBeLessThan(0.1 * original.filter((v) => v === 1).length);
  expect(loadProblems).toEqual([]);
  expect(pageErrors).toEqual([]);
});

it('says in Persian and in English that a file could not be read, and Save still keeps it', async () => {
  breakNextPdf = true;
  await page.getByTestId('print-list').click();
  const preview = page.getByTestId('pdf-preview');
  await pollUntil(page, () => preview.getAttribute('data-state'), 'error');
  await expect(preview.textContent()).resolves.toMatch(/^فایل \u2068monshi-contacts-.*\.pdf\u2069 به‌عنوان PDF خوانده نشد\.$/);
  await settled(page);
  await shot(page, 'pdf-preview-03-unreadable-fa');
  await page.keyboard.press('Escape');
  await page.getByTestId('language-switch').click();
  breakNextPdf = true;
  await page.getByTestId('print-list').click();
  await pollUntil(page, () => preview.getAttribute('data-state'), 'error');
  await expect(preview.textContent()).resolves.toMatch(/could not be read as a PDF\.$/);
  await expect(page.getByTestId('pdf-print').count()).resolves.toBe(0);
  const file = await savePreview('unreadable.pdf');
  expect(readFileSync(file, 'utf8')).toContain('this is not a PDF after all');
});
