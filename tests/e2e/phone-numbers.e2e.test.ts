/**
 * Phone numbers in the contact form, end to end (built app in browser mode, real engine and SQLite
 * file, Debian's Chromium, the in-process demo line): an extension typed into the number moves to
 * its own field and a call from the main number then finds the contact; a number with the wrong
 * digit count is warned about, naming the field, in Persian and English; a number typed in its
 * international form finds the contact in search.
 */
import { waitFor } from '../helpers/wait';
import { engineApi, pollUntil, shot, useApp } from './app';

// Each test on its own data folder and server; the contact the first test saves, the others add through the engine's request.
const { page } = useApp({ name: 'phones', fresh: 'test' });

/** The first test's contact: the office's main number with its extension apart, and a mobile. */
async function seedOffice() {
  const phones = [
    { kind: 'work' as const, number: '02188776655', extension: '212' },
    { kind: 'mobile' as const, number: '09121234567' },
  ];
  await engineApi(page, 'contacts/create', { firstName: 'دفتر پارس', phones });
  await pollUntil(page, () => page.getByTestId('contact-row').count(), 1);
}

const numberInput = (i: number) => page.getByTestId(`phones.${i}.number`);
const extInput = (i: number) => page.getByTestId(`phones.${i}.extension`);

it('moves an extension typed into the number to its own field and warns about a mobile with 10 digits', async () => {
  await page.getByTestId('new-contact').click();
  await page.getByTestId('firstName').fill('دفتر پارس');
  await numberInput(0).fill('۰۲۱ ۸۸۷۷ ۶۶۵۵ داخلی ۲۱۲');
  await page.getByTestId('lastName').click(); // leave the field
  await expect(numberInput(0).inputValue()).resolves.toBe('۰۲۱ ۸۸۷۷ ۶۶۵۵');
  await expect(extInput(0).inputValue()).resolves.toBe('۲۱۲');

  await page.getByTestId('add-phone').click();
  await page.getByTestId('phones.1.kind').selectOption('mobile');
  await numberInput(1).fill('0912 123 456');
  await page.getByTestId('lastName').click();
  const warning = page.getByTestId('phone-warning');
  await warning.waitFor();
  const text = await warning.textContent();
  expect(text).toContain('«همراه»');
  expect(text).toContain('۱۰ رقم');
  expect(text).toContain('۱۱ رقم');
  await shot(page, 'phones-01-warning-fa');

  await numberInput(1).fill('0912 123 4567');
  await page.getByTestId('lastName').click();
  await expect(warning.count()).resolves.toBe(0);
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: 'دفتر پارس' }).waitFor();
  const detail = await page.getByTestId('contact-detail').textContent();
  expect(detail).toContain('۰۲۱ ۸۸۷۷ ۶۶۵۵');
  expect(detail).toContain('داخلی ۲۱۲');
  expect(detail).not.toContain('۶۶۵۵۲۱۲');
  await shot(page, 'phones-02-detail-fa');
  // What was stored, read back: the main number and the extension apart.
  const saved = (await engineApi(page, 'contacts/search', { text: 'دفتر' })).items[0]!;
  expect(saved.phones.map((p) => [p.key, p.extension])).toEqual([
    ['982188776655', '212'],
    ['989121234567', ''],
  ]);
});

it('a call from the main number raises the popup with the contact', async () => {
  await seedOffice();
  const line = await engineApi(page, 'lines/create', { name: 'خط نمایشی', kind: 'demo' });
  const idle = async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === line.id)?.status === 'idle';
  await waitFor(idle, { what: 'the demo line to be idle', everyMs: 100, timeoutMs: 10_000 });
  await engineApi(page, 'lines/demo-call', { lineId: line.id, number: '02188776655', rings: 1 });
  const card = page.getByTestId('caller-card');
  await card.waitFor();
  await expect(page.getByTestId('caller-name').first().textContent()).resolves.toContain('دفتر پارس');
  await shot(page, 'phones-03-popup-fa');
  await page.getByTestId('caller-dismiss').first().click();
});

it('finds the contact by its number typed in international forms', async () => {
  await seedOffice();
  for (const q of ['+98 (0) 21 8877', '98 21 8877 66', '98912123', '+98 (0) 912 123']) {
    await page.getByTestId('search-input').fill(q);
    // Every keystroke searches at once; the count is marked pending until this search's answer is shown.
    await page.locator('[data-testid="result-count"]:not(.pending)').waitFor();
    await expect([q, await page.getByTestId('contact-row').allTextContents()].flat().join('|')).toContain('دفتر پارس');
  }
  await shot(page, 'phones-04-search-fa');
  await page.getByTestId('search-input').fill('');
});

it('warns in English too, naming the field', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('en');
  await pollUntil(page, () => page.locator('html').getAttribute('dir'), 'ltr');
  await page.getByTestId('nav-phonebook').click();
  await page.getByTestId('new-contact').click();
  await page.getByTestId('firstName').fill('Nima');
  await page.getByTestId('phones.0.kind').selectOption('mobile');
  await numberInput(0).fill('0912 123 45678');
  await page.getByTestId('lastName').click();
  const warning = page.getByTestId('phone-warning');
  await warning.waitFor();
  await expect(warning.textContent()).resolves.toBe('“Mobile”: 12 digits typed; this kind of number has 11. Check the number.');
  await shot(page, 'phones-05-warning-en');
});
