/**
 * A disk that fills while Monshi runs, as the user sees it: browser mode on a data folder on a small
 * real tmpfs, the disk filled to the last byte, then a contact saved in the real UI. The form must say
 * the disk is full (and which file), in Persian and in English, and save once space is freed.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, pollUntil, shot, startApp, type App } from './app';
import { removeDir, tempDir } from '../helpers/engine';

const mnt = tempDir('monshi-e2e-tmpfs-');
const dataDir = path.join(mnt, 'data');
const filler = path.join(mnt, 'filler');
let app: App;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mnt]);
  app = await startApp(dataDir);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  await page.goto(app.url);
  await page.getByTestId('phonebook').waitFor();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
  execFileSync('umount', ['--lazy', mnt]);
  removeDir(mnt);
});

/** Empties the WAL (so the next save needs new space), then fills the disk to its last byte. */
function fillDisk() {
  const db = new Database(path.join(dataDir, 'monshi.sqlite'));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(filler, '');
  const chunk = Buffer.alloc(64 * 1024, 1);
  for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
    try {
      for (;;) writeFileSync(filler, chunk.subarray(0, size), { flag: 'a' });
    } catch {
      /* ENOSPC: a smaller piece */
    }
  }
}

async function trySave(name: string) {
  await page.getByTestId('new-contact').click();
  await page.getByTestId('firstName').fill(name);
  await page.getByTestId('save-contact').click();
}

it('Persian: the form says the disk is full and names the database; saved after space is freed', async () => {
  fillDisk();
  await trySave('پر شدن دیسک');
  const banner = page.getByTestId('form-error');
  await banner.waitFor();
  const text = await banner.textContent();
  expect(text).toContain('پر است');
  // Isolated left-to-right, so the right-to-left line does not move the path's leading slash (screenshot).
  expect(text).toContain(`\u2066${path.join(dataDir, 'monshi.sqlite')}\u2069`);
  expect(text).not.toMatch(/خطای داخلی/);
  await shot(page, 'disk-full-fa');
  removeDir(filler);
  await page.getByTestId('save-contact').click();
  await expect(page.getByTestId('detail-name').textContent()).resolves.toBe('پر شدن دیسک');
});

it('English: the same, in English', async () => {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-language').selectOption('en');
  await pollUntil(page, () => page.locator('html').getAttribute('dir'), 'ltr');
  await page.getByTestId('nav-phonebook').click();
  fillDisk();
  await trySave('Disk full');
  const banner = page.getByTestId('form-error');
  await banner.waitFor();
  const text = await banner.textContent();
  expect(text).toMatch(/The disk holding .* is full; nothing was saved\. Free some space/);
  await shot(page, 'disk-full-en');
  removeDir(filler);
});
