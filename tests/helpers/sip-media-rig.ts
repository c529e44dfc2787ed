/**
 * A real SIP server (Kamailio) and a real independent phone (baresip) on loopback for the SIP media
 * tests, on FREE ports picked at run time (other helpers and Jest workers run their own at once), with
 * the configs written into a temporary folder from tests/fixtures/sip-media. The setup and its pitfalls
 * are documented in docs/modules.md (SIP media). baresip is driven over its ctrl_tcp netstring socket.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { waitFor } from './wait';

export const SIP_TOOLS: [string[], string] = [['kamailio', 'baresip'], 'kamailio kamailio-websocket-modules baresip-core'];

export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function freeTcpPort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A free even port with `count` ports after it free too (for an RTP range). */
export async function freeUdpRange(count: number): Promise<{ min: number; max: number }> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const min = 30000 + 2 * Math.floor(Math.random() * 15000);
    const sockets: dgram.Socket[] = [];
    let ok = true;
    for (let p = min; p < min + count && ok; p++) {
      const s = dgram.createSocket('udp4');
      ok = await new Promise<boolean>((r) => {
        s.once('error', () => r(false));
        s.bind(p, '127.0.0.1', () => r(true));
      });
      sockets.push(s);
    }
    for (const s of sockets) s.close();
    if (ok) return { min, max: min + count - 1 };
  }
  throw new Error('no free UDP port range for RTP');
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'sip-media');

type Proc = { child: ChildProcess; output: () => string };

function start(cmd: string, args: string[], cwd: string): Proc {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  return { child, output: () => out };
}

async function stop(p: Proc | null): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export type Kamailio = { sipPort: number; wsPort: number; dir: string; stop(): Promise<void>; output(): string };

export async function startKamailio(dir: string): Promise<Kamailio> {
  const sipPort = await freeUdpPort();
  const wsPort = await freeTcpPort();
  const cfg = fs
    .readFileSync(path.join(FIXTURES, 'kamailio.cfg'), 'utf8')
    .replace(/SIP_PORT/g, String(sipPort))
    .replace(/WS_PORT/g, String(wsPort));
  fs.writeFileSync(path.join(dir, 'kamailio.cfg'), cfg);
  const p = start('kamailio', ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-Y', dir, '-P', path.join(dir, 'kamailio.pid')], dir);
  await waitFor(
    () =>
      new Promise<boolean>((resolve) => {
        const c = net.connect(wsPort, '127.0.0.1', () => {
          c.destroy();
          resolve(true);
        });
        c.on('error', () => resolve(false));
      }),
    { what: `Kamailio listening on ws ${wsPort} (${p.output().slice(-500)})`, timeoutMs: 10_000, everyMs: 50 },
  );
  return { sipPort, wsPort, dir, stop: () => stop(p), output: p.output };
}

export type BaresipEvent = { type?: string; class?: string; param?: string; [k: string]: unknown };

export type Baresip = {
  dir: string;
  events: BaresipEvent[];
  command(command: string, params?: string): Promise<unknown>;
  waitEvent(type: string, timeoutMs?: number): Promise<BaresipEvent>;
  /** The WAV baresip's sndfile module wrote of what it heard (complete after CALL_CLOSED). */
  decodedDump(): string | null;
  stop(): Promise<void>;
  output(): string;
};

/** Starts baresip as user `user` registered at the Kamailio, playing `wav` as its microphone, answering by itself. */
export async function startBaresip(dir: string, k: Kamailio, user: string, wav: string, codecs = 'PCMU,PCMA'): Promise<Baresip> {
  const conf = path.join(dir, 'baresip');
  const dumps = path.join(dir, 'dumps');
  fs.mkdirSync(conf, { recursive: true });
  fs.mkdirSync(dumps, { recursive: true });
  const sipPort = await freeUdpPort();
  const ctrlPort = await freeTcpPort();
  const rtp = await freeUdpRange(20);
  fs.writeFileSync(
    path.join(conf, 'config'),
    [
      'poll_method epoll',
      `sip_listen 127.0.0.1:${sipPort}`,
      'net_interface 127.0.0.1',
      `audio_source aufile,${wav}`,
      'audio_player aubridge,nowhere',
      'audio_alert aubridge,nowhere',
      `rtp_ports ${rtp.min}-${rtp.max}`,
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module aufile.so',
      'module aubridge.so',
      'module sndfile.so',
      `snd_path ${dumps}`,
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(conf, 'accounts'),
    `"Alice Caller" <sip:${user}@127.0.0.1:${k.sipPort};transport=udp>;regint=300;answermode=auto;audio_codecs=${codecs}\n`,
  );
  const p = start('baresip', ['-f', conf, '-4', '-n', '127.0.0.1'], dir);
  const socket = await waitFor(
    () =>
      new Promise<net.Socket | false>((resolve) => {
        const c = net.connect(ctrlPort, '127.0.0.1', () => resolve(c));
        c.on('error', () => resolve(false));
      }),
    { what: `baresip's ctrl_tcp on ${ctrlPort} (${p.output().slice(-500)})`, timeoutMs: 10_000, everyMs: 50 },
  );
  const events: BaresipEvent[] = [];
  const responses: ((r: unknown) => void)[] = [];
  let buf = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => {
    buf = Buffer.concat([buf, d]);
    for (;;) {
      const colon = buf.indexOf(0x3a);
      if (colon < 0) break;
      const len = Number(buf.subarray(0, colon).toString());
      if (buf.length < colon + 1 + len + 1) break;
      const msg = JSON.parse(buf.subarray(colon + 1, colon + 1 + len).toString()) as { event?: boolean; response?: boolean };
      buf = buf.subarray(colon + 1 + len + 1);
      if (msg.event) events.push(msg as BaresipEvent);
      else if (msg.response) responses.shift()?.(msg);
    }
  });
  socket.on('error', () => undefined);
  const command = (cmd: string, params?: string) =>
    new Promise<unknown>((resolve) => {
      responses.push(resolve);
      const body = JSON.stringify({ command: cmd, ...(params !== undefined ? { params } : {}), token: String(Date.now()) });
      socket.write(`${Buffer.byteLength(body)}:${body},`);
    });
  // REGISTER_OK fires before a control client can connect: ask until the registration shows.
  await waitFor(async () => /OK/.test(JSON.stringify(await command('reginfo'))), {
    what: `baresip registered at Kamailio (${p.output().slice(-500)})`,
    timeoutMs: 10_000,
    everyMs: 100,
  });
  return {
    dir,
    events,
    command,
    waitEvent: (type, timeoutMs = 10_000) => waitFor(() => events.find((e) => e.type === type), { what: `baresip event ${type}`, timeoutMs }),
    decodedDump: () => {
      const f = fs.readdirSync(dumps).find((n) => /^dump-.*-dec\.wav$/.test(n));
      return f ? path.join(dumps, f) : null;
    },
    stop: async () => {
      socket.destroy();
      await stop(p);
    },
    output: p.output,
  };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
