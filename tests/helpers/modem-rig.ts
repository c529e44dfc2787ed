/**
 * The driver against the simulator over a REAL pseudo-terminal with the REAL serialport, in real time
 * (the simulator's ring cadence shortened so the suites stay quick), recording the line's events.
 */
import type { Line, LineEventName, LineEvents } from '../../src/telephony/line';
import { createVoiceModemLine, type VoiceModemLineOptions } from '../../src/telephony/modem/voice-modem.line';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { ModemSimulator, type SimOptions } from '../../src/telephony/sim/modem-sim';
import { serveSimulatorOnPty, type PtyServer } from '../../src/telephony/sim/serve-pty';
import type { SimProfileId } from '../../src/telephony/sim/sim-profiles';

export type Rig = { sim: ModemSimulator; server: PtyServer; line: Line; events: { name: string; payload: unknown }[]; close(): Promise<void> };

export async function rig(
  profile: SimProfileId = 'conexant',
  lineOpts: Partial<Pick<VoiceModemLineOptions, 'callerIdMode' | 'watchdogMs' | 'extraInit' | 'timers' | 'ringTimeoutMs'>> = {},
  simOpts: SimOptions = {},
): Promise<Rig> {
  const sim = new ModemSimulator({ profile, ringOnMs: 150, ringOffMs: 250, keyDelayMs: 100, ...simOpts });
  const server = await serveSimulatorOnPty(sim);
  const line = createVoiceModemLine({ id: 't', port: 'pty', open: () => serialTransport(server.path())(), ringTimeoutMs: 900, maxBackoffMs: 300, ...lineOpts });
  const events: { name: string; payload: unknown }[] = [];
  for (const name of ['status', 'ring', 'caller-id', 'answered', 'dtmf', 'tone', 'hangup', 'phone'] as LineEventName[])
    line.on(name, (payload) => events.push({ name, payload }));
  await line.start();
  return {
    sim,
    server,
    line,
    events,
    async close() {
      await line.close();
      await server.close();
      sim.close();
    },
  };
}

export async function waitFor<E extends LineEventName>(r: Rig, name: E, pred: (p: LineEvents[E]) => boolean = () => true, ms = 5000): Promise<LineEvents[E]> {
  const t0 = Date.now();
  for (;;) {
    const hit = r.events.find((e) => e.name === name && pred(e.payload as LineEvents[E]));
    if (hit) return hit.payload as LineEvents[E];
    if (Date.now() - t0 > ms) throw new Error(`no ${name} within ${ms} ms; got ${JSON.stringify(r.events.map((e) => e.name))}`);
    await new Promise((res) => setTimeout(res, 10));
  }
}
