/**
 * Damaged, read-only and full database files, made for real: random bytes, a truncated file, a file
 * and a folder the user may not write (the test drops to the `nobody` account with seteuid, since root
 * writes anything), and a real full disk (a small tmpfs). Each must stop with a message in the user's
 * language that names the file and says what to do, never a bare SQLite message.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { AppError } from '../../src/main/kernel/app-error';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const NOBODY = 65534;

function startError(dataDir: string): AppError {
  try {
    testEngine(dataDir).close();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`expected a clear AppError, got ${String(e)}`);
  }
  throw new Error('the engine started on a broken data folder');
}

/** A data folder with a real database holding some contacts (closed, checkpointed). */
async function folderWithData(): Promise<string> {
  const dir = tempDir();
  const e = testEngine(dir);
  for (let i = 0; i < 120; i++)
    await e.ok('contacts/create', {
      firstName: `نام ${i}`,
      notes: 'x'.repeat(1000),
      phones: [{ kind: 'mobile', number: `0912${String(i).padStart(7, '0')}` }],
    });
  await e.close();
  return dir;
}

/** Runs `fn` as the `nobody` account (file permissions then apply), then back as root. */
function asNobody<T>(fn: () => T): T {
  const { seteuid, setegid } = process;
  // POSIX only, and the test runs as root (a reference test whose tool is missing fails, it does not skip).
  if (!seteuid || !setegid || process.geteuid?.() !== 0) throw new Error('this test needs root on Linux to act as another account');
  setegid(NOBODY);
  seteuid(NOBODY);
  try {
    return fn();
  } finally {
    seteuid(0);
    setegid(0);
  }
}

const chownTree = (p: string) => execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, p]);

describe('bad database files at start', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('random bytes: names the file and says to move it aside and restore a backup, in Persian and English', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'monshi.sqlite');
    writeFileSync(file, randomBytes(64 * 1024));
    const before = readFileSync(file);
    const err = startError(dir);
    expect(err.code).toBe('db/corrupt');
    // Left byte for byte as it was (the user's only copy, perhaps): no journal, no WAL replayed into it.
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(err.toShape('en').message).toContain(file);
    expect(err.toShape('en').message).toMatch(/damaged.*move the file aside.*backup/s);
    expect(err.toShape('fa').message).toContain(file);
    expect(err.toShape('fa').message).toMatch(/آسیب دیده.*پشتیبان/s);
  });

  it('a half (truncated) file is reported as damaged, with its path', async () => {
    const dir = await folderWithData();
    dirs.push(dir);
    const file = path.join(dir, 'monshi.sqlite');
    const size = readFileSync(file).length;
    expect(size).toBeGreaterThan(100_000);
    truncateSync(file, Math.floor(size / 2));
    const before = readFileSync(file);
    const err = startError(dir);
    expect(err.code).toBe('db/corrupt');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(err.toShape('en').message).toContain(file);
  });

  it('a read-only database file: says so, names it and says to fix the permissions', async () => {
    const dir = await folderWithData();
    dirs.push(dir);
    const file = path.join(dir, 'monshi.sqlite');
    chownTree(dir);
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const err = asNobody(() => startError(dir));
    expect(err.code).toBe('db/readonly');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(err.toShape('en').message).toContain(file);
    expect(err.toShape('en').message).toMatch(/read-only.*permission to write/s);
    expect(err.toShape('fa').message).toMatch(/فقط‌خواندنی/);
  });

  it('a read-only data folder: says so and names the folder or its database', async () => {
    const dir = await folderWithData();
    dirs.push(dir);
    chownTree(dir);
    chmodSync(dir, 0o555);
    const err = asNobody(() => startError(dir));
    expect(err.code).toBe('db/readonly');
    expect(err.toShape('en').message).toContain(dir);
    expect(err.toShape('en').message).toMatch(/permission to write/);
  });

  it('a new data folder inside a folder the user may not write: names it, does not throw a bare EACCES', () => {
    const parent = tempDir();
    dirs.push(parent);
    chmodSync(parent, 0o755); // root's, so nobody may not create in it
    const dir = path.join(parent, 'Monshi');
    const err = asNobody(() => startError(dir));
    expect(err.code).toBe('db/readonly');
    expect(err.toShape('en').message).toContain(dir);
  });

  describe('on a full disk', () => {
    const mnt = tempDir('monshi-tmpfs-');
    beforeAll(() => execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]));
    afterAll(() => {
      execFileSync('umount', ['--lazy', mnt]);
      removeDir(mnt);
    });

    const fill = (name: string) => {
      // Fill the disk to the last byte, as a big download or a recording left running would.
      const chunk = Buffer.alloc(64 * 1024, 1);
      const file = path.join(mnt, name);
      writeFileSync(file, '');
      for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
        try {
          for (;;) writeFileSync(file, chunk.subarray(0, size), { flag: 'a' });
        } catch {
          /* ENOSPC: try a smaller piece */
        }
      }
    };

    it('at start: says the disk is full, names the file, and says to free space', () => {
      const dir = path.join(mnt, 'start');
      mkdirSync(dir);
      fill('filler-start');
      const err = startError(dir);
      expect(err.code).toBe('db/full');
      expect(err.toShape('en').message).toContain(dir);
      expect(err.toShape('en').message).toMatch(/disk .* is full.*Free some space/s);
      expect(err.toShape('fa').message).toMatch(/پر است/);
      for (const f of readdirSync(mnt)) removeDir(path.join(mnt, f));
    });

    it('an existing database on a full disk: says the disk is full and leaves the file byte for byte as it was', async () => {
      const dir = path.join(mnt, 'existing');
      const e = testEngine(dir);
      for (let i = 0; i < 20; i++) await e.ok('contacts/create', { firstName: `نام ${i}`, notes: 'x'.repeat(2000) });
      await e.close();
      const file = path.join(dir, 'monshi.sqlite');
      const before = readFileSync(file);
      fill('filler-existing');
      let err: AppError;
      try {
        err = startError(dir);
      } finally {
        removeDir(path.join(mnt, 'filler-existing'));
      }
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(err.code).toBe('db/full');
      expect(err.toShape('en').message).toMatch(/is full/);
      removeDir(dir);
    });

    it('while running: every write says the disk is full, not "internal error", and works again once space is freed', async () => {
      const dir = path.join(mnt, 'running');
      const e = testEngine(dir);
      await e.ok('contacts/create', { firstName: 'پیش از پر شدن' });
      fill('filler-running');
      const errors = [];
      // Enough writes to need new WAL pages (the first may fit in space the WAL already holds).
      for (let i = 0; i < 40; i++) {
        const r = await e.invoke('contacts/create', { firstName: `نام ${i}`, notes: 'y'.repeat(4000) }, 'en');
        if (!r.ok) errors.push(r.error);
      }
      expect(errors.length).toBeGreaterThan(0);
      for (const error of errors) {
        expect(error.code).toBe('db/full');
        expect(error.message).toMatch(/is full; nothing was saved/);
        expect(error.message).toContain(path.join(dir, 'monshi.sqlite'));
      }
      const fa = await e.fail('contacts/create', { firstName: 'z'.repeat(50), notes: 'y'.repeat(4000) }, 'fa');
      expect(fa.message).toMatch(/دیسک.*پر است/);
      removeDir(path.join(mnt, 'filler-running'));
      await e.ok('contacts/create', { firstName: 'پس از جا باز کردن' });
      await e.close();
    });
  });
});

describe('damage found while running', () => {
  it('a request that reads a damaged page says the file is damaged and names it, not "internal error"', async () => {
    const dir = await folderWithData();
    const file = path.join(dir, 'monshi.sqlite');
    // Garbage over the pages of the contacts table (SQLite's dbstat says which): what start reads stays intact.
    const raw = new Database(file, { readonly: true });
    const leaves = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'contacts' AND pagetype = 'leaf'").pluck().all() as number[];
    raw.close();
    expect(leaves.length).toBeGreaterThan(3);
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (const pg of leaves) randomBytes(pageSize).copy(bytes, (pg - 1) * pageSize);
    writeFileSync(file, bytes);
    const e = testEngine(dir);
    const en = await e.fail('contacts/search', { text: '' }, 'en');
    expect(en.code).toBe('db/corrupt');
    expect(en.message).toContain(file);
    expect(en.message).toMatch(/damaged.*backup/s);
    expect((await e.fail('contacts/search', { text: 'نام' }, 'fa')).message).toMatch(/آسیب دیده/);
    await e.close();
    removeDir(dir);
  });
});

describe('damage in a table read at start', () => {
  it('the settings table damaged: start stops with the file named, and the folder is not left locked', async () => {
    const dir = await folderWithData();
    const file = path.join(dir, 'monshi.sqlite');
    const e0 = testEngine(dir);
    await e0.ok('settings/update', { userName: 'منشی دفتر' });
    await e0.close();
    const raw = new Database(file, { readonly: true });
    const pages = raw.prepare("SELECT pageno FROM dbstat WHERE name = 'settings'").pluck().all() as number[];
    raw.close();
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (const pg of pages) randomBytes(pageSize).copy(bytes, (pg - 1) * pageSize);
    writeFileSync(file, bytes);
    const err = startError(dir);
    expect(err.code).toBe('db/corrupt');
    expect(err.toShape('en').message).toContain(file);
    // Fixed (here: a fresh file in its place), it starts at once: nothing kept the folder locked.
    for (const f of readdirSync(dir)) if (f.startsWith('monshi.sqlite')) removeDir(path.join(dir, f));
    await testEngine(dir).close();
    removeDir(dir);
  });
});

describe('a newer database whose last changes are still in its WAL', () => {
  it('is refused without checkpointing: the file and its WAL stay byte for byte as they were', () => {
    const dir = tempDir();
    const src = path.join(dir, 'writer.sqlite');
    const file = path.join(dir, 'monshi.sqlite');
    // A newer Monshi, killed while its last writes were only in the WAL: copy its files while it holds them.
    const writer = new Database(src);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec("CREATE TABLE future (x TEXT NOT NULL) STRICT; INSERT INTO future VALUES ('written by a newer Monshi')");
    writer.pragma('user_version = 999');
    copyFileSync(src, file);
    copyFileSync(`${src}-wal`, `${file}-wal`);
    writer.close();
    const before = { db: readFileSync(file), wal: readFileSync(`${file}-wal`) };
    expect(before.wal.length).toBeGreaterThan(0);

    const err = startError(dir);
    expect(err.code).toBe('db/newer');
    expect(err.toShape('en').message).toMatch(/version 999/);
    expect(readFileSync(file).equals(before.db)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(readFileSync(`${file}-wal`).equals(before.wal)).toBe(true);
    removeDir(dir);
  });
});
