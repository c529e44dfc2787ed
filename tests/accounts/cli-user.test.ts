/**
 * The CLI as a user (issue 18), run as a user runs it (the bundled CLI in its own process): with
 * accounts on, `monshi import` without `--user` is refused saying how to give one and writes nothing;
 * a wrong password is refused; with `--password-file` or the password typed on a terminal (a real pty,
 * through `script`) the import is that user's — the audit trail names them — and `export` needs the
 * user's export permission.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { nodeExternals, nodeWorkers } from '../helpers/node-externals';
import { waitFor } from '../helpers/wait';
import { withManager } from './accounts-setup';

const root = path.resolve(__dirname, '..', '..');
// Its own folder, so a parallel build of the same CLI by another test does not race it.
const cli = path.join(root, 'dist', 'jest-cli-user', 'cli.js');
const dirs: string[] = [];
let data: string;
let vcf: string;

beforeAll(async () => {
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
  data = tempDir('monshi-cli-user-');
  const files = tempDir('monshi-cli-files-');
  dirs.push(data, files);
  vcf = path.join(files, 'one.vcf');
  writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ali Rezaei\r\nN:Rezaei;Ali;;;\r\nTEL;TYPE=CELL:09121234567\r\nEND:VCARD\r\n');
  writeFileSync(path.join(files, 'good'), 'omid-pass-1\n');
  writeFileSync(path.join(files, 'wrong'), 'not-it\n');
  const e = testEngine(data, undefined, { noAlarms: true, noLines: true });
  const { manager } = await withManager(e);
  await manager.call('users/create', { name: 'Omid', password: 'omid-pass-1', role: 'clerk', extras: [] });
  await e.close();
});
afterAll(() => dirs.forEach(removeDir));

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 60_000 });
const pw = (name: string) => path.join(path.dirname(vcf), name);
const contactsAndAuthors = async () => {
  const e = testEngine(data, undefined, { noAlarms: true, noLines: true });
  try {
    const contacts = e.db.prepare('SELECT count(*) FROM contacts').pluck().get();
    const authors = e.db.prepare("SELECT DISTINCT actor_name FROM audit_log WHERE record_type = 'contact'").pluck().all();
    return { contacts, authors };
  } finally {
    await e.close();
  }
};

it('without --user it is refused, saying how, in the chosen language; nothing is imported', async () => {
  const en = run('import', vcf, '--data', data, '--lang', 'en');
  expect(en.status).toBe(1);
  expect(en.stderr.trim()).toBe('This office has user accounts: sign in with --user NAME (the password is asked here, or read from --password-file FILE).');
  const fa = run('import', vcf, '--data', data, '--lang', 'fa');
  expect(fa.status).toBe(1);
  expect(fa.stderr).toContain('با --user');
  // No terminal to ask on and no file: said so, not a hang.
  const noTty = run('import', vcf, '--data', data, '--lang', 'en', '--user', 'Omid');
  expect(noTty.status).toBe(1);
  expect(noTty.stderr.trim()).toBe('The password of Omid cannot be asked (this is not a terminal): put it in a file and give --password-file FILE.');
  const wrong = run('import', vcf, '--data', data, '--lang', 'en', '--user', 'Omid', '--password-file', pw('wrong'));
  expect(wrong.status).toBe(1);
  expect(wrong.stderr.trim()).toBe('The name or the password is not right.');
  const missing = run('import', vcf, '--data', data, '--lang', 'en', '--user', 'Omid', '--password-file', pw('nowhere'));
  expect(missing.status).toBe(1);
  expect(missing.stderr).toContain(`The password file (${pw('nowhere')}) could not be read: ENOENT`);
  expect(await contactsAndAuthors()).toEqual({ contacts: 0, authors: [] });
});

it('with --password-file the import is the user’s; export needs the user’s export permission', async () => {
  const ok = run('import', vcf, '--data', data, '--lang', 'en', '--user', 'Omid', '--password-file', pw('good'));
  expect(ok.stderr).toBe('');
  expect(ok.status).toBe(0);
  expect(ok.stdout).toContain('1 records: 1 added');
  expect(await contactsAndAuthors()).toEqual({ contacts: 1, authors: ['Omid'] });
  const out = path.join(path.dirname(vcf), 'out.csv');
  const exported = run('export', out, '--data', data, '--lang', 'en', '--user', 'Omid', '--password-file', pw('good'));
  expect(exported.status).toBe(1);
  expect(exported.stderr).toContain('Omid does not have the “export” permission');
  expect(existsSync(out)).toBe(false);
});

it('the password typed on a terminal is not shown, and signs the command in', async () => {
  // `script` gives the CLI a real pty; the password is typed into it followed by Enter.
  const command = [process.execPath, cli, 'import', vcf, '--data', data, '--lang', 'en', '--user', 'omid', '--on-duplicate', 'add']
    .map((a) => `'${a}'`)
    .join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let shown = '';
  child.stdout.on('data', (d: Buffer) => (shown += d.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Typed once the question is on the screen (the terminal would echo what came before it).
  await waitFor(() => shown.includes('Password of omid: '), { what: 'the password question', timeoutMs: 30_000 });
  child.stdin.write('omid-pass-1\r');
  expect(await exited).toBe(0);
  child.stdin.end();
  expect(shown).not.toContain('omid-pass-1');
  expect(shown).toContain('1 records: 1 added');
  expect(await contactsAndAuthors()).toEqual({ contacts: 2, authors: ['Omid'] });
});
