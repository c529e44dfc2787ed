/**
 * User-defined fields and groups made in the UI, used on a contact, searched and filtered; and the
 * virtualised list on a phonebook of 20,000 contacts (imported beforehand through the engine).
 */
import { cpSync } from 'node:fs';
import { contacts, vcard } from '../../bench/generate';
import { createEngine } from '../../src/main/engine/engine';
import { removeDir, tempDir } from '../helpers/engine';
import { engineApi, shot, useApp } from './app';

const N = 20_000;
/** The 20,000 contacts, imported once through the engine's own import; every test starts on a copy. */
const seeded = tempDir('monshi-e2e-scale-seed-');

const { page } = useApp({ name: 'scale', fresh: 'test', prepareData: (dataDir) => cpSync(seeded, dataDir, { recursive: true }) });

beforeAll(async () => {
  const engine = createEngine({ dataDir: seeded });
  const text = [...contacts(N, 5)].map(vcard).join('');
  const preview = await engine.invoke('io/import-preview', { fileName: 'seed.vcf', base64: Buffer.from(text).toString('base64') }, 'fa');
  if (!preview.ok) throw new Error(preview.error.message);
  const done = await engine.invoke('io/import-commit', { previewId: preview.value.previewId, onDuplicate: 'add' }, 'fa');
  if (!done.ok) throw new Error(done.error.message);
  engine.close();
}, 120_000);
beforeEach(async () => {
  await page.getByTestId('contact-row').first().waitFor();
});
afterAll(() => removeDir(seeded));

const rows = () => page.getByTestId('contact-row');

it('creates a group and two extra fields in the UI', async () => {
  await page.getByTestId('manage-button').click();
  await page.getByTestId('new-group-name').fill('مشتریان ویژه');
  await page.getByTestId('create-group').click();
  await page
    .getByTestId('group-row')
    .filter({ has: page.locator('input[value="مشتریان ویژه"]') })
    .waitFor();
  await page.getByTestId('manage-tab-fields').click();
  await page.getByTestId('new-field-name').fill('نام مدیر');
  await page.getByTestId('new-field-save').click();
  await page.getByTestId('field-row').first().waitFor();
  await page.getByTestId('new-field-name').fill('سطح');
  await page.getByTestId('new-field-kind').selectOption('choice');
  await page.getByTestId('new-field-options').fill('طلایی\nنقره‌ای');
  await page.getByTestId('new-field-save').click();
  await page.getByTestId('field-row').nth(1).waitFor();
  await shot(page, '20-manage-fields-fa');
  await page.getByTestId('dialog-close').click();
});

it('fills them on a contact, finds it by the field value and filters by the choice', async () => {
  // What the test above makes in the UI, made here through the engine's requests (fields 1 and 2 of a fresh database).
  await engineApi(page, 'groups/create', { name: 'مشتریان ویژه', color: '#4a7dbd' });
  await engineApi(page, 'fields/create', { name: 'نام مدیر', kind: 'text' });
  await engineApi(page, 'fields/create', { name: 'سطح', kind: 'choice', options: ['طلایی', 'نقره‌ای'] });
  await page.getByTestId('new-contact').click();
  await page.getByTestId('firstName').fill('کیوان');
  await page.getByTestId('lastName').fill('فرخ‌زاد');
  await page.getByTestId('groupIds').getByText('مشتریان ویژه').click();
  // A fresh database: the two fields made above are 1 and 2.
  await page.getByTestId('fields.1').fill('بهزاد فرخی');
  await page.getByTestId('fields.2').selectOption('طلایی');
  await shot(page, '21-form-fields-fa');
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: 'کیوان' }).waitFor();
  await expect(page.getByTestId('contact-detail').textContent()).resolves.toContain('بهزاد فرخی');

  await page.getByTestId('search-input').fill('فرخی');
  await rows().filter({ hasText: 'کیوان فرخ‌زاد' }).waitFor();
  await expect(rows().count()).resolves.toBe(1);
  await page.getByTestId('search-input').fill('');
  // The search now answers every key at once: wait for the cleared search to show the whole list, so
  // the filter's answer below is not confused with the earlier search's single row.
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"]').length > 1);

  await page.getByTestId('add-filter').selectOption('2');
  await page.getByTestId('filter-0-value').selectOption('طلایی');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="contact-row"]').length === 1);
  await page.getByTestId('result-count').filter({ hasText: '۱ ' }).waitFor();
  await expect(rows().count()).resolves.toBe(1);
  await shot(page, '22-filter-choice-fa');
  await page.getByTestId('filter-0-remove').click();
});

it('scrolls a virtualised list of 20,001 contacts to the end, with few rows in the page', async () => {
  await engineApi(page, 'contacts/create', { firstName: 'کیوان', lastName: 'فرخ‌زاد' });
  await page.getByTestId('result-count').filter({ hasText: '۲۰٬۰۰۱' }).waitFor();
  expect(await rows().count()).toBeLessThan(80);
  await rows().first().click();
  await page.keyboard.press('End');
  const last = page.locator(`[data-testid="contact-row"][data-index="${N}"]`);
  await last.waitFor();
  await shot(page, '23-list-end-fa');
  expect(await rows().count()).toBeLessThan(80);
});
