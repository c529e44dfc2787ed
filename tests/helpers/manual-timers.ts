import type { Timers } from '../../src/telephony/transport';

/** A manual clock for telephony tests: timers run only when the test advances time. */
export function manualTimers(start = 0) {
  let now = start;
  let seq = 0;
  const queue = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    now: () => now,
    setTimeout: (fn, ms) => {
      const id = ++seq;
      queue.set(id, { at: now + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (id) => {
      queue.delete(id as number);
    },
  };
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | null = null;
      for (const e of queue) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      queue.delete(next[0]);
      now = next[1].at;
      next[1].fn();
    }
    now = end;
  }
  return { timers, advance, now: () => now };
}

type Falsy = false | 0 | '' | null | undefined;

/**
 * A manual clock that a test drives while it waits, for the simulator, the driver and the engine on one
 * clock: each step moves time on `stepMs` (the simulator's audio tick is 20 ms) and then lets the event
 * loop run a few turns, so whatever the step set off (bytes through the in-process transport, the
 * driver's answer, an engine request) happens before time moves again. A second of a call takes
 * milliseconds, and a busy machine slows the test down instead of changing what the line hears: a wait
 * is measured in the clock's time, not in real time.
 */
export function drivenClock(start = Date.now(), stepMs = 10) {
  const clock = manualTimers(start);
  const turns = async () => {
    // Each hop (simulator → transport → driver → transport → simulator) is one turn of setImmediate.
    for (let i = 0; i < 6; i++) await new Promise((r) => setImmediate(r));
  };
  const step = async () => {
    clock.advance(stepMs);
    await turns();
  };
  /** Moves time on until `check()` gives a truthy value; fails after `maxMs` of the clock's time naming what it waited for. */
  async function until<T>(check: () => T | Falsy | Promise<T | Falsy>, maxMs = 15_000, what = String(check).replace(/\s+/g, ' ')): Promise<T> {
    const end = clock.now() + maxMs;
    for (;;) {
      const v = await check();
      if (v) return v;
      if (clock.now() >= end) throw new Error(`waited ${maxMs} ms (of the test clock) for ${what}; last value: ${JSON.stringify(v)}`);
      await step();
    }
  }
  return {
    timers: clock.timers,
    now: clock.now,
    /** The engine's wall clock on the same time. */
    date: () => new Date(clock.now()),
    until,
    /** Lets `ms` of the clock's time pass (nothing is awaited: a window in which something must NOT happen). */
    async pass(ms: number): Promise<void> {
      const end = clock.now() + ms;
      while (clock.now() < end) await step();
    },
    /** Settles `p` while time moves (a request that waits on the modem: answer, hang up, close). */
    async during<T>(p: Promise<T>, maxMs = 15_000): Promise<T> {
      let settled = false;
      const watched = p.finally(() => (settled = true));
      await until(() => settled, maxMs, 'a request to finish');
      return watched;
    },
  };
}

export type DrivenClock = ReturnType<typeof drivenClock>;
