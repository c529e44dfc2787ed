/**
 * The dashboard (issue 19) in Chromium, in Persian then English: each tile's figures are what was put in
 * (missed and answered calls on the demo line, a number waiting for a call back, a birthday and a
 * reminder today, a cheque due in three days), the calls chart is drawn, and a tile opens the list
 * behind it.
 */
import { engineApi, pollUntil, shot, useApp } from './app';
import { waitFor } from '../helpers/wait';

const e2e = useApp({ name: 'dashboard' });
const { page } = e2e;

const pad = (n: number) => String(n).padStart(2, '0');
const isoIn = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
};
let lineId = 0;
const idle = async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === lineId)?.status === 'idle';

async function missed(number: string) {
  const before = (await engineApi(page, 'calls/list', { limit: 1 })).total;
  await engineApi(page, 'lines/demo-call', { lineId, number, rings: 1 });
  await waitFor(async () => (await engineApi(page, 'calls/list', { limit: 1 })).total > before && (await idle()), { everyMs: 100, timeoutMs: 30_000 });
}

/** Milliseconds until the next local midnight. */
const toMidnight = () => {
  const now = new Date();
  const midnight = new Date(now);
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - now.getTime();
};

beforeAll(async () => {
  // Everything here is about "today": a file that starts in the last minutes of a day waits for the next,
  // so what it puts in and what it reads fall on one date.
  if (toMidnight() < 3 * 60_000) await new Promise((r) => setTimeout(r, toMidnight() + 1000));
  lineId = (await engineApi(page, 'lines/create', { name: 'خط نمایشی', kind: 'demo' })).id;
  const born = `1990-${isoIn(0).slice(5)}`;
  await engineApi(page, 'contacts/create', { firstName: 'سارا', lastName: 'کاظمی', birthDate: born, phones: [{ number: '0912 123 4567', kind: 'mobile' }] });
  await engineApi(page, 'reminders/create', { subject: 'جلسهٔ فروش', date: isoIn(0), time: '23:59' });
  await engineApi(page, 'cheques/create', { direction: 'received', amount: 125_000_000, dueDate: isoIn(3), partyName: 'پخش البرز', bankCode: 'mellat' });
  await waitFor(idle, { everyMs: 100, timeoutMs: 20_000 });
  await missed('09121234567');
  await missed('02188776655');
}, 300_000);

const figure = (tile: string) => page.getByTestId(`tile-${tile}`).getByTestId('tile-figure');

it('shows today’s figures in Persian, draws the calls chart, and a tile opens its list', async () => {
  await page.getByTestId('nav-dashboard').click();
  await page.getByTestId('dashboard').waitFor();
  await pollUntil(page, () => figure('calls').textContent(), '۲');
  await expect(page.getByTestId('tile-calls').getByTestId('part-missed').locator('dd').textContent()).resolves.toBe('۲');
  await expect(figure('callbacks').textContent()).resolves.toBe('۲');
  await expect(page.getByTestId('tile-callbacks').textContent()).resolves.toContain('سارا کاظمی');
  await expect(figure('voicemail').textContent()).resolves.toBe('۰');
  await expect(figure('birthdays').textContent()).resolves.toBe('۱');
  await expect(page.getByTestId('tile-birthdays').textContent()).resolves.toContain('سارا کاظمی');
  await expect(figure('reminders').textContent()).resolves.toBe('۱');
  await expect(page.getByTestId('tile-reminders').textContent()).resolves.toContain('جلسهٔ فروش');
  await expect(figure('cheques').textContent()).resolves.toBe('۱');
  await expect(page.getByTestId('cheques-received').textContent()).resolves.toBe('۱ دریافتی — ۱۲۵٬۰۰۰٬۰۰۰ ریال');
  // The chart was drawn: its canvas has pixels of the "missed" colour.
  const drawn = await page.getByTestId('calls-chart').evaluate((c: HTMLCanvasElement) => {
    const px = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i]! > 170 && px[i + 1]! < 80 && px[i + 2]! < 80) red++;
    return red;
  });
  expect(drawn).toBeGreaterThan(50);
  await shot(page, 'dashboard-01-today-fa');

  await page.getByTestId('tile-callbacks').getByTestId('tile-open').click();
  await page.getByTestId('callbacks').waitFor();
  expect(page.url()).toMatch(/#\/calls\/callbacks$/);
  await page.goBack();
  await page.getByTestId('dashboard').waitFor();
});

it('in English, this month’s range, and after a restart', async () => {
  await engineApi(page, 'settings/update', { language: 'en' });
  await e2e.restart();
  await page.goto(`${e2e.app.url}#/dashboard`);
  await page.getByTestId('dashboard').waitFor();
  await page.getByTestId('dashboard-range-month').click();
  await pollUntil(page, () => figure('calls').textContent(), '2');
  await expect(page.getByTestId('cheques-received').textContent()).resolves.toBe('1 received — 125,000,000 rials');
  await expect(page.getByTestId('tile-calls').getByTestId('tile-open').textContent()).resolves.toBe('Calls');
  await shot(page, 'dashboard-02-month-en');
});
