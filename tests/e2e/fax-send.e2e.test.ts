/**
 * Sending a fax end to end in Chromium: the "Send a fax" form over the Fax screen, two library documents
 * picked and reordered with the keyboard (the first page previewed follows), a typed number, and the
 * outbox saying honestly that no line can send faxes now (the server has no line that can fax); the job
 * read back from the engine has the documents in the order shown. A number that cannot be dialled is
 * refused under the field, in Persian and English, and nothing is queued. A restart keeps the job.
 */
import { engineApi, pollUntil, shot, useApp } from './app';
import { addFaxText, useLanguage } from './fax-setup';

jest.setTimeout(120_000);

const app = useApp({ name: 'fax-send', fresh: 'test' });
const { page } = app;

/** Two one-page text documents in the library (through the engine, as the screen's picker would add them). */
async function twoDocuments(): Promise<{ alpha: number; beta: number }> {
  const alpha = await addFaxText(page, 'alpha.txt', 'ALPHA\nthe first document\n');
  const beta = await addFaxText(page, 'beta.txt', 'BETA\nthe second document\n');
  return { alpha, beta };
}

async function openSendForm(): Promise<void> {
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-screen').waitFor();
  await page.getByTestId('fax-send-open').click();
  await page.getByTestId('fax-send').waitFor();
  await pollUntil(page, () => page.evaluate(() => location.hash), '#/fax/send');
}

/** The ids of the documents in the form, in order ('2,1'). */
const docOrder = () => page.getByTestId('fax-send-doc').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).join(','));

test('English: two documents reordered with the keyboard go to a typed number; the outbox says no line can send now', async () => {
  await useLanguage(page, 'en');
  const { alpha, beta } = await twoDocuments();
  await openSendForm();
  await page.getByTestId('fax-send-pick').selectOption(String(alpha));
  await page.getByTestId('fax-send-pick').selectOption(String(beta));
  await pollUntil(page, docOrder, `${alpha},${beta}`);
  await page.locator(`[data-testid="fax-send-preview"][data-document="${alpha}"]`).waitFor();
  // Alt+↑ on the second name moves it first; the preview follows the new first document.
  await page.getByTestId('fax-send-doc-name').nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await pollUntil(page, docOrder, `${beta},${alpha}`);
  await pollUntil(page, () => page.evaluate(() => document.activeElement?.textContent ?? ''), 'beta.txt');
  await page.locator(`[data-testid="fax-send-preview"][data-document="${beta}"]`).waitFor();
  await pollUntil(page, () => page.getByTestId('fax-send-preview').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), 1728);

  // A number that cannot be dialled: the message is under the number field, and nothing is queued.
  await page.getByTestId('number').fill('abc');
  await page.getByTestId('fax-send-submit').click();
  await pollUntil(page, () => page.getByTestId('field-error').first().textContent(), 'The fax number “abc” cannot be dialled.');
  await shot(page, 'fax-send-en-bad-number');
  expect((await engineApi(page, 'fax/outbox', {})).jobs).toEqual([]);

  await page.getByTestId('number').fill('4455 6677');
  await page.getByTestId('fax-send-submit').click();
  await page.getByTestId('fax-job').waitFor();
  const status = page.getByTestId('fax-job').getByTestId('fax-job-status');
  await pollUntil(page, () => status.textContent(), 'Waiting for a line: no line can send faxes now');
  await shot(page, 'fax-send-en-job');

  const { jobs, lineCanFax } = await engineApi(page, 'fax/outbox', {});
  expect(lineCanFax).toBe(false);
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ number: '4455 6677', status: 'queued', attempts: 0, waitingForLine: true, pages: 2 });
  expect(jobs[0]!.documents.map((d) => d.id)).toEqual([beta, alpha]);
  expect(await page.evaluate(() => location.hash)).toBe(`#/fax/job/${jobs[0]!.id}`);

  // Closed, the outbox lists it with the same words; after a restart it is still there.
  await page.keyboard.press('Escape');
  await page.getByTestId('fax-job').waitFor({ state: 'detached' });
  await page.getByTestId('fax-no-line').waitFor();
  const row = page.getByTestId('fax-job-row');
  await pollUntil(page, () => row.getByTestId('fax-job-status').textContent(), 'Waiting for a line: no line can send faxes now');
  await shot(page, 'fax-send-en-outbox');

  // The retry rules: a busy line waits 7 minutes from now on; 0 attempts is refused under its field.
  await page.getByTestId('fax-outbox-settings').locator('summary').click();
  await page.getByTestId('busyDelayMin').fill('7');
  await page.getByTestId('maxAttempts').fill('0');
  await page.getByTestId('fax-outbox-settings-save').click();
  await page.getByTestId('fax-outbox-settings').getByTestId('field-error').waitFor();
  expect((await engineApi(page, 'fax/outbox-settings', {})).busyDelayMin).toBe(3);
  await page.getByTestId('maxAttempts').fill('4');
  await page.getByTestId('fax-outbox-settings-save').click();
  await pollUntil(page, async () => (await engineApi(page, 'fax/outbox-settings', {})).busyDelayMin, 7);
  await shot(page, 'fax-send-en-settings');

  await app.restart();
  await page.getByTestId('nav-fax').click();
  await pollUntil(page, () => page.getByTestId('fax-job-row').getByTestId('fax-job-status').textContent(), 'Waiting for a line: no line can send faxes now');
  expect(await engineApi(page, 'fax/outbox-settings', {})).toMatchObject({ busyDelayMin: 7, maxAttempts: 4 });
});

test('Persian: a bad number is refused under the number field and no document under the documents; nothing is queued', async () => {
  await useLanguage(page, 'fa');
  const { alpha } = await twoDocuments();
  await openSendForm();
  await page.getByTestId('number').fill('۴۴۵۵');
  await page.getByTestId('fax-send-submit').click();
  await pollUntil(page, () => page.getByTestId('fax-send-documents').getByTestId('field-error').textContent(), 'دست‌کم یک سند برای فرستادن برگزینید.');
  await page.getByTestId('fax-send-pick').selectOption(String(alpha));
  await page.getByTestId('number').fill('تلفن');
  await page.getByTestId('fax-send-submit').click();
  await pollUntil(page, () => page.getByTestId('field-error').first().textContent(), 'شمارهٔ فکس «تلفن» را نمی‌توان گرفت.');
  await shot(page, 'fax-send-fa-bad-number');
  expect((await engineApi(page, 'fax/outbox', {})).jobs).toEqual([]);

  await page.getByTestId('number').fill('۰۲۱ ۴۴۵۵ ۶۶۷۷');
  await page.getByTestId('fax-send-submit').click();
  const status = page.getByTestId('fax-job').getByTestId('fax-job-status');
  await pollUntil(page, () => status.textContent(), 'در انتظار خط: اکنون هیچ خطی نمی‌تواند فکس بفرستد');
  await shot(page, 'fax-send-fa-job');
  await page.keyboard.press('Escape');
  await page.getByTestId('fax-job-row').waitFor();
  await shot(page, 'fax-send-fa-outbox');
});
