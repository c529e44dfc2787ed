/**
 * Two real software fax modems (Debian `iaxmodem`, spandsp) pointed at each other, as
 * shared/reference/fax-loopback.md shows: each on its own pseudo-terminal, the call carried over IAX2 on
 * 127.0.0.1 inside a private network namespace (`unshare -n`), so nothing listens on the machine's
 * network and parallel runs can use the same ports. iaxmodem reads its configuration only from
 * /etc/iaxmodem/<name>, so the files live in a temporary folder reached by a relative name from there.
 * Modem A's number is 1001, B's 1002; either dials the other with any number.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type IaxModemPair = { dir: string; ttyA: string; ttyB: string; log(): string; stop(): Promise<void> };

const config = (dir: string, name: 'A' | 'B', port: number, peer: number, number: string) =>
  [
    `device\t\t${dir}/tty${name}`,
    'owner\t\troot:root',
    'mode\t\t660',
    `port\t\t${port}`,
    'refresh\t\t0',
    `server\t\t127.0.0.1:${peer}`,
    `peername\tmodem${name}`,
    `secret\t\tsecret${name}`,
    `cidname\t\tModem ${name}`,
    `cidnumber\t${number}`,
    'codec\t\tslinear',
    '',
  ].join('\n');

export function assertIaxTools(): void {
  const missing = ['iaxmodem', 'efax', 'efix', 'unshare', 'ip'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
  if (missing.length > 0)
    throw new Error(`reference tool missing: ${missing.join(', ')} (Debian packages iaxmodem, efax, util-linux, iproute2; \`npm test\` installs them)`);
  if (process.getuid?.() !== 0) throw new Error('the iaxmodem tests need root: iaxmodem runs in a private network namespace (unshare -n)');
}

export async function startIaxModemPair(): Promise<IaxModemPair> {
  assertIaxTools();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-iax-'));
  writeFileSync(path.join(dir, 'cfgA'), config(dir, 'A', 4571, 4572, '1001'));
  writeFileSync(path.join(dir, 'cfgB'), config(dir, 'B', 4572, 4571, '1002'));
  const rel = (f: string) => path.relative('/etc/iaxmodem', path.join(dir, f));
  const script = [
    'ip link set lo up',
    'cd /etc/iaxmodem',
    `stdbuf -oL -eL /usr/bin/iaxmodem ${rel('cfgA')} > ${dir}/iaxA.log 2>&1 &`,
    `stdbuf -oL -eL /usr/bin/iaxmodem ${rel('cfgB')} > ${dir}/iaxB.log 2>&1 &`,
    'wait',
  ].join('\n');
  // Its own process group, so stop() ends the shell and both modems together, and nothing else.
  const child: ChildProcess = spawn('unshare', ['-n', 'sh', '-c', script], { detached: true, stdio: 'ignore' });
  const ttyA = path.join(dir, 'ttyA');
  const ttyB = path.join(dir, 'ttyB');
  const started = Date.now();
  while (!(existsSync(ttyA) && existsSync(ttyB))) {
    if (Date.now() - started > 5000 || child.exitCode !== null) throw new Error(`iaxmodem did not start:\n${readLogs(dir)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    dir,
    ttyA,
    ttyB,
    log: () => readLogs(dir),
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once('exit', r));
        process.kill(-child.pid, 'SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function readLogs(dir: string): string {
  const tail = (f: string) => (existsSync(path.join(dir, f)) ? `${f}:\n${readFileSync(path.join(dir, f), 'utf8').slice(-3000)}` : '');
  return ['iaxA.log', 'iaxB.log'].map(tail).join('\n');
}

/** Runs a program to its end, collecting its output (efax logs to stderr). */
export type Program = { done: Promise<{ code: number | null; output: string }>; output(): string; kill(): void };

export function runProgram(cmd: string, args: string[], opts: { cwd?: string } = {}): Program {
  const child = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { done, output: () => output, kill: () => void (child.exitCode === null && child.kill('SIGTERM')) };
}
