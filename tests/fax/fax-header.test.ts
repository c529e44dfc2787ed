/**
 * The header line and the cover page, on the pixels: the header is drawn into the top rows of every page
 * (office name and number at the start side — right in Persian, left in English — "page n/m" at the
 * end side, the date in the middle) and leaves the rest of the page exactly as it was; the cover page
 * comes first and counts itself. The strips are written to test-results/fax to look at (Persian shaping
 * is compared below with hb-view, native HarfBuzz drawn by cairo).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getPixel } from '../../src/fax/t4/bitmap';
import { decodePng } from '../../src/main/fax/pages/png-decode';
import { headerRows, renderHeaders } from '../../src/main/fax/pages/page-header';
import { prepareFax } from '../../src/main/fax/pages/prepare-fax';
import { renderDocument } from '../../src/main/fax/pages/render-document';
import { blackShare, rectPdf, savePagePng, saveRowsPng } from '../helpers/fax-docs';
import { describeWithTools } from '../helpers/reference-tools';

const when = new Date(2026, 11, 7, 14, 5); // local time: 1405/09/16 14:05
const header = { officeName: 'دفتر فنی منشی', ourNumber: '021-88776655' };

describe('the header line', () => {
  test.each(['standard', 'fine'] as const)('%s: Persian header over the top rows of each page, the page below untouched', async (resolution) => {
    const pdf = await rectPdf();
    const docs = [
      { bytes: pdf, fileName: 'a.pdf' },
      { bytes: pdf, fileName: 'b.pdf' },
    ];
    const plain = await renderDocument(docs[0]!, { resolution });
    const { pages } = await prepareFax({ documents: docs, lang: 'fa', calendar: 'jalali', when, header, format: { resolution } });
    expect(pages).toHaveLength(2);
    const rows = headerRows({ paper: 'a4', resolution });
    expect(rows).toBe(resolution === 'fine' ? 39 : 19);
    pages.forEach((p, i) => saveRowsPng(p, 0, rows, `header-fa-${resolution}-page${i + 1}`, resolution === 'fine' ? 1 : 2));
    savePagePng(pages[1]!, `header-fa-${resolution}-full`);
    const b = pages[0]!;
    // Start side (right): the office name; end side (left): "page 1 of 2"; both in the band.
    expect(blackShare(b, 1728 - 400, 0, 1728, rows)).toBeGreaterThan(0.03);
    expect(blackShare(b, 0, 0, 250, rows)).toBeGreaterThan(0.03);
    // Below the band the page is the document, pixel for pixel.
    const below = (x: typeof b) => x.data.subarray(rows * x.rowBytes);
    expect(Buffer.from(below(b)).equals(Buffer.from(below(plain.pages[0]!.bitmap)))).toBe(true);
    // Pages differ only in their header (page 1 of 2 vs 2 of 2): the page number's corner differs.
    let differs = 0;
    for (let y = 0; y < rows; y++) for (let x = 0; x < 300; x++) differs += getPixel(pages[0]!, x, y) ^ getPixel(pages[1]!, x, y);
    expect(differs).toBeGreaterThan(10);
  });

  test('English: office name at the left, page number at the right', async () => {
    const { pages } = await prepareFax({
      documents: [{ bytes: await rectPdf(), fileName: 'a.pdf' }],
      lang: 'en',
      calendar: 'gregorian',
      when,
      header: { officeName: 'Monshi Office', ourNumber: '+98 21 8877 6655' },
      format: { resolution: 'fine' },
    });
    const rows = headerRows({ paper: 'a4', resolution: 'fine' });
    saveRowsPng(pages[0]!, 0, rows, 'header-en-fine', 1);
    expect(blackShare(pages[0]!, 0, 0, 300, rows)).toBeGreaterThan(0.03);
    // "Page 1/1" is short: the right end has ink, and the gap before it is white.
    expect(blackShare(pages[0]!, 1728 - 150, 0, 1728, rows)).toBeGreaterThan(0.02);
  });
});

test('a cover page comes first, counts itself, and has ink where its title and rules are', async () => {
  const { pages } = await prepareFax({
    documents: [{ bytes: await rectPdf(), fileName: 'a.pdf' }],
    lang: 'fa',
    calendar: 'jalali',
    when,
    header,
    cover: { to: 'شرکت نمونه', from: 'علی رضایی', subject: 'پیش‌فاکتور', note: 'لطفاً پس از دریافت تماس بگیرید.' },
    format: { resolution: 'fine' },
  });
  expect(pages).toHaveLength(2);
  savePagePng(pages[0]!, 'cover-fa-fine');
  const rows = headerRows({ paper: 'a4', resolution: 'fine' });
  saveRowsPng(pages[0]!, 0, rows, 'cover-fa-fine-header', 1);
  // The title's thick rule under "فکس": a band across the page (20 mm margins) that is almost all black.
  const mm = (v: number) => Math.round(((v * 72) / 25.4) * ((7.7 * 25.4) / 72));
  let ruleRow = -1;
  for (let y = mm(20); y < mm(60); y++) if (blackShare(pages[0]!, 400, y, 1300, y + 1) === 1) ruleRow = y;
  expect(ruleRow).toBeGreaterThan(0);
  // The document is page 2.
  expect(blackShare(pages[1]!, 400, mm(50), 800, mm(70))).toBeGreaterThan(0.9);
});

/**
 * The office name as the header draws it, against native HarfBuzz drawn by cairo (`hb-view`, an
 * independent shaper and rasteriser): at fine resolution a header em is 8.5 pt × 204/72 = 24.08 pixels
 * across, so both inks must span the same columns — joined letters, right glyphs, right order — within
 * a pixel or two of anti-aliasing.
 */
describeWithTools(['hb-view'], 'libharfbuzz-bin')('the Persian header against hb-view', () => {
  test('the office name has the ink columns hb-view gives the same text', async () => {
    const name = 'دفتر فنی منشی';
    const [strip] = await renderHeaders({ lang: 'fa', calendar: 'jalali', officeName: name, ourNumber: '', when }, 1, { paper: 'a4', resolution: 'fine' });
    saveRowsPng(strip!, 0, strip!.height, 'header-office-name', 2);
    const oursCols: boolean[] = [];
    for (let x = Math.round(1728 * 0.55); x < 1728; x++) {
      let ink = false;
      for (let y = 0; y < strip!.height; y++) if (getPixel(strip!, x, y)) ink = true;
      oursCols.push(ink);
    }
    const file = path.join(os.tmpdir(), `monshi-hb-view-${process.pid}.png`);
    const font = path.join(__dirname, '../../assets/fonts/Vazirmatn-Bold.ttf');
    const r = spawnSync('hb-view', [
      `--font-file=${font}`,
      `--font-size=${(8.5 * 204) / 72}`,
      '--margin=0',
      '--output-format=png',
      `--output-file=${file}`,
      '--language=fa',
      '--script=Arab',
      '--direction=rtl',
      '--',
      name,
    ]);
    expect(r.status).toBe(0);
    const img = decodePng(readFileSync(file), 1e6);
    rmSync(file, { force: true });
    const refCols: boolean[] = [];
    for (let x = 0; x < img.width; x++) {
      let ink = false;
      for (let y = 0; y < img.height; y++) if (img.data[(y * img.width + x) * 4]! < 128) ink = true;
      refCols.push(ink);
    }
    const trim = (c: boolean[]) => c.slice(c.indexOf(true), c.lastIndexOf(true) + 1);
    const [ours, ref] = [trim(oursCols), trim(refCols)];
    expect(Math.abs(ours.length - ref.length)).toBeLessThanOrEqual(3);
    let agree = 0;
    for (let i = 0; i < Math.min(ours.length, ref.length); i++) if (ours[i] === ref[i]) agree++;
    expect(agree / Math.max(ours.length, ref.length)).toBeGreaterThan(0.95); // 0.99 measured
    // The same text with its words in the wrong order does not pass this comparison (the check can fail).
    const swapped = spawnSync('hb-view', [
      `--font-file=${font}`,
      `--font-size=${(8.5 * 204) / 72}`,
      '--margin=0',
      '--output-format=png',
      `--output-file=${file}`,
      '--language=fa',
      '--script=Arab',
      '--direction=rtl',
      '--',
      'منشی فنی دفتر',
    ]);
    expect(swapped.status).toBe(0);
    const bad = decodePng(readFileSync(file), 1e6);
    rmSync(file, { force: true });
    const badCols = trim(
      Array.from({ length: bad.width }, (_, x) => Array.from({ length: bad.height }, (_, y) => bad.data[(y * bad.width + x) * 4]! < 128).some(Boolean)),
    );
    let badAgree = 0;
    for (let i = 0; i < Math.min(ours.length, badCols.length); i++) if (ours[i] === badCols[i]) badAgree++;
    expect(badAgree / Math.max(ours.length, badCols.length)).toBeLessThan(0.85); // 0.74 measured
  });
});
