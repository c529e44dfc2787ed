/**
 * A line's fax setting end to end in Chromium, on the demo line (the simulator's Class 1 with our T.30
 * as the far fax machine): the user sets the line to "Fax only" at ring 1 in the line form, the demo
 * panel rings as a fax machine, the line answers as fax and receives the sample page, and the call log
 * shows the call as a fax — in Persian, and the setting is still there when the form opens again.
 */
import type { Browser, Page } from 'playwright-core';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, launchBrowser, pollUntil, shot, startApp, type App } from './app';
import { removeDir, tempDir } from '../helpers/engine';

const dataDir = tempDir('monshi-e2e-fax-line-');
let app: App;
let browser: Browser;
let page: Page;
const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

beforeAll(async () => {
  app = await startApp(dataDir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  await page.goto(app.url);
  await page.getByTestId('phonebook').waitFor();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  removeDir(dataDir);
});

test('Fax only on the demo line: a fax machine’s call is answered as fax and logged as «فکس»', async () => {
  const line = await api('lines/create', { name: 'دمو', kind: 'demo' });
  await pollUntil(page, async () => (await api('lines/list', {})).find((l) => l.id === line.id)?.abilities.fax ?? null, 'class1', 20_000);
  await page.getByTestId('nav-lines').click();
  const card = page.getByTestId('line-card').filter({ has: page.getByText('دمو') });
  // The line's details say which fax class it uses (the Conexant has Class 1 and 2: Class 1 is chosen).
  await expect(card.getByTestId('line-fax-class').textContent()).resolves.toBe('Class 1 (پروتکل فکس را این برنامه اجرا می‌کند)');
  await card.getByTestId('line-edit').click();
  const form = page.getByTestId('line-form');
  await form.getByTestId('faxMode').selectOption('fax-only');
  await form.locator('input[name="faxRings"]').fill('۱');
  await shot(page, 'fax-line-form');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });
  expect((await api('lines/list', {})).find((l) => l.id === line.id)).toMatchObject({ faxMode: 'fax-only', faxRings: 1 });

  const panel = page.getByTestId('demo-panel');
  await panel.locator('input[name="demo-number"]').fill('02155550100');
  await panel.getByTestId('demo-fax').check();
  await panel.getByTestId('demo-ring').click();
  // Answered at ring 1, before the caller ID (it comes between rings 1 and 2): the row is the line's.
  // The sample page takes a while at the simulated line's real rate.
  await pollUntil(page, async () => (await api('calls/list', {})).rows.find((c) => c.lineId === line.id && c.endedAt !== null)?.outcome ?? null, 'fax', 90_000);
  await page.getByTestId('nav-calls').click();
  const kind = page.getByTestId('call-kind').first();
  await expect(kind.getAttribute('data-outcome')).resolves.toBe('fax');
  await expect(kind.textContent()).resolves.toContain('فکس');
  await shot(page, 'fax-line-call-log');

  // The setting is still there when the form opens again.
  await page.getByTestId('nav-lines').click();
  await card.getByTestId('line-edit').click();
  await expect(page.getByTestId('line-form').getByTestId('faxMode').inputValue()).resolves.toBe('fax-only');
}, 150_000);
