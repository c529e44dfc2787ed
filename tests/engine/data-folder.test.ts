/**
 * The data folder on a shared PC: one Monshi per folder (a second is refused, a crashed one leaves no
 * stuck lock), and nobody but its owner may read it (folder 0700, files 0600).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { AppError } from '../../src/main/kernel/app-error';
import { DATA_SUBDIRS } from '../../src/main/paths';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { nodeExternals, nodeWorkers } from '../helpers/node-externals';

const mode = (p: string) => statSync(p).mode & 0o777;

describe('one Monshi per data folder', () => {
  it('a second engine on the same folder is refused with the folder named, in Persian and English; the first keeps working', async () => {
    const dir = tempDir();
    const first = testEngine(dir);
    let err: unknown;
    try {
      testEngine(dir);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('db/locked');
    expect((err as AppError).toShape('en').message).toContain(dir);
    expect((err as AppError).toShape('en').message).toMatch(/Another Monshi is already working/);
    expect((err as AppError).toShape('fa').message).toContain(dir);
    expect((err as AppError).toShape('fa').message).toMatch(/منشیِ دیگری/);
    await first.ok('contacts/create', { firstName: 'هنوز کار می‌کند' });
    await first.close();
    // Closed: the folder is free again.
    const again = testEngine(dir);
    expect((await again.ok('contacts/search', { text: 'هنوز' })).items).toHaveLength(1);
    await again.close();
    removeDir(dir);
  });

  describe('between processes (the real CLI)', () => {
    const root = path.resolve(__dirname, '..', '..');
    const cli = path.join(root, 'dist', 'jest-cli', 'cli.js');
    const dirs: string[] = [];
    let serve: ChildProcess | null = null;
    beforeAll(() => {
      // The CLI as `npm run build` bundles it, into its own folder so a parallel build does not race it.
      buildSync({
        entryPoints: { cli: path.join(root, 'src', 'main', 'cli.ts'), ...nodeWorkers },
        outdir: path.dirname(cli),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        logLevel: 'warning',
        external: nodeExternals,
      });
    });
    afterAll(() => {
      serve?.kill('SIGKILL');
      dirs.forEach(removeDir);
    });

    const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });

    it('serve holds the folder: import is refused naming it, export still runs; after serve is killed (-9) import works', async () => {
      const dir = tempDir();
      dirs.push(dir);
      const vcf = path.join(dir, '..', `${path.basename(dir)}.vcf`);
      writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ali Rezaei\r\nN:Rezaei;Ali;;;\r\nTEL;TYPE=CELL:09121234567\r\nEND:VCARD\r\n');
      dirs.push(vcf);
      const child = spawn(process.execPath, [cli, 'serve', '--data', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      serve = child;
      await new Promise<void>((resolve, reject) => {
        let out = '';
        child.stdout!.on('data', (b: Buffer) => {
          out += b.toString();
          if (out.includes('Monshi is serving')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`serve exited (${code})`)));
      });

      const refused = run('import', vcf, '--data', dir);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(dir);
      // The settings are readable, so the message is in their language (Persian by default) only.
      expect(refused.stderr).toMatch(/منشیِ دیگری همین حالا/);
      expect(refused.stderr).not.toMatch(/Another Monshi/);

      const exported = run('export', path.join(dir, 'out.vcf'), '--data', dir);
      expect(exported.stderr).toBe('');
      expect(exported.status).toBe(0);

      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      serve = null;
      const imported = run('import', vcf, '--data', dir);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toMatch(/1 added/);
      expect(imported.status).toBe(0);
    });

    it('a damaged database: the CLI names the file in both languages (the settings cannot be read)', () => {
      const dir = tempDir();
      dirs.push(dir);
      writeFileSync(path.join(dir, 'monshi.sqlite'), Buffer.alloc(8192, 7));
      const r = run('import', path.join(dir, 'none.vcf'), '--data', dir);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(path.join(dir, 'monshi.sqlite'));
      expect(r.stderr).toMatch(/آسیب دیده/);
      expect(r.stderr).toMatch(/is damaged/);
      expect(r.stderr).not.toMatch(/SqliteError|at .*\.js:\d+/);
    });
  });
});

describe('privacy of the data folder', () => {
  it('a new folder is 0700 and the database, its WAL and the log are 0600', async () => {
    const parent = tempDir();
    chmodSync(parent, 0o755);
    const dir = path.join(parent, 'Monshi');
    const e = testEngine(dir);
    await e.ok('contacts/create', { firstName: 'خصوصی' });
    expect(mode(dir)).toBe(0o700);
    for (const sub of DATA_SUBDIRS) expect([sub, mode(path.join(dir, sub))]).toEqual([sub, 0o700]);
    for (const f of ['monshi.sqlite', 'monshi.sqlite-wal', 'monshi.sqlite-shm', 'monshi.log', 'monshi.lock']) {
      expect([f, mode(path.join(dir, f))]).toEqual([f, 0o600]);
    }
    await e.close();
    removeDir(parent);
  });

  it("a folder left open by an older Monshi (0755, files 0644) is closed at start, recordings included; files not Monshi's are left alone", async () => {
    const dir = tempDir();
    await testEngine(dir).close();
    mkdirSync(path.join(dir, 'recordings', '2026-12'), { recursive: true });
    writeFileSync(path.join(dir, 'recordings', '2026-12', 'call-1.wav'), 'RIFF');
    // `--data` may name a folder that holds other things too: those are not Monshi's to change.
    mkdirSync(path.join(dir, 'shared-docs'));
    writeFileSync(path.join(dir, 'shared-docs', 'price-list.txt'), 'x');
    const open = (p: string) => {
      chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
      if (statSync(p).isDirectory()) for (const n of readdirSync(p)) open(path.join(p, n));
    };
    open(dir);
    expect(mode(path.join(dir, 'monshi.sqlite'))).toBe(0o644);

    const e = testEngine(dir);
    expect(mode(dir)).toBe(0o700);
    expect(mode(path.join(dir, 'monshi.sqlite'))).toBe(0o600);
    expect(mode(path.join(dir, 'monshi.log'))).toBe(0o600);
    expect(mode(path.join(dir, 'recordings', '2026-12'))).toBe(0o700);
    expect(mode(path.join(dir, 'recordings', '2026-12', 'call-1.wav'))).toBe(0o600);
    expect(mode(path.join(dir, 'shared-docs'))).toBe(0o755);
    expect(mode(path.join(dir, 'shared-docs', 'price-list.txt'))).toBe(0o644);
    await e.close();
    removeDir(dir);
  });
});
