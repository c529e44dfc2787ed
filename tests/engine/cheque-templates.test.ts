/**
 * Cheque print templates in the engine on a real SQLite file: CRUD with errors naming their field in
 * both languages, the background scan stored as a file and never printed, copies, user fonts checked
 * by HarfBuzz and pdfkit (and refused with the reason), and the PDFs: a batch, a preview of an
 * unsaved draft, the test print.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ChequeTemplateInput } from '../../src/shared/contract/cheque-print';
import { amountInWords } from '../../src/shared/text/persian-words';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { chequeScanPng, makePng } from '../helpers/png';
import { pageCount, pdfText, savePdf, testWithPoppler } from '../print/helpers/poppler';

const FONTS = path.join(__dirname, '../../assets/fonts');
const NOTO_SANS = '/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf';

const base: ChequeTemplateInput = {
  name: 'ملت — جاری ۱۲۳',
  bank: 'بانک ملت، حساب ۱۲۳',
  widthMm: 180,
  heightMm: 85,
  fields: [
    { kind: 'dateDigits', xMm: 20, yMm: 14, widthMm: 32 },
    { kind: 'amountWords', xMm: 15, yMm: 40, widthMm: 150, font: 'nastaliq', suffix: 'ریال', guard: 'slashes' },
    { kind: 'payee', xMm: 40, yMm: 52, widthMm: 120 },
  ],
};

describe('cheque templates', () => {
  let dir: string;
  let e: TestEngine;
  const events: string[] = [];

  beforeEach(() => {
    dir = tempDir();
    e = testEngine(dir, () => new Date('2025-03-15T08:00:00Z'));
    events.length = 0;
    e.subscribe((ev) => events.push(ev.name));
  });
  afterEach(async () => {
    await e.close();
    removeDir(dir);
  });

  test('create, get, list, update and delete; the background is a file in the data folder', async () => {
    const png = chequeScanPng();
    const t = await e.ok('cheque-templates/create', { ...base, background: { mime: 'image/png', base64: png.toString('base64') } });
    expect(t.fields).toHaveLength(3);
    expect(t.fields[1]).toMatchObject({ kind: 'amountWords', font: 'nastaliq', sizePt: 12, align: 'right', shrink: true, guard: 'slashes', suffix: 'ریال' });
    expect(t.background).toMatchObject({ mime: 'image/png', widthPx: 720, heightPx: 340 });
    expect(Buffer.from(t.background!.base64, 'base64').equals(png)).toBe(true);
    const bgDir = path.join(dir, 'attachments', 'cheque-templates');
    expect(readdirSync(bgDir)).toHaveLength(1);
    expect(events).toContain('cheque-templates/changed');

    const list = await e.ok('cheque-templates/list', {});
    expect(list).toEqual([expect.objectContaining({ id: t.id, name: 'ملت — جاری ۱۲۳', fieldCount: 3, hasBackground: true })]);

    // Moving a field and keeping the background (absent) …
    const moved = await e.ok('cheque-templates/update', { id: t.id, data: { ...base, fields: [{ ...base.fields![0]!, xMm: 25.456 }] } });
    expect(moved.fields).toEqual([expect.objectContaining({ xMm: 25.46 })]);
    expect(moved.background).not.toBeNull();
    // … then removing it.
    const bare = await e.ok('cheque-templates/update', { id: t.id, data: { ...base, background: null } });
    expect(bare.background).toBeNull();
    expect(readdirSync(bgDir)).toHaveLength(0);

    await e.ok('cheque-templates/delete', { id: t.id });
    expect((await e.fail('cheque-templates/get', { id: t.id })).code).toBe('not_found');
  });

  test('errors name their field, in Persian and English', async () => {
    const outside = await e.fail('cheque-templates/create', { ...base, fields: [{ kind: 'payee', xMm: 100, yMm: 50, widthMm: 100 }] }, 'en');
    expect(outside).toMatchObject({ code: 'validation', field: 'fields.0.widthMm' });
    expect(outside.message).toContain('180×85');
    const below = await e.fail('cheque-templates/create', { ...base, fields: [{ kind: 'payee', xMm: 10, yMm: 90, widthMm: 50 }] });
    expect(below).toMatchObject({ field: 'fields.0.yMm' });
    expect(below.message).toContain('خط کرسی');
    expect(await e.fail('cheque-templates/create', { ...base, fields: [{ kind: 'text', xMm: 10, yMm: 10, widthMm: 50 }] })).toMatchObject({
      field: 'fields.0.text',
    });
    expect(await e.fail('cheque-templates/create', { ...base, fields: [{ kind: 'payee', xMm: 10, yMm: 10, widthMm: 50, font: 'user:99' }] })).toMatchObject({
      field: 'fields.0.font',
    });
    expect(await e.fail('cheque-templates/create', { ...base, fields: [{ kind: 'payee', xMm: 10, yMm: 10, widthMm: 50, sizePt: 100 }] })).toMatchObject({
      field: 'fields.0.sizePt',
    });
    expect(await e.fail('cheque-templates/create', { ...base, rotation: 45 })).toMatchObject({ field: 'rotation' });
    const badImage = await e.fail(
      'cheque-templates/create',
      { ...base, background: { mime: 'image/png', base64: Buffer.from('not an image').toString('base64') } },
      'en',
    );
    expect(badImage).toMatchObject({ code: 'validation', field: 'background' });
    await e.ok('cheque-templates/create', base);
    expect(await e.fail('cheque-templates/create', { ...base, name: 'ملت — جاری ۱۲۳ ' })).toMatchObject({ code: 'conflict', field: 'name' });
  });

  test('copy for another account: fields, calibration and its own background file; names «… (۲)», «… (۳)»', async () => {
    const png = makePng(20, 10, () => [200, 220, 240]);
    const t = await e.ok('cheque-templates/create', {
      ...base,
      offsetXMm: 1.5,
      rotation: 90,
      background: { mime: 'image/png', base64: png.toString('base64') },
    });
    const c1 = await e.ok('cheque-templates/copy', { id: t.id });
    const c2 = await e.ok('cheque-templates/copy', { id: t.id, bank: 'ملت، حساب ۴۵۶' });
    const c3 = await e.ok('cheque-templates/copy', { id: t.id, name: 'English copy' }, 'en');
    expect([c1.name, c2.name, c3.name]).toEqual(['ملت — جاری ۱۲۳ (۲)', 'ملت — جاری ۱۲۳ (۳)', 'English copy']);
    expect(c2.bank).toBe('ملت، حساب ۴۵۶');
    expect(c1).toMatchObject({ offsetXMm: 1.5, rotation: 90, fields: t.fields });
    expect(readdirSync(path.join(dir, 'attachments', 'cheque-templates'))).toHaveLength(4);
    await e.ok('cheque-templates/delete', { id: t.id });
    expect((await e.ok('cheque-templates/get', { id: c1.id })).background?.base64).toBe(png.toString('base64'));
    expect(await e.fail('cheque-templates/copy', { id: c1.id, name: 'English copy' })).toMatchObject({ code: 'conflict', field: 'name' });
  });

  test('fonts: the bundled three with their metrics, a user TTF added once, refused files with the reason', async () => {
    const builtIn = await e.ok('cheque-templates/fonts', {});
    expect(builtIn.map((f) => f.key)).toEqual(['vazirmatn', 'vazirmatn-bold', 'nastaliq']);
    expect(builtIn[2]).toMatchObject({ name: 'Noto Nastaliq Urdu', unitsPerEm: 1000, ascender: 1904, descender: -596 });

    const bytes = readFileSync(path.join(FONTS, 'Vazirmatn-Bold.ttf'));
    const added = await e.ok('cheque-templates/add-font', { fileName: 'MyFont.ttf', base64: bytes.toString('base64') });
    expect(added).toMatchObject({ key: expect.stringMatching(/^user:\d+$/), name: 'Vazirmatn Bold', builtIn: false, unitsPerEm: 2048 });
    expect(existsSync(path.join(dir, 'fonts'))).toBe(true);
    const again = await e.ok('cheque-templates/add-font', { fileName: 'copy.ttf', base64: bytes.toString('base64'), name: 'another name' });
    expect(again.key).toBe(added.key);
    expect((await e.ok('cheque-templates/fonts', {})).filter((f) => !f.builtIn)).toHaveLength(1);
    expect((await e.ok('cheque-templates/font-file', { key: added.key })).base64).toBe(bytes.toString('base64'));

    const refuse = async (b: Buffer) => e.fail('cheque-templates/add-font', { fileName: 'x.ttf', base64: b.toString('base64') }, 'en');
    expect((await refuse(Buffer.from('hello, this is not a font at all'))).message).toContain('not a TrueType font');
    expect((await refuse(Buffer.concat([Buffer.from('wOFF'), Buffer.alloc(40)]))).message).toContain('web font');
    expect((await refuse(Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(40)]))).message).toContain('CFF');
    expect((await refuse(Buffer.concat([Buffer.from('ttcf'), Buffer.alloc(40)]))).message).toContain('collection');
    expect((await refuse(Buffer.concat([Buffer.from([0, 1, 0, 0]), Buffer.alloc(400, 7)]))).field).toBe('font');
    if (existsSync(NOTO_SANS)) expect((await refuse(readFileSync(NOTO_SANS))).message).toContain('no Persian letters');
    expect(readdirSync(path.join(dir, 'fonts'))).toHaveLength(1); // refused files are not kept

    // A used font cannot be deleted; an unused one can.
    const t = await e.ok('cheque-templates/create', { ...base, fields: [{ kind: 'payee', xMm: 10, yMm: 10, widthMm: 50, font: added.key }] });
    expect(await e.fail('cheque-templates/delete-font', { key: added.key })).toMatchObject({ code: 'conflict' });
    await e.ok('cheque-templates/delete', { id: t.id });
    await e.ok('cheque-templates/delete-font', { key: added.key });
    expect(readdirSync(path.join(dir, 'fonts'))).toHaveLength(0);
  });

  testWithPoppler('print a batch, preview a draft and test-print; the background never reaches the PDF', async () => {
    const png = chequeScanPng();
    const t = await e.ok('cheque-templates/create', { ...base, background: { mime: 'image/png', base64: png.toString('base64') } });
    const items = [
      { date: '2025-03-15', amountRials: 1_250_000_000, payee: 'علی‌رضا حسینی‌نژاد' },
      { date: null, amountRials: 5_000_000_000_007, payee: 'Asia Tech Co.' },
    ];
    const out = await e.ok('cheque-templates/print', { templateId: t.id, items });
    expect(out).toMatchObject({ mime: 'application/pdf', count: 2 });
    const bytes = Buffer.from(out.base64, 'base64');
    const file = savePdf('engine-cheques', bytes);
    expect(pageCount(file)).toBe(2);
    expect(pdfText(file, 1).replace(/\s+/g, ' ')).toContain(amountInWords(1_250_000_000));
    expect(pdfText(file, 2).replace(/\s+/g, ' ')).toContain(amountInWords(5_000_000_000_007));
    expect(bytes.includes(Buffer.from('/Subtype /Image'))).toBe(false);

    const preview = await e.ok('cheque-templates/preview', {
      draft: { ...base, name: 'unsaved', fields: [{ kind: 'amountWords', xMm: 10, yMm: 30, widthMm: 160, suffix: 'ریال' }] },
    });
    expect(pdfText(savePdf('engine-preview', Buffer.from(preview.base64, 'base64'))).replace(/\s+/g, ' ')).toContain(amountInWords(1_250_000_000));

    const test = await e.ok('cheque-templates/test-print', { templateId: t.id }, 'en');
    const testText = pdfText(savePdf('engine-test-print', Buffer.from(test.base64, 'base64')));
    expect(testText).toContain('Amount in words');
    expect(testText).toContain('Test print of');
    expect(await e.fail('cheque-templates/test-print', {})).toMatchObject({ field: 'templateId' });
    expect(await e.fail('cheque-templates/print', { templateId: 999, items })).toMatchObject({ code: 'not_found' });
    expect(await e.fail('cheque-templates/print', { templateId: t.id, items: [{ ...items[0], amountRials: 1e15 }] })).toMatchObject({
      field: 'items.0.amountRials',
    });
  });
});
