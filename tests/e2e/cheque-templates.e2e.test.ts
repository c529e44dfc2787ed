/**
 * The cheque template designer end to end in Debian's Chromium (browser mode): a template over a
 * scanned leaf, a field dragged with the mouse (its mm coordinates follow the pointer), nudged with
 * the arrow keys and typed, a font chosen; saved; the preview PDF and the A4 test print downloaded
 * and read back with poppler — the amount in words in reading order — and a batch printed the way
 * the cheque book asks for it; English labels; a copy for another account.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { amountInWords, jalaliDateInWords } from '../../src/shared/text/persian-words';
import { SAYAD_LEAF, sayadFields } from '../../src/renderer/cheque-templates/template-draft';
import { chequeScanPng } from '../helpers/png';
import { engineApi, pollUntil, shot, shotsDir, useApp } from './app';

// Each test on its own data folder and server; the template the first test makes in the designer, the others make
// through the engine's request (the same Sayad fields and scan) and open in the designer.
const { page } = useApp({ name: 'cheque-templates', fresh: 'test', viewport: { width: 1400, height: 900 }, acceptDownloads: true });

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input, 'fa');

const fa = (s: string) => s.replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d))).replace('٫', '.');
const mmOf = async (name: string) => Number(fa(await page.getByTestId(name).inputValue()));
const pdfDir = path.join(shotsDir, 'cheque-templates');

/** Clicks a button that makes a PDF, saves it from the file dialog, returns its text (pdftotext) and path. */
async function downloadPdf(button: string, name: string): Promise<{ text: string; file: string }> {
  await page.getByTestId(button).click();
  const dialog = page.getByTestId('file-ready');
  await dialog.waitFor();
  await page.getByTestId('pdf-preview').waitFor();
  await shot(page, `cheque-templates-${name}`);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('save-pdf').click()]);
  mkdirSync(pdfDir, { recursive: true });
  const file = path.join(pdfDir, `${name}.pdf`);
  await download.saveAs(file);
  await dialog.getByTestId('dialog-close').click();
  await dialog.waitFor({ state: 'detached' });
  execFileSync('pdftoppm', ['-r', '80', '-png', file, path.join(pdfDir, name)]);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, '');
  return { text, file };
}
const squash = (s: string) => s.replace(/\s+/g, ' ');

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

let templateId = 0;

/** The cheque templates screen. */
async function openTemplates() {
  await page.getByTestId('nav-cheques').click();
  await page.getByTestId('cheques-tab-templates').click();
  await page.getByTestId('cheque-templates-screen').waitFor();
}

/** The first test's template (the new-template dialog's Sayad fields and the scan of a leaf), open in the designer. */
async function seedTemplate() {
  const background = { mime: 'image/png' as const, base64: chequeScanPng().toString('base64') };
  const leaf = { name: 'ملت — جاری ۱۲۳', bank: 'بانک ملت، شعبهٔ ولیعصر', ...SAYAD_LEAF };
  const made = await api('cheque-templates/create', { ...leaf, fields: sayadFields(), background });
  templateId = made.id;
  await openTemplates();
  await page.getByTestId('cheque-designer').waitFor();
  await page.getByTestId('cheque-background').waitFor();
}

it('makes a template with the usual Sayad fields and puts the scan of a leaf behind it', async () => {
  await openTemplates();
  await page.getByTestId('template-new-open').click();
  const dialog = page.getByTestId('template-new');
  await dialog.getByTestId('new-name').fill('ملت — جاری ۱۲۳');
  await dialog.getByTestId('new-bank').fill('بانک ملت، شعبهٔ ولیعصر');
  await dialog.getByTestId('template-new-save').click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByTestId('cheque-designer').waitFor();
  await expect(page.locator('[data-testid^="cheque-field-"][data-kind]').count()).resolves.toBe(7);

  await page.getByTestId('background-file').setInputFiles({ name: 'leaf.png', mimeType: 'image/png', buffer: chequeScanPng() });
  await page.getByTestId('cheque-background').waitFor();
  await page.getByTestId('template-dirty').waitFor();
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-dirty').waitFor({ state: 'detached' });
  const [summary] = await api('cheque-templates/list', {});
  expect(summary).toMatchObject({ name: 'ملت — جاری ۱۲۳', fieldCount: 7, hasBackground: true });
  templateId = summary!.id;
  await shot(page, 'cheque-templates-01-designer-fa');
});

it('drags the amount-in-words field with the mouse: its mm coordinates follow the pointer', async () => {
  await seedTemplate();
  const field = page.locator('[data-kind="amountWords"]');
  const box = (await field.locator('rect.cheque-field-box').boundingBox())!;
  await field.locator('rect.cheque-field-box').click({ position: { x: 20, y: box.height / 2 } });
  await expect(page.getByTestId('field-kind').inputValue()).resolves.toBe('amountWords');
  const before = { x: await mmOf('field-xMm'), y: await mmOf('field-yMm') };
  const pxPerMm = Number(await page.getByTestId('cheque-canvas').getAttribute('data-px-per-mm'));
  expect(pxPerMm).toBeGreaterThan(2);

  // 6 mm left and 4 mm down, in several pointer moves like a hand would.
  const start = { x: box.x + 20, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x - 3 * pxPerMm, start.y + 2 * pxPerMm, { steps: 4 });
  await page.mouse.move(start.x - 6 * pxPerMm, start.y + 4 * pxPerMm, { steps: 4 });
  await page.mouse.up();
  const after = { x: await mmOf('field-xMm'), y: await mmOf('field-yMm') };
  expect(Math.abs(after.x - (before.x - 6))).toBeLessThanOrEqual(0.2);
  expect(Math.abs(after.y - (before.y + 4))).toBeLessThanOrEqual(0.2);
  await shot(page, 'cheque-templates-02-dragged');

  // Arrow keys nudge it: 0.5 mm a press, 5 mm with Shift.
  await page.getByTestId('cheque-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  // The fields follow on the next render: wait for it rather than read once.
  const mm3 = async (name: string) => Math.round((await mmOf(name)) * 1000) / 1000;
  await pollUntil(page, () => mm3('field-xMm'), Math.round((after.x + 0.5) * 1000) / 1000);
  await pollUntil(page, () => mm3('field-yMm'), Math.round((after.y - 5) * 1000) / 1000);

  // And typed coordinates move it on the canvas.
  await page.getByTestId('field-yMm').fill('۳۸٫۵');
  await page.getByTestId('field-widthMm').fill('150');
  await page.getByTestId('field-guard').selectOption('hash');
  await page.getByTestId('field-fill').check();
  await page.getByTestId('field-font').selectOption('nastaliq');
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-dirty').waitFor({ state: 'detached' });
  const saved = await api('cheque-templates/get', { id: templateId });
  const words = saved.fields.find((f) => f.kind === 'amountWords')!;
  expect(words).toMatchObject({ yMm: 38.5, widthMm: 150, guard: 'hash', fill: true, font: 'nastaliq' });
  expect(words.xMm).toBeCloseTo(after.x + 0.5, 1);
  await shot(page, 'cheque-templates-03-saved');
});

it('previews the PDF with sample values: the amount in words reads in order, the scan is not printed', async () => {
  await seedTemplate();
  await page.getByTestId('sample-amount').fill('۲۵۰۰۰۰۰۰۰۰۰۰۰');
  const { text, file } = await downloadPdf('template-preview', 'preview');
  expect(squash(text)).toContain(amountInWords(2_500_000_000_000));
  expect(squash(text)).toContain(jalaliDateInWords('2025-03-15'));
  expect(text).toContain('علی‌رضا حسینی‌نژاد');
  const info = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' });
  expect(info.trim().split('\n')).toHaveLength(2); // the header lines only: no image in the PDF
});

it('prints the A4 test sheet with the 10 mm grid, the field names and the calibration', async () => {
  await seedTemplate();
  await page.getByTestId('template-offsetXMm').fill('1.5');
  const { text } = await downloadPdf('template-test-print', 'test-print');
  for (const n of ['10', '100', '200']) expect(text).toMatch(new RegExp(`(^|\\s)${n}(\\s|$)`));
  expect(text).toContain('مبلغ به حروف');
  // poppler moves spaces next to Persian numbers, so the caption is compared without spaces.
  expect(text.replace(/\s+/g, '')).toContain('افقی+۱٫۵');
  // A printer that feeds cheques upright: the same sheet with the leaf turned.
  await page.getByTestId('template-rotation').selectOption('90');
  const turned = await downloadPdf('template-test-print', 'test-print-90');
  expect(turned.text.replace(/\s+/g, '')).toContain('چرخش۹۰درجه');
  await page.keyboard.press('Control+s'); // Ctrl+S saves while the designer is on screen
  await page.getByTestId('template-dirty').waitFor({ state: 'detached' });
  expect(await api('cheque-templates/get', { id: templateId })).toMatchObject({ offsetXMm: 1.5, rotation: 90 });
});

it('prints a batch as the cheque book does: one leaf per page, words in order', async () => {
  await seedTemplate();
  const out = await api('cheque-templates/print', {
    templateId,
    items: [
      { date: '2025-03-20', amountRials: 18_500_000, payee: 'شرکت پارس‌آنلاین' },
      { date: null, amountRials: 999_999_999_999_999, payee: 'Asia Tech Co.' },
    ],
  });
  mkdirSync(pdfDir, { recursive: true });
  const file = path.join(pdfDir, 'batch.pdf');
  writeFileSync(file, Buffer.from(out.base64, 'base64'));
  const pages = (p: number) =>
    squash(execFileSync('pdftotext', ['-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }).replace(/[\u202a-\u202e]/g, ''));
  expect(out.count).toBe(2);
  expect(pages(1)).toContain(amountInWords(18_500_000));
  expect(pages(2)).toContain(amountInWords(999_999_999_999_999));
  expect(pages(2)).toContain('Asia Tech Co.');
});

it('adds a user TTF in the fonts dialog, refuses a file that is not a font with the reason, and previews a field in it', async () => {
  await seedTemplate();
  await page.getByTestId('cheque-fonts-open').click();
  const dialog = page.getByTestId('cheque-fonts');
  await expect(dialog.getByTestId('cheque-font-row').count()).resolves.toBe(3);
  await dialog.getByTestId('font-file').setInputFiles({ name: 'notes.ttf', mimeType: 'font/ttf', buffer: Buffer.from('این فایل قلم نیست') });
  await expect(dialog.getByTestId('font-error').textContent()).resolves.toContain('TrueType');
  await dialog.getByTestId('font-file').setInputFiles(path.join(__dirname, '../../assets/fonts/Vazirmatn-Bold.ttf'));
  await poll(() => dialog.getByTestId('cheque-font-row').count(), 4);
  await shot(page, 'cheque-templates-05-fonts');
  await dialog.getByTestId('dialog-close').click();

  const user = (await api('cheque-templates/fonts', {})).find((f) => !f.builtIn)!;
  await page.locator('[data-kind="payee"] rect.cheque-field-box').click();
  await page.getByTestId('field-font').selectOption(user.key);
  const family = `Monshi ${user.key.replace(':', ' ')}`;
  await poll(() => page.evaluate((f) => document.fonts.check(`12px '${f}'`, 'سلام'), family), true);
  await expect(page.locator('[data-kind="payee"] text.cheque-field-text').first().getAttribute('font-family')).resolves.toBe(family);
  await page.getByTestId('template-save').click();
  await page.getByTestId('template-dirty').waitFor({ state: 'detached' });
  expect((await api('cheque-templates/fonts', {})).find((f) => f.key === user.key)?.usedBy).toBe(1);
});

it('copies the template for another account and shows the designer in English', async () => {
  await seedTemplate();
  await page.getByTestId('template-copy-open').click();
  const dialog = page.getByTestId('template-copy');
  await dialog.getByTestId('copy-bank').fill('بانک ملت، حساب ۴۵۶');
  await dialog.getByTestId('template-copy-save').click();
  await dialog.waitFor({ state: 'detached' });
  await expect(page.getByTestId('template-item').count()).resolves.toBe(2);
  await expect(page.getByTestId('template-name').inputValue()).resolves.toBe('ملت — جاری ۱۲۳ (۲)');
  await expect(page.getByTestId('cheque-background').count()).resolves.toBe(1);

  await page.getByTestId('language-switch').click();
  // The language changes once the setting is saved: wait for it.
  await poll(() => page.getByTestId('cheques-tab-templates').textContent(), 'Print templates');
  await page.locator('[data-kind="payee"] rect.cheque-field-box').click();
  await expect(page.getByTestId('field-properties').textContent()).resolves.toContain('Baseline (y)');
  await shot(page, 'cheque-templates-04-designer-en');
  await page.getByTestId('language-switch').click();
});
