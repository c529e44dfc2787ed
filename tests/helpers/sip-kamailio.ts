/**
 * A real Kamailio for SIP line tests, on free ports with its own config written from the verified one
 * (shared/reference/sip/kamailio.cfg): several tests and helpers run Kamailio at once, so the fixed
 * ports of the reference are never used. UDP and TCP SIP share one port; WebSocket has its own.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const REFERENCE = '/work/shared/reference/sip/kamailio.cfg';

/** A port free for both TCP and UDP on 127.0.0.1 (the system picks it; it is released for the caller). */
export async function freePort(): Promise<number> {
  for (let i = 0; i < 20; i++) {
    const srv = net.createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as net.AddressInfo).port;
    const udp = dgram.createSocket('udp4');
    const ok = await new Promise<boolean>((r) => {
      udp.once('error', () => r(false));
      udp.bind(port, '127.0.0.1', () => r(true));
    });
    udp.close();
    await new Promise((r) => srv.close(r));
    if (ok) return port;
  }
  throw new Error('no free port');
}

export type Kamailio = {
  sipPort: number;
  wsPort: number;
  dir: string;
  /** Its log (stderr) so far. */
  log(): string;
  stop(): Promise<void>;
  /** Starts it again on the same ports (a PBX restart: the registrations in memory are gone). */
  start(): Promise<void>;
};

function config(sipPort: number, wsPort: number): string {
  let cfg = fs.readFileSync(REFERENCE, 'utf8');
  cfg = cfg.replace('listen=udp:127.0.0.1:5060', `listen=udp:127.0.0.1:${sipPort}\nlisten=tcp:127.0.0.1:${sipPort}`);
  cfg = cfg.replace('listen=tcp:127.0.0.1:8088', `listen=tcp:127.0.0.1:${wsPort}`);
  cfg = cfg.replace('alias="127.0.0.1:5060"', `alias="127.0.0.1:${sipPort}"`);
  cfg = cfg.replace('$Rp != 8088', `$Rp != ${wsPort}`);
  const live = cfg
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('# '))
    .join('\n');
  if (live.includes(':5060') || live.includes('8088')) throw new Error('kamailio.cfg changed: a fixed port is left');
  return cfg;
}

async function waitListening(port: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    const ok = await new Promise<boolean>((r) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => (s.destroy(), r(true)));
      s.once('error', () => r(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`kamailio did not listen on ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startKamailio(opts: { auth?: boolean } = {}): Promise<Kamailio> {
  if (spawnSync('which', ['kamailio']).status !== 0) throw new Error('kamailio is not installed (npm test installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monshi-kamailio-'));
  const sipPort = await freePort();
  const wsPort = await freePort();
  fs.writeFileSync(path.join(dir, 'kamailio.cfg'), config(sipPort, wsPort));
  let proc: ChildProcess | null = null;
  let log = '';
  const start = async (): Promise<void> => {
    const args = ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-Y', dir, '-P', path.join(dir, 'kamailio.pid')];
    if (opts.auth) args.push('-A', 'WITH_AUTH');
    const p = spawn('kamailio', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    proc = p;
    p.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.length > 2_000_000) log = log.slice(-1_000_000);
    });
    await waitListening(sipPort, 10_000);
  };
  const stop = async (): Promise<void> => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    const t = setTimeout(() => p.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(t);
    // Its children hold the sockets a moment longer.
    for (let i = 0; i < 100; i++) {
      const free = await new Promise<boolean>((r) => {
        const s = net.createServer();
        s.once('error', () => r(false));
        s.listen(sipPort, '127.0.0.1', () => s.close(() => r(true)));
      });
      if (free) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await start();
  return { sipPort, wsPort, dir, log: () => log, stop, start };
}
