/**
 * The fax log end to end in Chromium. Received faxes are made before the server starts: our T.30
 * transmitter sends pages to our receiver over a line in memory, and the engine's fax log keeps them
 * through the seam a fax line uses (FaxLines.onReceived) on the test's data folder. The log lists them
 * with their contacts and is searched; a fax opens at its own address with its page really drawn (a
 * canvas counts its black pixels); Rotate turns it and it stays turned after a restart; the contact's
 * timeline shows the fax and links to it. Persian and English.
 * Not here: the received-fax popup while the page is open — tests/e2e/fax-flow.e2e.test.ts drives it from
 * the demo line; its payload is checked in tests/engine/fax-log.test.ts.
 */
import type { ReceivedFax } from '../../src/main/fax/fax-calls';
import { createEngine } from '../../src/main/engine/engine';
import { textPage } from '../helpers/fax-pages';
import { faxLinesStandIn, receivedOverMemory } from '../helpers/fax-received';
import { engineApi, pollUntil, shot, useApp } from './app';
import { useLanguage, pixelsOfPage } from './fax-setup';

jest.setTimeout(120_000);

const faxes: ReceivedFax[] = [];
beforeAll(async () => {
  // Two faxes as a line would deliver them: one from a contact's number, one with the number withheld.
  faxes.push(await receivedOverMemory({ pages: [textPage(1728, 600, 51)], tsi: '+98 21 8888 1234', callerNumber: '02188881234' }));
  faxes.push(await receivedOverMemory({ pages: [textPage(1728, 300, 52), textPage(1728, 300, 53)], tsi: 'ACME SALES', callerNumber: null }));
}, 60_000);

/** The engine on the new data folder, before the server starts: the faxes arrive as from a line. */
function prepareData(dataDir: string): void {
  const fax = faxLinesStandIn();
  const engine = createEngine({ dataDir, faxLines: fax.lines, noLines: true, noAlarms: true });
  // The first fax came in on a line of Lines (kept switched off so the server does not open its port); the
  // second on a line that is no longer there, and with error correction.
  const add = engine.db.prepare("INSERT INTO lines (name, kind, port, enabled, created_at) VALUES ('خط فکس', 'modem', '/dev/ttyUSB7', 0, '2026-01-01')");
  const lineId = String(add.run().lastInsertRowid);
  fax.deliver({ ...faxes[0]!, lineId });
  fax.deliver({ ...faxes[1]!, lineId: '99', report: { ...faxes[1]!.report, ecm: true } });
  // With no line running, close lets the folder go at once: the server opens it next.
  void engine.close();
}

const app = useApp({ name: 'fax-log', fresh: 'test', prepareData });
const { page } = app;

/** The contact is added once the app runs: a fax is matched when read, so one from its number names it. */
const addContact = () => engineApi(page, 'contacts/create', { firstName: 'رضا', lastName: 'کریمی', phones: [{ kind: 'fax', number: '021 8888 1234' }] });

async function openLog(): Promise<void> {
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-log-link').click();
  await page.getByTestId('fax-log-list').waitFor();
}

test('the log lists the received faxes with their contact and fax ID, and the search narrows it, in Persian and English', async () => {
  await addContact();
  await openLog();
  const rows = page.getByTestId('fax-log-row');
  await pollUntil(page, () => rows.count(), 2);
  await expect(rows.nth(0).getByTestId('fax-log-party').textContent()).resolves.toContain('ACME SALES');
  await expect(rows.nth(1).getByTestId('fax-log-party').textContent()).resolves.toContain('رضا کریمی');
  await expect(rows.nth(0).getByTestId('fax-log-pages').textContent()).resolves.toBe('۲');
  await expect(rows.nth(0).getByTestId('fax-log-result').textContent()).resolves.toBe('انجام شد');
  await shot(page, 'fax-log-01-list-fa');

  await page.getByTestId('fax-log-search').fill('رضا');
  await pollUntil(page, () => rows.count(), 1);
  await expect(rows.first().textContent()).resolves.toContain('+98 21 8888 1234');
  await page.getByTestId('fax-log-search').fill('acme');
  await pollUntil(page, () => rows.first().getByTestId('fax-log-party').textContent(), 'ACME SALES');
  await pollUntil(page, () => rows.count(), 1);

  await useLanguage(page, 'en');
  await page.getByTestId('fax-log-search').fill('');
  await pollUntil(page, () => rows.count(), 2);
  await expect(page.getByTestId('fax-log').textContent()).resolves.toContain('Fax log');
  await expect(rows.nth(0).getByTestId('fax-log-result').textContent()).resolves.toBe('Completed');
  await page.getByTestId('fax-log-direction').selectOption('out');
  await page.getByTestId('fax-log-empty').waitFor();
  await shot(page, 'fax-log-02-filtered-en');

  // The report over the last 30 days: both faxes, by day and by contact (the withheld one by its TSI).
  await page.getByTestId('fax-log-report-open').click();
  await pollUntil(page, () => page.getByTestId('fax-report-totals').textContent(), 'Received: 2 faxes, 3 pages · Sent: 0 faxes, 0 pages · Failed: 0');
  await expect(page.getByTestId('fax-report-day').count()).resolves.toBe(1);
  const who = await page.getByTestId('fax-report-contact').allTextContents();
  expect(who.map((w) => w.replace(/\d+/g, '').trim()).sort()).toEqual(['ACME SALES', 'رضا کریمی']);
  await shot(page, 'fax-log-02b-report-en');
});

test('a fax opens at its address with its page drawn; rotated, it stays turned after a restart', async () => {
  await addContact();
  await openLog();
  await page.getByTestId('fax-log-row').filter({ hasText: 'رضا' }).getByTestId('fax-log-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  const id = await page.getByTestId('fax-log-entry').evaluate(() => location.hash);
  expect(id).toMatch(/^#\/fax\/log\/\d+$/);
  const before = await pixelsOfPage(page);
  expect([before.width, before.height]).toEqual([1728, 600]);
  expect(before.black).toBeGreaterThan(5000);
  await expect(page.getByTestId('fax-fact-remote-id').textContent()).resolves.toContain('+98 21 8888 1234');
  await expect(page.getByTestId('fax-log-contact').textContent()).resolves.toBe('رضا کریمی');
  await shot(page, 'fax-log-03-entry-fa');

  await page.getByTestId('fax-rotate').click();
  await pollUntil(page, () => page.getByTestId('fax-log-entry').getAttribute('data-rotation'), '90');
  await pollUntil(page, async () => (await pixelsOfPage(page)).width, 600);
  const turned = await pixelsOfPage(page);
  expect([turned.width, turned.height, turned.black]).toEqual([600, 1728, before.black]);
  await shot(page, 'fax-log-04-rotated-fa');

  await app.restart();
  await page.evaluate((hash) => (location.hash = hash), id);
  await page.getByTestId('fax-log-entry').waitFor();
  await expect(page.getByTestId('fax-log-entry').getAttribute('data-rotation')).resolves.toBe('90');
  const after = await pixelsOfPage(page);
  expect([after.width, after.height, after.black]).toEqual([600, 1728, before.black]);
  await shot(page, 'fax-log-05-rotated-after-restart');
});

/** Where a text starts on screen, left to right: its first character's box in the element. */
const leftOf = (testId: string, text: string) =>
  page.getByTestId(testId).evaluate((el, t) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent!.indexOf(t);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + t.length);
      return range.getBoundingClientRect().left;
    }
    throw new Error(`${t} is not in the element`);
  }, text);

test('the Line fact names the line, and the speed reads “۱۴٬۴۰۰ bps” left to right with ECM in the language, in Persian and English', async () => {
  await openLog();
  const rows = page.getByTestId('fax-log-row');
  await pollUntil(page, () => rows.count(), 2);
  // ACME's fax (ECM) is the newest: the number before its unit, then error correction in Persian words.
  const speed = rows.nth(0).getByTestId('fax-log-speed');
  await expect(speed.textContent()).resolves.toBe('۱۴٬۴۰۰ bps · با تصحیح خطا');
  await speed.evaluate((el) => el.setAttribute('data-testid', 'speed-cell'));
  expect(await leftOf('speed-cell', '۱۴٬۴۰۰')).toBeLessThan(await leftOf('speed-cell', 'bps'));
  await shot(page, 'fax-log-07-speed-fa');

  await page.getByTestId('fax-log-row').filter({ hasText: 'ACME' }).getByTestId('fax-log-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  // Its line is not among Lines any more: no bare id («۹۹») in its place.
  await expect(page.getByTestId('fax-fact-line').locator('dd').textContent()).resolves.toBe('—');
  await page.goBack();
  await pollUntil(page, () => rows.count(), 2);
  await rows.nth(1).getByTestId('fax-log-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  await expect(page.getByTestId('fax-fact-line').locator('dd').textContent()).resolves.toBe('خط فکس');
  await expect(page.getByTestId('fax-fact-speed').locator('dd').textContent()).resolves.toBe('۱۴٬۴۰۰ bps');
  expect(await leftOf('fax-fact-speed', '۱۴٬۴۰۰')).toBeLessThan(await leftOf('fax-fact-speed', 'bps'));
  await shot(page, 'fax-log-08-entry-line-fa');

  await useLanguage(page, 'en');
  await page.goBack();
  await pollUntil(page, () => rows.nth(0).getByTestId('fax-log-speed').textContent(), '14,400 bps · ECM');
  await shot(page, 'fax-log-09-speed-en');
});

test("the contact's timeline shows the fax received from it, and opens it", async () => {
  const contact = await addContact();
  await page.evaluate((hash) => (location.hash = hash), `#/contact/${contact.id}`);
  const item = page.getByTestId('timeline-fax');
  await item.waitFor();
  await expect(item.count()).resolves.toBe(1);
  await expect(item.textContent()).resolves.toContain('فکس دریافتی');
  await shot(page, 'fax-log-06-timeline-fa');
  await item.getByTestId('timeline-fax-open').click();
  await page.getByTestId('fax-log-entry').waitFor();
  expect((await pixelsOfPage(page)).black).toBeGreaterThan(5000);
});
