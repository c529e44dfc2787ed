/**
 * The demo line: the modem simulator in-process behind the real driver, so a user without a modem
 * (on any OS) can try caller ID, the call log, dialing and later the IVR. Clearly labelled as such in
 * the UI; the simulator handle lets the UI make it ring.
 */
import type { Line } from './line';
import type { Timers } from './transport';
import { createVoiceModemLine, type VoiceModemLineOptions } from './modem/voice-modem.line';
import { ModemSimulator, type SimOptions } from './sim/modem-sim';
import { createSimTransport } from './sim/sim.transport';

export function createDemoLine(
  id: string,
  opts: {
    callerIdMode?: 'auto' | 'formatted' | 'unformatted' | 'off';
    sim?: SimOptions;
    ringTimeoutMs?: VoiceModemLineOptions['ringTimeoutMs'];
    /** One clock for the simulator and the driver (tests run both on a manual one); real time by default. */
    timers?: Timers;
  } = {},
): { line: Line; sim: ModemSimulator } {
  // The demo conversation: a first recorded call on the demo line is heard, not digital silence.
  const sim = new ModemSimulator({ profile: 'conexant', demoConversation: true, timers: opts.timers, ...opts.sim });
  const line = createVoiceModemLine({
    id,
    kind: 'demo',
    port: 'demo',
    open: async () => createSimTransport(sim),
    callerIdMode: opts.callerIdMode,
    ringTimeoutMs: opts.ringTimeoutMs,
    timers: opts.timers,
  });
  return { line, sim };
}
