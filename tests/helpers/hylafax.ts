/**
 * HylaFAX's `faxgetty` as an independent fax receiver with ECM (fax-loopback.md: it receives from
 * iaxmodem at 14400). Its Debian package pulls in systemd and a mail server, so its binaries are
 * unpacked from the .debs (`apt-get download` + `dpkg -x`) into a cache folder once, and faxgetty runs
 * from there on a spool folder of its own inside the iaxmodem pair's temporary folder. A machine that
 * cannot fetch the packages fails the test, naming what is missing.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CACHE = path.join(os.tmpdir(), 'monshi-hylafax');
const ROOT = path.join(CACHE, 'root');
const FAXGETTY = path.join(ROOT, 'usr/sbin/faxgetty');

function unpackHylafax(): void {
  if (existsSync(FAXGETTY)) return;
  mkdirSync(CACHE, { recursive: true });
  const dl = spawnSync('apt-get', ['download', 'hylafax-server', 'hylafax-client'], { cwd: CACHE, encoding: 'utf8' });
  const debs = readdirSync(CACHE).filter((f) => f.endsWith('.deb'));
  if (debs.length < 2)
    throw new Error(`HylaFAX missing: \`apt-get download hylafax-server hylafax-client\` failed (${dl.error?.message ?? dl.stderr.trim().slice(-300)})`);
  for (const d of debs) {
    const x = spawnSync('dpkg', ['-x', d, 'root'], { cwd: CACHE, encoding: 'utf8' });
    if (x.status !== 0) throw new Error(`dpkg -x ${d}: ${x.stderr}`);
  }
}

export type Faxgetty = { spool: string; stop(): Promise<void> };

/** Starts faxgetty on a tty and resolves once it reports "Running and idle" (it takes 10–20 s). */
export async function startFaxgetty(dir: string, tty: string, number: string): Promise<Faxgetty> {
  unpackHylafax();
  const spool = path.join(dir, 'spool');
  // faxgetty drops to the uucp user: the folders must be reachable and the spool keep its owners (cp -a).
  chmodSync(dir, 0o755);
  for (const [from, to] of [
    [path.join(ROOT, 'var/spool/hylafax'), spool],
    [path.join(ROOT, 'etc/hylafax/.'), path.join(spool, 'etc')],
  ]) {
    const cp = spawnSync('cp', ['-a', from!, to!], { encoding: 'utf8' });
    if (cp.status !== 0) throw new Error(`cp -a ${from} ${to}: ${cp.stderr}`);
  }
  mkdirSync(path.join(dir, 'lock'), { recursive: true });
  // HylaFAX names a device outside /dev by its path with "/" as "_".
  const devid = tty.replace(/\//g, '_');
  writeFileSync(path.join(spool, 'etc/config'), 'ServerTracing: 1\n');
  writeFileSync(
    path.join(spool, `etc/config.${devid}`),
    [
      'ModemType: Class1',
      'ModemRate: 115200',
      'ModemFlowControl: xonxoff',
      'ModemResetCmds: "ATH0"',
      'ModemReadyCmds: ATH0',
      'Class1TMConnectDelay: 400',
      'Class1ECMSupport: yes',
      'RingsBeforeAnswer: 1',
      'RecvFileMode: 0644',
      'LogFileMode: 0644',
      `UUCPLockDir: ${path.join(dir, 'lock')}`,
      `LocalIdentifier: "${number}"`,
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(FAXGETTY, ['-q', spool, tty], {
    cwd: spool,
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, LD_LIBRARY_PATH: path.join(ROOT, 'usr/lib/hylafax') },
  });
  const status = path.join(spool, 'status', devid);
  const started = Date.now();
  while (!(existsSync(status) && readFileSync(status, 'utf8').includes('Running and idle'))) {
    if (Date.now() - started > 40_000 || child.exitCode !== null) {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      throw new Error(`faxgetty did not become ready (${existsSync(status) ? readFileSync(status, 'utf8') : 'no status'})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    spool,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
    },
  };
}
