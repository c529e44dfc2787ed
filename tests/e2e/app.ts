/**
 * End-to-end harness: the built CLI serving browser mode on a fresh data folder, and Debian's
 * Chromium driven by playwright-core. Screenshots go to test-results/e2e/ to be looked at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { tempDir } from '../helpers/engine';

const root = path.resolve(__dirname, '..', '..');
export const shotsDir = path.join(root, 'test-results', 'e2e');

export type App = { url: string; dataDir: string; proc: ChildProcess; stop: () => Promise<void> };

/** Starts `monshi serve` and resolves with the tokenised URL it prints. */
export function startApp(dataDir = tempDir('monshi-e2e-'), env: Record<string, string> = {}): Promise<App> {
  const proc = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'serve', '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 20000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += String(d);
      const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[0], dataDir, proc,
          stop: () => new Promise<void>((done) => { proc.once('exit', () => done()); proc.kill('SIGTERM'); }),
        });
      }
    });
    proc.stderr!.on('data', (d: Buffer) => { out += String(d); });
    proc.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
}
