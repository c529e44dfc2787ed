/**
 * The alarm engine: one scheduler for reminders, birthdays and cheque due dates. It never trusts a
 * single long timer — a laptop that sleeps or a clock that is set back or forward would make it fire
 * late, twice or never. Instead each tick looks at the wall clock, fires everything that fell due
 * since the last tick (in order, each once — the store remembers what fired), and sleeps until the
 * next due time or at most `maxSleepMs`, whichever is sooner.
 *
 * Guarantees: an alarm fires at most once per occurrence; alarms that fell due while the app was
 * closed fire at the next start (marked `late`); several due at once are delivered in time order,
 * none dropped; a clock set backwards does not fire anything again. When the store can merge
 * (`markMissed`), the late occurrences of one item (same source and refId) found by one look are
 * delivered as ONE alarm that stands for all of them ("missed 14 times"); on-time ones never merge.
 */
import type { Timers } from '../../telephony/transport';

export type DueItem = {
  /** Stable per occurrence, e.g. 'reminder:12:2026-11-23T08:00' — what the store remembers as fired. */
  key: string;
  at: Date;
  source: 'reminder' | 'birthday' | 'cheque' | 'fax' | 'followup';
  refId: number;
  title: string;
  /** When the occurrence itself is, if not `at` (an alarm may ring minutes before it). */
  occursAt?: Date;
  /** What the alarm window shows under the title. */
  detail?: { place: string; note: string; contactId: number | null };
};

export type AlarmSource = {
  /** Occurrences with from < at <= to, in any order. */
  dueBetween(from: Date, to: Date): DueItem[];
  /** The first occurrence after `after`, or null. */
  nextAfter(after: Date): Date | null;
};

export type AlarmStore = {
  lastTick(): Date | null;
  setLastTick(t: Date): void;
  wasFired(key: string): boolean;
  /** Records the alarm as fired (pending for the user) in the same step as it is delivered. */
  markFired(item: DueItem, firedAt: Date, late: boolean): void;
  /**
   * Optional: records late occurrences of one item (same source and refId, in time order) as fired,
   * all as ONE alarm, and returns the key of the alarm that carries them. Without it each rings alone.
   */
  markMissed?(items: DueItem[], firedAt: Date): string;
  /** Snoozed alarms whose snooze ended at or before `now`; the store clears them as it returns them. */
  takeSnoozesDue(now: Date): DueItem[];
  nextSnooze(): Date | null;
};

/** `missed`: how many late occurrences this one alarm stands for (merged by `markMissed`), else 1. */
export type Fired = DueItem & { late: boolean; firedAt: Date; missed: number };

export type SchedulerOptions = {
  clock: () => Date;
  timers: Timers;
  sources: AlarmSource[];
  store: AlarmStore;
  onFire: (alarms: Fired[]) => void;
  /** Longest sleep between looks at the clock; bounds the delay after a sleep or clock change. */
  maxSleepMs?: number;
  /** An occurrence delivered later than this after its time is 'late' ("while you were away"). */
  lateAfterMs?: number;
};

export function createAlarmScheduler(opts: SchedulerOptions) {
  const maxSleep = opts.maxSleepMs ?? 30_000;
  const lateAfter = opts.lateAfterMs ?? 60_000;
  let timer: unknown = null;
  let stopped = false;
  /** When the next alarm is due, as computed at the last full look; lets idle ticks stay O(1). */
  let nextDue = Number.NEGATIVE_INFINITY;
  let lastSeen = Number.NEGATIVE_INFINITY;

  function tick(force = false): void {
    if (stopped) return;
    const now = opts.clock();
    const t = now.getTime();
    // An idle tick (nothing due, the clock moved forward by about the sleep we asked for) only re-arms.
    if (!force && t < nextDue && t >= lastSeen && t - lastSeen <= maxSleep + 1000) {
      lastSeen = t;
      rearm(t);
      return;
    }
    lastSeen = t;
    const last = opts.store.lastTick();
    // First start ever: nothing is "missed" from before the app existed.
    const from = last && last < now ? last : new Date(now.getTime() - 1);
    const due = opts.sources.flatMap((s) => s.dueBetween(from, now)).filter((d) => !opts.store.wasFired(d.key));
    due.push(...opts.store.takeSnoozesDue(now));
    due.sort((a, b) => a.at.getTime() - b.at.getTime());
    const fired = record(due, now);
    // A clock set backwards: remember the new "now" so the next ticks do not look at the future twice.
    opts.store.setLastTick(now);
    if (fired.length > 0) opts.onFire(fired);
    arm(now);
  }

  /** Marks what is due as fired: on-time ones one by one, late ones merged per item when the store can. */
  function record(due: DueItem[], now: Date): Fired[] {
    const isLate = (d: DueItem) => now.getTime() - d.at.getTime() > lateAfter;
    const merge = opts.store.markMissed?.bind(opts.store);
    if (!merge) {
      return due.map((d) => {
        const f: Fired = { ...d, late: isLate(d), firedAt: now, missed: 1 };
        opts.store.markFired(f, now, f.late);
        return f;
      });
    }
    const out: Fired[] = [];
    const groups = new Map<string, DueItem[]>();
    for (const d of due) {
      if (!isLate(d)) {
        opts.store.markFired(d, now, false);
        out.push({ ...d, late: false, firedAt: now, missed: 1 });
        continue;
      }
      const g = `${d.source}:${d.refId}`;
      const list = groups.get(g);
      if (list) list.push(d);
      else groups.set(g, [d]);
    }
    for (const items of groups.values()) {
      const last = items[items.length - 1]!;
      out.push({ ...last, key: merge(items, now), late: true, firedAt: now, missed: items.length });
    }
    return out.sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  function arm(now: Date): void {
    const candidates = [...opts.sources.map((s) => s.nextAfter(now)), opts.store.nextSnooze()].filter((t): t is Date => t !== null);
    nextDue = candidates.length ? Math.min(...candidates.map((t) => t.getTime())) : Number.POSITIVE_INFINITY;
    rearm(now.getTime());
  }

  function rearm(t: number): void {
    const wait = Math.max(0, Math.min(maxSleep, nextDue - t));
    if (timer !== null) opts.timers.clearTimeout(timer);
    timer = opts.timers.setTimeout(() => tick(), wait);
  }

  return {
    start(): void {
      stopped = false;
      tick(true);
    },
    /** When the next alarm (or snooze) is due as of the last full look; null when nothing is ahead. */
    nextDueAt(): number | null {
      return Number.isFinite(nextDue) ? nextDue : null;
    },
    /** Something changed (a reminder added or edited): look again now. */
    poke(): void {
      tick(true);
    },
    stop(): void {
      stopped = true;
      if (timer !== null) opts.timers.clearTimeout(timer);
      timer = null;
    },
  };
}
