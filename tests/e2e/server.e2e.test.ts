/**
 * Browser mode's sign-in and large requests, in Chromium: the one-time address becomes a cookie the
 * page cannot read, a spent address lets no other browser in, and a file larger than one socket
 * message is imported through the UI (it goes as a POST /api body).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeDir, tempDir } from '../helpers/engine';
import { shot, useApp } from './app';

// Each test on its own server; the page useApp gives is already signed in (as after the first test's check).
const { app, browser, page } = useApp({ name: 'server', fresh: 'test' });

it('the one-time address signs the browser in with a cookie the page cannot read, and works once', async () => {
  // A browser of its own that has not signed in yet.
  const first = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await first.newPage();
  const url = app.url;
  await page.goto(url);
  await page.getByTestId('phonebook').waitFor();
  expect(new URL(page.url()).search).toBe('');
  expect(await page.evaluate(() => document.cookie)).toBe('');
  // A reload keeps the session.
  await page.reload();
  await page.getByTestId('phonebook').waitFor();

  const other = await browser.newPage();
  await other.goto(url);
  await other.getByTestId('start-screen').waitFor();
  await expect(other.getByTestId('start-screen').textContent()).resolves.toContain('already been used or has expired');
  await expect(other.getByTestId('phonebook').count()).resolves.toBe(0);
  await shot(other, 'server-01-spent-address');
  await other.close();
  await first.close();
});

it('imports a 3 MB vCard through the import dialog, sent as one POST /api body', async () => {
  const dir = tempDir('monshi-vcf-');
  const file = path.join(dir, 'big.vcf');
  const cards = Array.from(
    { length: 20_000 },
    (_, i) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Person${i};Test;;;\r\nFN:Test ` +
      `Person${i}\r\nTEL;TYPE=CELL:+98912${String(i).padStart(7, '0')}\r\nNOTE:${'x'.repeat(60)}\r\nEND:VCARD\r\n`,
  );
  writeFileSync(file, cards.join(''));
  page.setDefaultTimeout(15_000);
  const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/api');
  await page.getByTestId('import-button').click();
  await page.getByTestId('import-file').setInputFiles(file);
  expect((await posted).postData()?.length).toBeGreaterThan(3 * 1024 * 1024);
  await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
  await expect(page.getByTestId('import-total').textContent()).resolves.toContain('۲۰٬۰۰۰');
  await shot(page, 'server-02-big-import-preview');
  removeDir(dir);
});
