import { createTestClock, type Steppable } from '../../src/main/kernel/test-clock';

/**
 * The test clock's 'advance' must ring each alarm at its own instant even when the machine is slow:
 * a real clock that moves on while an alarm is being rung (CI under load) must not show in the time
 * the alarm records, or it reads as a few milliseconds late.
 */
describe('test clock', () => {
  const MIN = 60_000;
  function slowRealClock(start: number, msPerRead: number) {
    let t = start;
    return () => new Date((t += msPerRead));
  }
  function alarmsAt(times: number[], clock: () => Date) {
    const seen: { due: number; at: number }[] = [];
    let i = 0;
    const s: Steppable = {
      poke() {
        const now = clock().getTime();
        while (i < times.length && times[i]! <= now) seen.push({ due: times[i++]!, at: clock().getTime() });
      },
      nextDueAt: () => (i < times.length ? times[i]! : null),
    };
    return { s, seen };
  }

  test('advance: each alarm on the way is rung at exactly its time, however long ringing takes', () => {
    const tc = createTestClock(slowRealClock(1_000_000, 7));
    const start = tc.now().getTime();
    const due = [start + 10 * MIN, start + 20 * MIN, start + 30 * MIN];
    const { s, seen } = alarmsAt(due, tc.now);
    const end = tc.advance(60 * MIN, s).getTime();
    expect(seen).toEqual(due.map((d) => ({ due: d, at: d })));
    expect(end).toBeGreaterThanOrEqual(start + 60 * MIN);
    expect(end).toBeLessThan(start + 60 * MIN + 100);
    // After the advance, real time goes on from where it settled, never backwards.
    const later = tc.now().getTime();
    expect(later).toBeGreaterThan(end);
  });

  test('jump: what fell due on the way rings once, at the end', () => {
    const tc = createTestClock(slowRealClock(1_000_000, 1));
    const start = tc.now().getTime();
    const { s, seen } = alarmsAt([start + MIN, start + 2 * MIN], tc.now);
    const end = tc.jump(10 * MIN, s).getTime();
    expect(seen.map((x) => x.at >= start + 10 * MIN && x.at <= end)).toEqual([true, true]);
  });
});
