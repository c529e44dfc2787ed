/**
 * Where things are: the app's own files (migrations, fonts, UI bundle) and the user's data folder.
 * The engine runs from source (Jest), bundled (dist/cli.js) and packaged (Electron asar), so the app
 * root is found by walking up to the folder that holds `migrations/` and `package.json`.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
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

/**
 * Creates the data folder and its sub-folders for this user alone (0700): it holds cheques, pay and
 * call recordings, and on a shared PC every other account could otherwise read them. A folder left
 * open by an older Monshi (0755, files 0644) is closed once, with everything in it.
 */
export function ensureDataDir(dataDir: string): { dbFile: string } {
  // Windows has no POSIX modes (every folder reads as 0777): there the profile's ACL keeps other accounts out.
  const wasOpen = process.platform !== 'win32' && existsSync(dataDir) && (statSync(dataDir).mode & 0o077) !== 0;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  for (const sub of DATA_SUBDIRS) mkdirSync(path.join(dataDir, sub), { recursive: true, mode: 0o700 });
  if (wasOpen) makePrivate(dataDir);
  return { dbFile: path.join(dataDir, 'monshi.sqlite') };
}

/**
 * What Monshi itself keeps in the data folder. Only these are closed: `--data` may name a folder that
 * holds other things too (a home folder), and those are not Monshi's to change.
 */
const OWN_ENTRIES = new Set<string>([...DATA_SUBDIRS, 'fonts', '.browser-profile']);
const isOwn = (name: string) => OWN_ENTRIES.has(name) || /^monshi\./.test(name);

/**
 * New files (the database and its WAL, the log, recordings, voicemail, faxes) are created 0600 and
 * folders 0700: the engine owns its process in every shell, so its umask is the simplest net that
 * catches every writer. (A worker thread may not set it; there the folder's 0700 still protects.)
 */
export function privateUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    /* worker threads cannot set the umask */
  }
}

/**
 * Takes group and other permissions off the data folder and Monshi's own files in it, recursively
 * (owner bits stay: a read-only file stays read-only).
 */
function makePrivate(dataDir: string): void {
  const close = (p: string, deep: boolean) => {
    try {
      const st = lstatSync(p);
      if (st.isSymbolicLink()) return;
      if ((st.mode & 0o077) !== 0) chmodSync(p, st.mode & 0o7700);
      if (deep && st.isDirectory()) for (const name of readdirSync(p)) close(path.join(p, name), true);
    } catch {
      // A file of another account (EPERM) or one removed meanwhile: the folder's own 0700 still shuts others out.
    }
  };
  close(dataDir, false);
  for (const name of readdirSync(dataDir)) if (isOwn(name)) close(path.join(dataDir, name), true);
}
