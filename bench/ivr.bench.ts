/**
 * ivr_dtmf_to_prompt_p95_ms: barge-in latency over the real path — the modem simulator on a real
 * pseudo-terminal, the real serialport and V.253 driver, the engine's IVR running a tree from SQLite.
 * A caller walks two menus that lead to each other; each key is pressed while a menu's 3-second
 * prompt plays. Measured from the simulator's write of the DTMF event to the first byte of the next
 * prompt's audio arriving at the simulator (the prompt being played is aborted in between:
 * <DLE><CAN><DLE><ETX>, OK, +VSM, AT+VTX, CONNECT). The start is taken at that write, not at
 * `pressKeys`: the simulated caller holds a key 180 ms and leaves 100 ms before the next, so a key
 * pressed sooner is sent later, and that wait is the person's, not the line's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import type { LineFactory } from '../src/main/lines/lines.service';
import { writeWav } from '../src/main/ivr/audio/wav';
import { createVoiceModemLine, ModemSimulator, serialTransport, serveSimulatorOnPty } from '../src/telephony';
import { call, p, round } from './bench-util';

const KEYS = 200;

const tone = (hz: number, s: number) => Int16Array.from({ length: Math.round(s * 8000) }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * hz * i) / 8000)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(f: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`ivr bench: timed out waiting for ${what}`);
    await sleep(2);
  }
}

export async function ivrBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-ivr-'));
  const sim = new ModemSimulator({ profile: 'conexant', ringOnMs: 100, ringOffMs: 200 });
  const pty = await serveSimulatorOnPty(sim);
  const factory: LineFactory = (row) => ({
    lines: [
      createVoiceModemLine({
        id: `line-${row.id}`,
        port: row.port,
        open: serialTransport(row.port),
        callerIdMode: row.caller_id_mode,
        ringTimeoutMs: 1000,
      }),
    ],
    sim: null,
  });
  const e = createEngine({ dataDir: dir, lineFactory: factory });
  // First audio byte of a prompt: the first host write while a transmit state is open, after the aborted one ended.
  let phase: 'idle' | 'abort' | 'next' = 'idle';
  let firstAudioAt = 0;
  // The DTMF event leaves the simulator through `send` (<DLE>/<DLE>digit on a shielding modem).
  // The keys alternate (1, 2, 1, …), so the held previous key's repeats (another digit) are not taken for it.
  let keySentAt = 0;
  let key = 0;
  const send = sim.send.bind(sim);
  sim.send = (bytes: Buffer | string) => {
    if (phase === 'abort' && keySentAt === 0 && typeof bytes !== 'string' && bytes.some((b, i) => b === 0x10 && bytes[i + 1] === key))
      keySentAt = performance.now();
    send(bytes);
  };
  const write = sim.write.bind(sim);
  sim.write = (data: Uint8Array) => {
    if (phase === 'abort' && sim.voice === null) phase = 'next';
    if (phase === 'next' && sim.voice?.mode === 'tx' && firstAudioAt === 0) firstAudioAt = performance.now();
    write(data);
  };
  try {
    const a = await call(e, 'prompts/import', { name: 'a', base64: writeWav(tone(500, 3)).toString('base64') });
    const b = await call(e, 'prompts/import', { name: 'b', base64: writeWav(tone(800, 3)).toString('base64') });
    const tree = await call(e, 'ivr/tree-create', {
      name: 'bench',
      tree: {
        root: 'a',
        nodes: [
          { id: 'a', kind: 'menu', promptId: a.id, timeoutS: 30, options: [{ key: '1', next: 'b' }] },
          { id: 'b', kind: 'menu', promptId: b.id, timeoutS: 30, options: [{ key: '2', next: 'back' }] },
          { id: 'back', kind: 'goto', target: 'a' },
        ],
      },
    });
    const line = await call(e, 'lines/create', { name: 'USB', kind: 'modem', port: pty.path(), ringsBeforeAnswer: 1 });
    await call(e, 'ivr/settings-update', {
      hours: [],
      assignments: [{ lineId: line.id, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }],
    });
    await until(() => e.db.prepare('SELECT 1').get() !== undefined && sim.regs.cidMode !== 0, 15_000, 'the line to start');
    sim.ring({ number: '09121234567', format: 'mdmf', rings: 0 });
    await until(() => sim.voice?.mode === 'tx', 15_000, 'the first prompt');
    const ms: number[] = [];
    for (let i = 0; i < KEYS + 10; i++) {
      await sleep(60 + (i % 5) * 15); // well inside the 3 s prompt
      firstAudioAt = 0;
      keySentAt = 0;
      phase = 'abort';
      const digit = i % 2 === 0 ? '1' : '2';
      key = digit.charCodeAt(0);
      sim.pressKeys(digit);
      await until(() => firstAudioAt !== 0, 5000, `the prompt after key ${i}`);
      phase = 'idle';
      if (keySentAt === 0) throw new Error(`ivr bench: key ${i} was never sent as a DTMF event`);
      if (i >= 10) ms.push(firstAudioAt - keySentAt); // the first ten warm up
    }
    sim.callerHangsUp();
    return {
      ivr_dtmf_to_prompt_p95_ms: round(p(ms, 0.95), 1),
      ivr_dtmf_to_prompt_p50_ms: round(p(ms, 0.5), 1),
      ivr_dtmf_to_prompt_max_ms: round(Math.max(...ms), 1),
    };
  } finally {
    await e.close();
    await pty.close();
    sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
