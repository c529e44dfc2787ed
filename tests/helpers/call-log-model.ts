/**
 * The call log written at random and the report figures computed from its raw rows, for the tests of
 * migration 0018's totals (tests/engine/call-part-stats.test.ts): a log in the office's time zone
 * (Asia/Tehran, across Iran's last daylight-saving year), written the way the engine writes calls plus odd
 * edits, and checks that every table and report section equals the same figures computed here.
 */
import { jalaaliMonthLength, toGregorian } from 'jalaali-js';
import { createCallStatsRepo, monthParts, type CallStatsRepo } from '../../src/main/calls/call-stats.repo';
import { createCallsRepo } from '../../src/main/calls/calls.repo';
import type { Db } from '../../src/main/db/database';

const DAY = 86_400_000;
/**
 * The local day and hour the engine writes in Tehran (calls.service's localDayHour in a process whose
 * time zone is Asia/Tehran; a test file cannot change the time zone of the process jest runs it in).
 */
const tehran = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});
export function localDayHour(ms: number): { day: string; hour: number } {
  const p = Object.fromEntries(tehran.formatToParts(ms).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) };
}
// Iran kept daylight saving until 2022 (the clocks went back on 2022-09-21 24:00 for the last time).
export const SPAN = { from: Date.parse('2021-12-10T00:00:00Z'), to: Date.parse('2023-05-20T00:00:00Z') };
export const iso = (g: { gy: number; gm: number; gd: number }) => `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const keyOf = (k: number) => `98912${String(k).padStart(7, '0')}`;

type Row = {
  id: number;
  line_id: number;
  direction: string;
  outcome: string;
  local_day: string;
  local_hour: number;
  duration_s: number;
  number_raw: string;
  number_key: string;
  returned_at: number | null;
};

/** Calls as the engine logs them (calls.repo: ringing, caller ID, answered or not, ended, returned). */
export function logCalls(db: Db, n: number, r: () => number, span = SPAN): void {
  const repo = createCallsRepo(db);
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const at = span.from + Math.floor(r() * (span.to - span.from));
      const { day, hour } = localDayHour(at);
      // A skewed caller population: a few numbers call very often (they decide the top of each part).
      const k = Math.floor(Math.pow(r(), 3) * 120);
      const withheld = r() < 0.08;
      const raw = withheld ? '' : r() < 0.3 ? `912${String(k).padStart(7, '0')}` : `0912${String(k).padStart(7, '0')}`;
      const key = withheld ? '' : keyOf(k);
      const out = r() < 0.18;
      const lineId = 1 + Math.floor(r() * 3);
      const lateCallerId = !out && r() < 0.2;
      const id = repo.insert({
        lineId,
        lineName: `L${lineId}`,
        direction: out ? 'out' : 'in',
        outcome: out ? 'dialing' : 'ringing',
        startedAt: at,
        day,
        hour,
        numberRaw: lateCallerId ? '' : raw,
        numberKey: lateCallerId ? '' : key,
        callerName: '',
        absence: null,
      });
      if (lateCallerId) repo.setCaller(id, raw, key, 'X', null);
      const u = r();
      if (u < 0.6) {
        repo.answered(id, 'answered', at + 5_000);
        repo.ended(id, 'answered', at + 5_000 + Math.floor(r() * 600_000));
        if (!out && key && r() < 0.5) repo.markReturned(key, at + 5_000);
      } else if (u < 0.85) repo.ended(id, out ? 'no-answer' : 'missed', at + 20_000);
      else if (u < 0.93) {
        repo.answered(id, 'ivr', at + 3_000);
        repo.ended(id, 'ivr', at + 40_000);
      } // else still ringing / dialing
    }
  })();
}

/** Odd writes any hand may make; each kind by name, so a test can apply one at a time. */
export const EDITS: Record<string, (db: Db, r: () => number) => void> = {
  're-key of a number': (db, r) => {
    for (let i = 0; i < 5; i++) db.prepare('UPDATE calls SET number_key = ? WHERE number_key = ?').run(keyOf(500 + i), keyOf(Math.floor(r() * 40)));
  },
  'raw form corrected': (db, r) => {
    for (let i = 0; i < 40; i++) db.prepare("UPDATE calls SET number_raw = '+98912' || substr(number_key, 6) WHERE id = ?").run(pick(db, r));
  },
  'call moved to another day, hour and line': (db, r) => {
    for (let i = 0; i < 60; i++) {
      const at = SPAN.from + Math.floor(r() * (SPAN.to - SPAN.from));
      const { day, hour } = localDayHour(at);
      db.prepare('UPDATE calls SET started_at = ?, local_day = ?, local_hour = ?, line_id = ? WHERE id = ?').run(
        at,
        day,
        hour,
        1 + Math.floor(r() * 3),
        pick(db, r),
      );
    }
  },
  'direction and outcome changed': (db, r) => {
    for (let i = 0; i < 40; i++) db.prepare("UPDATE calls SET direction = CASE direction WHEN 'in' THEN 'out' ELSE 'in' END WHERE id = ?").run(pick(db, r));
    for (let i = 0; i < 40; i++) db.prepare("UPDATE calls SET outcome = 'missed', duration_s = 0 WHERE id = ?").run(pick(db, r));
    for (let i = 0; i < 40; i++) db.prepare("UPDATE calls SET outcome = 'answered', duration_s = ? WHERE id = ?").run(Math.floor(r() * 900), pick(db, r));
  },
  'returned cleared and set': (db, r) => {
    for (let i = 0; i < 40; i++) db.prepare('UPDATE calls SET returned_at = NULL WHERE id = ?').run(pick(db, r));
    for (let i = 0; i < 10; i++) db.prepare("UPDATE calls SET returned_at = 1 WHERE number_key = ? AND outcome = 'missed'").run(keyOf(Math.floor(r() * 30)));
  },
  'caller ID removed': (db, r) => {
    for (let i = 0; i < 40; i++) db.prepare("UPDATE calls SET number_raw = '', number_key = '' WHERE id = ?").run(pick(db, r));
  },
  'calls deleted': (db, r) => {
    for (let i = 0; i < 150; i++) db.prepare('DELETE FROM calls WHERE id = ?').run(pick(db, r));
  },
  'retention: every call before a day deleted': (db) => {
    db.prepare('DELETE FROM calls WHERE started_at < ?').run(Date.parse('2022-02-10T00:00:00Z'));
  },
};
const pick = (db: Db, r: () => number) => {
  const max = db.prepare<[], number>('SELECT MAX(id) FROM calls').pluck().get() ?? 1;
  return (
    db
      .prepare<[number], number>('SELECT id FROM calls WHERE id >= ? ORDER BY id LIMIT 1')
      .pluck()
      .get(1 + Math.floor(r() * max)) ?? max
  );
};

export const rows = (db: Db) => db.prepare<[], Row>('SELECT * FROM calls').all();

/** Every table of 0018 equals its GROUP BY over the log, the part computed here from jalaali-js's months. */
export function expectTablesExact(db: Db): void {
  const { partOf } = monthParts(new Map(db.prepare('SELECT month, first_day FROM jalali_month_starts').raw().all() as [string, string][]));
  const days = new Map<string, number[]>();
  const hours = new Map<string, number[]>();
  const numbers = new Map<string, number[]>();
  const callers = new Map<string, number>();
  const add = (m: Map<string, number[]>, k: string, xs: number[]) => {
    const cur = m.get(k) ?? xs.map(() => 0);
    m.set(
      k,
      cur.map((c, i) => c + xs[i]!),
    );
  };
  for (const c of rows(db)) {
    const inn = c.direction === 'in';
    const missed = c.outcome === 'missed';
    add(days, `${c.local_day}|${c.line_id}`, [
      +inn,
      +(inn && c.outcome === 'answered'),
      +(inn && missed),
      +(inn && c.outcome === 'ivr'),
      +!inn,
      c.duration_s,
      +(missed && c.returned_at === null),
    ]);
    add(hours, `${partOf(c.local_day)}|${c.local_hour}|${c.line_id}`, [+inn, +(inn && missed), +!inn]);
    if (inn && c.number_key) {
      add(numbers, `${c.number_key}|${partOf(c.local_day)}|${c.line_id}|${c.number_raw}`, [1, +missed, c.duration_s]);
      const k = `${partOf(c.local_day)}|${c.line_id}|${c.number_key}`;
      callers.set(k, (callers.get(k) ?? 0) + 1);
    }
  }
  const table = (sql: string) => new Map((db.prepare(sql).raw().all() as (string | number)[][]).map((r) => [String(r[0]), r.slice(1)]));
  const nonZero = (m: Map<string, unknown[]>) => new Map([...m].filter(([, xs]) => xs.some((x) => x !== 0)));
  expect(
    nonZero(table("SELECT local_day || '|' || line_id, in_calls, in_answered, in_missed, in_ivr, out_calls, talk_s, unreturned FROM call_day_stats")),
  ).toEqual(days);
  expect(nonZero(table("SELECT part || '|' || local_hour || '|' || line_id, in_calls, in_missed, out_calls FROM call_part_hours"))).toEqual(hours);
  expect(table("SELECT number_key || '|' || part || '|' || line_id || '|' || number_raw, calls, missed, talk_s FROM call_number_parts")).toEqual(numbers);
  expect(table("SELECT part || '|' || line_id || '|' || number_key, calls FROM call_part_callers")).toEqual(new Map([...callers].map(([k, n]) => [k, [n]])));
}

/** The report's sections for a range, computed from the rows alone. */
export function reference(all: Row[], from: string, to: string, lineId: number | null) {
  const totals = { incoming: 0, answered: 0, missed: 0, ivr: 0, outgoing: 0, unreturned: 0, talkSeconds: 0 };
  const perDay = new Map<string, { incoming: number; missed: number; outgoing: number }>();
  const perHour = new Map<number, { incoming: number; missed: number; outgoing: number }>();
  const top = new Map<string, { number_key: string; number_raw: string; calls: number; missed: number; talk: number }>();
  for (const c of all) {
    if (c.local_day < from || c.local_day > to || (lineId && c.line_id !== lineId)) continue;
    const d = perDay.get(c.local_day) ?? { incoming: 0, missed: 0, outgoing: 0 };
    const h = perHour.get(c.local_hour) ?? { incoming: 0, missed: 0, outgoing: 0 };
    perDay.set(c.local_day, d);
    perHour.set(c.local_hour, h);
    totals.talkSeconds += c.duration_s;
    if (c.outcome === 'missed' && c.returned_at === null) totals.unreturned++;
    if (c.direction === 'out') {
      totals.outgoing++;
      d.outgoing++;
      h.outgoing++;
      continue;
    }
    totals.incoming++;
    d.incoming++;
    h.incoming++;
    if (c.outcome === 'missed') {
      totals.missed++;
      d.missed++;
      h.missed++;
    } else if (c.outcome === 'ivr') totals.ivr++;
    else if (c.outcome === 'answered') totals.answered++;
    if (!c.number_key) continue;
    const t = top.get(c.number_key) ?? { number_key: c.number_key, number_raw: '', calls: 0, missed: 0, talk: 0 };
    top.set(c.number_key, t);
    t.calls++;
    t.missed += +(c.outcome === 'missed');
    t.talk += c.duration_s;
    if (c.number_raw > t.number_raw) t.number_raw = c.number_raw;
  }
  const order = [...top.values()].sort((a, b) => b.calls - a.calls || (a.number_key < b.number_key ? -1 : 1));
  return { totals, perDay, perHour, top: order };
}

/** Random ranges of every shape the report can be asked for. */
export function ranges(r: () => number): [string, string, number | null][] {
  const first = '2021-12-10';
  const line = () => (r() < 0.3 ? 1 + Math.floor(r() * 3) : null);
  const out: [string, string, number | null][] = [
    [first, '2023-05-20', null],
    ['2020-01-01', '2030-12-31', 2],
    ['2022-01-01', '2022-12-31', null], // a Gregorian year
    [iso(toGregorian(1401, 1, 1)), addDays(iso(toGregorian(1402, 1, 1)), -1), null], // a Jalali year
    ['2022-03-20', '2022-03-23', null], // Nowruz and the start of daylight saving
    ['2022-09-20', '2022-09-23', 1], // its last end
    ['2101-01-01', '2101-01-31', null], // a month the cut table does not know
    ['1989-12-15', '1990-01-25', null],
  ];
  for (let i = 0; i < 12; i++) {
    const jy = 1400 + Math.floor(r() * 3);
    const jm = 1 + Math.floor(r() * 12);
    out.push([iso(toGregorian(jy, jm, 1)), iso(toGregorian(jy, jm, jalaaliMonthLength(jy, jm))), line()]);
  }
  for (let i = 0; i < 8; i++) {
    const m = new Date(Date.UTC(2022, Math.floor(r() * 16), 1)).toISOString().slice(0, 7);
    const last = new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5)), 0)).toISOString().slice(0, 10);
    out.push([`${m}-01`, last, line()]);
  }
  for (let i = 0; i < 40; i++) {
    // Mid-part starts and ends, a day to more than a year long, many across month boundaries.
    const from = addDays(first, Math.floor(r() * 520) - 10);
    const len = [0, 1, 6, 9, 13, 20, 33, 45, 70, 100, 200, 400][Math.floor(r() * 12)]!;
    out.push([from, addDays(from, len), line()]);
  }
  return out;
}

export function expectReportsExact(db: Db, r: () => number): void {
  const all = rows(db);
  const repos: [string, CallStatsRepo][] = [
    ['default', createCallStatsRepo(db)],
    ['parts always', createCallStatsRepo(db, { scanBelow: -1, allTimeShare: Number.POSITIVE_INFINITY })],
    ['all-time counts first', createCallStatsRepo(db, { scanBelow: -1, allTimeShare: 0 })],
    ['scan always', createCallStatsRepo(db, { scanBelow: Number.POSITIVE_INFINITY })],
    ['parts, then scan', createCallStatsRepo(db, { scanBelow: -1, maxProbes: 4 })],
  ];
  const some = (x: { incoming: number; outgoing: number }) => x.incoming + x.outgoing > 0;
  for (const [from, to, lineId] of ranges(r)) {
    const ref = reference(all, from, to, lineId);
    for (const [name, repo] of repos) {
      const got = repo.totals(from, to, lineId);
      const where = { name, from, to, lineId };
      expect({ ...where, totals: got.totals }).toEqual({ ...where, totals: ref.totals });
      expect({
        ...where,
        perDay: new Map(got.perDay.filter(some).map((d) => [d.day, { incoming: d.incoming, missed: d.missed, outgoing: d.outgoing }])),
      }).toEqual({
        ...where,
        perDay: ref.perDay,
      });
      expect({
        ...where,
        perHour: new Map(got.perHour.filter(some).map((h) => [h.hour, { incoming: h.incoming, missed: h.missed, outgoing: h.outgoing }])),
      }).toEqual({
        ...where,
        perHour: new Map([...ref.perHour].filter(([, h]) => some(h))),
      });
      expect({ ...where, top: repo.topCallers(from, to, lineId, 20) }).toEqual({ ...where, top: ref.top.slice(0, 20) });
      expect({ ...where, top: repo.topCallers(from, to, lineId, 3) }).toEqual({ ...where, top: ref.top.slice(0, 3) });
    }
  }
}
