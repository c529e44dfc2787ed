/**
 * Alarm benchmark (`npm run bench`, or only this with `BENCH=alarms npm run bench`):
 *
 * - alarm_latency_p95_ms: how late an alarm rings. 200 reminders (one-offs, daily and weekly repeats,
 *   0/5/10 minutes' warning) fall due at 50 different minutes, in an engine on a real SQLite file with
 *   2,000 contacts whose birthdays the scheduler also watches. Measured from the moment the engine's
 *   clock reaches an alarm's time until a subscriber receives its 'alarms/fired' event.
 *
 *   Reminder times are whole minutes, so 200 alarms at real wall-clock pace would take most of an
 *   hour. The engine's clock (injected, as the scheduler expects) therefore runs 100 times faster than
 *   real time, and so do its timers — Node's real setTimeout with the delay divided by 100. The 50
 *   minutes of alarms pass in 30 seconds of real time. Latency is in REAL milliseconds: timer precision,
 *   the scheduler's look at SQLite and the event, as the user would wait for them. (Measured in the
 *   engine's fast clock it would be 100 times larger, and meaningless.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import type { Alarm } from '../src/shared/contract/reminders';
import type { Timers } from '../src/telephony/transport';
import { call, p, round } from './bench-util';

const SPEED = 100;
const REMINDERS = 200;
const MINUTES = 50;
const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (t: Date) => `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
const hhmm = (t: Date) => `${pad(t.getHours())}:${pad(t.getMinutes())}`;

export async function alarmsBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-alarms-'));
  // Engine time stands at 09:00:00 (local) while the data is set up, then runs SPEED times real time.
  const engineStart = new Date(2026, 10, 21, 9, 0, 0).getTime();
  let realStart: number | null = null;
  const clock = () => new Date(engineStart + (realStart === null ? 0 : (performance.now() - realStart) * SPEED));
  const timers: Timers = {
    now: () => clock().getTime(),
    setTimeout: (fn, ms) => setTimeout(fn, ms / SPEED),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
  };
  const e = createEngine({ dataDir: dir, clock, timers, noLines: true });
  const latencies: number[] = [];
  const seen = new Set<string>();
  const beforeMs = new Map<number, number>();
  try {
    for (let i = 0; i < 2000; i++) {
      const birth = new Date(1960 + (i % 45), (i * 7) % 12, 1 + ((i * 13) % 28));
      await call(e, 'contacts/create', { firstName: `Contact ${i}`, birthDate: isoDate(birth) });
    }
    const firstMinute = 3;
    for (let i = 0; i < REMINDERS; i++) {
      const before = [0, 5, 10][i % 3]!;
      const alarmAt = new Date(engineStart + (firstMinute + (i % MINUTES)) * 60_000);
      const occurs = new Date(alarmAt.getTime() + before * 60_000);
      const repeat = i % 4 === 0 ? { kind: 'daily' } : i % 4 === 1 ? { kind: 'weekly', days: [0, 1, 2, 3, 4, 5, 6] } : { kind: 'none' };
      const r = await call(e, 'reminders/create', { subject: `Reminder ${i}`, date: isoDate(occurs), time: hhmm(occurs), repeat, alarmMinutesBefore: before });
      beforeMs.set(r.id, before * 60_000);
    }
    const started = performance.now();
    realStart = started;
    await new Promise<void>((resolve, reject) => {
      const timeout = setTimeout(() => reject(new Error(`only ${seen.size} of ${REMINDERS} alarms rang`)), ((MINUTES + firstMinute + 2) * 60_000) / SPEED);
      const off = e.subscribe((ev) => {
        if (ev.name !== 'alarms/fired') return;
        const now = performance.now();
        for (const a of ev.payload.alarms as Alarm[]) {
          if (seen.has(`${a.refId}@${a.occursAt}`)) reject(new Error(`alarm ${a.refId} at ${a.occursAt} rang twice`));
          seen.add(`${a.refId}@${a.occursAt}`);
          const dueEngine = Date.parse(a.occursAt) - (beforeMs.get(a.refId) ?? 0);
          const dueReal = started + (dueEngine - engineStart) / SPEED;
          latencies.push(now - dueReal);
        }
        if (seen.size >= REMINDERS) {
          clearTimeout(timeout);
          off();
          resolve();
        }
      });
    });
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `  ${latencies.length} alarms; latency (real ms) median ${p(latencies, 0.5).toFixed(2)}, p95 ${p(latencies, 0.95).toFixed(2)}, max ` +
      `${Math.max(...latencies).toFixed(2)}`,
  );
  return { alarm_latency_p95_ms: round(p(latencies, 0.95), 2) };
}
