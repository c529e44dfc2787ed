/**
 * The phonebook end to end, in Persian: the built app in browser mode, real engine and SQLite file,
 * Debian's Chromium. Add, edit and search contacts, flag a duplicate number, keep a note, import a
 * vCard, print a list; then English, and a restart that keeps everything.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineApi, pdfPreviewLoaded, pollUntil, shot, shotsDir, useApp } from './app';
import { removeDir } from '../helpers/engine';

// Each test on its own data folder and server: what a test needs in the phonebook it adds itself.
const e2e = useApp({ name: 'phonebook', fresh: 'test', acceptDownloads: true });
const { page, browser } = e2e;

/** The contacts the tests share, added through the engine's own request (as the form would). */
const people = {
  ali: { firstName: 'علی', lastName: 'کریمی', company: 'نوآوران', birthDate: '1990-05-01', phones: [{ number: '09121234567', kind: 'mobile' as const }] },
  reza: { firstName: 'رضا', phones: [{ number: '09351112233', kind: 'mobile' as const }] },
  maryam: {
    firstName: 'مریم',
    lastName: 'محمدی',
    phones: [
      { number: '09135556677', kind: 'mobile' as const },
      { number: '02166554433', kind: 'fax' as const },
    ],
  },
};

/** Adds the named contacts and waits until the phonebook list shows them all. */
async function seed(...who: (keyof typeof people)[]) {
  for (const name of who) await engineApi(page, 'contacts/create', people[name]);
  await pollUntil(page, () => rows().count(), who.length);
}

const rows = () => page.getByTestId('contact-row');

async function search(text: string) {
  const box = page.getByTestId('search-input');
  await box.fill(text);
  // Every keystroke searches at once (no debounce); the count is marked pending until this search's answer is shown.
  await page.locator('[data-testid="result-count"]:not(.pending)').waitFor();
}

async function newContact(fields: Record<string, string>) {
  await page.getByTestId('new-contact').click();
  for (const [name, value] of Object.entries(fields)) {
    if (name.startsWith('phones.') && name.endsWith('.number')) {
      const idx = Number(name.split('.')[1]);
      while ((await page.getByTestId('phone-row').count()) <= idx) await page.getByTestId('add-phone').click();
    }
    await page.getByTestId(name).fill(value);
  }
}

it('is Persian and right to left, with the sign-in code gone from the address bar', async () => {
  expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
  expect(page.url()).not.toContain('code=');
  await page.getByTestId('list-empty').waitFor(); // the first search answers after the page is drawn
  await expect(page.getByTestId('list-empty').isVisible()).resolves.toBe(true);
  await shot(page, '01-empty-fa');
});

it('adds a contact in Persian with Persian digits and shows it', async () => {
  await newContact({ firstName: 'علي', lastName: 'كريمي', company: 'نوآوران', 'phones.0.number': '۰۹۱۲ ۱۲۳ ۴۵۶۷', birthDate: '۱۳۶۹/۰۲/۱۱' });
  await shot(page, '02-form-fa');
  await page.getByTestId('save-contact').click();
  await expect(page.getByTestId('detail-name').textContent()).resolves.toBe('علی کریمی');
  const detail = await page.getByTestId('contact-detail').textContent();
  expect(detail).toContain('۰۹۱۲ ۱۲۳ ۴۵۶۷');
  expect(detail).toContain('۱۳۶۹/۰۲/۱۱');
  await expect(rows().count()).resolves.toBe(1);
  await shot(page, '03-detail-fa');
});

it('names the bad field in Persian and saves nothing', async () => {
  await seed('ali');
  await newContact({ firstName: 'سارا', 'phones.0.number': 'ندارد' });
  await page.getByTestId('save-contact').click();
  const err = page.getByTestId('field-error').first();
  await err.waitFor();
  await expect(err.textContent()).resolves.toContain('شماره تلفن «ندارد» خوانا نیست');
  await shot(page, '04-error-fa');
  await page.getByTestId('cancel-contact').click();
  await page.getByTestId('confirm-ok').click(); // discard the unsaved form
  await page.getByTestId('contact-form').waitFor({ state: 'detached' });
  await expect(rows().count()).resolves.toBe(1);
});

it('flags a number that is already in the phonebook, typed in another format', async () => {
  await seed('ali');
  await newContact({ firstName: 'رضا', 'phones.0.number': '+98 912 123 4567' });
  await page.getByTestId('lastName').click();
  const dup = page.getByTestId('duplicate-phone');
  await dup.waitFor();
  await expect(dup.textContent()).resolves.toContain('علی کریمی');
  await shot(page, '05-duplicate-fa');
  await page.getByTestId('phones.0.number').fill('09351112233');
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: 'رضا' }).waitFor();
});

it('edits a contact and finds it by name, ZWNJ-free spelling and any phone format', async () => {
  await seed('ali', 'reza');
  await search('علی');
  await rows().first().click();
  await page.getByTestId('edit-contact').click();
  await page.getByTestId('company').fill('پارس‌آنلاین');
  await page.getByTestId('save-contact').click();
  await page.getByTestId('contact-detail').filter({ hasText: 'پارس‌آنلاین' }).waitFor();
  for (const q of ['پارسانلاین', 'كريم', '0912123', '+98912', '۹۱۲۱۲۳']) {
    await search(q);
    await expect([q, await rows().allTextContents()].flat().join('|')).toContain('علی کریمی');
    await expect(rows().count()).resolves.toBe(1);
  }
  await search('0935');
  await expect(rows().first().textContent()).resolves.toContain('رضا');
  await shot(page, '06-search-phone-fa');
  await search('');
});

it('keeps a timeline of notes on the contact', async () => {
  await seed('reza');
  await search('رضا');
  await rows().filter({ hasText: 'رضا' }).click();
  await page.getByTestId('detail-name').filter({ hasText: 'رضا' }).waitFor();
  await page.getByTestId('note-input').fill('تماس گرفت؛ پیش‌فاکتور خواست.');
  await page.getByTestId('add-note').click();
  await page.getByTestId('note').first().waitFor();
  await expect(page.getByTestId('timeline').textContent()).resolves.toContain('پیش‌فاکتور');
  await shot(page, '07-timeline-fa');
  await search('');
});

it('imports an Android vCard with a preview, duplicates shown, and merge', async () => {
  await seed('ali', 'reza');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-vcf-'));
  const file = path.join(dir, 'contacts.vcf');
  const qp = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => '=' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
  writeFileSync(
    file,
    [
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('محمدی')};${qp('مریم')};;;`,
      `FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('مریم محمدی')}`,
      'TEL;CELL:0913 555 6677',
      'TEL;WORK;FAX:021-66554433',
      'END:VCARD',
      // The same person as the contact added above: the same number and the same name (a number alone no longer merges).
      'BEGIN:VCARD',
      'VERSION:2.1',
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp('كريمي')};${qp('علي')};;;`,
      'TEL;CELL:+989121234567',
      'EMAIL;HOME:ali@example.com',
      'END:VCARD',
      '',
    ].join('\r\n'),
  );
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('import-preview').waitFor();
  await expect(page.getByTestId('import-total').textContent()).resolves.toContain('۲');
  await expect(page.getByTestId('import-duplicates').textContent()).resolves.toContain('۱');
  await expect(page.getByTestId('import-preview-table').textContent()).resolves.toContain('مریم محمدی');
  await shot(page, '08-import-preview-fa');
  await page.getByTestId('on-duplicate-merge').check();
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-result').waitFor();
  await shot(page, '09-import-done-fa');
  await page.getByTestId('import-close').click();
  await search('مریم');
  await expect(rows().count()).resolves.toBe(1);
  await search('علی');
  await rows().filter({ hasText: 'علی کریمی' }).click();
  await page.locator('[data-testid="contact-detail"]:not([aria-busy="true"])').filter({ hasText: 'علی کریمی' }).waitFor();
  await expect(page.getByTestId('contact-detail').textContent()).resolves.toContain('ali@example.com');
  await search('');
  await expect(rows().count()).resolves.toBe(3);
  removeDir(dir);
});

it('prints the filtered list as a PDF that reads back in Persian', async () => {
  await seed('ali', 'reza', 'maryam');
  await search('محمدی');
  await page.getByTestId('print-list').click();
  await pdfPreviewLoaded(page);
  await shot(page, '10-print-preview-fa');
  const pdf = path.join(shotsDir, 'list-fa.pdf');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-pdf').click()]);
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
  expect(text).toContain('مریم');
  expect(text).toContain('محمدی');
  expect(text).not.toContain('علی');
  execFileSync('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', pdf, path.join(shotsDir, 'list-fa-page')]);
  await page.keyboard.press('Escape');
  await search('');
});

it('switches to English, left to right, and keeps the language and data after a restart', async () => {
  await seed('ali', 'reza', 'maryam');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('en');
  await pollUntil(page, () => page.locator('html').getAttribute('dir'), 'ltr');
  await shot(page, '11-settings-en');
  await e2e.restart();
  await page.getByTestId('nav-phonebook').click();
  await page.getByTestId('phonebook').waitFor();
  await expect(rows().count()).resolves.toBe(3);
  expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
  // A group named in Persian keeps its own direction in the English list: its start («دادهٔ …») shows
  // and a long name is cut at its end, not its beginning.
  const group = await engineApi(page, 'groups/create', { name: 'دادهٔ نمونه (قابل حذف)', color: '#7a6a00' });
  await engineApi(page, 'contacts/update', { id: Number(await rows().first().getAttribute('data-contact-id')), data: { groupIds: [group.id] } });
  const chipName = rows().first().locator('.group-chip-name');
  await chipName.waitFor();
  await expect(chipName.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
  await rows().first().click();
  await page.locator('[data-testid="contact-detail"]:not([aria-busy="true"])').waitFor();
  await shot(page, '12-phonebook-en');
  await expect(page.getByTestId('result-count').textContent()).resolves.toMatch(/3/);
});

it('shows a clear message, not the phonebook, without signing in', async () => {
  const other = await browser.newPage();
  await other.goto(e2e.app.url.replace(/\?code=.*/, ''));
  await other.getByTestId('start-screen').waitFor();
  await expect(other.getByTestId('phonebook').count()).resolves.toBe(0);
  await other.close();
});
