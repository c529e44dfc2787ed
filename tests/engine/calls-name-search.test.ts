/**
 * A caller name typed in the call log's search, and date ranges, on a real SQLite file against a
 * brute-force reference over every call. Names are looked up among the names logged (migration 0015)
 * and the calls read by name; a name that hundreds of names contain falls back to testing each call.
 * Date ranges bound started_at by the widest time zones (UTC−12 … UTC+14): the calls here were logged
 * with local days of such zones, and every one of the range must still be found, none outside it.
 */
import { createCallsRepo } from '../../src/main/calls/calls.repo';
import { normalizePhone, type PhoneRegion } from '../../src/shared/text/phone';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const region: PhoneRegion = { countryCode: '98', areaCode: '21', trunkPrefix: '0', nationalLength: 10, internationalPrefix: '00' };
const OFFSETS_H = [-12, -3.5, 0, 3.5, 14];

let e: TestEngine;
let dir: string;
type Logged = { id: number; name: string; key: string; day: string; started: number; missed: boolean };
const logged: Logged[] = [];

beforeAll(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
  const repo = createCallsRepo(e.db);
  const lineId = Number(e.db.prepare("INSERT INTO lines (name, kind, created_at) VALUES ('L', 'demo', '2025-01-01')").run().lastInsertRowid);
  let seed = 11;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const NAMES = ['PARS ONLINE', 'pars trading', 'ALI REZAEI', 'علی رضایی', 'SINA PHARMA', ''];
  const t0 = Date.parse('2025-03-01T00:00:00Z');
  // One transaction for the whole log (the triggers that keep the search index run per row all the same):
  // thousands of fsync'd commits made this set-up most of the file's time.
  e.db.transaction(() => {
    for (let c = 0; c < 4000; c++) {
      const national = `912${String(1000000 + rnd(300) * 7919).slice(0, 7)}`;
      const withheld = c % 23 === 0;
      const raw = withheld ? '' : `0${national}`;
      const key = raw ? normalizePhone(raw, region)!.key : '';
      // Names: a few repeated ones, 500 distinct "CALLER n" (more than the lookup takes), some without a number.
      const name = c % 7 === 0 ? `CALLER ${c % 500}` : NAMES[rnd(NAMES.length)]!;
      const started = t0 + c * 17 * 60_000 + rnd(60_000);
      const offset = OFFSETS_H[rnd(OFFSETS_H.length)]! * 3_600_000;
      const local = new Date(started + offset);
      const day = local.toISOString().slice(0, 10);
      const missed = c % 3 === 0;
      const late = c % 5 === 0;
      const id = repo.insert({
        lineId,
        lineName: 'L',
        direction: 'in',
        outcome: missed ? 'missed' : 'answered',
        startedAt: started,
        day,
        hour: local.getUTCHours(),
        numberRaw: late ? '' : raw,
        numberKey: late ? '' : key,
        callerName: late ? '' : name,
        absence: raw ? null : 'private',
      });
      if (late) repo.setCaller(id, raw, key, name, raw ? null : 'private');
      logged.push({ id, name, key, day, started, missed });
    }
  })();
});
afterAll(async () => {
  await e.close();
  removeDir(dir);
});

const newestFirst = (a: Logged, b: Logged) => b.started - a.started || b.id - a.id;
/** SQLite's LIKE: case-insensitive for ASCII letters only. */
const likeLower = (s: string) => s.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
const named = (text: string) =>
  logged
    .filter((c) => likeLower(c.name).includes(likeLower(text)))
    .sort(newestFirst)
    .map((c) => c.id);
const inDays = (from: string, to: string) => logged.filter((c) => c.day >= from && c.day <= to).sort(newestFirst);

test.each(['PARS', 'pars', 'Online', 'رضایی', 'CALLER 1', 'CALLER', 'nobody'])('typed name %s: the same calls as every caller name tested', async (text) => {
  const want = named(text);
  const got = await e.ok('calls/list', { text, limit: 500 });
  expect(got.total).toBe(want.length);
  expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 500));
});

test('the data has names with and without numbers, hundreds of names for one text, and late caller IDs', () => {
  expect(logged.some((c) => c.name === 'PARS ONLINE' && c.key === '')).toBe(true);
  expect(new Set(logged.filter((c) => c.name.includes('CALLER')).map((c) => c.name)).size).toBeGreaterThan(400);
  expect(e.db.prepare('SELECT COUNT(*) FROM call_caller_names').pluck().get() as number).toBe(new Set(logged.map((c) => c.name).filter(Boolean)).size);
});

test('a typed name with a date range and a page further down', async () => {
  const want = inDays('2025-03-10', '2025-03-20')
    .filter((c) => likeLower(c.name).includes('pars'))
    .map((c) => c.id);
  const got = await e.ok('calls/list', { text: 'pars', from: '2025-03-10', to: '2025-03-20', limit: 20, offset: 10 });
  expect(got.total).toBe(want.length);
  expect(got.rows.map((r) => r.id)).toEqual(want.slice(10, 30));
});

test.each([
  ['2025-03-01', '2025-03-01'],
  ['2025-03-05', '2025-03-09'],
  ['2025-03-31', '2025-04-02'],
  ['2025-03-20', '2025-04-30'],
])('days %s to %s: every call of those local days and no other', async (from, to) => {
  const want = inDays(from, to).map((c) => c.id);
  expect(want.length).toBeGreaterThan(0);
  const ids: number[] = [];
  for (let offset = 0; offset < want.length + 500; offset += 500) {
    const got = await e.ok('calls/list', { from, to, limit: 500, offset });
    expect(got.total).toBe(want.length);
    ids.push(...got.rows.map((r) => r.id));
  }
  expect(ids).toEqual(want);
  const report = await e.ok('calls/report', { from, to, lineId: null });
  expect(report.unreturned.map((r) => r.id)).toEqual(
    inDays(from, to)
      .filter((c) => c.missed)
      .slice(0, 200)
      .map((c) => c.id),
  );
});
