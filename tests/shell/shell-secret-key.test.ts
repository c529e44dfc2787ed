/**
 * The desktop app's key for sealed passwords: main makes it once, keeps it only encrypted by safeStorage
 * (a 0600 file beside the data), and hands it to the engine's process; the engine seals with it and makes
 * no plain key file. Runs src/main/shell/main.ts against the stand-in `electron` module.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createElectronStandIn, FakeWindow, settle } from '../helpers/electron-stand-in';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { SAFE_KEY_FILE, SECRET_KEY_ENV } from '../../src/main/shell/secret-key';
import { KEY_FILE, secretBoxFromKey } from '../../src/main/kernel/secret-box';

const argv = process.argv;
let dir = '';
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => {
  process.argv = argv;
  removeDir(dir);
});

async function keyHandedToEngine(safeStorage: boolean): Promise<string | undefined> {
  FakeWindow.all.length = 0;
  const standIn = createElectronStandIn({ singleInstance: true, dialogAnswers: [], safeStorage });
  process.argv = [argv[0]!, 'main.js', `--data=${dir}`];
  await jest.isolateModulesAsync(async () => {
    jest.doMock('electron', () => standIn.module);
    await import('../../src/main/shell/main');
  });
  await settle();
  return standIn.forks[0]!.env[SECRET_KEY_ENV];
}

test('made once, stored only as safeStorage encrypted it (0600), the same key at the next start; the engine seals with it', async () => {
  const key = await keyHandedToEngine(true);
  expect(Buffer.from(key!, 'base64')).toHaveLength(32);
  const file = path.join(dir, SAFE_KEY_FILE);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(readFileSync(file).includes(Buffer.from(key!))).toBe(false);
  expect(await keyHandedToEngine(true)).toBe(key);

  const engine = testEngine(dir, undefined, { secrets: secretBoxFromKey(Buffer.from(key!, 'base64')) });
  try {
    await engine.ok('lines/create', { name: 'PBX', kind: 'sip', enabled: false, sipServer: 'pbx.office', sipUser: '201', sipPassword: 'pw-201' });
    const sealed = engine.db.prepare('SELECT sip_password_sealed FROM lines').pluck().get() as string;
    expect(secretBoxFromKey(Buffer.from(key!, 'base64')).open(sealed)).toBe('pw-201');
    expect(existsSync(path.join(dir, KEY_FILE))).toBe(false);
  } finally {
    await engine.close();
  }
});

test('no encryption from the system: no key is handed over (the engine keeps its 0600 key file); a key it cannot decrypt is not a crash', async () => {
  expect(await keyHandedToEngine(false)).toBeUndefined();
  expect(existsSync(path.join(dir, SAFE_KEY_FILE))).toBe(false);
  writeFileSync(path.join(dir, SAFE_KEY_FILE), 'not what safeStorage wrote');
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    expect(await keyHandedToEngine(true)).toBeUndefined();
    expect(spy).toHaveBeenCalledWith('secret key: safeStorage could not open it', expect.any(Error));
  } finally {
    spy.mockRestore();
  }
});
