/**
 * Routing of received faxes for a user in Chromium, on the demo line (the simulator in-process, whose far
 * end is our T.30). Persian: a rule is written on `#/fax/routes` (a bad number first: the error names the
 * field and nothing is saved), the demo panel rings as a fax machine from the rule's number, and the
 * received-fax card says who the fax is for; the alarm rings for that person; the log shows "for" in a
 * column and filters by it, and the fax's page says it. English: the rules screen in English.
 */
import { engineApi, pollUntil, shot, useApp } from './app';

jest.setTimeout(180_000);

const app = useApp({ name: 'fax-routes', fresh: 'test' });
const { page } = app;

async function useLanguage(lang: 'fa' | 'en'): Promise<void> {
  await engineApi(page, 'settings/update', { language: lang, calendar: lang === 'fa' ? 'jalali' : 'gregorian' });
  await pollUntil(page, () => page.evaluate(() => document.documentElement.lang), lang);
}

test('Persian: a rule routes a fax rung from the demo panel to a staff member: the popup, the alarm, the log and the fax page say for whom', async () => {
  await useLanguage('fa');
  const contact = { firstName: 'سارا', lastName: 'نوری', phones: [{ kind: 'mobile' as const, number: '09121111111' }] };
  const sara = await engineApi(page, 'people/create', { kind: 'staff', contact });
  await engineApi(page, 'groups/create', { name: 'حسابداری', color: '#00aa00' });
  // Answered at the second ring: the caller ID comes between the first and the second.
  const line = await engineApi(page, 'lines/create', { name: 'دمو', kind: 'demo', faxMode: 'fax-only', faxRings: 2 });
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === line.id)?.abilities.fax ?? null, 'class1', 20_000);

  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-log-link').click();
  await page.getByTestId('fax-routes-link').click();
  await page.getByTestId('fax-routes-empty').waitFor();
  expect(await page.evaluate(() => location.hash)).toBe('#/fax/routes');

  await page.getByTestId('fax-route-add').click();
  const dialog = page.getByTestId('fax-route-dialog');
  await dialog.locator('input[name="number"]').fill('سارا');
  await dialog.getByTestId('fax-route-target').selectOption({ label: 'سارا نوری' });
  await dialog.getByTestId('fax-route-save').click();
  const err = dialog.getByTestId('field-error');
  await err.waitFor();
  await expect(err.textContent()).resolves.toContain('«سارا» شمارهٔ تلفن نیست');
  expect((await engineApi(page, 'fax/routes', {})).rules).toEqual([]);
  await shot(page, 'fax-routes-01-error-fa');

  // The number as the office writes it, in Persian digits; the demo panel rings with the Latin digits.
  await dialog.locator('input[name="number"]').fill('۰۲۱ ۵۵۵۵ ۰۱۰۰');
  await dialog.getByTestId('fax-route-save').click();
  await dialog.waitFor({ state: 'detached' });
  const ruleRow = page.getByTestId('fax-route-row');
  await pollUntil(page, () => ruleRow.count(), 1);
  await expect(ruleRow.getByTestId('fax-route-for').textContent()).resolves.toContain('سارا نوری');
  await expect(ruleRow.getByTestId('fax-route-when').textContent()).resolves.toContain('۰۲۱ ۵۵۵۵ ۰۱۰۰');
  await shot(page, 'fax-routes-02-rules-fa');

  // The demo panel is on the Lines screen.
  await page.getByTestId('nav-lines').click();
  const panel = page.getByTestId('demo-panel');
  await panel.locator('input[name="demo-number"]').fill('02155550100');
  await panel.getByTestId('demo-fax').check();
  await panel.getByTestId('demo-ring').click();
  const popup = page.getByTestId('fax-popup');
  await popup.waitFor({ timeout: 120_000 });
  await expect(popup.getByTestId('fax-popup-for').textContent()).resolves.toBe('برای: سارا نوری');
  // The alarm engine rings for her: the alarm dialog names her and the sender.
  const alarm = page.getByTestId('alarm-title');
  await alarm.waitFor({ timeout: 20_000 });
  await expect(alarm.textContent()).resolves.toContain('سارا نوری');
  await shot(page, 'fax-routes-03-popup-fa');
  await page.getByTestId('alarm-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  await expect(page.getByTestId('fax-fact-for').textContent()).resolves.toContain('سارا نوری');
  await shot(page, 'fax-routes-04-entry-fa');

  await page.evaluate(() => (window.location.hash = '#/fax/log'));
  const row = page.getByTestId('fax-log-row');
  await pollUntil(page, () => row.count(), 1);
  await expect(row.getByTestId('fax-log-for-cell').textContent()).resolves.toBe('سارا نوری');
  await page.getByTestId('fax-log-for').selectOption({ label: 'حسابداری' });
  await page.getByTestId('fax-log-empty').waitFor();
  await page.getByTestId('fax-log-for').selectOption(`staff:${sara.id}`);
  await pollUntil(page, () => row.count(), 1);
  await shot(page, 'fax-routes-05-log-fa');
});

test('English: the rules screen says each rule in words', async () => {
  await useLanguage('en');
  const g = await engineApi(page, 'groups/create', { name: 'Accounts', color: '#00aa00' });
  await engineApi(page, 'fax/route-save', { id: null, rule: { number: '021', numberMatch: 'prefix', tsi: 'ACME', target: { kind: 'group', id: g.id } } });
  await page.evaluate(() => (window.location.hash = '#/fax/routes'));
  const when = page.getByTestId('fax-route-when');
  await when.waitFor();
  await expect(when.textContent()).resolves.toBe('the number starts with \u2066021\u2069 · the fax ID contains “ACME”');
  await expect(page.getByTestId('fax-route-for').textContent()).resolves.toBe('Accounts (Group)');
  await shot(page, 'fax-routes-06-rules-en');
});
