/**
 * Import of real-world files with odd cards, in the browser as a user does it (Debian's Chromium):
 * the preview lists what will not be imported and what was changed, each with its line, in Persian
 * and in English, names the encoding, and the import brings in the rest.
 */
import path from 'node:path';
import { engineApi, pollUntil, shot, useApp } from './app';

const fixture = (name: string) => path.join(__dirname, '..', 'io', 'fixtures', name);
const { page } = useApp({ name: 'import' });

async function pick(name: string) {
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file').setInputFiles(fixture(name));
  await page.getByTestId('import-preview').waitFor();
}

it('Persian: a Gmail file with an email-only card lists it as not imported, and imports the others', async () => {
  await pick('gmail-3.0-email-only.vcf');
  const notices = page.getByTestId('import-notice');
  await expect(notices.count()).resolves.toBe(2);
  await expect(notices.nth(0).getAttribute('data-kind')).resolves.toBe('skipped');
  await expect(notices.nth(0).textContent()).resolves.toContain('فقط ایمیل: only.email@gmail.example');
  await expect(notices.nth(0).locator('td').first().textContent()).resolves.toBe('۱');
  await expect(notices.nth(1).textContent()).resolves.toContain('«e@c» نشانی ایمیل درستی نیست؛ در یادداشت نگه داشته شد.');
  await expect(page.getByTestId('import-skipped').textContent()).resolves.toBe('۱ مورد وارد نمی‌شود');
  await expect(page.getByTestId('import-encoding').textContent()).resolves.toContain('UTF-8');
  await shot(page, 'import-notices-01-preview-fa');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result').textContent()).resolves.toContain('۲ مخاطب افزوده شد');
  await expect(page.getByTestId('import-result').textContent()).resolves.toContain('۱ مورد وارد نشد');
  await shot(page, 'import-notices-02-done-fa');
  await page.getByTestId('import-close').click();
  await pollUntil(page, () => page.getByTestId('contact-row').count(), 2);
});

it('English: a Greek Windows-1253 file is read as such, and an Outlook phone written as text is kept in the notes', async () => {
  await engineApi(page, 'settings/update', { language: 'en' });
  await pollUntil(page, () => page.locator('html').getAttribute('dir'), 'ltr');
  await pick('outlook-2.1-greek-1253.vcf');
  await expect(page.getByTestId('import-encoding').textContent()).resolves.toBe("The file's text was read as Windows-1253.");
  await expect(page.getByTestId('import-preview-table').textContent()).resolves.toContain('Γιώργος Παπαδόπουλος');
  await shot(page, 'import-notices-03-greek-en');
  await page.getByTestId('import-cancel').click();
  await pick('outlook-2.1-text-phone.vcf');
  await expect(page.getByTestId('import-notice').first().textContent()).resolves.toContain('“BusinessPhone” is not a phone number; kept in the notes.');
  await expect(page.getByTestId('import-changed').textContent()).resolves.toBe('Imported with changes: 2');
  await shot(page, 'import-notices-04-preview-en');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-result').textContent()).resolves.toBe('Added: 3, merged: 0, duplicates skipped: 0, not imported: 0.');
});
