/**
 * The fax document library on a real engine and a real SQLite file: a document added through the
 * contract is rendered once and kept as TIFF Class F in the data folder (read back: its pages are the
 * pages the renderer makes), listed with its page count, previewed as a PNG, exported, and still there
 * after a restart; a bad file is refused naming it, in the user's language, leaving no row and no file.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readTiffF } from '../../src/fax/tiff/tiff-read';
import { renderDocument } from '../../src/main/fax/pages/render-document';
import { pdfOf, rectPdf } from '../helpers/fax-docs';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

let dir = '';
let e: TestEngine;
beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, () => new Date('2026-12-07T09:00:00Z'));
});
afterEach(() => {
  e.close();
  removeDir(dir);
});

const filesIn = () => {
  const d = path.join(dir, 'fax', 'documents');
  return existsSync(d) ? readdirSync(d) : [];
};

test('a PDF added to the library is stored as TIFF-F with the rendered pages, listed, previewed, exported, and kept after a restart', async () => {
  const pdf = await pdfOf((doc) => {
    doc.rect(100, 120, 200, 100).fill('#000');
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fillColor('#000').fontSize(20).text('second page', 100, 100);
  });
  const added = await e.ok('fax/document-add', { fileName: 'price-list.pdf', base64: pdf.toString('base64'), resolution: 'standard' }, 'en');
  expect(added).toMatchObject({ name: 'price-list.pdf', fileName: 'price-list.pdf', kind: 'pdf', paper: 'a4', resolution: 'standard', pages: 2 });
  expect(added.addedAt).toBe('2026-12-07T09:00:00.000Z');

  // The stored file holds exactly the pages the renderer makes of this PDF.
  const [file] = filesIn();
  expect(file).toMatch(/\.tif$/);
  const stored = readTiffF(readFileSync(path.join(dir, 'fax', 'documents', file!)));
  const expected = await renderDocument({ bytes: pdf, fileName: 'price-list.pdf' }, { resolution: 'standard' });
  expect(stored.map((p) => [p.bitmap.width, p.bitmap.height, p.yResolution])).toEqual([
    [1728, 1143, 98],
    [1728, 1143, 98],
  ]);
  stored.forEach((p, i) => expect(Buffer.from(p.bitmap.data).equals(Buffer.from(expected.pages[i]!.bitmap.data))).toBe(true));

  // The first page as a PNG (rows doubled at standard), and the TIFF to save.
  const preview = await e.ok('fax/document-page', { id: added.id }, 'en');
  expect(preview).toMatchObject({ page: 1, pages: 2, width: 1728, height: 2286 });
  const png = Buffer.from(preview.png, 'base64');
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1728);
  const tiff = await e.ok('fax/document-tiff', { id: added.id }, 'en');
  expect(tiff).toMatchObject({ fileName: 'price-list.tif', mime: 'image/tiff', count: 2 });
  expect(Buffer.from(tiff.base64, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x49, 0x49, 42, 0]));

  e.close();
  e = testEngine(dir);
  expect((await e.ok('fax/documents', {})).map((d) => [d.name, d.pages])).toEqual([['price-list.pdf', 2]]);
  expect((await e.fail('fax/document-page', { id: added.id, page: 3 }, 'en')).message).toBe('This document has no page 3.');
});

test('a bad file is refused naming it, in the user language, and leaves no row and no file', async () => {
  const junk = Buffer.from(Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919 + 1) % 256)).toString('base64');
  const fa = await e.fail('fax/document-add', { fileName: 'نامه.pdf', base64: junk }, 'fa');
  expect(fa).toMatchObject({ code: 'fax/document', field: 'file' });
  expect(fa.message).toBe('«نامه.pdf» نه PDF است، نه تصویر (PNG یا JPEG) و نه متن ساده؛ محتوای آن (نه پسوند نامش) شناخته نشد.');
  const locked = await pdfOf((doc) => doc.text('x', 100, 100), { size: 'A4', margin: 0, userPassword: 'p', pdfVersion: '1.7' });
  const en = await e.fail('fax/document-add', { fileName: 'locked.pdf', base64: locked.toString('base64') }, 'en');
  expect(en.message).toBe('“locked.pdf” is protected by a password; save it without one and add it again.');
  expect(await e.ok('fax/documents', {})).toEqual([]);
  expect(filesIn()).toEqual([]);
});

test('a document is deleted with its file; a file gone from the folder is said, not a crash', async () => {
  const a = await e.ok('fax/document-add', { fileName: 'a.pdf', name: 'Prices', base64: (await rectPdf()).toString('base64') });
  expect(a.name).toBe('Prices');
  expect(filesIn()).toHaveLength(1);
  rmSync(path.join(dir, 'fax', 'documents', filesIn()[0]!));
  expect((await e.fail('fax/document-page', { id: a.id }, 'en')).message).toBe('The page file of this document is not in the data folder.');
  await e.ok('fax/document-delete', { id: a.id });
  expect(await e.ok('fax/documents', {})).toEqual([]);
  expect((await e.fail('fax/document-delete', { id: a.id }, 'en')).code).toBe('not_found');
});
