/**
 * baresip, the independent SIP phone at the far end of the SIP line tests, on free ports with its own
 * config written from the verified one (shared/reference/sip/baresip-config), driven over ctrl_tcp.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './sip-kamailio';

const REFERENCE = '/work/shared/reference/sip/baresip-config';

export type BaresipEvent = { type?: string; class?: string; param?: string; peeruri?: string; [k: string]: unknown };

export type Baresip = {
  dir: string;
  events: BaresipEvent[];
  command(command: string, params?: string): Promise<{ ok?: boolean; data?: string }>;
  waitEvent(type: string, ms?: number): Promise<BaresipEvent>;
  stop(): Promise<void>;
};

/** A free even port range for baresip's RTP, away from other tests (random, checked for the first port). */
async function rtpRange(): Promise<string> {
  const base = 30000 + 2 * Math.floor(Math.random() * 10000);
  return `${base}-${base + 40}`;
}

export async function startBaresip(opts: {
  user: string;
  displayName: string;
  sipServerPort: number;
  auth?: boolean;
  /** The WAV it plays (8 kHz mono s16); a 60 s quiet tone when absent. */
  wav?: string;
  answer?: 'auto' | 'manual';
}): Promise<Baresip> {
  if (spawnSync('which', ['baresip']).status !== 0) throw new Error('baresip is not installed (npm test installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'monshi-baresip-'));
  const sipPort = await freePort();
  const ctrlPort = await freePort();
  let wav = opts.wav;
  if (!wav) {
    wav = path.join(dir, 'caller.wav');
    const r = spawnSync('sox', ['-n', '-r', '8000', '-c', '1', '-b', '16', wav, 'synth', '60', 'sine', '440', 'vol', '0.2']);
    if (r.status !== 0) throw new Error(`sox failed: ${String(r.stderr)}`);
  }
  let cfg = fs.readFileSync(REFERENCE, 'utf8');
  cfg = cfg
    .replace('sip_listen 127.0.0.1:5070', `sip_listen 127.0.0.1:${sipPort}`)
    .replace('rtp_ports 20000-20100', `rtp_ports ${await rtpRange()}`)
    .replace('ctrl_tcp_listen 127.0.0.1:4444', `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`)
    .replace('CALLER_WAV', wav)
    .replace('RECORDINGS_DIR', dir);
  fs.writeFileSync(path.join(dir, 'config'), cfg);
  const auth = opts.auth ? `;auth_pass=secret${opts.user}` : '';
  const answer = opts.answer ?? 'auto';
  fs.writeFileSync(
    path.join(dir, 'accounts'),
    `"${opts.displayName}" <sip:${opts.user}@127.0.0.1:${opts.sipServerPort};transport=udp>${auth};regint=300;answermode=${answer};audio_codecs=PCMU,PCMA\n`,
  );
  // Its console goes to baresip.log in its folder (what a failing test reads to see why).
  const logFd = fs.openSync(path.join(dir, 'baresip.log'), 'w');
  const proc: ChildProcess = spawn('baresip', ['-f', dir, '-4', '-n', '127.0.0.1', ...(process.env.BARESIP_VERBOSE ? ['-v'] : [])], {
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  const events: BaresipEvent[] = [];
  const waiters: { type: string; resolve: (e: BaresipEvent) => void }[] = [];
  const pending: ((r: { ok?: boolean; data?: string }) => void)[] = [];
  let sock: net.Socket | null = null;
  for (let i = 0; i < 100 && !sock; i++) {
    sock = await new Promise<net.Socket | null>((r) => {
      const s = net.connect(ctrlPort, '127.0.0.1');
      s.once('connect', () => r(s));
      s.once('error', () => r(null));
    });
    if (!sock) await new Promise((r) => setTimeout(r, 100));
  }
  if (!sock) throw new Error('baresip ctrl_tcp did not open');
  let buf = '';
  sock.on('data', (d: Buffer) => {
    buf += d.toString('utf8');
    for (;;) {
      const colon = buf.indexOf(':');
      if (colon < 0) return;
      const len = Number(buf.slice(0, colon));
      if (buf.length < colon + 1 + len + 1) return;
      const msg = JSON.parse(buf.slice(colon + 1, colon + 1 + len)) as BaresipEvent & { response?: boolean; ok?: boolean; data?: string };
      buf = buf.slice(colon + 1 + len + 1);
      if (msg.response) pending.shift()?.(msg);
      else if (msg.event || msg.type) {
        events.push(msg);
        for (const w of waiters.filter((w) => w.type === msg.type)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    }
  });
  const command = (c: string, params?: string): Promise<{ ok?: boolean; data?: string }> =>
    new Promise((resolve) => {
      pending.push(resolve);
      const body = JSON.stringify({ command: c, ...(params !== undefined ? { params } : {}), token: String(Date.now()) });
      sock!.write(`${Buffer.byteLength(body)}:${body},`);
    });
  const waitEvent = (type: string, ms = 10_000): Promise<BaresipEvent> => {
    const seen = events.find((e) => e.type === type);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`baresip: no ${type} in ${ms} ms (saw ${events.map((e) => e.type).join(', ')})`)), ms);
      waiters.push({ type, resolve: (e) => (clearTimeout(t), resolve(e)) });
    });
  };
  // REGISTER_OK fires before a control client can connect: poll reginfo instead.
  for (let i = 0; ; i++) {
    const r = await command('reginfo');
    if (/\bOK\b/.test((r.data ?? '').replace(/\u001b\[[0-9;]*m/g, ''))) break;
    if (i === 100) throw new Error(`baresip did not register: ${r.data ?? ''}`);
    await new Promise((res) => setTimeout(res, 100));
  }
  const stop = async (): Promise<void> => {
    if (proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    await Promise.race([command('quit'), new Promise((r) => setTimeout(r, 500))]);
    const t = setTimeout(() => proc.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(t);
    sock?.destroy();
  };
  return { dir, events, command, waitEvent, stop };
}
