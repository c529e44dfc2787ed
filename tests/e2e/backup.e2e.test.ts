/**
 * Settings → Backup in Chromium: a folder chosen, "back up now", the backup listed, a contact added,
 * the backup restored after a confirmation that shows what it holds; the phonebook reads the restored
 * data. The header warns while a schedule is set and no backup was made. Persian and English.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { engineApi, pollUntil, shot, useApp } from './app';

jest.setTimeout(180_000);

const { page } = useApp({ name: 'backup', fresh: 'test' });

test('back up now, see it listed, restore it: the contact added since is gone (Persian)', async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'monshi-e2e-backups-'));
  await engineApi(page, 'contacts/create', { firstName: 'پیش از پشتیبان' });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-daily').fill('۲۱:۰۰');
  await page.getByTestId('backup-daily').blur();
  // A schedule and no backup yet: the header says so.
  await page.getByTestId('header-backup-warning').waitFor();
  expect(await page.getByTestId('header-backup-warning').textContent()).toContain('هنوز پشتیبانی گرفته نشده است');
  await page.getByTestId('backup-now').click();
  await page.getByTestId('backup-item').first().waitFor();
  await page.getByTestId('header-backup-warning').waitFor({ state: 'detached' });
  expect(await page.getByTestId('backup-item').count()).toBe(1);
  await page.getByTestId('backup-settings').scrollIntoViewIfNeeded();
  await shot(page, 'backup-01-fa-listed');

  await engineApi(page, 'contacts/create', { firstName: 'پس از پشتیبان' });
  await pollUntil(page, async () => (await engineApi(page, 'contacts/search', { text: '' })).total, 2);
  await page.getByTestId('backup-restore').first().click();
  const dialog = page.getByTestId('confirm-dialog');
  await dialog.waitFor();
  const body = (await dialog.textContent()) ?? '';
  expect(body).toContain('۱ مخاطب');
  await shot(page, 'backup-02-fa-confirm');
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await page.getByTestId('confirm-ok').click();
  await page.getByTestId('toast-success').filter({ hasText: 'برگردانده شد' }).waitFor();
  // The page reloads on the restored data.
  await reloaded;
  await pollUntil(page, async () => (await engineApi(page, 'contacts/search', { text: '' })).total, 1);
  await page.getByTestId('nav-phonebook').waitFor();
  await page.getByTestId('nav-phonebook').click();
  await page.getByText('پیش از پشتیبان').first().waitFor();
  expect(await page.getByText('پس از پشتیبان').count()).toBe(0);
  await shot(page, 'backup-03-fa-restored');
});

test('English: a folder Monshi cannot use is named under the field; a damaged backup is refused naming its part', async () => {
  await page.getByTestId('language-switch').click();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-folder').fill('/no/such/folder');
  await page.getByTestId('backup-folder').blur();
  await page.locator('#backup-folder-err').waitFor();
  expect(await page.locator('#backup-folder-err').textContent()).toContain('The folder “/no/such/folder” was not found');
  await page.getByTestId('backup-settings').scrollIntoViewIfNeeded();
  await shot(page, 'backup-04-en-folder-error');

  // A backup with one byte flipped inside its database: the restore is refused and names that part.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'monshi-e2e-backups-'));
  await page.getByTestId('backup-folder').fill(folder);
  await page.getByTestId('backup-folder').blur();
  await page.getByTestId('backup-now').click();
  await page.getByTestId('backup-item').first().waitFor();
  const file = (await engineApi(page, 'backup/list', {})).files[0]!.file;
  const bytes = readFileSync(file);
  const at = Math.floor(bytes.length / 3);
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  writeFileSync(file, bytes);
  await page.getByTestId('backup-restore').first().click();
  await page.getByTestId('confirm-ok').click();
  const error = page.getByTestId('toast-error').filter({ hasText: 'is damaged' });
  await error.waitFor();
  expect(await error.textContent()).toContain('its part “monshi.sqlite”');
  await shot(page, 'backup-05-en-damaged');
});
