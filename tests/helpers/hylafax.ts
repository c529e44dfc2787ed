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

/**
 * A spool folder of HylaFAX's own inside `dir`, configured for the Class 1 modem on `tty` with ECM; returns
 * the spool and HylaFAX's name for the device.
 */
function prepareSpool(dir: string, tty: string, number: string): { spool: string; devid: string } {
  unpackHylafax();
  const spool = path.join(dir, 'spool');
  // faxgetty and faxsend drop to the uucp user: the folders must be reachable and the spool keep its owners (cp -a).
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
      'SessionTracing: 0x4F',
      `UUCPLockDir: ${path.join(dir, 'lock')}`,
      `LocalIdentifier: "${number}"`,
      '',
    ].join('\n'),
  );
  return { spool, devid };
}

/** Starts faxgetty on a tty and resolves once it reports "Running and idle" (it takes 10–20 s). */
export async function startFaxgetty(dir: string, tty: string, number: string): Promise<Faxgetty> {
  const { spool, devid } = prepareSpool(dir, tty, number);
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

/** HylaFAX's codes for a signalling rate in a job (class2.h: BR_9600 = 3, BR_14400 = 5). */
const JOB_BR = { 9600: 3, 14400: 5 } as const;

export type Faxsend = { done: Promise<{ code: number | null; qfile: string; log: string }> };

/**
 * Sends a TIFF/F file with HylaFAX's own sender, `faxsend`, on the modem at `tty`: the job file faxq
 * would write (sendq/q1: number, rate, ECM with 256-octet frames, MMR wanted) is written here instead, so
 * no faxq/hfaxd is needed. faxsend dials, runs HylaFAX's T.30 and exits; `done` gives its exit status,
 * the job file as faxsend left it (status: the reason when it failed) and its session log.
 */
export function startFaxsend(dir: string, tty: string, opts: { number: string; localId: string; tiff: Uint8Array; bps: 9600 | 14400; pages: number }): Faxsend {
  const { spool, devid } = prepareSpool(dir, tty, opts.localId);
  writeFileSync(path.join(spool, 'docq/doc1.tif'), opts.tiff);
  const qfile = path.join(spool, 'sendq/q1');
  writeFileSync(
    qfile,
    [
      'tts:0',
      `killtime:${Math.floor(Date.now() / 1000) + 3600}`,
      'state:6',
      `number:${opts.number}`,
      `external:${opts.number}`,
      'mailaddr:root@localhost',
      'sender:monshi test',
      'jobid:1',
      'modem:any',
      'client:localhost',
      'owner:root',
      `desiredbr:${JOB_BR[opts.bps]}`,
      'desiredec:2',
      'desireddf:3',
      'resolution:196',
      'pagewidth:215',
      'pagelength:297',
      `totpages:${opts.pages}`,
      'useccover:0',
      // What faxq would compute: per page its session parameters (any two hex digits) and the post-page message, MPS then EOP.
      `pagehandling:${'00S'.repeat(opts.pages - 1)}00P`,
      'fax:0::docq/doc1.tif',
      '',
    ].join('\n'),
  );
  spawnSync('chown', ['-R', 'uucp:uucp', path.join(spool, 'docq'), path.join(spool, 'sendq')]);
  // The program itself, not Debian's wrapper in usr/sbin (it bind-mounts /etc/hylafax); like faxq, run it in the spool.
  const child = spawn(path.join(ROOT, 'usr/lib/hylafax/bin/faxsend'), ['-m', devid, 'sendq/q1'], {
    cwd: spool,
    stdio: 'ignore',
    env: { ...process.env, LD_LIBRARY_PATH: path.join(ROOT, 'usr/lib/hylafax') },
  });
  const done = new Promise<{ code: number | null; qfile: string; log: string }>((resolve) =>
    child.on('exit', (code) => {
      const logDir = path.join(spool, 'log');
      const logs = readdirSync(logDir).filter((f) => f.startsWith('c'));
      const log = logs.map((f) => readFileSync(path.join(logDir, f), 'utf8')).join('\n');
      resolve({ code, qfile: readFileSync(qfile, 'utf8'), log });
    }),
  );
  return { done };
}
