/**
 * The running totals of migration 0004 (call_hour_stats, call_number_days, call_numbers) against the
 * GROUP BY over `calls` they replace, on a real SQLite file: after inserts, the updates the engine
 * makes (caller set on a ringing call, answered, ended, returned), odd updates and deletes, and after
 * the migration fills them from an existing log.
 */
import path from 'node:path';
import { createCallStatsRepo } from '../../src/main/calls/call-stats.repo';
import type { Db } from '../../src/main/db/database';
import { testEngine } from '../helpers/engine';
import { expectReportLikeReference, freshFolderEach, migratedAfterWrites, queryPlan, rng } from '../helpers/call-stats';

const OUTCOMES = ['ringing', 'dialing', 'connected', 'answered', 'missed', 'ivr', 'busy', 'no-answer', 'failed'];
const day = (i: number) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);

/**
 * One transaction per batch of writes: the triggers under test run for each row all the same, and
 * thousands of separate commits, each fsync'd (synchronous=FULL), took most of this file's minute.
 */
const batch = (db: Db, writes: () => void) => db.transaction(writes)();

/** n random calls over 60 days, 3 lines, 40 numbers (skewed, some sent in two forms), some withheld. */
function insertCalls(db: Db, n: number, r: () => number): void {
  batch(db, () => insertEach(db, n, r));
}

function insertEach(db: Db, n: number, r: () => number): void {
  const ins =
    db.prepare(`INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, duration_s, number_raw, number_key, returned_at)
    VALUES (?, 'L', ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(Math.pow(r(), 2) * 40);
    const withheld = r() < 0.1;
    const key = withheld ? '' : `98912000${String(k).padStart(4, '0')}`;
    const raw = withheld ? '' : r() < 0.3 ? `912000${String(k).padStart(4, '0')}` : `0912000${String(k).padStart(4, '0')}`;
    // started_at falls on its local day, as the engine writes it (the log's date filters rely on it).
    const d = day(Math.floor(r() * 60));
    ins.run(
      1 + Math.floor(r() * 3),
      r() < 0.8 ? 'in' : 'out',
      OUTCOMES[Math.floor(r() * OUTCOMES.length)]!,
      Date.parse(`${d}T12:00:00Z`) + i,
      d,
      Math.floor(r() * 24),
      Math.floor(r() * 300),
      raw,
      key,
      r() < 0.5 ? null : i * 1000 + 5,
    );
  }
}

/** What the engine and odd hands do to logged calls: every column a total depends on changes somewhere. */
function churn(db: Db, r: () => number): void {
  batch(db, () => churnEach(db, r));
}

function churnEach(db: Db, r: () => number): void {
  const ids = db.prepare<[], number>('SELECT id FROM calls').pluck().all();
  const pick = () => ids[Math.floor(r() * ids.length)]!;
  for (let i = 0; i < 300; i++) db.prepare("UPDATE calls SET outcome = 'missed', ended_at = 1, duration_s = 0 WHERE id = ?").run(pick());
  for (let i = 0; i < 300; i++) db.prepare("UPDATE calls SET outcome = 'answered', duration_s = ? WHERE id = ?").run(Math.floor(r() * 500), pick());
  for (let i = 0; i < 20; i++)
    db.prepare("UPDATE calls SET returned_at = 99 WHERE number_key = ? AND outcome = 'missed' AND returned_at IS NULL").run(
      `98912000${String(i).padStart(4, '0')}`,
    );
  // Caller ID arriving on a ringing call, a number corrected, a call moved to another day, line, direction.
  for (let i = 0; i < 100; i++)
    db.prepare("UPDATE calls SET number_raw = '09350001111', number_key = '989350001111', caller_name = 'X' WHERE id = ?").run(pick());
  for (let i = 0; i < 50; i++) db.prepare("UPDATE calls SET number_raw = '', number_key = '' WHERE id = ?").run(pick());
  for (let i = 0; i < 50; i++) {
    const d = day(Math.floor(r() * 60));
    db.prepare('UPDATE calls SET started_at = ?, local_day = ?, local_hour = ?, line_id = ? WHERE id = ?').run(
      Date.parse(`${d}T12:00:00Z`) + i,
      d,
      Math.floor(r() * 24),
      1 + Math.floor(r() * 3),
      pick(),
    );
  }
  for (let i = 0; i < 50; i++) db.prepare("UPDATE calls SET direction = CASE direction WHEN 'in' THEN 'out' ELSE 'in' END WHERE id = ?").run(pick());
  for (let i = 0; i < 200; i++) db.prepare('DELETE FROM calls WHERE id = ?').run(pick());
}

type Totals = { incoming: number; answered: number; missed: number; ivr: number; outgoing: number; unreturned: number; talkSeconds: number };

/** The report's counts as calls.service computed them from `calls` before the running totals. */
function reference(db: Db, from: string, to: string, lineId: number | null) {
  const line = lineId ? 'AND line_id = ?' : '';
  const params = lineId ? [from, to, lineId] : [from, to];
  const groups = db
    .prepare(
      `SELECT local_day AS day, local_hour AS hour, direction, outcome, COUNT(*) AS n, SUM(duration_s) AS talk FROM calls WHERE local_day BETWEEN ? AND ? ` +
        `${line} GROUP BY 1, 2, 3, 4`,
    )
    .all(...params) as { day: string; hour: number; direction: string; outcome: string; n: number; talk: number }[];
  const unreturned = db
    .prepare(`SELECT COUNT(*) FROM calls WHERE outcome = 'missed' AND returned_at IS NULL AND local_day BETWEEN ? AND ? ${line}`)
    .pluck()
    .get(...params) as number;
  const totals: Totals = { incoming: 0, answered: 0, missed: 0, ivr: 0, outgoing: 0, unreturned, talkSeconds: 0 };
  const perDay = new Map<string, { incoming: number; missed: number; outgoing: number }>();
  const perHour = new Map<number, { incoming: number; missed: number; outgoing: number }>();
  for (const g of groups) {
    const d = perDay.get(g.day) ?? { incoming: 0, missed: 0, outgoing: 0 };
    const h = perHour.get(g.hour) ?? { incoming: 0, missed: 0, outgoing: 0 };
    perDay.set(g.day, d);
    perHour.set(g.hour, h);
    totals.talkSeconds += g.talk;
    if (g.direction === 'out') {
      totals.outgoing += g.n;
      d.outgoing += g.n;
      h.outgoing += g.n;
      continue;
    }
    totals.incoming += g.n;
    d.incoming += g.n;
    h.incoming += g.n;
    if (g.outcome === 'missed') {
      totals.missed += g.n;
      d.missed += g.n;
      h.missed += g.n;
    } else if (g.outcome === 'ivr') totals.ivr += g.n;
    else if (g.outcome === 'answered') totals.answered += g.n;
  }
  const top = db
    .prepare(
      `SELECT number_key, MAX(number_raw) AS number_raw, COUNT(*) AS calls, SUM(outcome = 'missed') AS missed, SUM(duration_s) AS talk
       FROM calls WHERE local_day BETWEEN ? AND ? AND direction = 'in' AND number_key <> '' ${line}
       GROUP BY number_key ORDER BY calls DESC, number_key LIMIT 20`,
    )
    .all(...params) as { number_key: string; number_raw: string; calls: number; missed: number; talk: number }[];
  return { totals, perDay, perHour, top };
}

/** Every range of a few shapes, each for all lines and for one. */
function ranges(r: () => number): [string, string, number | null][] {
  const out: [string, string, number | null][] = [
    [day(0), day(59), null],
    [day(-10), day(100), null],
    [day(70), day(80), null],
    [day(59), day(59), 2],
  ];
  for (let i = 0; i < 40; i++) {
    const a = Math.floor(r() * 60);
    const b = Math.min(59, a + Math.floor(r() * 30));
    out.push([day(a), day(b), i % 3 === 0 ? 1 + Math.floor(r() * 3) : null]);
  }
  return out;
}

function expectSameAsReference(db: Db, r: () => number): void {
  const viaScan = createCallStatsRepo(db, { scanBelow: Number.POSITIVE_INFINITY });
  const viaBound = createCallStatsRepo(db, { scanBelow: -1 });
  const viaFallback = createCallStatsRepo(db, { scanBelow: -1, maxProbes: 3 });
  let boundsUsed = 0;
  for (const [from, to, lineId] of ranges(r)) {
    const ref = reference(db, from, to, lineId);
    const got = viaScan.totals(from, to, lineId);
    expect(got.totals).toEqual(ref.totals);
    // Buckets whose calls were all deleted or moved stay, with zeros: the report shows zeros for them anyway.
    const some = (x: { incoming: number; outgoing: number }) => x.incoming + x.outgoing > 0;
    expect(new Map(got.perDay.filter(some).map((d) => [d.day, { incoming: d.incoming, missed: d.missed, outgoing: d.outgoing }]))).toEqual(ref.perDay);
    expect(new Map(got.perHour.filter(some).map((h) => [h.hour, { incoming: h.incoming, missed: h.missed, outgoing: h.outgoing }]))).toEqual(ref.perHour);
    expect(viaScan.topCallers(from, to, lineId, 20)).toEqual(ref.top);
    expect(viaBound.topCallers(from, to, lineId, 20)).toEqual(ref.top);
    expect(viaFallback.topCallers(from, to, lineId, 20)).toEqual(ref.top);
    if (ref.top.length) boundsUsed++;
  }
  expect(boundsUsed).toBeGreaterThan(20);
  const keys = db.prepare<[], string>("SELECT DISTINCT number_key FROM calls WHERE number_key <> ''").pluck().all();
  for (const key of keys)
    expect([key, viaScan.callCountOf(key)]).toEqual([key, db.prepare('SELECT COUNT(*) FROM calls WHERE number_key = ?').pluck().get(key)]);
  expect(viaScan.callCountOf('989999999999')).toBe(0);
  // Nothing left over: no number rows for calls that are gone.
  expect(db.prepare('SELECT COUNT(*) FROM call_number_days WHERE calls <= 0').pluck().get()).toBe(0);
  expect(db.prepare('SELECT COUNT(*) FROM call_numbers WHERE calls <= 0').pluck().get()).toBe(0);
}

describe('call statistics (migration 0004)', () => {
  const folder = freshFolderEach();

  test('kept exact by the triggers through inserts, updates and deletes', () => {
    const db = folder.db('a.sqlite');
    const r = rng(1);
    insertCalls(db, 3000, r);
    expectSameAsReference(db, r);
    churn(db, r);
    insertCalls(db, 500, r);
    expectSameAsReference(db, r);
    db.close();
  });

  test('filled from an existing log by the migration', () => {
    const r = rng(2);
    const db = migratedAfterWrites(path.join(folder.dir(), 'b.sqlite'), '_call_stats', (before) => {
      insertCalls(before, 3000, r);
      churn(before, r);
    });
    expectSameAsReference(db, r);
    db.close();
  });

  test('the report through the engine equals the report from `calls`, and the card counts every call', async () => {
    const e = testEngine(folder.dir());
    try {
      const r = rng(3);
      insertCalls(e.db, 2000, r);
      churn(e.db, r);
      for (const [from, to, lineId] of ranges(r).slice(0, 12)) {
        const rep = await e.ok('calls/report', { from, to, lineId });
        expectReportLikeReference(rep, reference(e.db, from, to, lineId));
        const line = lineId ? 'AND line_id = ?' : '';
        const unreturned = e.db
          .prepare(
            `SELECT id FROM calls WHERE outcome = 'missed' AND returned_at IS NULL AND local_day BETWEEN ? AND ? ${line} ORDER BY started_at DESC LIMIT 200`,
          )
          .pluck()
          .all(...(lineId ? [from, to, lineId] : [from, to]));
        expect(rep.unreturned.map((c) => c.id)).toEqual(unreturned);
      }
      const card = await e.ok('calls/caller-card', { number: '0912 000 0001' });
      expect(card.callCount).toBe(e.db.prepare("SELECT COUNT(*) FROM calls WHERE number_key = '989120000001'").pluck().get());
    } finally {
      await e.close();
    }
  });

  test('every statistics query reads by an index', () => {
    const db = folder.db('c.sqlite');
    const plan = (sql: string) => queryPlan(db, sql);
    expect(plan("SELECT local_day, SUM(in_calls) FROM call_hour_stats WHERE local_day BETWEEN 'a' AND 'b' GROUP BY local_day")).toMatch(
      /SEARCH call_hour_stats USING PRIMARY KEY \(local_day>\? AND local_day<\?\)/,
    );
    expect(plan("SELECT SUM(calls), MAX(number_raw) FROM call_number_days WHERE number_key = 'k' AND local_day BETWEEN 'a' AND 'b'")).toMatch(
      /SEARCH call_number_days USING PRIMARY KEY \(number_key=\? AND local_day>\? AND local_day<\?\)/,
    );
    expect(plan("SELECT number_key, SUM(calls) FROM call_number_days WHERE local_day BETWEEN 'a' AND 'b' GROUP BY number_key")).toMatch(
      /COVERING INDEX call_number_days_by_day/,
    );
    const candidates = plan(
      "SELECT number_key, calls_in FROM call_numbers WHERE (calls_in, number_key) < (5, 'k') ORDER BY calls_in DESC, number_key DESC LIMIT 256",
    );
    expect(candidates).toMatch(/call_numbers_by_calls_in/);
    expect(candidates).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT * FROM calls WHERE ended_at IS NULL AND outcome IN ('ringing', 'dialing', 'connected', 'answered', 'ivr')")).toMatch(
      /INDEX calls_open/,
    );
    const unreturned = plan(
      "SELECT * FROM calls INDEXED BY calls_unreturned_by_day WHERE outcome = 'missed' AND returned_at IS NULL AND local_day BETWEEN 'a' AND 'b' ORDER BY " +
        'started_at DESC, id DESC LIMIT 200',
    );
    // Since 0018 the index holds every column the list shows (covering).
    expect(unreturned).toMatch(/SCAN calls USING (COVERING )?INDEX calls_unreturned_by_day/);
    expect(unreturned).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    db.close();
  });
});
