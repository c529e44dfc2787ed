import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES: Record<string, string[]> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: [
    `${process.env['ProgramFiles'] ?? 'C:\\Program Files'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'}\\Google\\Chrome\\Application\\chrome.exe`,
    `${process.env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'}\\Microsoft\\Edge\\Application\\msedge.exe`,
  ],
};

/**
 * Opens the URL in Chromium/Chrome (or Edge) in app mode, with its own profile; MONSHI_BROWSER names
 * another Chromium-like executable. Returns false when none is installed. The URL is on the browser's
 * command line, which any local account can read: give it a one-time sign-in address, never a secret.
 */
export function openBrowserApp(url: string, profileDir: string): boolean {
  const exe = process.env.MONSHI_BROWSER || (CANDIDATES[process.platform] ?? []).find((p) => existsSync(p));
  if (!exe) return false;
  const child = spawn(exe, [`--app=${url}`, `--user-data-dir=${profileDir}`, '--no-first-run', '--disable-background-networking'], {
    detached: true,
    stdio: 'ignore',
  });
  child.unref();
  return true;
}
