/**
 * Reading the running totals of migration 0004 (call_hour_stats, call_number_days, call_numbers): a
 * report over a year of a 5,000,000-call log reads tens of thousands of rows instead of millions.
 * Every figure equals the GROUP BY over `calls` it replaces (tests/engine/call-stats.test.ts).
 */
import type { Db } from '../db/database';

export type DayTotals = { day: string; incoming: number; missed: number; outgoing: number; answered: number; ivr: number; unreturned: number; talk: number };
export type HourTotals = { hour: number; incoming: number; missed: number; outgoing: number };
export type CallTotals = {
  totals: { incoming: number; answered: number; missed: number; ivr: number; outgoing: number; unreturned: number; talkSeconds: number };
  /** Days that have (or had) calls, in date order; a day whose calls were all deleted or moved has zeros. */
  perDay: DayTotals[];
  /** Hours that have (or had) calls, likewise. */
  perHour: HourTotals[];
};
export type TopCaller = { number_key: string; number_raw: string; calls: number; missed: number; talk: number };

export type CallStatsOptions = {
  /**
   * Top callers of a range with at most this many incoming calls are summed over every number of the
   * range (a few rows a day per number). Above it, numbers are tried in order of their all-time
   * incoming count — an upper bound of their count in any range — until no number left can enter
   * the top. Default 40,000 (about two busy weeks of the benchmark log).
   */
  scanBelow?: number;
  /** After this many numbers tried, the range is summed after all (bounds far above the counts). */
  maxProbes?: number;
};

type Range = { fromDay: string; toDay: string; lineId: number | null; limit: number };

function statements(db: Db, line: string) {
  return {
    perDay: db.prepare<unknown[], DayTotals>(
      `SELECT local_day AS day, SUM(in_calls) AS incoming, SUM(in_missed) AS missed, SUM(out_calls) AS outgoing, SUM(in_answered) AS answered,
         SUM(in_ivr) AS ivr, SUM(unreturned) AS unreturned, SUM(talk_s) AS talk
       FROM call_hour_stats WHERE local_day BETWEEN ? AND ? ${line} GROUP BY local_day`,
    ),
    perHour: db.prepare<unknown[], HourTotals>(
      `SELECT local_hour AS hour, SUM(in_calls) AS incoming, SUM(in_missed) AS missed, SUM(out_calls) AS outgoing
       FROM call_hour_stats WHERE local_day BETWEEN ? AND ? ${line} GROUP BY local_hour`,
    ),
    incoming: db.prepare<unknown[], number>(`SELECT COALESCE(SUM(in_calls), 0) FROM call_hour_stats WHERE local_day BETWEEN ? AND ? ${line}`).pluck(),
    scan: db.prepare<unknown[], TopCaller>(
      `SELECT number_key, MAX(number_raw) AS number_raw, SUM(calls) AS calls, SUM(missed) AS missed, SUM(talk_s) AS talk
       FROM call_number_days WHERE local_day BETWEEN ? AND ? ${line} GROUP BY number_key ORDER BY calls DESC, number_key LIMIT ?`,
    ),
    probe: db.prepare<unknown[], { number_raw: string | null; calls: number | null; missed: number; talk: number }>(
      `SELECT MAX(number_raw) AS number_raw, SUM(calls) AS calls, SUM(missed) AS missed, SUM(talk_s) AS talk
       FROM call_number_days WHERE number_key = ? AND local_day BETWEEN ? AND ? ${line}`,
    ),
  };
}

export function createCallStatsRepo(db: Db, opts: CallStatsOptions = {}) {
  const scanBelow = opts.scanBelow ?? 40_000;
  const maxProbes = opts.maxProbes ?? 5_000;
  const all = statements(db, '');
  const oneLine = statements(db, 'AND line_id = ?');
  // Numbers by all-time incoming count, highest first, a batch at a time (keyset on the index).
  const candidates = db.prepare<[number, string], { number_key: string; calls_in: number }>(
    'SELECT number_key, calls_in FROM call_numbers WHERE (calls_in, number_key) < (?, ?) ORDER BY calls_in DESC, number_key DESC LIMIT 256',
  );
  const callsOf = db.prepare<[string], number>('SELECT calls FROM call_numbers WHERE number_key = ?').pluck();

  /** Tries numbers by their upper bound; null when that would take more than maxProbes numbers. */
  function byBound(r: Range): TopCaller[] | null {
    const s = r.lineId ? oneLine : all;
    const tail = r.lineId ? [r.fromDay, r.toDay, r.lineId] : [r.fromDay, r.toDay];
    // Kept in the report's order: calls descending, then number_key ascending.
    const top: TopCaller[] = [];
    const before = (a: TopCaller, b: TopCaller) => a.calls > b.calls || (a.calls === b.calls && a.number_key < b.number_key);
    let cursor: [number, string] = [Number.MAX_SAFE_INTEGER, ''];
    let probes = 0;
    for (;;) {
      const batch = candidates.all(...cursor);
      if (batch.length === 0) return top;
      for (const c of batch) {
        // No number from here on can reach the last place (a tie would need at least its count).
        if (c.calls_in === 0 || (top.length === r.limit && c.calls_in < top[r.limit - 1]!.calls)) return top;
        if (++probes > maxProbes) return null;
        const got = s.probe.get(c.number_key, ...tail);
        if (!got || !got.calls) continue;
        const row: TopCaller = { number_key: c.number_key, number_raw: got.number_raw ?? '', calls: got.calls, missed: got.missed, talk: got.talk };
        let i = top.length;
        while (i > 0 && before(row, top[i - 1]!)) i--;
        if (i < r.limit) {
          top.splice(i, 0, row);
          if (top.length > r.limit) top.pop();
        }
      }
      const last = batch[batch.length - 1]!;
      cursor = [last.calls_in, last.number_key];
    }
  }

  return {
    totals(fromDay: string, toDay: string, lineId: number | null): CallTotals {
      const s = lineId ? oneLine : all;
      const params = lineId ? [fromDay, toDay, lineId] : [fromDay, toDay];
      const perDay = s.perDay.all(...params);
      const totals = { incoming: 0, answered: 0, missed: 0, ivr: 0, outgoing: 0, unreturned: 0, talkSeconds: 0 };
      for (const d of perDay) {
        totals.incoming += d.incoming;
        totals.answered += d.answered;
        totals.missed += d.missed;
        totals.ivr += d.ivr;
        totals.outgoing += d.outgoing;
        totals.unreturned += d.unreturned;
        totals.talkSeconds += d.talk;
      }
      return { totals, perDay, perHour: s.perHour.all(...params) };
    },
    /** The numbers that called most in the range (incoming, with a number), as `GROUP BY number_key ORDER BY calls DESC, number_key`. */
    topCallers(fromDay: string, toDay: string, lineId: number | null, limit: number): TopCaller[] {
      const s = lineId ? oneLine : all;
      const params = lineId ? [fromDay, toDay, lineId] : [fromDay, toDay];
      const r = { fromDay, toDay, lineId, limit };
      return (s.incoming.get(...params)! > scanBelow ? byBound(r) : null) ?? s.scan.all(...params, limit);
    },
    /** Calls with this number key in the whole log, both directions ('' has no running count). */
    callCountOf: (key: string): number | null => (key ? (callsOf.get(key) ?? 0) : null),
  };
}

export type CallStatsRepo = ReturnType<typeof createCallStatsRepo>;
