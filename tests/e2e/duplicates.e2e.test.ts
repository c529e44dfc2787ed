/**
 * The duplicates list in Chromium. Persian: two cards of one person (Arabic ي/ك in one, the number typed
 * in another form) and a third with the same number show from the phonebook's toolbar, the likeliest pair
 * first with both reasons, and a name opens that contact. English: the same pair with the English reasons.
 */
import { engineApi, pollUntil, shot, useApp } from './app';

jest.setTimeout(180_000);

const app = useApp({ name: 'duplicates', fresh: 'test' });
const { page } = app;

async function useLanguage(lang: 'fa' | 'en'): Promise<void> {
  await engineApi(page, 'settings/update', { language: lang, calendar: lang === 'fa' ? 'jalali' : 'gregorian' });
  await pollUntil(page, () => page.evaluate(() => document.documentElement.lang), lang);
}

const card = (firstName: string, lastName: string, number: string) => ({ firstName, lastName, phones: [{ kind: 'mobile' as const, number }] });

test('Persian: the pairs are listed best first with why, and a name opens the contact', async () => {
  await useLanguage('fa');
  const a = await engineApi(page, 'contacts/create', card('علي', 'كريمي', '09121234567'));
  const b = await engineApi(page, 'contacts/create', card('علی', 'کریمی', '+98 912 123 4567'));
  const c = await engineApi(page, 'contacts/create', card('سارا', 'نوری', '۰۹۱۲۱۲۳۴۵۶۷'));
  await page.evaluate(() => (location.hash = '#/phonebook'));
  await page.getByTestId('duplicates-button').click();
  await page.getByTestId('duplicates-screen').waitFor();
  expect(await page.evaluate(() => location.hash)).toBe('#/duplicates');
  const pairs = page.getByTestId('duplicate-pair');
  await pollUntil(page, () => pairs.count(), 3);
  const first = pairs.first();
  expect([await first.getAttribute('data-a'), await first.getAttribute('data-b')]).toEqual([String(a.id), String(b.id)]);
  const why = await first.getByTestId('duplicate-why').textContent();
  expect(why).toContain('نام یکسان');
  // The shared number as one of the cards has it, in Persian digits.
  expect(why).toMatch(/شمارهٔ یکسان: \u2066[+۰-۹ ]*۱۲۳ ?۴۵۶۷\u2069/);
  const withSara = page.locator(`[data-testid="duplicate-pair"][data-b="${c.id}"]`).first();
  await expect(withSara.getByTestId('duplicate-why').textContent()).resolves.not.toContain('نام');
  await shot(page, 'duplicates-01-list-fa');
  await first.getByTestId('duplicate-contact').last().click();
  await page.getByTestId('detail-name').filter({ hasText: 'علی کریمی' }).waitFor();
  expect(await page.evaluate(() => location.hash)).toBe(`#/contact/${b.id}`);
});

test('English: a pair of Latin-script cards with English reasons', async () => {
  await useLanguage('en');
  await engineApi(page, 'contacts/create', card('Ali', 'Karimi', '09121234567'));
  await engineApi(page, 'contacts/create', card('ali', 'KARIMI', '+98 912 123 4567'));
  await page.evaluate(() => (location.hash = '#/duplicates'));
  await page.getByTestId('duplicates-screen').waitFor();
  const first = page.getByTestId('duplicate-pair').first();
  await first.waitFor();
  const why = await first.getByTestId('duplicate-why').textContent();
  expect(why).toContain('Same name');
  expect(why).toMatch(/Same number: \u2066[+0-9 ]*123 ?4567\u2069/);
  await shot(page, 'duplicates-02-list-en');
});
