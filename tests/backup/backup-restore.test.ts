/**
 * Backups and restores on a real engine, real SQLite files and real files in recordings/ and voicemail/:
 * a round trip reads everything back (audio byte for byte), encryption, a wrong password, a flipped
 * byte anywhere refused naming the member, a newer backup refused, a backup made while calls are being
 * logged restores to a consistent database, and the CLI through a child process.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openArchive, createArchiveWriter } from '../../src/main/backup/backup-archive';
import { logCalls } from '../helpers/call-log-model';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

jest.setTimeout(120_000);

const audio = (seed: number) => Buffer.concat([Buffer.from('RIFF'), randomBytes(50_000 + seed)]);

/** An engine with contacts, a call log, and audio files in recordings/ and voicemail/. */
async function office(): Promise<{ dir: string; e: TestEngine; files: Record<string, Buffer> }> {
  const dir = tempDir();
  const e = testEngine(dir);
  for (let i = 0; i < 30; i++)
    await e.ok('contacts/create', { firstName: `مخاطب ${i}`, phones: [{ kind: 'mobile', number: `0912${String(i).padStart(7, '0')}` }] });
  let seed = 1;
  logCalls(e.db, 200, () => (seed = (seed * 16807) % 2147483647) / 2147483647);
  const files: Record<string, Buffer> = {
    'recordings/2026/12/call-1.wav': audio(1),
    'recordings/2026/12/call-2.wav': audio(2),
    'voicemail/box-1/msg-1.wav': audio(3),
    'faxes/in-1.tif': audio(4),
  };
  for (const [rel, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), bytes);
  }
  return { dir, e, files };
}

const contactCount = async (e: TestEngine) => (await e.ok('contacts/search', { text: '' })).total;

describe('backup and restore in the running engine', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach(removeDir));

  it('round trip: back up, change data, restore; the data and the audio files are as they were', async () => {
    const { dir, e, files } = await office();
    const out = tempDir('monshi-backups-');
    dirs.push(dir, out);
    await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3 });
    const made = await e.ok('backup/now', {});
    expect(made.counts.contacts).toBe(30);
    expect(made.counts.calls).toBe(200);
    expect(made.files).toBe(4);
    expect((await e.ok('backup/list', {})).files.map((f) => f.file)).toEqual([made.file]);
    expect((await e.ok('backup/status', {})).lastGoodAt).not.toBeNull();

    // Changes after the backup: a contact more, a recording gone, another changed.
    await e.ok('contacts/create', { firstName: 'پس از پشتیبان' });
    removeDir(path.join(dir, 'recordings/2026/12/call-1.wav'));
    writeFileSync(path.join(dir, 'voicemail/box-1/msg-1.wav'), 'changed');
    writeFileSync(path.join(dir, 'recordings/new.wav'), 'new');
    expect(await contactCount(e)).toBe(31);

    const shown = await e.ok('backup/inspect', { file: made.file });
    expect(shown.counts.contacts).toBe(30);
    const r = await e.ok('backup/restore', { file: made.file });
    expect(r.safety).toMatch(/before-restore\.monshi-backup$/);
    // The engine restarts on the restored data; this request waits for it.
    expect(await contactCount(e)).toBe(30);
    for (const [rel, bytes] of Object.entries(files)) expect(readFileSync(path.join(dir, rel)).equals(bytes)).toBe(true);
    expect(existsSync(path.join(dir, 'recordings/new.wav'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.restore') || n.startsWith('before-restore'))).toEqual([]);
    expect(e.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The data before the restore was kept as a backup: restoring it brings the 31st contact back.
    await e.ok('backup/restore', { file: r.safety });
    expect(await contactCount(e)).toBe(31);
    expect(readFileSync(path.join(dir, 'recordings/new.wav'), 'utf8')).toBe('new');
    await e.close();
  });

  it('encrypted: the password is needed, a wrong one is named as wrong, the right one restores', async () => {
    const { dir, e } = await office();
    const out = tempDir('monshi-backups-');
    dirs.push(dir, out);
    await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3, password: 'رمز خوب 123' });
    expect((await e.ok('backup/settings', {})).encrypted).toBe(true);
    const made = await e.ok('backup/now', {});
    // Nothing of the data is readable in the file.
    const raw = readFileSync(made.file);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('RIFF'))).toBe(false);
    expect((await e.fail('backup/inspect', { file: made.file }, 'en')).message).toMatch(/encrypted: type its password/);
    const wrong = await e.fail('backup/restore', { file: made.file, password: 'wrong' }, 'en');
    expect(wrong.code).toBe('backup/password');
    expect(wrong.message).toMatch(/password .* is wrong/);
    expect((await e.fail('backup/inspect', { file: made.file, password: 'x' }, 'fa')).message).toMatch(/رمز .* درست نیست/);
    await e.ok('contacts/create', { firstName: 'بعدی' });
    await e.ok('backup/restore', { file: made.file, password: 'رمز خوب 123' });
    expect(await contactCount(e)).toBe(30);
    await e.close();
  });

  it('a flipped byte anywhere is refused naming the member, and the data is left as it was', async () => {
    const { dir, e } = await office();
    const out = tempDir('monshi-backups-');
    dirs.push(dir, out);
    for (const password of ['', 'pw']) {
      await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 10, password });
      const made = await e.ok('backup/now', {});
      const good = readFileSync(made.file);
      const { manifest } = await openArchive(made.file, password || null);
      const db = manifest.members.find((m) => m.name === 'monshi.sqlite')!;
      const rec = manifest.members.find((m) => m.name === 'recordings/2026/12/call-2.wav')!;
      const cases: [number, RegExp][] = [
        [db.offset + Math.floor(db.stored / 2), /monshi\.sqlite/],
        [rec.offset + 100, /recordings\/2026\/12\/call-2\.wav/],
        [rec.offset - 3, /recordings\/2026\/12\/call-2\.wav/], // its name
        [good.length - 40, /manifest\.json/],
        [good.length - 70, /manifest\.json/],
      ];
      const before = readFileSync(path.join(dir, 'monshi.sqlite'));
      for (const [at, member] of cases) {
        const bad = Buffer.from(good);
        bad[at] = (bad[at] ?? 0) ^ 0x01;
        const file = path.join(out, `bad-${at}.monshi-backup`);
        writeFileSync(file, bad);
        const err = await e.fail('backup/restore', { file, password }, 'en');
        expect({ at, code: err.code }).toEqual({ at, code: 'backup/damaged' });
        expect(err.message).toMatch(member);
        expect(err.message).toMatch(/Nothing was restored/);
      }
      expect(readdirSync(dir).filter((n) => n.startsWith('.restore'))).toEqual([]);
      expect(await contactCount(e)).toBe(30);
      expect(readFileSync(path.join(dir, 'monshi.sqlite')).length).toBe(before.length);
    }
    await e.close();
  });

  it('a backup of a newer Monshi is refused before anything is written', async () => {
    const { dir, e } = await office();
    dirs.push(dir);
    const file = path.join(dir, 'future.monshi-backup');
    const w = await createArchiveWriter(file, null);
    await w.add('monshi.sqlite', [Buffer.from('not looked at')]);
    await w.finish({ app: 'monshi', appVersion: '9.0.0', schemaVersion: 999, createdAt: new Date().toISOString(), counts: {} });
    const err = await e.fail('backup/restore', { file }, 'en');
    expect(err.code).toBe('backup/newer');
    expect(err.message).toMatch(/newer Monshi \(version 999/);
    expect(await contactCount(e)).toBe(30);
    await e.close();
  });

  it('a backup made while calls are being logged restores to a consistent database', async () => {
    const { dir, e } = await office();
    const out = tempDir('monshi-backups-');
    dirs.push(dir, out);
    let seed = 7;
    const r = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    logCalls(e.db, 12_000, r); // big enough for the online backup to take many steps
    await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3 });
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        logCalls(e.db, 3, r);
        await e.ok('contacts/create', { firstName: `در حین ${written}` });
        written++;
        await new Promise((res) => setImmediate(res));
      }
    })();
    const made = await e.ok('backup/now', {});
    writing = false;
    await writer;
    expect(written).toBeGreaterThan(3); // requests were answered during the backup
    await e.ok('backup/restore', { file: made.file });
    // A request waits for the engine's restart on the restored data; then its database is looked at.
    expect(await contactCount(e)).toBe(made.counts.contacts);
    expect(e.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(e.db.pragma('foreign_key_check')).toEqual([]);
    expect(e.db.prepare('SELECT count(*) FROM calls').pluck().get()).toBe(made.counts.calls);
    await e.close();
  });

  it('at exit: closing Monshi makes a backup when the setting asks for one, keeping the newest N', async () => {
    const { dir, e } = await office();
    const out = tempDir('monshi-backups-');
    dirs.push(dir, out);
    await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: true, keep: 2 });
    for (let i = 0; i < 2; i++) await e.ok('backup/now', {});
    const list = () =>
      readdirSync(out)
        .filter((n) => n.endsWith('.monshi-backup'))
        .sort();
    const before = list();
    expect(before).toHaveLength(2);
    await e.close();
    const names = list();
    // Three made, the oldest removed: the second of before, and the one made at exit.
    expect(names).toHaveLength(2);
    expect(names[0]).toBe(before[1]);
    expect(before).not.toContain(names[1]);
    const e2 = testEngine(dir);
    expect((await e2.ok('backup/list', {})).files.map((f) => f.name)).toEqual([...names].sort().reverse());
    expect((await e2.ok('backup/inspect', { file: path.join(out, [...names].sort().pop()!) })).counts.contacts).toBe(30);
    await e2.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 2 });
    await e2.close();
  });

  it('a folder that cannot take a backup is named', async () => {
    const { dir, e } = await office();
    dirs.push(dir);
    const missing = path.join(dir, 'no-such-folder');
    const err = await e.fail('backup/settings-save', { folder: missing, dailyAt: '', atExit: false, keep: 3 }, 'en');
    expect(err.field).toBe('folder');
    expect(err.message).toContain(missing);
    expect((await e.fail('backup/now', {}, 'en')).message).toMatch(/No folder is chosen/);
    await e.close();
  });
});

describe('a restore interrupted by a crash', () => {
  it('a crash during the swap is finished at the next start; a stage without a journal is removed', async () => {
    const { dir, e } = await office();
    const out = tempDir('monshi-backups-');
    await e.ok('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3 });
    const made = await e.ok('backup/now', {});
    await e.ok('contacts/create', { firstName: 'بعدی' });
    await e.close();
    // A stage and a journal, and the database already moved: as a crash after the first rename leaves them.
    const { inspectBackup, stageRestore, JOURNAL, OLD_DIR } = await import('../../src/main/backup/backup-restore');
    const reader = await inspectBackup(made.file, null, 9999);
    await stageRestore(reader, dir, 9999);
    writeFileSync(path.join(dir, JOURNAL), JSON.stringify({ keepOld: false }));
    mkdirSync(path.join(dir, OLD_DIR));
    execFileSync('mv', [path.join(dir, 'monshi.sqlite'), path.join(dir, OLD_DIR, 'monshi.sqlite')]);
    execFileSync('mv', [path.join(dir, '.restore-new', 'monshi.sqlite'), path.join(dir, 'monshi.sqlite')]);
    const e2 = testEngine(dir);
    expect(await contactCount(e2)).toBe(30);
    expect(readdirSync(dir).filter((n) => n.startsWith('.restore') || n === JOURNAL)).toEqual([]);
    await e2.close();
    // Stage written, no journal yet: the old data stays and the stage goes.
    await stageRestore(reader, dir, 9999);
    const e3 = testEngine(dir);
    expect(await contactCount(e3)).toBe(30);
    expect(existsSync(path.join(dir, '.restore-new'))).toBe(false);
    await e3.close();
    removeDir(dir);
    removeDir(out);
  });
});

describe('the CLI', () => {
  const cli = path.join(__dirname, '../../bin/monshi.js');
  const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, MONSHI_DATA: '' } });

  it('monshi backup FILE and monshi restore FILE, with --data and --password', async () => {
    const { dir, e, files } = await office();
    await e.close();
    const file = path.join(tempDir('monshi-cli-'), 'office.monshi-backup');
    const b = run(['backup', file, '--data', dir, '--password', 'pw']);
    expect(b.stderr).toBe('');
    expect(b.stdout).toMatch(/Backup written to .*office\.monshi-backup \(encrypted\): 30 contacts, 200 calls/);
    const e2 = testEngine(dir);
    await e2.ok('contacts/create', { firstName: 'بعدی' });
    await e2.close();
    removeDir(path.join(dir, 'recordings'));
    const wrong = run(['restore', file, '--data', dir, '--password', 'nope', '--lang', 'en']);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/password .* is wrong/);
    const r = run(['restore', file, '--data', dir, '--password', 'pw']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Restored .*30 contacts/);
    expect(r.stdout).toMatch(/before is in .*before-restore\.monshi-backup/);
    for (const [rel, bytes] of Object.entries(files)) expect(readFileSync(path.join(dir, rel)).equals(bytes)).toBe(true);
    const db = new Database(path.join(dir, 'monshi.sqlite'), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(30);
    db.close();
    removeDir(dir);
  });
});
