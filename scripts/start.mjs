// `npm start`: opens the Electron app; where Electron's binary could not be downloaded (no internet),
// says so in one line and starts browser mode instead.
//
// better-sqlite3 is not N-API: the copy in node_modules is built for Node (used by `npm test`), and a
// second copy is built once for Electron's ABI under build/electron-native/<version>/ and handed to the
// engine as `nativeBinding` — so `npm start` and `npm test` work on one checkout in either order.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function electronBinary() {
  try {
    return require('electron'); // the path of the binary; throws when the download failed
  } catch {
    return null;
  }
}

function electronSqliteBinding(version) {
  const dir = path.join(root, 'build', 'electron-native', version);
  const binding = path.join(dir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;
  console.log(`Building better-sqlite3 for Electron ${version} (once)…`);
  mkdirSync(dir, { recursive: true });
  cpSync(path.join(root, 'node_modules', 'better-sqlite3'), dir, { recursive: true, filter: (f) => !f.includes(`${path.sep}build${path.sep}`) });
  const gyp = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const args = ['rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'];
  const r = existsSync(gyp)
    ? spawnSync(process.execPath, [gyp, ...args], { cwd: dir, stdio: 'inherit' })
    : spawnSync('npx', ['--yes', 'node-gyp', ...args], { cwd: dir, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0 && existsSync(binding) ? binding : null;
}

const electron = electronBinary();
if (electron && existsSync(electron)) {
  const version = JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const binding = electronSqliteBinding(version);
  if (binding) {
    const child = spawn(electron, [path.join(root, 'dist', 'shell', 'main.js'), ...passThrough], {
      stdio: 'inherit',
      env: { ...process.env, MONSHI_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
  } else {
    console.log('better-sqlite3 could not be built for Electron: starting browser mode instead.');
    startBrowserMode();
  }
} else {
  console.log('Electron is not installed (its binary could not be downloaded, e.g. without internet): starting browser mode instead.');
  startBrowserMode();
}

function startBrowserMode() {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'monshi.js'), 'serve', '--open', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
