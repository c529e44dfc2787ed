/**
 * Documents → fax pages, checked on the pixels: a PDF with a black rectangle at known coordinates lands
 * where T.4's geometry puts it (204 pixels per inch across, 3.85 or 7.7 lines per mm down, the page
 * fitted to A4 or letter and centred across the 1728-pixel line) at both resolutions and on both papers;
 * text stays thresholded (no dithered tile), a photo is dithered with its mean grey kept, a page with
 * both gets both; landscape pages are turned; plain text is laid out. Pages are written to
 * test-results/fax to look at.
 */
import { getPixel } from '../../src/fax/t4/bitmap';
import { renderDocument } from '../../src/main/fax/pages/render-document';
import { makePng } from '../helpers/png';
import { blackShare, pdfOf, RECT, rectPdf, savePagePng } from '../helpers/fax-docs';

const SX = 204 / 72;
const SY = { standard: (3.85 * 25.4) / 72, fine: (7.7 * 25.4) / 72 };
const PAPER = { a4: [595.28, 841.89], letter: [612, 792] } as const;

/** Where a point (x, y) of a source page w × h lands, by hand: the source fitted into the paper (at most 1728 pixels wide), centred across. */
function expectedAt(paper: 'a4' | 'letter', res: 'standard' | 'fine', src: readonly [number, number], x: number, y: number): [number, number] {
  const boxW = Math.min(PAPER[paper][0], 1728 / SX);
  const scale = Math.min(boxW / src[0], PAPER[paper][1] / src[1]);
  const left = (1728 - src[0] * scale * SX) / 2;
  return [left + x * scale * SX, y * scale * SY[res]];
}

const cases = [
  ['a4', 'standard', 1143],
  ['a4', 'fine', 2287],
  ['letter', 'standard', 1076],
  ['letter', 'fine', 2151],
] as const;

describe('a PDF page becomes a 1728-pixel fax page with its drawing where T.4 puts it', () => {
  let a4Pdf: Buffer;
  let letterPdf: Buffer;
  beforeAll(async () => {
    a4Pdf = await rectPdf('A4');
    letterPdf = await rectPdf('LETTER');
  });

  test.each(cases)('an A4 PDF on %s paper at %s resolution: %d lines, the rectangle black inside and white around it', async (paper, resolution, lines) => {
    const { pages, kind } = await renderDocument({ bytes: a4Pdf, fileName: 'rect.pdf' }, { paper, resolution });
    expect(kind).toBe('pdf');
    expect(pages).toHaveLength(1);
    const b = pages[0]!.bitmap;
    expect([b.width, b.height]).toEqual([1728, lines]);
    savePagePng(b, `rect-a4-on-${paper}-${resolution}`);
    const [x0, y0] = expectedAt(paper, resolution, PAPER.a4, RECT.x, RECT.y);
    const [x1, y1] = expectedAt(paper, resolution, PAPER.a4, RECT.x + RECT.w, RECT.y + RECT.h);
    // Inside (one pixel in from each edge): all black. A band 2–6 pixels outside: all white.
    expect(blackShare(b, Math.ceil(x0) + 1, Math.ceil(y0) + 1, Math.floor(x1) - 1, Math.floor(y1) - 1)).toBe(1);
    for (const [bx0, by0, bx1, by1] of [
      [x0 - 6, y0, x0 - 2, y1],
      [x1 + 2, y0, x1 + 6, y1],
      [x0, y0 - 6, x1, y0 - 2],
      [x0, y1 + 2, x1, y1 + 6],
    ]) {
      expect(blackShare(b, Math.round(bx0!), Math.round(by0!), Math.round(bx1!), Math.round(by1!))).toBe(0);
    }
    // The text line below the rectangle is there (ink in its band) and thresholded: no tile of the page dithered.
    const [, ty0] = expectedAt(paper, resolution, PAPER.a4, 0, 400);
    const [, ty1] = expectedAt(paper, resolution, PAPER.a4, 0, 424);
    expect(blackShare(b, 0, Math.round(ty0), 1728, Math.round(ty1))).toBeGreaterThan(0.02);
    expect(pages[0]!.photoTiles).toBe(0);
  });

  test('a letter PDF on A4 paper: 612 points are narrowed to the 1728 pixels of the line, the rectangle where that puts it', async () => {
    const { pages } = await renderDocument({ bytes: letterPdf, fileName: 'rect-letter.pdf' }, { paper: 'a4', resolution: 'fine' });
    const b = pages[0]!.bitmap;
    const [x0, y0] = expectedAt('a4', 'fine', PAPER.letter, RECT.x, RECT.y);
    const [x1, y1] = expectedAt('a4', 'fine', PAPER.letter, RECT.x + RECT.w, RECT.y + RECT.h);
    expect(blackShare(b, Math.ceil(x0) + 1, Math.ceil(y0) + 1, Math.floor(x1) - 1, Math.floor(y1) - 1)).toBe(1);
    expect(blackShare(b, Math.round(x0 - 6), Math.round(y0), Math.round(x0 - 2), Math.round(y1))).toBe(0);
  });

  test('a landscape page is turned a quarter (clockwise) to fill the portrait page', async () => {
    // A landscape A4 page with a black square in its top-left corner: turned clockwise, the corner goes to the top right.
    const pdf = await pdfOf((doc) => doc.rect(40, 40, 100, 100).fill('#000'), { size: 'A4', layout: 'landscape', margin: 0 });
    const { pages } = await renderDocument({ bytes: pdf, fileName: 'wide.pdf' }, { resolution: 'fine' });
    const b = pages[0]!.bitmap;
    savePagePng(b, 'landscape-turned');
    const [, y] = expectedAt('a4', 'fine', PAPER.a4, 0, 90); // 40..140 points from the top after the turn
    const xRight = 1728 - (1728 - 595.28 * SX) / 2 - 90 * SX; // 40..140 points from the right edge
    expect(getPixel(b, Math.round(xRight), Math.round(y))).toBe(1);
    expect(getPixel(b, Math.round(1728 - xRight), Math.round(y))).toBe(0);
  });

  test('plain text (Persian and English, UTF-8) is laid out and drawn; a form feed starts a page', async () => {
    const text = 'سلام؛ این متن ساده برای فکس است.\nPlain English line.\f\u06f2 صفحهٔ دوم';
    const { pages, kind } = await renderDocument({ bytes: Buffer.from(text, 'utf8'), fileName: 'note.txt' }, { resolution: 'fine' });
    expect(kind).toBe('text');
    expect(pages).toHaveLength(2);
    const b = pages[0]!.bitmap;
    savePagePng(b, 'plain-text');
    // 15 mm margins: the Persian line starts at the right margin, the English one at the left.
    const line = (n: number) =>
      [Math.round(((15 * 72) / 25.4) * SY.fine + n * 16.5 * SY.fine), Math.round(((15 * 72) / 25.4) * SY.fine + (n + 1) * 16.5 * SY.fine)] as const;
    const margin = Math.round((1728 - 595.28 * SX) / 2 + 15 * (72 / 25.4) * SX);
    const [p0, p1] = line(0);
    const [e0, e1] = line(1);
    expect(blackShare(b, 1728 - margin - 60, p0, 1728 - margin, p1)).toBeGreaterThan(0.05);
    expect(blackShare(b, margin, p0, margin + 60, p1)).toBe(0);
    expect(blackShare(b, margin, e0, margin + 60, e1)).toBeGreaterThan(0.05);
    expect(pages.every((p) => p.photoTiles === 0)).toBe(true);
  });
});

describe('photos are dithered, text is thresholded', () => {
  // A left-to-right grey ramp, 600 × 800 (portrait, so it is not turned): it fills the page's width.
  const ramp = makePng(600, 800, (x) => {
    const v = Math.round((x / 599) * 255);
    return [v, v, v];
  });

  test('a gradient PNG comes out dithered: mean grey kept within 3 %, and mid-greys are a mix of dots, not a hard edge', async () => {
    const { pages, kind } = await renderDocument({ bytes: ramp, fileName: 'ramp.png' }, { resolution: 'fine' });
    expect(kind).toBe('png');
    const b = pages[0]!.bitmap;
    savePagePng(b, 'gradient-dithered');
    const h = Math.floor((800 / 600) * 595.28 * SY.fine); // the image fills the width: 595.28 points, so 793.7 long
    const left = Math.ceil((1728 - 595.28 * SX) / 2);
    const right = Math.floor(1728 - left);
    // The image's mean ink is 50 % (a ramp from black to white); thresholding would also give 50 %, so check bands too.
    expect(Math.abs(blackShare(b, left, 0, right, h) - 0.5)).toBeLessThan(0.03);
    for (const f of [0.25, 0.5, 0.75]) {
      const x = Math.round(left + (right - left) * f);
      const share = blackShare(b, x - 20, 100, x + 20, h - 100);
      expect([f, share]).toEqual([f, expect.closeTo(1 - f, 1)]); // within 0.05: dithered to the band's grey
    }
    expect(pages[0]!.photoTiles).toBeGreaterThan(100);
  });

  test('a page with text and a photo: the photo is dithered, the text around it stays crisp (no dithered tile under the text)', async () => {
    const pdf = await pdfOf((doc) => {
      doc.fillColor('#000').fontSize(14);
      for (let i = 0; i < 12; i++) doc.text(`Line ${i + 1}: the quick brown fox jumps over the lazy dog 0123456789`, 60, 60 + i * 22);
      doc.image(ramp, 150, 400, { width: 300 });
    });
    const { pages } = await renderDocument({ bytes: pdf, fileName: 'mixed.pdf' }, { resolution: 'fine' });
    const b = pages[0]!.bitmap;
    savePagePng(b, 'mixed-text-photo');
    expect(pages[0]!.photoTiles).toBeGreaterThan(20);
    // In the text block, every pixel is either the stroke or paper: thresholded, so no isolated dots around letters —
    // check there is a clean white row between two lines of text (a dithered edge would leave dots in it).
    const gap = Math.round((60 + 22 * 3 - 3) * SY.fine);
    expect(blackShare(b, 0, gap - 1, 1728, gap + 1)).toBe(0);
    // In the photo's middle band, grey ≈ 50 %: dithered.
    const [x0, y0] = expectedAt('a4', 'fine', PAPER.a4, 290, 500);
    const [x1, y1] = expectedAt('a4', 'fine', PAPER.a4, 310, 560);
    expect(blackShare(b, Math.round(x0), Math.round(y0), Math.round(x1), Math.round(y1))).toBeCloseTo(0.5, 1);
  });
});
