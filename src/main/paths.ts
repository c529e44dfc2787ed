/**
 * Where things are: the app's own files (migrations, fonts, UI bundle) and the user's data folder.
 * The engine runs from source (Jest), bundled (dist/cli.js) and packaged (Electron asar), so the app
 * root is found by walking up to the folder that holds `migrations/` and `package.json`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

let cachedRoot: string | null = null;

export function appRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    if (existsSync(path.join(dir, 'migrations')) && existsSync(path.join(dir, 'package.json'))) return (cachedRoot = dir);
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Monshi's app folder (with migrations/) was not found above ${__dirname}`);
    dir = parent;
  }
}

export const migrationsDir = () => path.join(appRoot(), 'migrations');
export const rendererDir = () => path.join(appRoot(), 'dist', 'renderer');

/** The OS user-data folder, as Electron's app.getPath('userData') would give it for "Monshi". */
export function defaultDataDir(): string {
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Monshi');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Monshi');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Monshi');
}

/** `--data DIR` beats MONSHI_DATA beats the OS default. */
export function resolveDataDir(flag?: string | null): string {
  return path.resolve(flag || process.env.MONSHI_DATA || defaultDataDir());
}

/** The data folder and its sub-folders: the database plus recordings, voicemail, faxes and attachments. */
export const DATA_SUBDIRS = ['recordings', 'voicemail', 'faxes', 'attachments'] as const;

export function ensureDataDir(dataDir: string): { dbFile: string } {
  mkdirSync(dataDir, { recursive: true });
  for (const sub of DATA_SUBDIRS) mkdirSync(path.join(dataDir, sub), { recursive: true });
  return { dbFile: path.join(dataDir, 'monshi.sqlite') };
}
