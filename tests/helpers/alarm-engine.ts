/** An engine for alarm tests: a real SQLite file, a manual clock and timers (time moves only when the test says so). */
import type { EngineEvent } from '../../src/main/engine/engine';
import type { Alarm } from '../../src/shared/contract/reminders';
import { testEngine } from './engine';
import { manualTimers } from './manual-timers';

/**
 * The engine's clock is the manual clock plus a skew the test may set (a user changing the computer's
 * time); `fired` and `changed` collect 'alarms/fired' and 'alarms/changed'.
 */
export function alarmEngine(dir: string, startAt: Date, opts: { testClock?: boolean } = {}) {
  const t = manualTimers(startAt.getTime());
  let skew = 0;
  const e = testEngine(dir, () => new Date(t.now() + skew), { timers: t.timers, testClock: opts.testClock });
  const fired: Alarm[] = [];
  const changed: Alarm[][] = [];
  e.subscribe((ev: EngineEvent) => {
    if (ev.name === 'alarms/fired') fired.push(...ev.payload.alarms);
    if (ev.name === 'alarms/changed') changed.push(ev.payload.alarms);
  });
  return Object.assign(e, {
    fired,
    changed,
    advance: (ms: number) => t.advance(ms),
    now: () => new Date(t.now() + skew),
    setSkew: (ms: number) => {
      skew = ms;
    },
  });
}

/** Lets the engine's pending promises settle (what a fired timer started). */
export const nextTurn = () => new Promise((r) => setImmediate(r));
