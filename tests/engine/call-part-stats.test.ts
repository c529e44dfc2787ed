/**
 * Migration 0018's totals per day and per part of a month (call_day_stats, call_part_hours,
 * call_number_parts, call_part_callers) against the raw log, on real SQLite files: a random log in the
 * office's time zone (Asia/Tehran, across Iran's last daylight-saving year), written the way the
 * engine writes calls plus odd edits (re-keyed numbers, moved calls, deletes, a retention sweep), and
 * every report section for random ranges — starting and ending mid-part, across month boundaries,
 * Jalali and Gregorian months and years — compared with the same figures computed here from the rows.
 */
import path from 'node:path';
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { monthParts } from '../../src/main/calls/call-stats.repo';
import { openDatabase } from '../../src/main/db/database';
import { testEngine } from '../helpers/engine';
import { expectReportLikeReference, freshFolderEach, migratedAfterWrites, migrationIndex, migrations, queryPlan, rng } from '../helpers/call-stats';
import { EDITS, expectReportsExact, expectTablesExact, iso, localDayHour, logCalls, ranges, reference, rows } from '../helpers/call-log-model';

describe('call totals per day and per part of a month (migration 0018)', () => {
  const folder = freshFolderEach();

  test('local days of the log are Tehran days, with its old daylight saving', () => {
    expect(localDayHour(Date.parse('2022-06-01T19:45:00Z'))).toEqual({ day: '2022-06-02', hour: 0 }); // +04:30
    expect(localDayHour(Date.parse('2023-06-01T19:45:00Z'))).toEqual({ day: '2023-06-01', hour: 23 }); // +03:30
  });

  test('the cut days are where Jalali months begin, and Jalali and Gregorian months and years are whole parts', () => {
    const db = folder.db('a.sqlite');
    const cuts = db.prepare('SELECT month, first_day FROM jalali_month_starts').raw().all() as [string, string][];
    expect(cuts.length).toBe(111 * 12);
    for (const [month, day] of cuts) expect([month, toJalaali(new Date(`${month}-${day}T12:00:00Z`)).jd]).toEqual([month, 1]);
    const { split } = monthParts(new Map(cuts));
    const none = { head: ['1', '0'], tail: ['1', '0'] };
    for (let jy = 1370; jy <= 1470; jy += 7)
      for (let jm = 1; jm <= 12; jm++) {
        const m = split(iso(toGregorian(jy, jm, 1)), iso(toGregorian(jy, jm, jalaaliMonthLength(jy, jm))));
        expect(m).toEqual({ ...none, parts: [expect.stringMatching(/b$/), expect.stringMatching(/a$/)] });
      }
    expect(split('2024-02-01', '2024-02-29')).toEqual({ ...none, parts: ['2024-02a', '2024-02b'] });
    expect(split(iso(toGregorian(1403, 1, 1)), iso(toGregorian(1403, 12, 30)))).toEqual({ ...none, parts: ['2024-03b', '2025-03a'] });
    // Mid-part: the days before the first whole part and after the last.
    expect(split('2024-02-05', '2024-04-25')).toEqual({
      parts: ['2024-02b', '2024-04a'],
      head: ['2024-02-05', '2024-02-19'],
      tail: ['2024-04-20', '2024-04-25'],
    });
    expect(split('2024-02-05', '2024-02-10')).toEqual({ parts: null, head: ['2024-02-05', '2024-02-10'], tail: ['1', '0'] });
    // Outside the table a month is one part.
    expect(split('2101-01-01', '2101-02-28')).toEqual({ ...none, parts: ['2101-01a', '2101-02a'] });
    db.close();
  });

  test('every report section equals the raw log for random ranges, through random writes and edits', () => {
    const db = folder.db('b.sqlite');
    const r = rng(7);
    logCalls(db, 5000, r);
    // A few calls where the cut table has no month, and on its first and last months.
    logCalls(db, 20, r, { from: Date.parse('2101-01-02T00:00:00Z'), to: Date.parse('2101-01-30T00:00:00Z') });
    logCalls(db, 20, r, { from: Date.parse('1989-12-20T00:00:00Z'), to: Date.parse('1990-01-25T00:00:00Z') });
    expectTablesExact(db);
    expectReportsExact(db, r);
    for (const edit of Object.values(EDITS)) edit(db, r);
    logCalls(db, 800, r);
    expectTablesExact(db);
    expectReportsExact(db, r);
    db.close();
  });

  test.each(Object.keys(EDITS))('the totals stay exact after one kind of write: %s', (kind) => {
    const db = folder.db('c.sqlite');
    const r = rng(kind.length);
    logCalls(db, 1500, r);
    EDITS[kind]!(db, r);
    expectTablesExact(db);
    db.close();
  });

  test('filled from an existing log by the migration', () => {
    const r = rng(11);
    const db = migratedAfterWrites(path.join(folder.dir(), 'd.sqlite'), '_call_part_stats', (before) => {
      logCalls(before, 3000, r);
      for (const edit of Object.values(EDITS)) edit(before, r);
    });
    expectTablesExact(db);
    expectReportsExact(db, r);
    db.close();
  });

  test('a database whose totals the first triggers kept stays exact after the triggers are replaced by the signed changes', () => {
    const file = path.join(folder.dir(), 'f.sqlite');
    const r = rng(13);
    const first = openDatabase(file, { migrations: migrations.slice(0, migrationIndex('_call_part_stats') + 1) });
    expect(first.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'call_stat_changes'").pluck().get()).toBe(0);
    logCalls(first, 1500, r);
    for (const edit of Object.values(EDITS)) edit(first, r);
    first.close();
    const db = openDatabase(file, { migrations });
    expectTablesExact(db);
    logCalls(db, 800, r);
    for (const edit of Object.values(EDITS)) edit(db, r);
    expectTablesExact(db);
    expectReportsExact(db, r);
    db.close();
  });

  test('the report reads by index: the busiest numbers of a part in order, the parts of a number, the unreturned calls from the index alone', () => {
    const db = folder.db('e.sqlite');
    const plan = (sql: string) => queryPlan(db, sql);
    const busiest = plan(
      "SELECT number_key, calls FROM call_part_callers WHERE part = 'p' AND line_id = 1 AND (calls, number_key) < (5, 'k') " +
        'ORDER BY calls DESC, number_key DESC LIMIT 9',
    );
    expect(busiest).toMatch(/SEARCH call_part_callers USING COVERING INDEX call_part_callers_by_calls/);
    expect(busiest).not.toMatch(/TEMP B-TREE/);
    expect(plan("SELECT SUM(calls), MAX(number_raw) FROM call_number_parts WHERE number_key = 'k' AND part BETWEEN 'a' AND 'b'")).toMatch(
      /SEARCH call_number_parts USING PRIMARY KEY \(number_key=\? AND part>\? AND part<\?\)/,
    );
    // Every column of the list's rows is in the partial index: no page of the log itself is read.
    expect(
      plan(
        "SELECT * FROM calls INDEXED BY calls_unreturned_by_day WHERE outcome = 'missed' AND returned_at IS NULL AND local_day BETWEEN 'a' AND 'b' " +
          'AND started_at >= 1 AND started_at < 2 AND line_id = 1 ORDER BY started_at DESC, id DESC LIMIT 200',
      ),
    ).toMatch(/SEARCH calls USING COVERING INDEX calls_unreturned_by_day/);
    db.close();
  });

  test('the report through the engine equals the raw log, day by day and hour by hour', async () => {
    const e = testEngine(folder.dir());
    try {
      const r = rng(5);
      logCalls(e.db, 2000, r);
      EDITS['calls deleted']!(e.db, r);
      const all = rows(e.db);
      for (const [from, to, lineId] of ranges(r).slice(0, 16)) {
        expectReportLikeReference(await e.ok('calls/report', { from, to, lineId }), reference(all, from, to, lineId));
      }
    } finally {
      await e.close();
    }
  });
});
