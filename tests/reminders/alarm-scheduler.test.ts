import { createAlarmScheduler, type AlarmSource, type AlarmStore, type DueItem, type Fired } from '../../src/main/reminders/alarm-scheduler';
import { nextOccurrence, occurrencesBetween, type Schedule } from '../../src/main/reminders/recurrence';
import type { Timers } from '../../src/telephony/transport';

/** A manual clock: timers fire only when the test advances time. */
function manualClock(start: Date) {
  let now = start.getTime();
  let pending: { at: number; fn: () => void; id: number } | null = null;
  let ids = 0;
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => (pending = { at: now + ms, fn, id: ++ids }).id,
    clearTimeout: (id) => {
      if (pending?.id === id) pending = null;
    },
  };
  return {
    timers,
    clock: () => new Date(now),
    /** Moves the clock forward, running timers as they fall due. */
    advance(ms: number) {
      const end = now + ms;
      while (pending && pending.at <= end) {
        const p = pending;
        pending = null;
        now = p.at;
        p.fn();
      }
      now = end;
    },
    /** Sets the wall clock without running timers (sleep, or the user changing the time). */
    jump(to: Date) {
      now = to.getTime();
    },
    runPending() {
      const p = pending;
      pending = null;
      p?.fn();
    },
  };
}

function memoryStore(): AlarmStore & { fired: Map<string, boolean> } {
  let last: Date | null = null;
  const fired = new Map<string, boolean>();
  return {
    fired,
    lastTick: () => last,
    setLastTick: (t) => (last = t),
    wasFired: (k) => fired.has(k),
    markFired: (item, _at, late) => fired.set(item.key, late),
    takeSnoozesDue: () => [],
    nextSnooze: () => null,
  };
}

function scheduleSource(id: number, s: Schedule): AlarmSource {
  const item = (at: Date): DueItem => ({ key: `reminder:${id}:${at.toISOString()}`, at, source: 'reminder', refId: id, title: `R${id}` });
  return {
    dueBetween: (from, to) => occurrencesBetween(s, new Date(from.getTime() + 1), new Date(to.getTime() + 1)).map(item),
    nextAfter: (after) => nextOccurrence(s, after),
  };
}

describe('alarm scheduler', () => {
  test('a year of daily repeats fires 365 times, each at its minute, in milliseconds of test time', () => {
    const c = manualClock(new Date(2026, 0, 1, 0, 0));
    const store = memoryStore();
    const got: Fired[] = [];
    const s = createAlarmScheduler({
      clock: c.clock,
      timers: c.timers,
      store,
      sources: [scheduleSource(1, { date: '2026-01-01', time: '08:00', repeat: { kind: 'daily', every: 1 }, until: null })],
      onFire: (a) => got.push(...a),
    });
    s.start();
    c.advance(365 * 86_400_000);
    s.stop();
    expect(got).toHaveLength(365);
    expect(got.every((f) => f.firedAt.getTime() === f.at.getTime() && !f.late)).toBe(true);
  });

  test('what fell due while closed fires at the next start, late, in order, once', () => {
    const c = manualClock(new Date(2026, 0, 1, 7, 0));
    const store = memoryStore();
    const got: Fired[] = [];
    const src = [
      scheduleSource(1, { date: '2026-01-01', time: '08:00', repeat: { kind: 'daily', every: 1 }, until: null }),
      scheduleSource(2, { date: '2026-01-02', time: '07:30', repeat: { kind: 'none' }, until: null }),
    ];
    const first = createAlarmScheduler({ clock: c.clock, timers: c.timers, store, sources: src, onFire: (a) => got.push(...a) });
    first.start();
    first.stop(); // the app closes at 07:00 on day 1
    c.jump(new Date(2026, 0, 3, 9, 0)); // and starts again two days later
    const second = createAlarmScheduler({ clock: c.clock, timers: c.timers, store, sources: src, onFire: (a) => got.push(...a) });
    second.start();
    expect(got.map((f) => `${f.title} ${f.at.getDate()} ${f.late}`)).toEqual(['R1 1 true', 'R2 2 true', 'R1 2 true', 'R1 3 true']);
    second.poke();
    expect(got).toHaveLength(4);
  });

  test('a clock set back an hour does not fire the same alarm again', () => {
    const c = manualClock(new Date(2026, 0, 1, 7, 59));
    const store = memoryStore();
    const got: Fired[] = [];
    const s = createAlarmScheduler({
      clock: c.clock,
      timers: c.timers,
      store,
      sources: [scheduleSource(1, { date: '2026-01-01', time: '08:00', repeat: { kind: 'none' }, until: null })],
      onFire: (a) => got.push(...a),
    });
    s.start();
    c.advance(2 * 60_000);
    expect(got).toHaveLength(1);
    c.jump(new Date(2026, 0, 1, 7, 30));
    c.advance(60 * 60_000);
    expect(got).toHaveLength(1);
  });

  test('after a sleep the next look at the clock is at most maxSleep away', () => {
    const c = manualClock(new Date(2026, 0, 1, 7, 0));
    const store = memoryStore();
    const got: Fired[] = [];
    const s = createAlarmScheduler({
      clock: c.clock,
      timers: c.timers,
      store,
      sources: [scheduleSource(1, { date: '2026-01-01', time: '08:00', repeat: { kind: 'none' }, until: null })],
      onFire: (a) => got.push(...a),
      maxSleepMs: 30_000,
    });
    s.start();
    c.jump(new Date(2026, 0, 1, 9, 0)); // the machine slept through 08:00
    c.runPending(); // the first timer after waking
    expect(got).toHaveLength(1);
    expect(got[0]!.late).toBe(true);
  });
});
