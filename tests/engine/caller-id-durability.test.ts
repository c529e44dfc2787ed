/**
 * The caller's number is shown before its commit reaches the disk (src/main/db/wal-sync.ts), and the
 * call log still keeps it: a Monshi killed (-9) inside the 'call/incoming' event — the popup up, nothing
 * after it run — has the call with its number after a restart; in a running Monshi the WAL is fsync'd
 * right after the event, before the next one, and every other save is still fsync'd before it returns.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import type { EventMap } from '../../src/shared/contract/api';
import { commitBeforeFsync } from '../../src/main/db/wal-sync';
import { createEngine } from '../../src/main/engine/engine';
import { fastDemo, until } from '../helpers/demo-line';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { nodeExternals } from '../helpers/node-externals';

jest.setTimeout(60_000);

const root = path.resolve(__dirname, '..', '..');

it('a Monshi killed while the popup shows a caller has that call, with its number, in the log after a restart', async () => {
  // Bundled as the CLI is (tests/engine/data-folder.test.ts), into its own folder.
  const script = path.join(root, 'dist', 'jest-crash', 'crash-at-caller-id.js');
  buildSync({
    entryPoints: [path.join(root, 'tests', 'helpers', 'crash-at-caller-id.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: nodeExternals,
  });
  const dir = tempDir();
  try {
    const child = spawn(process.execPath, [script, dir, '09121234567'], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    expect([signal, stderr]).toEqual(['SIGKILL', '']);

    const e = testEngine(dir);
    try {
      const { rows } = await e.ok('calls/list', {});
      expect(rows).toHaveLength(1);
      // Left open by the crash, so closed as missed at start; the number the popup showed is there.
      expect(rows[0]).toMatchObject({ numberRaw: '09121234567', numberKey: '989121234567', outcome: 'missed', direction: 'in' });
    } finally {
      await e.close();
    }
  } finally {
    removeDir(dir);
  }
});

it("the WAL is fsync'd after 'call/incoming' and before 'call/updated'; saves keep synchronous=FULL", async () => {
  const dir = tempDir();
  const wal = path.join(dir, 'monshi.sqlite-wal');
  // What happened, in order: the engine's events and the fsyncs of a descriptor opened on the WAL.
  const log: string[] = [];
  const walFds = new Set<number>();
  const [realOpen, realFsync] = [fs.openSync.bind(fs), fs.fsyncSync.bind(fs)];
  const open = jest.spyOn(fs, 'openSync').mockImplementation((...args: Parameters<typeof fs.openSync>) => {
    const fd = realOpen(...args);
    if (args[0] === wal) walFds.add(fd);
    return fd;
  });
  const fsync = jest.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
    if (walFds.has(fd)) log.push('fsync');
    realFsync(fd);
  });
  const engine = createEngine({ dataDir: dir, lineFactory: fastDemo });
  let idle = false;
  let incoming: EventMap['call/incoming'] | undefined;
  engine.subscribe((e) => {
    log.push(e.name);
    if (e.name === 'lines/status' && e.payload.status === 'idle') idle = true;
    if (e.name === 'call/incoming') incoming = e.payload;
  });
  try {
    const line = await engine.invoke('lines/create', { name: 'Demo', kind: 'demo' }, 'en');
    if (!line.ok) throw new Error(line.error.message);
    await until(() => idle);
    const rung = await engine.invoke('lines/demo-call', { lineId: line.value.id, number: '09121234567', format: 'mdmf', rings: 1 }, 'en');
    expect(rung.ok).toBe(true);
    await until(() => incoming);
    const at = log.indexOf('call/incoming');
    expect(log.slice(at, at + 3)).toEqual(['call/incoming', 'fsync', 'call/updated']);
    expect(incoming!.call.numberRaw).toBe('09121234567');
    // Back at FULL (2) for every other save.
    expect(engine.db.pragma('synchronous', { simple: true })).toBe(2);
  } finally {
    open.mockRestore();
    fsync.mockRestore();
    await engine.close();
    removeDir(dir);
  }
});

describe('commitBeforeFsync', () => {
  it('a write that throws is rolled back and the connection is back at FULL', async () => {
    const e = testEngine();
    try {
      const before = e.db.prepare('SELECT COUNT(*) AS n FROM lines').get() as { n: number };
      expect(() =>
        commitBeforeFsync(e.db, () => {
          e.db.prepare("INSERT INTO lines (name, kind, created_at) VALUES ('x', 'demo', '2026-01-01')").run();
          throw new Error('half-way');
        }),
      ).toThrow('half-way');
      expect(e.db.prepare('SELECT COUNT(*) AS n FROM lines').get()).toEqual(before);
      expect(e.db.pragma('synchronous', { simple: true })).toBe(2);
    } finally {
      await e.close();
      removeDir(e.dataDir);
    }
  });

  it('on a connection that does not fsync its commits (NORMAL) it has nothing to defer', async () => {
    const e = testEngine(tempDir(), undefined, { synchronous: 'NORMAL' });
    const fsync = jest.spyOn(fs, 'fsyncSync');
    try {
      const { value, fsync: later } = commitBeforeFsync(e.db, () => 7);
      later();
      expect(value).toBe(7);
      expect(fsync).not.toHaveBeenCalled();
      expect(e.db.pragma('synchronous', { simple: true })).toBe(1);
    } finally {
      fsync.mockRestore();
      await e.close();
      removeDir(e.dataDir);
    }
  });
});
