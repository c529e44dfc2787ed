/**
 * `dashboard_ms_5m`: the «Today» dashboard over the cached 5,000,000-call log — every request its tiles
 * make, one after the other as the engine serves them (calls/report of this Jalali month, the numbers to
 * call back, open follow-ups, unheard voicemail, today's reminders and birthdays, cheques due this week),
 * p95 of 30 loads after a warm-up. `dashboard_today_ms_5m`: the same with today's calls.
 */
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import { addDays, presetRange } from '../src/renderer/lib/date-ranges';
import { isoDateOf } from '../src/shared/text/calendar';
import { call, p, round } from './bench-util';
import { ensureCallLog } from './calls-data';

export async function dashboardBench(cache: string): Promise<Record<string, number>> {
  process.env.TZ = 'Asia/Tehran';
  const dir = await ensureCallLog(cache);
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true });
  try {
    const now = new Date();
    const today = isoDateOf(now);
    const load = async (range: { from: string; to: string }) => {
      const t0 = performance.now();
      await call(e, 'calls/report', range);
      await call(e, 'calls/to-call-back', { days: 30, limit: 3 });
      await call(e, 'followups/list', { view: 'open', limit: 50 });
      await call(e, 'voicemail/unheard', {});
      await call(e, 'reminders/occurrences', { from: today, to: today });
      await call(e, 'cheques/search', { dueFrom: today, dueTo: addDays(today, 6), statuses: ['on_hand', 'deposited', 'issued'], limit: 1 });
      return performance.now() - t0;
    };
    const month = presetRange('month', now, 'jalali');
    const day = presetRange('today', now, 'jalali');
    for (let i = 0; i < 5; i++) await load(month);
    const monthMs: number[] = [];
    const dayMs: number[] = [];
    for (let i = 0; i < 30; i++) {
      monthMs.push(await load(month));
      dayMs.push(await load(day));
    }
    return { dashboard_ms_5m: round(p(monthMs, 0.95), 1), dashboard_today_ms_5m: round(p(dayMs, 0.95), 1) };
  } finally {
    await e.close();
  }
}
