/**
 * The audit trail's viewer for a manager in Chromium. Persian: a contact's last name is edited in the
 * phonebook; Settings → «سابقهٔ تغییرات» shows the edit with the old and the new name, the user and the PC,
 * and the entry opens the contact. English: the same in English, filtered by record type and date (the
 * date picker's field), and after an entry is changed in the file with another SQLite connection (its
 * guard trigger dropped), the viewer's banner names that entry.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { engineApi, pollUntil, shot, useApp } from './app';

jest.setTimeout(180_000);

const app = useApp({ name: 'audit', fresh: 'test' });
const { page } = app;

async function useLanguage(lang: 'fa' | 'en'): Promise<void> {
  await engineApi(page, 'settings/update', {
    language: lang,
    calendar: lang === 'fa' ? 'jalali' : 'gregorian',
    userName: lang === 'fa' ? 'مدیر دفتر' : 'Office manager',
  });
  await pollUntil(page, () => page.evaluate(() => document.documentElement.lang), lang);
}

async function editLastName(id: number, to: string): Promise<void> {
  await page.evaluate((n) => (location.hash = `#/contact/${n}`), id);
  await page.getByTestId('edit-contact').click();
  await page.getByTestId('lastName').fill(to);
  await page.getByTestId('save-contact').click();
  await page.getByTestId('detail-name').filter({ hasText: to }).waitFor();
}

async function openViewer(): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-audit').click();
  await page.getByTestId('audit-screen').waitFor();
  expect(await page.evaluate(() => location.hash)).toBe('#/audit');
}

test('Persian: an edited contact shows in the trail as old → new, by whom and from which PC, and opens the contact', async () => {
  await useLanguage('fa');
  const c = await engineApi(page, 'contacts/create', { firstName: 'علی', lastName: 'کریمی' });
  await editLastName(c.id, 'کریمی‌پور');
  await openViewer();
  const entry = page.locator('[data-testid="audit-entry"][data-type="contact"][data-action="update"]').first();
  await entry.waitFor();
  await expect(entry.getByTestId('audit-who').textContent()).resolves.toBe('مدیر دفتر');
  const change = entry.locator('[data-testid="audit-change"][data-field="last_name"]');
  await expect(change.textContent()).resolves.toBe('نام خانوادگی: کریمی ← کریمی‌پور');
  await expect(entry.textContent()).resolves.toContain('ویرایش');
  await expect(entry.textContent()).resolves.toContain('مخاطب: علی کریمی‌پور');
  await page.getByTestId('audit-chain-ok').waitFor();
  await shot(page, 'audit-01-viewer-fa');
  await entry.getByTestId('audit-open').click();
  await page.getByTestId('detail-name').filter({ hasText: 'علی کریمی‌پور' }).waitFor();
  expect(await page.evaluate(() => location.hash)).toBe(`#/contact/${c.id}`);
});

test('English: filtered by type and date; an entry changed in the file behind the app is named in a banner', async () => {
  await useLanguage('en');
  const c = await engineApi(page, 'contacts/create', { firstName: 'Sara', lastName: 'Noori' });
  await engineApi(page, 'groups/create', { name: 'Clients', color: '#00aa00' });
  await editLastName(c.id, 'Nouri');
  await openViewer();
  await page.getByTestId('audit-type').selectOption({ label: 'Contact' });
  const today = new Date();
  const typed = `${today.getFullYear()}/${String(today.getMonth() + 1).padStart(2, '0')}/${String(today.getDate()).padStart(2, '0')}`;
  await page.getByTestId('audit-from').fill(typed);
  await page.getByTestId('audit-to').fill(typed);
  const entries = page.getByTestId('audit-entry');
  await pollUntil(page, () => entries.count(), 2);
  await expect(entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))).resolves.toEqual(['contact', 'contact']);
  const edit = entries.first();
  await expect(edit.locator('[data-testid="audit-change"][data-field="last_name"]').textContent()).resolves.toBe('Last name: Noori → Nouri');
  await expect(edit.getByTestId('audit-who').textContent()).resolves.toBe('Office manager');
  await shot(page, 'audit-02-viewer-en');
  const id = Number(await edit.getAttribute('data-id'));
  // A day with no changes: nothing.
  await page.getByTestId('audit-from').fill('2020/01/01');
  await page.getByTestId('audit-to').fill('2020/01/02');
  await page.getByTestId('audit-empty').waitFor();

  const other = new Database(path.join(app.dataDir, 'monshi.sqlite'));
  other.exec('DROP TRIGGER audit_log_no_update');
  other.prepare("UPDATE audit_log SET record_name = 'Someone else' WHERE id = ?").run(id);
  other.close();
  await page.reload();
  const banner = page.getByTestId('audit-broken');
  await banner.waitFor();
  await expect(banner.getAttribute('data-entry')).resolves.toBe(String(id));
  await expect(banner.textContent()).resolves.toContain(`Entry ${id} of the trail was changed outside Monshi`);
  await shot(page, 'audit-03-broken-en');
});
