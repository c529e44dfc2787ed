/**
 * The duplicates finder on a real SQLite file: the same number typed in any form, Persian spelling
 * variants of one name (ي/ی, ك/ک, ZWNJ, spacing, diacritics), ranking and the reasons given.
 */
import { findDuplicates, MAX_GROUP, nameKeys } from '../../src/main/duplicates/duplicates.finder';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

let dir: string;
let e: TestEngine;
beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const add = async (firstName: string, lastName: string, ...numbers: string[]) =>
  (await e.ok('contacts/create', { firstName, lastName, phones: numbers.map((number) => ({ kind: 'mobile', number })) })).id;

test.each([
  ['علي كريمي', 'علی کریمی'], // Arabic ي and ك
  ['علی‌رضا کریمی', 'علیرضا کریمی'], // ZWNJ
  ['علی رضا کریمی', 'علیرضا کریمی'], // a space inside the first name
  ['عَلی  کَریمی', 'علی کریمی'], // diacritics and a double space
  ['Ali  KARIMI', 'ali karimi'],
])('%s and %s have one name key', (x, y) => {
  expect(nameKeys(x)?.same).toBe(nameKeys(y)?.same);
});

test('different names and one-word names are not keyed alike', () => {
  expect(nameKeys('علی کریمی')?.same).not.toBe(nameKeys('علی کرمی')?.same);
  expect(nameKeys('علی')).toBeNull();
  expect(nameKeys('کریمی رضا')?.reordered).toBe(nameKeys('رضا كريمي')?.reordered);
});

test('the same number in any form and a Persian-variant name are found, ranked, each with its reason', async () => {
  const a = await add('علي', 'كريمي', '09121234567');
  const b = await add('علی', 'کریمی', '+98 912 123 4567'); // same person: number and name
  const c = await add('سارا', 'نوری', '۰۹۱۲۱۲۳۴۵۶۷'); // same number, Persian digits, other name
  const d = await add('کریمی', 'علی', '02188776655'); // name reordered, other number
  const x = await add('مریم', 'احمدی', '09351112233'); // nobody's duplicate
  const found = findDuplicates(e.db);
  const byPair = new Map(found.map((p) => [`${p.a}:${p.b}`, p]));
  expect(found[0]).toMatchObject({ a, b });
  expect(found[0]!.reasons.map((r) => r.kind).sort()).toEqual(['name', 'phone']);
  expect(byPair.get(`${a}:${c}`)?.reasons).toEqual([{ kind: 'phone', number: expect.any(String) }]);
  expect(byPair.get(`${a}:${d}`)?.reasons).toEqual([{ kind: 'name', how: 'reordered' }]);
  expect(found.some((p) => p.a === x || p.b === x)).toBe(false);
  // Scores fall down the list.
  for (let i = 1; i < found.length; i++) expect(found[i]!.score).toBeLessThanOrEqual(found[i - 1]!.score);
});

test('a number shared by more contacts than a person has (a switchboard) pairs none of them', async () => {
  for (let i = 0; i <= MAX_GROUP; i++) await add(`نام${i}`, `خانوادگی${i}`, '02166554433');
  expect(findDuplicates(e.db)).toEqual([]);
});

test("'duplicates/find' lists the pairs with both names; a bad limit is refused naming the field", async () => {
  const a = await add('رضا', 'کریمی', '09121234567');
  const b = await add('رضا', 'كريمي', '00989121234567');
  const found = await e.ok('duplicates/find', {});
  expect(found).toEqual([
    { a: { id: a, displayName: 'رضا کریمی' }, b: { id: b, displayName: 'رضا کریمی' }, score: expect.any(Number), reasons: expect.any(Array) },
  ]);
  expect(found[0]!.reasons).toEqual(
    expect.arrayContaining([
      { kind: 'name', how: 'same' },
      { kind: 'phone', number: expect.any(String) },
    ]),
  );
  const err = await e.fail('duplicates/find', { limit: 0 }, 'en');
  expect(JSON.stringify(err)).toContain('limit');
});
