/**
 * Documents for the fax page renderer's tests, made with pdfkit (a PDF with a black rectangle at known
 * coordinates and text, encrypted, many pages) and by hand (a PDF with no pages), and a way to look at
 * a rendered page: a PNG in test-results/fax (a standard page's rows drawn twice, so it has the paper's shape).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { FaxBitmap } from '../../src/fax/t4/bitmap';
import { getPixel } from '../../src/fax/t4/bitmap';
import { makeBilevelPng, makePng } from './png';

type PdfOptions = PDFKit.PDFDocumentOptions;

export function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, opts: PdfOptions = { size: 'A4', margin: 0 }): Promise<Buffer> {
  const doc = new PDFDocument(opts);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  draw(doc);
  doc.end();
  return done;
}

/** The rectangle every geometry test looks for, in points from the page's top left. */
export const RECT = { x: 100, y: 120, w: 200, h: 100 };

/** An A4 (or `size`) page: RECT filled black, and a line of text lower down. */
export const rectPdf = (size: string | [number, number] = 'A4') =>
  pdfOf(
    (doc) => {
      doc.rect(RECT.x, RECT.y, RECT.w, RECT.h).fill('#000');
      doc.fillColor('#000').fontSize(24).text('Monshi fax page 1234567890', 100, 400);
    },
    { size, margin: 0 },
  );

/** A PDF with a valid page tree of no pages (pdfkit always writes one page), written by hand with a correct xref. */
export function zeroPagePdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** Writes the page to test-results/fax/<name>.png to look at; standard pages (under 1600 rows) have their rows doubled. */
export function savePagePng(b: FaxBitmap, name: string): string {
  const dir = path.join(__dirname, '..', '..', 'test-results', 'fax');
  mkdirSync(dir, { recursive: true });
  const k = b.height < 1600 && b.height > 200 ? 2 : 1;
  const file = path.join(dir, `${name}.png`);
  const rows = new Uint8Array(b.rowBytes * b.height * k);
  for (let y = 0; y < b.height * k; y++) rows.set(b.data.subarray(Math.floor(y / k) * b.rowBytes, (Math.floor(y / k) + 1) * b.rowBytes), y * b.rowBytes);
  writeFileSync(file, makeBilevelPng(b.width, b.height * k, rows));
  return file;
}

/** Share of black pixels in [x0, x1) × [y0, y1) (clipped to the page). */
export function blackShare(b: FaxBitmap, x0: number, y0: number, x1: number, y1: number): number {
  const [xa, xb, ya, yb] = [Math.max(0, x0), Math.min(b.width, x1), Math.max(0, y0), Math.min(b.height, y1)];
  let n = 0;
  for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) n += getPixel(b, x, y);
  return n / ((xb - xa) * (yb - ya));
}

/** Rows [y0, y1) of a page, each pixel drawn `zoom` times both ways (to look at the header line). */
export function saveRowsPng(b: FaxBitmap, y0: number, y1: number, name: string, zoom = 2): string {
  const dir = path.join(__dirname, '..', '..', 'test-results', 'fax');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const w = Math.floor(b.width / 2);
  // Two halves stacked (right half on top: a Persian header starts there), so the strip is readable when shown.
  writeFileSync(
    file,
    makePng(w * zoom, (y1 - y0) * 2 * zoom, (x, y) => {
      const row = Math.floor(y / zoom);
      const half = row < y1 - y0 ? 1 : 0;
      return getPixel(b, Math.floor(x / zoom) + half * w, y0 + (row % (y1 - y0))) ? [0, 0, 0] : [255, 255, 255];
    }),
  );
  return file;
}
