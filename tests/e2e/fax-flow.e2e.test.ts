/**
 * The whole fax path for a user in Chromium, on the demo line (the simulator in-process, whose far end is
 * our T.30): the pieces tested on their own (lines that fax, the outbox, the fax log, the popup) together.
 * Sending (Persian): a PDF added to the library on the Fax screen is sent from `#/fax/send` to the demo
 * far fax machine (5550100); the job reaches "sent" with its pages confirmed, and the fax log lists it as
 * sent with its pages and opens it. Receiving (English): the line set to "Fax only" in the line form, the
 * demo panel rings as a fax machine; the received-fax card pops up, opens the fax with its page drawn
 * (black pixels counted), and the call log's row says Fax.
 */
import { pdfOf } from '../helpers/fax-docs';
import { engineApi, pollUntil, shot, useApp } from './app';
import { demoFaxLine, useLanguage, pixelsOfPage } from './fax-setup';

jest.setTimeout(180_000);

const app = useApp({ name: 'fax-flow', fresh: 'test' });
const { page } = app;

test('Persian: a PDF from the library is sent on the demo line to the far fax machine; the outbox says sent, the log lists and opens it', async () => {
  await useLanguage(page, 'fa');
  await demoFaxLine(page);

  // The PDF goes into the library through the Fax screen's file picker.
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-screen').waitFor();
  // The screen no longer says receiving comes in a later version: it says where faxes go in and out.
  await expect(page.getByTestId('fax-lines-note').textContent()).resolves.toContain('دفتر فکس‌ها');
  await expect(page.getByTestId('fax-screen').textContent()).resolves.not.toContain('نسخهٔ بعدی');
  const pdf = await pdfOf((doc) => {
    doc.rect(100, 120, 300, 150).fill('#000');
    doc.fillColor('#000').fontSize(28).text('Monshi fax flow', 100, 400);
  });
  await page.getByTestId('fax-file').setInputFiles({ name: 'flow.pdf', mimeType: 'application/pdf', buffer: pdf });
  const row = page.getByTestId('fax-row').filter({ hasText: 'flow.pdf' });
  await row.waitFor({ timeout: 30_000 });
  const docId = (await row.getAttribute('data-id'))!;
  await shot(page, 'fax-flow-01-library-fa');

  await page.getByTestId('fax-send-open').click();
  await page.getByTestId('fax-send').waitFor();
  await page.getByTestId('fax-send-pick').selectOption(docId);
  await page.getByTestId('number').fill('۵۵۵۰۱۰۰');
  await page.getByTestId('fax-send-submit').click();
  const status = page.getByTestId('fax-job').getByTestId('fax-job-status');
  // One page at the simulated line's real rate, after the handshake.
  await pollUntil(page, () => status.getAttribute('data-status'), 'sent', 120_000);
  await expect(status.textContent()).resolves.toBe('فرستاده شد (۱ صفحه)');
  await expect(page.getByTestId('fax-job').textContent()).resolves.toContain('صفحه‌های تأییدشده: ۱ از ۱');
  await shot(page, 'fax-flow-02-job-sent-fa');
  const { jobs, lineCanFax } = await engineApi(page, 'fax/outbox', {});
  expect(lineCanFax).toBe(true);
  expect(jobs).toHaveLength(1);
  expect(jobs[0]).toMatchObject({ status: 'sent', pages: 1, pagesConfirmed: 1, attempts: 1 });

  await page.keyboard.press('Escape');
  await page.getByTestId('fax-job').waitFor({ state: 'detached' });
  await pollUntil(page, () => page.getByTestId('fax-job-row').getAttribute('data-status'), 'sent');
  // The outbox sees the demo line as able to fax: no "no line can send faxes now" note.
  await expect(page.getByTestId('fax-no-line').count()).resolves.toBe(0);
  await page.getByTestId('fax-log-link').click();
  const logRow = page.getByTestId('fax-log-row');
  await pollUntil(page, () => logRow.count(), 1);
  await expect(logRow.textContent()).resolves.toContain('ارسالی');
  await expect(logRow.getByTestId('fax-log-pages').textContent()).resolves.toBe('۱ از ۱');
  await expect(logRow.getByTestId('fax-log-result').textContent()).resolves.toBe('انجام شد');
  // The row is the outbox's job: same id, the page confirmed; the number typed in Persian digits is kept as
  // the phonebook keeps one (ASCII digits; shown in Persian) and found by its digits in any script.
  const logged = (await engineApi(page, 'fax/log', {})).rows;
  expect(logged.map((r) => [r.direction, r.jobId, r.remoteNumber, r.pagesDone, r.pagesTotal, r.ok])).toEqual([['out', jobs[0]!.id, '5550100', 1, 1, true]]);
  await expect(logRow.getByTestId('fax-log-party').textContent()).resolves.toContain('۵۵۵۰۱۰۰');
  await page.getByTestId('fax-log-search').fill('4550100');
  await page.getByTestId('fax-log-empty').waitFor();
  await page.getByTestId('fax-log-search').fill('۵۵۵۰۱۰۰');
  await pollUntil(page, () => logRow.count(), 1);
  await page.getByTestId('fax-log-search').fill('5550100');
  await pollUntil(page, () => logRow.count(), 1);
  await shot(page, 'fax-flow-03-log-fa');
  await logRow.getByTestId('fax-log-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/fax\/log\/\d+$/);
  // The page sent, drawn from what the log kept: the black block of the PDF is there.
  const sent = await pixelsOfPage(page);
  expect(sent.width).toBe(1728);
  expect(sent.black).toBeGreaterThan(20_000);
  await shot(page, 'fax-flow-04-log-entry-fa');
});

test('English: the demo line set to Fax only receives a fax machine’s call; the card pops up, opens the page, and the call log says Fax', async () => {
  await useLanguage(page, 'en');
  const lineId = await demoFaxLine(page);
  await page.getByTestId('nav-lines').click();
  const card = page.getByTestId('line-card').filter({ has: page.getByText('دمو') });
  await card.getByTestId('line-edit').click();
  const form = page.getByTestId('line-form');
  await form.getByTestId('faxMode').selectOption('fax-only');
  await form.locator('input[name="faxRings"]').fill('1');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });

  const panel = page.getByTestId('demo-panel');
  await panel.locator('input[name="demo-number"]').fill('02155550100');
  await panel.getByTestId('demo-fax').check();
  await panel.getByTestId('demo-ring').click();
  const popup = page.getByTestId('fax-popup');
  await popup.waitFor({ timeout: 120_000 });
  await expect(popup.getByTestId('fax-popup-pages').textContent()).resolves.toMatch(/\b1\b/);
  // A card in the corner, as a caller's card is: not stretched down the whole window.
  const box = (await popup.boundingBox())!;
  expect(box.height).toBeLessThan(260);
  await expect(
    popup
      .getByTestId('fax-popup-open')
      .boundingBox()
      .then((b) => b!.height),
  ).resolves.toBeLessThan(48);
  await shot(page, 'fax-flow-05-popup-en');
  await popup.getByTestId('fax-popup-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  expect(await page.evaluate(() => location.hash)).toMatch(/^#\/fax\/log\/\d+$/);
  const drawn = await pixelsOfPage(page);
  expect(drawn.width).toBe(1728);
  expect(drawn.black).toBeGreaterThan(5000);
  await shot(page, 'fax-flow-06-received-en');

  await pollUntil(
    page,
    async () => (await engineApi(page, 'calls/list', {})).rows.find((c) => c.lineId === lineId && c.endedAt !== null)?.outcome ?? null,
    'fax',
    30_000,
  );
  // The fax in the log is the call's: its row names the call-log row of the line's call.
  const call = (await engineApi(page, 'calls/list', {})).rows.find((c) => c.lineId === lineId && c.outcome === 'fax')!;
  const logged = (await engineApi(page, 'fax/log', {})).rows;
  expect(logged.map((r) => [r.direction, r.callId, r.pagesDone, r.ok])).toEqual([['in', call.id, 1, true]]);
  await page.getByTestId('nav-calls').click();
  const kind = page.getByTestId('call-kind').first();
  await expect(kind.getAttribute('data-outcome')).resolves.toBe('fax');
  await expect(kind.textContent()).resolves.toContain('Fax');
  await shot(page, 'fax-flow-07-call-log-en');
});
