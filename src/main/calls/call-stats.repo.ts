/**
 * Reading the running totals of migrations 0004 and 0018: a report over a year of a 5,000,000-call log
 * reads a few thousand rows instead of millions. A range is read as its whole parts of months (a
 * Jalali or Gregorian month or year is whole parts) from the part tables, and the days at either end
 * from the day tables (see `monthParts`). Every figure equals the GROUP BY over `calls` it replaces
 * (tests/engine/call-stats.test.ts, call-part-stats.test.ts).
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
   * range (a few rows a day per number). Above it, the busiest numbers of each part of the range are
   * read first (see `byParts`). Default 4,000 (about a busy day of the benchmark log).
   */
  scanBelow?: number;
  /** After this many numbers tried, the range is summed after all (a range unlike its parts). */
  maxProbes?: number;
  /**
   * A range (of all lines or one) with at least this share of the whole log's incoming calls tries
   * numbers by their all-time count first (see `byAllTime`): a year or more of the benchmark log.
   * Default 0.25.
   */
  allTimeShare?: number;
};

type Range = { fromDay: string; toDay: string; lineId: number | null; limit: number };
/** Day bounds that select nothing (BETWEEN '1' AND '0'). */
const NO_DAYS: [string, string] = ['1', '0'];
/** A range as whole parts and up to two runs of days outside them; `parts` null when no part is whole. */
export type Split = { parts: [string, string] | null; head: [string, string]; tail: [string, string] };

const shiftMonth = (month: string, by: number) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1)).toISOString().slice(0, 7);
const lastDayOf = (month: string) => new Date(Date.parse(`${shiftMonth(month, 1)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const dayBefore = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The parts of migration 0018: a Gregorian month cut on the day (two digits) a Jalali month begins in
 * it — 'YYYY-MMa' before, 'YYYY-MMb' from it; a month without a cut is one part 'a'. The same rule as
 * the migration's triggers, on the same table.
 */
export function monthParts(cuts: ReadonlyMap<string, string>) {
  const partOf = (day: string) => {
    const cut = cuts.get(day.slice(0, 7));
    return `${day.slice(0, 7)}${cut !== undefined && day.slice(8, 10) >= cut ? 'b' : 'a'}`;
  };
  const startOf = (part: string) => `${part.slice(0, 7)}-${part.endsWith('b') ? cuts.get(part.slice(0, 7))! : '01'}`;
  const endOf = (part: string) => {
    const month = part.slice(0, 7);
    const cut = cuts.get(month);
    return part.endsWith('a') && cut !== undefined ? dayBefore(`${month}-${cut}`) : lastDayOf(month);
  };
  const next = (part: string) => (part.endsWith('a') && cuts.has(part.slice(0, 7)) ? `${part.slice(0, 7)}b` : partOf(`${shiftMonth(part.slice(0, 7), 1)}-01`));
  const previous = (part: string) => partOf(dayBefore(startOf(part)));
  /** The whole parts of [from, to] and the days before and after them. */
  function split(from: string, to: string): Split {
    const first = startOf(partOf(from)) === from ? partOf(from) : next(partOf(from));
    const last = endOf(partOf(to)) === to ? partOf(to) : previous(partOf(to));
    if (from > to || first > last) return { parts: null, head: [from, to], tail: NO_DAYS };
    return {
      parts: [first, last],
      head: from < startOf(first) ? [from, endOf(partOf(from))] : NO_DAYS,
      tail: to > endOf(last) ? [startOf(partOf(to)), to] : NO_DAYS,
    };
  }
  return { partOf, split };
}

function statements(db: Db, line: string) {
  return {
    perDay: db.prepare<unknown[], DayTotals>(
      `SELECT local_day AS day, SUM(in_calls) AS incoming, SUM(in_missed) AS missed, SUM(out_calls) AS outgoing, SUM(in_answered) AS answered,
         SUM(in_ivr) AS ivr, SUM(unreturned) AS unreturned, SUM(talk_s) AS talk
       FROM call_day_stats WHERE local_day BETWEEN ? AND ? ${line} GROUP BY local_day`,
    ),
    perHour: db.prepare<unknown[], HourTotals>(
      `SELECT hour, SUM(incoming) AS incoming, SUM(missed) AS missed, SUM(outgoing) AS outgoing FROM (
         SELECT local_hour AS hour, in_calls AS incoming, in_missed AS missed, out_calls AS outgoing
         FROM call_part_hours WHERE part BETWEEN @p1 AND @p2 ${line}
         UNION ALL
         SELECT local_hour, in_calls, in_missed, out_calls FROM call_hour_stats WHERE local_day BETWEEN @h1 AND @h2 ${line}
         UNION ALL
         SELECT local_hour, in_calls, in_missed, out_calls FROM call_hour_stats WHERE local_day BETWEEN @t1 AND @t2 ${line}
       ) GROUP BY hour`,
    ),
    incoming: db.prepare<unknown[], number>(`SELECT COALESCE(SUM(in_calls), 0) FROM call_day_stats WHERE local_day BETWEEN ? AND ? ${line}`).pluck(),
    scan: db.prepare<unknown[], TopCaller>(
      `SELECT number_key, MAX(number_raw) AS number_raw, SUM(calls) AS calls, SUM(missed) AS missed, SUM(talk_s) AS talk
       FROM call_number_days WHERE local_day BETWEEN ? AND ? ${line} GROUP BY number_key ORDER BY calls DESC, number_key LIMIT ?`,
    ),
    /** One number over the range: its whole parts, then its days at either end. */
    probe: db.prepare<unknown[], { number_raw: string | null; calls: number | null; missed: number; talk: number }>(
      `SELECT MAX(number_raw) AS number_raw, SUM(calls) AS calls, SUM(missed) AS missed, SUM(talk_s) AS talk FROM (
         SELECT number_raw, calls, missed, talk_s FROM call_number_parts WHERE number_key = @key AND part BETWEEN @p1 AND @p2 ${line}
         UNION ALL
         SELECT number_raw, calls, missed, talk_s FROM call_number_days WHERE number_key = @key AND local_day BETWEEN @h1 AND @h2 ${line}
         UNION ALL
         SELECT number_raw, calls, missed, talk_s FROM call_number_days WHERE number_key = @key AND local_day BETWEEN @t1 AND @t2 ${line})`,
    ),
    /** The parts (whole or not) a range touches, each with its lines: the lists top callers read. */
    cells: db.prepare<unknown[], { part: string; line_id: number }>(
      `SELECT DISTINCT part, line_id FROM call_part_hours WHERE part BETWEEN ? AND ? ${line} AND in_calls > 0`,
    ),
  };
}

type Stmts = ReturnType<typeof statements>;
const splitParams = (s: Split, lineId: number | null) => ({
  p1: s.parts?.[0] ?? '1',
  p2: s.parts?.[1] ?? '0',
  h1: s.head[0],
  h2: s.head[1],
  t1: s.tail[0],
  t2: s.tail[1],
  ...(lineId ? { line: lineId } : {}),
});

export function createCallStatsRepo(db: Db, opts: CallStatsOptions = {}) {
  const scanBelow = opts.scanBelow ?? 4_000;
  const maxProbes = opts.maxProbes ?? 5_000;
  const allTimeShare = opts.allTimeShare ?? 0.25;
  const all = statements(db, '');
  const oneLine = statements(db, 'AND line_id = @line');
  const oneLinePositional = statements(db, 'AND line_id = ?');
  const positional = (lineId: number | null): Stmts => (lineId ? oneLinePositional : all);
  const { partOf, split } = monthParts(
    new Map(db.prepare<[], [string, string]>('SELECT month, first_day FROM jalali_month_starts').raw().all() as [string, string][]),
  );
  // A part's numbers by incoming count, highest first, a chunk at a time (keyset on the index).
  const partCallers = db.prepare<[string, number, number, string, number], { number_key: string; calls: number }>(
    `SELECT number_key, calls FROM call_part_callers WHERE part = ? AND line_id = ? AND (calls, number_key) < (?, ?)
     ORDER BY calls DESC, number_key DESC LIMIT ?`,
  );
  const callsOf = db.prepare<[string], number>('SELECT calls FROM call_numbers WHERE number_key = ?').pluck();
  // Numbers by all-time incoming count, highest first, a batch at a time (keyset on the index).
  const allTime = db.prepare<[number, string], { number_key: string; calls_in: number }>(
    'SELECT number_key, calls_in FROM call_numbers WHERE (calls_in, number_key) < (?, ?) ORDER BY calls_in DESC, number_key DESC LIMIT 64',
  );
  const incomingEver = db.prepare<[], number>('SELECT COALESCE(SUM(in_calls), 0) FROM call_day_stats').pluck();
  const before = (a: TopCaller, b: TopCaller) => a.calls > b.calls || (a.calls === b.calls && a.number_key < b.number_key);
  /** Puts a number in its place in `top` (calls descending, then number_key ascending), `limit` kept. */
  function place(top: TopCaller[], row: TopCaller, limit: number): void {
    let i = top.length;
    while (i > 0 && before(row, top[i - 1]!)) i--;
    if (i < limit) {
      top.splice(i, 0, row);
      if (top.length > limit) top.pop();
    }
  }
  function exact(r: Range, key: string, params: ReturnType<typeof splitParams>): TopCaller | null {
    const got = (r.lineId ? oneLine : all).probe.get({ key, ...params });
    return got?.calls ? { number_key: key, number_raw: got.number_raw ?? '', calls: got.calls, missed: got.missed, talk: got.talk } : null;
  }

  /**
   * Top callers of a range that holds a good share of the log: numbers in order of their all-time
   * incoming count (all lines; an upper bound of any range's count, and close to it here) until none
   * left can enter. One list instead of one per part and line of a long range. null after maxProbes.
   */
  function byAllTime(r: Range): TopCaller[] | null {
    const params = splitParams(split(r.fromDay, r.toDay), r.lineId);
    const top: TopCaller[] = [];
    let cursor: [number, string] = [Number.MAX_SAFE_INTEGER, ''];
    for (let probes = 0; ;) {
      const batch = allTime.all(...cursor);
      if (batch.length === 0) return top;
      for (const c of batch) {
        // No number from here on can reach the last place (a tie would need at least its count).
        if (c.calls_in === 0 || (top.length === r.limit && c.calls_in < top[r.limit - 1]!.calls)) return top;
        if (++probes > maxProbes) return null;
        const row = exact(r, c.number_key, params);
        if (row) place(top, row, r.limit);
      }
      cursor = [batch[batch.length - 1]!.calls_in, batch[batch.length - 1]!.number_key];
    }
  }

  /**
   * Top callers by the parts the range touches (a threshold algorithm): each part-and-line list is
   * read busiest first, a chunk at a time, and every number met is counted exactly over the range. A
   * number not met yet has at most the last count read in each list, so the sum of those bounds it;
   * once the last place beats that sum, no number left can enter. null after maxProbes numbers.
   */
  function byParts(r: Range): TopCaller[] | null {
    const params = splitParams(split(r.fromDay, r.toDay), r.lineId);
    const cellParams = r.lineId ? [partOf(r.fromDay), partOf(r.toDay), r.lineId] : [partOf(r.fromDay), partOf(r.toDay)];
    const lists = positional(r.lineId)
      .cells.all(...cellParams)
      .map((c) => ({ ...c, cursor: [Number.MAX_SAFE_INTEGER, ''] as [number, string], head: 0, done: false }));
    const top: TopCaller[] = [];
    const seen = new Set<string>();
    for (let chunk = Math.max(32, r.limit * 2); ; chunk = Math.min(chunk * 2, 2048)) {
      for (const list of lists) {
        if (list.done) continue;
        const rows = partCallers.all(list.part, list.line_id, ...list.cursor, chunk);
        if (rows.length < chunk) list.done = true;
        if (rows.length) list.cursor = [rows[rows.length - 1]!.calls, rows[rows.length - 1]!.number_key];
        list.head = list.done ? 0 : list.cursor[0];
        for (const { number_key } of rows) {
          if (seen.has(number_key)) continue;
          seen.add(number_key);
          if (seen.size > maxProbes) return null;
          const row = exact(r, number_key, params);
          if (row) place(top, row, r.limit);
        }
      }
      const bound = lists.reduce((sum, l) => sum + l.head, 0);
      // A number not met could tie the last place with a smaller key, so the last place must beat the bound.
      if (bound === 0 || (top.length === r.limit && top[r.limit - 1]!.calls > bound)) return top;
    }
  }

  return {
    totals(fromDay: string, toDay: string, lineId: number | null): CallTotals {
      const s = positional(lineId);
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
      const perHour = (lineId ? oneLine : all).perHour.all(splitParams(split(fromDay, toDay), lineId));
      return { totals, perDay, perHour };
    },
    /** The numbers that called most in the range (incoming, with a number), as `GROUP BY number_key ORDER BY calls DESC, number_key`. */
    topCallers(fromDay: string, toDay: string, lineId: number | null, limit: number): TopCaller[] {
      const s = positional(lineId);
      const params = lineId ? [fromDay, toDay, lineId] : [fromDay, toDay];
      const r = { fromDay, toDay, lineId, limit };
      const incoming = s.incoming.get(...params)!;
      if (incoming <= scanBelow) return s.scan.all(...params, limit);
      const most = incoming >= allTimeShare * incomingEver.get()!;
      return (most ? byAllTime(r) : null) ?? byParts(r) ?? s.scan.all(...params, limit);
    },
    /** Calls with this number key in the whole log, both directions ('' has no running count). */
    callCountOf: (key: string): number | null => (key ? (callsOf.get(key) ?? 0) : null),
  };
}

export type CallStatsRepo = ReturnType<typeof createCallStatsRepo>;
