/**
 * Line outages are in monshi.log with their reason: a real engine on a real SQLite file, a modem line
 * on a real pseudo-terminal with the real serialport, the simulator frozen, thawed, reset and unplugged.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEngine } from '../../src/main/engine/engine';
import type { LineFactory } from '../../src/main/lines/lines.service';
import { createVoiceModemLine, serialTransport } from '../../src/telephony';
import { ModemSimulator } from '../../src/telephony/sim/modem-sim';
import { serveSimulatorOnPty } from '../../src/telephony/sim/serve-pty';
import { until } from '../helpers/demo-line';
import { removeDir, tempDir } from '../helpers/engine';

jest.setTimeout(30_000);

test('unplugged, frozen, reset and back: each status change with its reason', async () => {
  const dir = tempDir();
  const sim = new ModemSimulator({ profile: 'conexant' });
  const server = await serveSimulatorOnPty(sim);
  // The real driver on the pty, with a quick watchdog and backoff so the outages show within seconds.
  const factory: LineFactory = (row) => ({
    lines: [createVoiceModemLine({ id: `line-${row.id}`, port: row.port, open: serialTransport(row.port), watchdogMs: 300, maxBackoffMs: 300 })],
    sim: null,
  });
  const engine = createEngine({ dataDir: dir, lineFactory: factory });
  const log = () => readFileSync(path.join(dir, 'monshi.log'), 'utf8');
  const lines = (re: RegExp) =>
    log()
      .split('\n')
      .filter((l) => re.test(l));
  try {
    const created = await engine.invoke('lines/create', { name: 'Office', kind: 'modem', port: server.path() }, 'en');
    expect(created.ok).toBe(true);
    await until(() => lines(/line \d+ "Office" .*: idle/).length === 1);

    sim.freeze();
    await until(() => lines(/ERROR line \d+ "Office" .*: disconnected — The modem stopped answering/).length === 1);
    sim.thaw();
    await until(() => lines(/: idle/).length === 2);

    sim.spontaneousReset();
    await until(() => lines(/: initialising — The modem reset itself/).length === 1);
    await until(() => lines(/: idle/).length === 3);

    sim.unplug();
    await until(() => lines(/: disconnected — /).length === 2);
    // The calls of every day do not fill the log: no ringing or in-call lines.
    expect(lines(/: (ringing|in-call)/)).toEqual([]);
  } finally {
    await engine.close();
    await server.close();
    sim.close();
    removeDir(dir);
  }
});
