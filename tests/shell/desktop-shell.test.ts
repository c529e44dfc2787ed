/**
 * The desktop shell when the engine does not start, and with a second copy of the app. The Electron
 * binary is not installed here, so src/main/shell/main.ts runs against a recording stand-in for the
 * `electron` module (tests/helpers/electron-stand-in.ts); the engine side (engine-host.ts) runs for
 * real on real damaged and locked data folders.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createElectronStandIn, FakeWindow, settle } from '../helpers/electron-stand-in';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const argv = process.argv;
afterEach(() => {
  process.argv = argv;
});

async function loadShell(dataDir: string, opts: { singleInstance?: boolean; dialogAnswers?: number[] } = {}) {
  FakeWindow.all.length = 0;
  const standIn = createElectronStandIn({ singleInstance: opts.singleInstance ?? true, dialogAnswers: opts.dialogAnswers ?? [] });
  process.argv = [argv[0]!, 'main.js', `--data=${dataDir}`];
  await jest.isolateModulesAsync(async () => {
    jest.doMock('electron', () => standIn.module);
    await import('../../src/main/shell/main');
  });
  return standIn;
}

describe('the Electron main process (stand-in electron)', () => {
  const dir = '/home/user/.config/Monshi';
  const failure = { t: 'start-failed', text: 'The database file “/home/user/.config/Monshi/monshi.sqlite” is damaged…', lang: 'en', dataDir: dir };

  it(
    'an engine that does not start: shows the reason and the data folder instead of quitting; "open folder" opens it, "try again" starts the engine ' + 'again',
    async () => {
      const shell = await loadShell(dir, { dialogAnswers: [1, 0] });
      await settle();
      expect(shell.forks).toHaveLength(1);
      expect(shell.forks[0]!.args).toEqual([dir]);
      expect(shell.windows).toHaveLength(0); // no main window before the engine said 'ready'

      shell.forks[0]!.emit('message', failure);
      await settle();
      expect(shell.forks[0]!.kill).toHaveBeenCalled();
      expect(shell.dialogs[0]!.detail).toContain(failure.text);
      expect(shell.dialogs[0]!.detail).toContain(`Data folder: ${dir}`);
      expect(shell.dialogs[0]!.buttons).toEqual(['Try again', 'Open the data folder', 'Quit']);
      expect(shell.shell.openPath).toHaveBeenCalledWith(dir);
      expect(shell.dialogs).toHaveLength(2); // still explained after the folder was opened
      expect(shell.app.quit).not.toHaveBeenCalled();
      expect(shell.forks).toHaveLength(2); // tried again

      shell.forks[1]!.emit('message', { t: 'ready' });
      await settle();
      expect(shell.windows).toHaveLength(1);
      expect(shell.windows[0]!.url).toBe('app://monshi/index.html');
    },
  );

  it('"quit" quits; the labels are in both languages when the database could not tell the user\'s', async () => {
    const shell = await loadShell(dir, { dialogAnswers: [2] });
    await settle();
    shell.forks[0]!.emit('message', { ...failure, lang: null });
    await settle();
    expect(shell.dialogs[0]!.buttons).toEqual(['دوباره امتحان کن — Try again', 'باز کردن پوشهٔ داده‌ها — Open the data folder', 'خروج — Quit']);
    expect(shell.app.quit).toHaveBeenCalled();
    expect(shell.forks).toHaveLength(1);
  });

  it('an engine process that dies without a word (a crash) is explained too, with its exit code', async () => {
    const shell = await loadShell(dir, { dialogAnswers: [2] });
    await settle();
    shell.forks[0]!.emit('exit', 134);
    await settle();
    expect(shell.dialogs).toHaveLength(1);
    expect(shell.dialogs[0]!.detail).toMatch(/code 134.*monshi\.log/s);
    expect(shell.dialogs[0]!.detail).toMatch(/کد ۱۳۴|کد 134/);
  });

  it('a second copy of the app quits at once, without an engine; the first brings its window forward', async () => {
    const second = await loadShell(dir, { singleInstance: false });
    await settle();
    expect(second.app.quit).toHaveBeenCalled();
    expect(second.forks).toHaveLength(0);

    const first = await loadShell(dir);
    await settle();
    first.forks[0]!.emit('message', { t: 'ready' });
    const win = first.windows[0]!;
    win.minimized = true;
    first.app.emit('second-instance');
    expect(win.calls).toEqual(['restore', 'show', 'focus']);
  });
});

describe('the engine process (engine-host.ts) on real data folders', () => {
  async function runHost(dataDir: string) {
    const posted: { t: string; text?: string; lang?: string | null; dataDir?: string }[] = [];
    const proc = process as unknown as { parentPort?: unknown };
    proc.parentPort = { on: jest.fn(), postMessage: (m: (typeof posted)[number]) => posted.push(m) };
    process.argv = [argv[0]!, 'engine-host.js', dataDir];
    try {
      await jest.isolateModulesAsync(async () => {
        await import('../../src/main/shell/engine-host');
      });
    } finally {
      delete proc.parentPort;
    }
    return posted;
  }

  it('a damaged database: says start-failed with the file, in both languages (its settings cannot be read)', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'monshi.sqlite'), Buffer.alloc(20_000, 0x5a));
    const posted = await runHost(dir);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.t).toBe('start-failed');
    expect(posted[0]!.lang).toBeNull();
    expect(posted[0]!.text).toContain(path.join(dir, 'monshi.sqlite'));
    expect(posted[0]!.text).toMatch(/آسیب دیده[\s\S]*is damaged/);
    removeDir(dir);
  });

  it("a folder another Monshi holds: says so in the settings' language (English here), naming the folder", async () => {
    const dir = tempDir();
    const other = testEngine(dir);
    await other.ok('settings/update', { language: 'en' });
    const posted = await runHost(dir);
    expect(posted.map((m) => m.t)).toEqual(['start-failed']);
    expect(posted[0]!.lang).toBe('en');
    expect(posted[0]!.text).toMatch(/Another Monshi is already working with the data folder/);
    expect(posted[0]!.text).toContain(dir);
    expect(posted[0]!.text).not.toMatch(/منشی/);
    await other.close();
    removeDir(dir);
  });
});
