/** The real demo line (the modem simulator behind the real driver) with its ring cadence shortened, and `until`, the wait its tests use. */
import { defaultLineFactory, type LineFactory } from '../../src/main/lines/lines.service';
import { createDemoLine, type ModemSimulator } from '../../src/telephony';
import type { DrivenClock } from './manual-timers';

/** The simulator behind each demo line `fastDemo` made, by line id (the latest engine's), to read what the host sent. */
export const demoSims = new Map<number, ModemSimulator>();

/** Demo lines ring every 400 ms instead of 6 s (TRACE=1 prints the AT exchange); modem lines are real. */
export const fastDemo: LineFactory = (row) => {
  if (row.kind !== 'demo') return defaultLineFactory(row);
  const d = createDemoLine(`line-${row.id}`, { callerIdMode: row.caller_id_mode, sim: { ringOnMs: 150, ringOffMs: 250, keyDelayMs: 50 }, ringTimeoutMs: 900 });
  demoSims.set(row.id, d.sim);
  if (process.env.TRACE) d.line.on('trace', (t) => console.log(t.dir, t.text));
  return { lines: [d.line], sim: d.sim };
};

/** `fastDemo` with the simulator and the driver on a test's driven clock (manual-timers.ts): no call waits in real time. */
export const demoOn =
  (clock: DrivenClock): LineFactory =>
  (row) => {
    if (row.kind !== 'demo') return defaultLineFactory(row);
    const d = createDemoLine(`line-${row.id}`, {
      callerIdMode: row.caller_id_mode,
      sim: { ringOnMs: 150, ringOffMs: 250, keyDelayMs: 50 },
      ringTimeoutMs: 900,
      timers: clock.timers,
    });
    demoSims.set(row.id, d.sim);
    return { lines: [d.line], sim: d.sim };
  };

export { until } from './wait';
