/**
 * The date picker on every date field: a month grid in the chosen calendar, by mouse and by keyboard.
 * The grid's Jalali arithmetic (date-fns-jalali inside react-day-picker) is independent of the
 * jalaali-js the engine and the field's parser use, so each pick is checked against the ISO date the
 * engine stores — across the leap Esfand of 1403 too.
 */
import { engineApi, shot, useApp } from './app';

const { page, pageErrors } = useApp({ name: 'dates' });
afterEach(() => expect(pageErrors).toEqual([]));

const picker = () => page.getByTestId('date-picker');
const isoToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};
/** Each test starts from the phonebook with nothing open, whatever the one before it left. */
async function fromPhonebook() {
  await page.reload();
  await page.getByTestId('phonebook').waitFor();
}
/** A contact of this test's own with a stored birth date, opened in the phonebook; its id. */
async function openContact(firstName: string, birthDate: string): Promise<number> {
  const { id } = await engineApi(page, 'contacts/create', { firstName, birthDate });
  await fromPhonebook();
  await page.getByTestId('search-input').fill(firstName);
  await page.getByTestId('contact-row').filter({ hasText: firstName }).click();
  await page.getByTestId('detail-name').filter({ hasText: firstName }).waitFor();
  return id;
}
/** Reminders with 'تماس' in them on today's date, as the engine has them. */
const savedToday = () =>
  engineApi(page, 'reminders/occurrences', { from: isoToday(), to: isoToday(), text: 'تماس', includeBirthdays: false }).then((r) => r.items.length);

it("shows the pattern, not a date that looks filled in, as the empty field's placeholder", async () => {
  await fromPhonebook();
  await page.getByTestId('new-contact').click();
  await expect(page.getByTestId('birthDate').getAttribute('placeholder')).resolves.toBe('سال/ماه/روز');
});

it('picks a Jalali birth date with the mouse: 11 Ordibehesht 1369 is stored as 1990-05-01', async () => {
  await fromPhonebook();
  await page.getByTestId('new-contact').click();
  await page.getByTestId('firstName').fill('پروین');
  await page.getByTestId('birthDate-pick').click();
  await picker().waitFor();
  await picker().locator('select.rdp-years_dropdown').selectOption('1369');
  await picker().locator('select.rdp-months_dropdown').selectOption('1'); // the second month, اردیبهشت
  await shot(page, 'date-picker-01-fa');
  // The grid shows Persian digits; each day is named in full for a screen reader.
  const day = picker().locator('button.rdp-day_button', { hasText: /^۱۱$/ });
  await expect(day.getAttribute('aria-label')).resolves.toContain('اردیبهشت');
  await day.click();
  await picker().waitFor({ state: 'detached' });
  await expect(page.getByTestId('birthDate').inputValue()).resolves.toBe('۱۳۶۹/۰۲/۱۱');
  await expect(page.getByTestId('birthDate').getAttribute('aria-invalid')).resolves.toBeNull();
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: 'پروین' }).waitFor();
  const found = await engineApi(page, 'contacts/search', { text: 'پروین' });
  const contact = await engineApi(page, 'contacts/get', { id: found.items[0]!.id });
  expect(contact.birthDate).toBe('1990-05-01');
});

it('opens on the typed date with Alt+↓ and moves by keyboard across the leap Esfand of 1403', async () => {
  const id = await openContact('پریسا', '1990-05-01');
  await page.getByTestId('edit-contact').click();
  const field = page.getByTestId('birthDate');
  await field.fill('۱۴۰۳/۱۲/۲۵');
  await field.press('Alt+ArrowDown');
  await picker().waitFor();
  // The chosen day has the focus; a week down is 1403/12/30 + 2 = 1404/01/02 (Esfand 1403 has 30 days).
  await page.waitForFunction(() => document.activeElement?.textContent === '۲۵');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await picker().waitFor({ state: 'detached' });
  await expect(field.inputValue()).resolves.toBe('۱۴۰۴/۰۱/۰۲');
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('birthDate');
  await page.getByTestId('save-contact').click();
  await page.getByTestId('contact-form').waitFor({ state: 'detached' });
  const contact = await engineApi(page, 'contacts/get', { id });
  expect(contact.birthDate).toBe('2025-03-22');
});

it('Esc closes the picker only, not the form under it', async () => {
  await openContact('پگاه', '2025-03-22');
  await page.getByTestId('edit-contact').click();
  await page.getByTestId('birthDate-pick').click();
  await picker().waitFor();
  await page.keyboard.press('Escape');
  await picker().waitFor({ state: 'detached' });
  await expect(page.getByTestId('contact-form').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('birthDate').inputValue()).resolves.toBe('۱۴۰۴/۰۱/۰۲');
  await page.getByTestId('cancel-contact').click();
  await page.getByTestId('contact-form').waitFor({ state: 'detached' });
});

it('warns that a reminder whose time has passed will not ring, and saves it only when asked to', async () => {
  await fromPhonebook();
  await page.getByTestId('nav-reminders').click();
  await page.getByTestId('reminder-new').click();
  const form = page.getByTestId('reminder-form');
  await form.getByTestId('subject').fill('تماس با بانک');
  const warning = form.getByTestId('reminder-never-rings');
  await expect(warning.count()).resolves.toBe(0); // a new reminder starts at the next hour
  await form.getByTestId('time').fill('۰۰:۰۰');
  await form.getByTestId('date-pick').click();
  await picker().getByTestId('date-picker-today').click();
  await warning.waitFor();
  await expect(warning.textContent()).resolves.toContain('زنگ نمی‌زند');
  await shot(page, 'date-picker-03-reminder-past');
  await form.getByTestId('reminder-save').click();
  await page.getByTestId('confirm-cancel').click(); // back to the form, nothing saved
  await expect(form.isVisible()).resolves.toBe(true);
  await expect(savedToday()).resolves.toBe(0);
  await form.getByTestId('reminder-save').click();
  await page.getByTestId('confirm-ok').click();
  await form.waitFor({ state: 'detached' });
  await expect(savedToday()).resolves.toBe(1);
  await page.getByTestId('nav-phonebook').click();
});

it('in English: Latin digits and pattern; with the Gregorian calendar the grid is Gregorian', async () => {
  await fromPhonebook();
  await engineApi(page, 'settings/update', { language: 'en', calendar: 'gregorian' });
  await page.waitForFunction(() => document.documentElement.dir === 'ltr' && document.body.textContent!.includes('New contact'));
  await page.getByTestId('new-contact').click();
  await expect(page.getByTestId('birthDate').getAttribute('placeholder')).resolves.toBe('yyyy/mm/dd');
  await page.getByTestId('firstName').fill('Nina');
  await page.getByTestId('birthDate').fill('2024/02/28');
  await page.getByTestId('birthDate').press('Alt+ArrowDown');
  await picker().waitFor();
  await page.keyboard.press('ArrowRight'); // 29 February: 2024 is a leap year
  await page.keyboard.press('ArrowRight');
  await shot(page, 'date-picker-02-en-gregorian');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('birthDate').inputValue()).resolves.toBe('2024/03/01');
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: 'Nina' }).waitFor();
  const found = await engineApi(page, 'contacts/search', { text: 'Nina' });
  const contact = await engineApi(page, 'contacts/get', { id: found.items[0]!.id });
  expect(contact.birthDate).toBe('2024-03-01');
});
