/**
 * Digits typed in the call log's search, on a real SQLite file: the numbers are found through the
 * forms they were logged in (migration 0010) and their calls read by key. Compared with a brute-force
 * reference over every call for many typed strings (whole numbers, parts, Persian digits, a number
 * with no key, digits that match hundreds of numbers — where the search tests the calls themselves).
 * A number's calls are found whatever form each was logged in; caller ID written after the call's
 * row (as on a real line) is found too.
 */
import { localDayHour } from '../../src/main/calls/calls.service';
import { createCallsRepo } from '../../src/main/calls/calls.repo';
import { normalizePhone, phoneDigits, type PhoneRegion } from '../../src/shared/text/phone';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const region: PhoneRegion = { countryCode: '98', areaCode: '21', trunkPrefix: '0', nationalLength: 10, internationalPrefix: '00' };

let e: TestEngine;
let dir: string;
type Logged = { id: number; raw: string; key: string; started: number };
const logged: Logged[] = [];

beforeAll(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noLines: true });
  const repo = createCallsRepo(e.db);
  const lineId = Number(e.db.prepare("INSERT INTO lines (name, kind, created_at) VALUES ('L', 'demo', '2025-01-01')").run().lastInsertRowid);
  let seed = 7;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  // 600 numbers (mobiles, Tehran landlines, foreign), each logged in one of its forms; some codes with no key.
  const numbers: string[][] = [];
  for (let i = 0; i < 600; i++) {
    const national = i % 3 === 0 ? `21${String(30000000 + i * 7919).slice(0, 8)}` : `912${String(1000000 + i * 104729).slice(0, 7)}`;
    numbers.push([`0${national}`, `+98${national}`, `0098${national}`]);
  }
  numbers.push(['*100#'], ['110'], ['+4420794600' + '11']);
  const t0 = Date.parse('2025-03-01T08:00:00Z');
  // One transaction for the whole log (the triggers that keep the search index run per row all the same):
  // thousands of fsync'd commits made this set-up most of the file's time.
  e.db.transaction(() => {
    db: for (let c = 0; c < 4000; c++) {
      const forms = numbers[rnd(numbers.length)]!;
      const raw = c % 97 === 0 ? '' : forms[rnd(forms.length)]!;
      const key = raw ? (normalizePhone(raw, region)?.key ?? '') : '';
      const started = t0 + c * 60_000;
      const { day, hour } = localDayHour(started);
      // One call in five gets its caller ID after the row is written, as on a real line.
      const late = c % 5 === 0;
      const id = repo.insert({
        lineId,
        lineName: 'L',
        direction: c % 4 === 0 ? 'out' : 'in',
        outcome: 'answered',
        startedAt: started,
        day,
        hour,
        numberRaw: late ? '' : raw,
        numberKey: late ? '' : key,
        callerName: '',
        absence: raw ? null : 'private',
      });
      if (late) repo.setCaller(id, raw, key, '', raw ? null : 'private');
      logged.push({ id, raw, key, started });
      if (logged.length > 5000) break db;
    }
  })();
});
afterAll(async () => {
  await e.close();
  removeDir(dir);
});

/**
 * What the search must find: the calls of every number one of whose logged forms holds the digits;
 * when more than 400 numbers do (the search then tests each call), the calls whose own form does.
 */
function reference(text: string): number[] {
  const n = normalizePhone(text, region);
  const digits = n && n.national ? n.national : phoneDigits(text).digits;
  const keys = new Set(logged.filter((c) => c.key && (c.key.includes(digits) || c.raw.includes(digits))).map((c) => c.key));
  const perCall = keys.size > 400;
  return logged
    .filter((c) => (perCall ? c.key.includes(digits) || c.raw.includes(digits) : c.key ? keys.has(c.key) : c.raw !== '' && c.raw.includes(digits)))
    .sort((a, b) => b.started - a.started || b.id - a.id)
    .map((c) => c.id);
}

const TYPED = ['09121104729', '912', '۰۹۱۲', '2130', '+98 21 3000', '1104', '7919', '100', '110', '4420', '00982130007919', '5', '99999999', '0'];

test('the test data has digits matching few numbers and digits matching more than 400', () => {
  const numbersWith = (d: string) => new Set(logged.filter((c) => c.key && (c.key.includes(d) || c.raw.includes(d))).map((c) => c.key)).size;
  expect(numbersWith('9121104729')).toBe(1);
  expect(numbersWith('0')).toBeGreaterThan(400);
});

test.each(TYPED)('typed %s: the same calls as the brute-force reference, newest first', async (text) => {
  const want = reference(text);
  const got = await e.ok('calls/list', { text, limit: 500 });
  expect(got.total).toBe(Math.min(want.length, 10_001));
  expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 500));
});

test('a page further down and other filters still apply', async () => {
  const want = reference('912');
  const got = await e.ok('calls/list', { text: '912', limit: 50, offset: 100 });
  expect(got.rows.map((r) => r.id)).toEqual(want.slice(100, 150));
  const outgoing = await e.ok('calls/list', { text: '09121104729', direction: 'out', limit: 500 });
  const ids = new Set(reference('09121104729'));
  expect(outgoing.rows.every((r) => r.direction === 'out' && ids.has(r.id))).toBe(true);
});

test('a number logged in several forms: all its calls, whichever form was typed', async () => {
  const key = logged.find((c) => c.raw.startsWith('+98912'))!.key;
  const forms = new Set(logged.filter((c) => c.key === key).map((c) => c.raw));
  expect(forms.size).toBeGreaterThan(1);
  const all = logged.filter((c) => c.key === key).length;
  for (const form of forms) expect((await e.ok('calls/list', { text: form, limit: 500 })).rows.filter((r) => r.numberKey === key)).toHaveLength(all);
});
