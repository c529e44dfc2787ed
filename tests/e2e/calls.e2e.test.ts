/**
 * The call log, the reports and dialing from the PC, end to end: the built app in browser mode with
 * the in-process demo line (the modem simulator behind the real driver), Debian's Chromium. Two
 * demo calls ring out unanswered; the log, its filters and a report over today must show them; a
 * contact's number is dialled from the phonebook (call bar → hang up → an outgoing row); then the
 * same screens in English.
 */
import { cpSync } from 'node:fs';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { removeDir, tempDir } from '../helpers/engine';
import { waitFor } from '../helpers/wait';
import { engineApi, pdfPreviewLoaded, pollUntil, shot, useApp } from './app';

/** The demo line, the contact and the two missed calls, made once through the engine's requests; every test starts on a copy. */
const seeded = tempDir('monshi-e2e-calls-seed-');
// Each test on its own data folder (that copy) and server.
const { page } = useApp({ name: 'calls', fresh: 'test', acceptDownloads: true, prepareData: (dataDir) => cpSync(seeded, dataDir, { recursive: true }) });

/** The page's engine while a test runs; the seeding engine in beforeAll. */
let seeding: Engine | null = null;
const api = async <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
  if (!seeding) return engineApi(page, method, input);
  const r = await seeding.invoke(method, input, 'fa');
  if (!r.ok) throw new Error(`${method} failed: ${r.error.message}`);
  return r.value;
};

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

const rows = () => page.getByTestId('call-row');
const row = (i: number) => page.locator(`[data-testid="call-row"][data-index="${i}"]`);

async function untilIdle(lineId: number) {
  const isIdle = async () => (await api('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle';
  await waitFor(isIdle, { what: 'the demo line to be idle', everyMs: 100, timeoutMs: 10_000 });
}

/** The demo line rings once with caller ID and gives up; resolves when the call is logged as missed. */
async function missedCall(lineId: number, number: string, name = '') {
  const before = (await api('calls/list', { limit: 1 })).total;
  await api('lines/demo-call', { lineId, number, name, rings: 1 });
  const logged = async () => {
    const { rows: last, total } = await api('calls/list', { limit: 1 });
    return total > before && last[0]?.outcome === 'missed';
  };
  await waitFor(logged, { what: `the demo call from ${number} to be logged as missed`, everyMs: 100, timeoutMs: 30_000 });
}

let lineId = 0;
let contactId = 0;

beforeAll(async () => {
  seeding = createEngine({ dataDir: seeded });
  lineId = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo' })).id;
  contactId = (await api('contacts/create', { firstName: 'علی', lastName: 'کریمی', phones: [{ number: '0912 123 4567', kind: 'mobile' }] })).id;
  await untilIdle(lineId);
  await missedCall(lineId, '09121234567');
  await missedCall(lineId, '02188776655', 'ACME');
  await untilIdle(lineId);
  seeding.close();
  seeding = null;
}, 90_000);
afterAll(() => removeDir(seeded));

/** The call the dialling test makes from the phonebook, made through the same requests: dialled, answered, hung up, logged. */
async function outgoingCall() {
  await api('calls/dial', { number: '09121234567', contactId, lineId: null });
  const inCall = async () => (await api('lines/list', {})).find((l) => l.id === lineId)?.status === 'in-call';
  await waitFor(inCall, { what: 'the dialled demo call to connect', everyMs: 100 });
  await api('calls/hang-up', { lineId });
  const logged = async () => {
    const last = (await api('calls/list', { limit: 1 })).rows[0];
    return last?.direction === 'out' && last.endedAt !== null;
  };
  await waitFor(logged, { what: 'the outgoing call to be logged as ended', everyMs: 100 });
  await untilIdle(lineId);
  // The page shows the ended call in its bar for a few seconds, as after the dialling test.
  await page.getByTestId('call-bar').waitFor({ state: 'detached', timeout: 8000 });
}

/** The call log's tab, or its report's (for today). */
async function openCalls(tab: 'log' | 'report') {
  await page.getByTestId('nav-calls').click();
  await page.getByTestId(`calls-tab-${tab}`).click();
  if (tab === 'log') await row(1).waitFor();
  else await page.getByTestId('report-range-today').click();
}

it('shows the calls newest first, in Persian, with the contact or "add to phonebook"', async () => {
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-log').click();
  await row(1).waitFor();
  await expect(rows().count()).resolves.toBe(2);
  await expect(page.getByTestId('call-count').textContent()).resolves.toBe('۲ تماس');

  const unknown = row(0);
  // The last call's end arrives as an event just before this; the log follows it by itself.
  await poll(() => unknown.getAttribute('data-outcome'), 'missed');
  await expect(unknown.getByTestId('call-number').textContent()).resolves.toBe('۰۲۱ ۸۸۷۷ ۶۶۵۵');
  await expect(unknown.getByTestId('add-contact').isVisible()).resolves.toBe(true);
  await expect(unknown.textContent()).resolves.toContain('ACME');

  const known = row(1);
  await expect(known.getByTestId('call-contact').textContent()).resolves.toBe('علی کریمی');
  await expect(known.getByTestId('call-kind').textContent()).resolves.toBe('بی‌پاسخ');
  await expect(known.getByTestId('call-returned').textContent()).resolves.toBe('پیگیری نشده');
  expect(await known.getAttribute('class')).toContain('unreturned');
  // Jalali date and time in Persian digits: '۱۴۰x/xx/xx xx:xx'.
  expect(await known.getByTestId('call-when').textContent()).toMatch(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/);
  // The empty search field lays its Persian hint out right to left, so its «…» ends it (on the left)
  // instead of standing before «شماره».
  await expect(page.getByTestId('call-filter-text').evaluate((el) => getComputedStyle(el).direction)).resolves.toBe('rtl');
  await shot(page, 'calls-01-log-fa');
});

it('filters by number in any format, by name and by "missed, not returned"', async () => {
  await openCalls('log');
  await page.getByTestId('call-filter-text').fill('۰۹۱۲۱۲۳');
  await poll(() => rows().count(), 1);
  await expect(row(0).getByTestId('call-contact').textContent()).resolves.toBe('علی کریمی');
  await page.getByTestId('call-filter-text').fill('کریمی');
  await poll(() => rows().count(), 1);
  await page.getByTestId('call-filter-text').fill('');
  await page.getByTestId('call-filter-direction').selectOption('out');
  await page.getByTestId('call-list-empty').waitFor();
  await page.getByTestId('call-filter-clear').click();
  await page.getByTestId('call-filter-unreturned').check();
  await poll(() => rows().count(), 2);
  await shot(page, 'calls-02-filtered-fa');
  await page.getByTestId('call-filter-clear').click();
});

it('reports today: totals, a bar per day and per hour, top callers and the unreturned list', async () => {
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-report').click();
  await page.getByTestId('report-range-today').click();
  await page.getByTestId('report-body').waitFor();
  const total = (k: string) => page.getByTestId(`report-total-${k}`).locator('.total-value').textContent();
  await poll(() => total('incoming'), '۲');
  await expect(total('missed')).resolves.toBe('۲');
  await expect(total('unreturned')).resolves.toBe('۲');
  await expect(total('outgoing')).resolves.toBe('۰');

  const dayBars = page.getByTestId('report-chart-day').getByTestId('chart-bar');
  await expect(dayBars.count()).resolves.toBe(1);
  await expect(dayBars.first().getAttribute('data-total')).resolves.toBe('2');
  const hourBars = page.getByTestId('report-chart-hour').getByTestId('chart-bar');
  await expect(hourBars.count()).resolves.toBe(24);
  // In Persian time runs right to left: hour 0 is the rightmost bar.
  const x = async (key: string) => (await page.getByTestId('report-chart-hour').locator(`[data-key="${key}"] .chart-hit`).boundingBox())!.x;
  expect(await x('0')).toBeGreaterThan(await x('23'));
  await expect(page.getByTestId('report-chart-hour').locator('svg text').first().textContent()).resolves.toMatch(/^[۰-۹]+$/);

  await expect(page.getByTestId('top-caller').count()).resolves.toBe(2);
  await expect(page.getByTestId('unreturned-call').count()).resolves.toBe(2);
  await shot(page, 'calls-03-report-fa');
});

it('a week starts on Saturday and a month is a Jalali month', async () => {
  await openCalls('report');
  await page.getByTestId('report-range-week').click();
  await poll(() => page.getByTestId('report-chart-day').getByTestId('chart-bar').count(), 7);
  const first = await page.getByTestId('report-chart-day').getByTestId('chart-bar').first().getAttribute('data-key');
  expect(new Date(`${first}T00:00:00Z`).getUTCDay()).toBe(6);
  await page.getByTestId('report-range-month').click();
  await poll(async () => [29, 30, 31].includes(await page.getByTestId('report-chart-day').getByTestId('chart-bar').count()), true);
  await expect(page.getByTestId('report-range-shown').textContent()).resolves.toMatch(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/۰۱ تا /);
  await page.getByTestId('report-range-today').click();
});

it('exports the report as CSV and previews it as PDF', async () => {
  await openCalls('report');
  await page.getByTestId('report-body').waitFor();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csv.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByTestId('export-pdf').click();
  await page.getByTestId('report-pdf').waitFor();
  await pdfPreviewLoaded(page);
  await shot(page, 'calls-04-pdf-fa');
  await page.getByTestId('dialog-close').click();
  await page.getByTestId('report-pdf').waitFor({ state: 'detached' });
});

it("dials a contact's number from the phonebook: call bar, hang up, an outgoing row", async () => {
  await page.getByTestId('nav-phonebook').click();
  await page.locator(`[data-testid="contact-row"][data-contact-id="${contactId}"]`).click();
  const calls = page.getByTestId('contact-calls');
  await expect(calls.getByTestId('contact-call-counts').textContent()).resolves.toBe('۱ تماس: ۱ ورودی، ۰ خروجی، ۱ بی‌پاسخ');

  await page.getByTestId('detail-phones').getByTestId('dial-button').click();
  const bar = page.getByTestId('call-bar');
  await bar.waitFor();
  await expect(bar.textContent()).resolves.toContain('گوشی تلفن را بردارید');
  await poll(() => bar.getAttribute('data-state'), 'connected', 15_000);
  await waitFor(async () => /^۰۰:۰[۱-۹]$/.test((await bar.getByTestId('call-bar-duration').textContent()) ?? ''), { what: 'the duration to tick' });
  expect(await bar.getByTestId('call-bar-duration').textContent()).toMatch(/^۰۰:۰[۱-۹]$/);
  await shot(page, 'calls-05-connected-fa');

  await bar.getByTestId('hang-up').click();
  await poll(() => bar.getAttribute('data-state'), 'ended');
  await shot(page, 'calls-06-ended-fa');
  await bar.waitFor({ state: 'detached', timeout: 8000 });

  await poll(() => calls.getByTestId('contact-call-counts').textContent(), '۲ تماس: ۱ ورودی، ۱ خروجی، ۱ بی‌پاسخ');
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-log').click();
  await poll(() => rows().count(), 3);
  await expect(row(0).getAttribute('data-direction')).resolves.toBe('out');
  await expect(row(0).getByTestId('call-contact').textContent()).resolves.toBe('علی کریمی');
  // Calling back returned the missed call.
  await expect(row(2).getByTestId('call-returned').textContent()).resolves.toContain('پیگیری شد');
  await shot(page, 'calls-07-log-after-dial-fa');
});

it('is all in English, left to right, with the time axis running left to right', async () => {
  await outgoingCall();
  await openCalls('log');
  await api('settings/update', { language: 'en' });
  await poll(() => page.locator('html').getAttribute('dir'), 'ltr');
  await expect(page.getByTestId('call-count').textContent()).resolves.toBe('3 calls');
  await expect(row(0).getByTestId('call-kind').textContent()).resolves.toBe('Outgoing');
  await expect(row(1).getByTestId('call-kind').textContent()).resolves.toBe('Missed');
  await expect(row(1).getByTestId('call-number').textContent()).resolves.toBe('021 8877 6655');
  // Every column header shows its whole name ("Returned / recording" was cut to «Returned / record…»),
  // at the test's width and at a narrower window where the line column folds away (to nothing: not counted).
  const cutHeaders = () =>
    page
      .locator('.call-head [role="columnheader"]')
      .evaluateAll((hs) => hs.filter((h) => h.clientWidth > 0 && h.scrollWidth > h.clientWidth).map((h) => h.textContent));
  await expect(cutHeaders()).resolves.toEqual([]);
  await page.setViewportSize({ width: 1100, height: 800 });
  await expect(cutHeaders()).resolves.toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  // The empty date filters show their whole pattern ("yyyy/mm/dd" was cut to «yyyy/mm/dc» beside the
  // calendar button): the placeholder's width against the room the input leaves for text.
  const cutPlaceholders = await page.locator('.call-filters .call-date input').evaluateAll((ins) =>
    ins
      .filter((i) => {
        const input = i as HTMLInputElement;
        const css = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = css.font;
        return ctx.measureText(input.placeholder).width > input.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight);
      })
      .map((i) => (i as HTMLInputElement).placeholder),
  );
  expect(cutPlaceholders).toEqual([]);
  await shot(page, 'calls-08-log-en');

  await page.getByTestId('calls-tab-report').click();
  await page.getByTestId('report-range-today').click();
  await poll(() => page.getByTestId('report-total-outgoing').locator('.total-value').textContent(), '1');
  await expect(page.getByTestId('report-total-unreturned').locator('.total-value').textContent()).resolves.toBe('1');
  const x = async (key: string) => (await page.getByTestId('report-chart-hour').locator(`[data-key="${key}"] .chart-hit`).boundingBox())!.x;
  expect(await x('0')).toBeLessThan(await x('23'));
  await shot(page, 'calls-09-report-en');
  await api('settings/update', { language: 'fa' });
});
