/**
 * The test clock (`createEngine({ testClock: true })`, `MONSHI_TEST_CLOCK=1 monshi serve`): real
 * time plus an offset that 'clock/advance' moves forward, so end-to-end tests and demos can reach
 * tomorrow's alarm now. Never on in normal use: without it 'clock/advance' is 'not_found'.
 */
export type Steppable = {
  /** Looks at the clock now and rings what is due. */
  poke(): void;
  /** The next instant something is due, or null. */
  nextDueAt(): number | null;
};

export type TestClock = ReturnType<typeof createTestClock>;

export function createTestClock(base: () => Date) {
  let offset = 0;
  /** While 'advance' stops at an alarm, the clock stands still there: real milliseconds spent ringing it do not leak in. */
  let held: number | null = null;
  const now = () => new Date(held ?? base().getTime() + offset);
  const moveTo = (t: number) => {
    const current = now().getTime();
    if (t > current) offset += t - current;
  };
  return {
    now,
    /**
     * Moves the clock forward by `ms` as if that time passed quickly: it stops at every alarm due on
     * the way, so each rings at its own time (not late) and in order, then settles at the end.
     */
    advance(ms: number, scheduler: Steppable): Date {
      const target = now().getTime() + ms;
      scheduler.poke();
      let last = Number.NEGATIVE_INFINITY;
      for (;;) {
        const next = scheduler.nextDueAt();
        // Each step must move forward; a source that keeps answering the past cannot hold the loop.
        if (next === null || next > target || next <= last) break;
        last = next;
        held = Math.max(next, now().getTime());
        scheduler.poke();
      }
      held = null;
      // Real time goes on from the target (or from the last stop, if ringing took longer than the rest).
      offset = Math.max(target, last) - base().getTime();
      scheduler.poke();
      return now();
    },
    /**
     * Moves the clock forward by `ms` at once, as if the computer slept (or the app was closed) that
     * long: what fell due on the way rings at the end, late.
     */
    jump(ms: number, scheduler: Steppable): Date {
      moveTo(now().getTime() + ms);
      scheduler.poke();
      return now();
    },
  };
}
