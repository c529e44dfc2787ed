/**
 * Phonebook search on a real SQLite file against a brute-force reference: every query the benchmark
 * types (each prefix of names, companies and numbers, one keystroke at a time) and a few more, over
 * 3,000 generated contacts imported through the real import path. The reference reads every search
 * term and computes what the search promises, in plain JavaScript:
 * - one word: the contacts having a term that starts with it, in the order of their first such term
 *   (then id);
 * - several words: first the contacts whose full name or company starts with the words as typed
 *   (phrase terms, in the same order), then the contacts having a term starting with each word, in the
 *   order of the word with the fewest terms;
 * - the total counted up to 400 past the page ("N+" beyond).
 * Speed-ups of the search (stopping early, other driving terms) must keep this exact set and order.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { contacts, typedQueries, vcard } from '../../bench/generate';
import { foldForSearch, searchWords } from '../../src/shared/text/normalize';
import { looksLikePhone, phoneQueryPrefix, type PhoneRegion } from '../../src/shared/text/phone';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const region: PhoneRegion = { countryCode: '98', areaCode: '21', trunkPrefix: '0', nationalLength: 10, internationalPrefix: '00' };
const COUNT_AHEAD = 400;

let e: TestEngine;
let dir: string;
/** Each contact's terms, and the (term, id) pairs in the primary key's order (UTF-8 bytes). */
const termsOf = new Map<number, string[]>();
let pairs: { term: string; id: number }[] = [];
let byName: number[] = [];

beforeAll(async () => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
  const cards = [...contacts(3000, 77)].map(vcard).join('');
  const preview = await e.ok('io/import-preview', { fileName: 'c.vcf', base64: Buffer.from(cards, 'utf8').toString('base64') });
  await e.ok('io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
  const rows = e.db.prepare('SELECT term, contact_id AS id FROM search_terms').all() as { term: string; id: number }[];
  pairs = rows.sort((a, b) => Buffer.compare(Buffer.from(a.term), Buffer.from(b.term)) || a.id - b.id);
  for (const r of rows) termsOf.set(r.id, [...(termsOf.get(r.id) ?? []), r.term]);
  byName = e.db.prepare('SELECT id FROM contacts ORDER BY sort_key, id').pluck().all() as number[];
}, 120_000);
afterAll(async () => {
  await e.close();
  removeDir(dir);
});

function words(text: string): string[] {
  if (looksLikePhone(text)) {
    const p = phoneQueryPrefix(text, region);
    return p ? [p] : [];
  }
  return [...new Set(searchWords(foldForSearch(text)))];
}

/** Contacts with a term starting with `prefix`, in the order of their first such term. */
function byPrefix(prefix: string, keep: (id: number) => boolean = () => true): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const p of pairs) {
    if (!p.term.startsWith(prefix) || seen.has(p.id) || !keep(p.id)) continue;
    seen.add(p.id);
    out.push(p.id);
  }
  return out;
}

function reference(text: string, groupOf?: Set<number>): number[] | null {
  const ws = words(text);
  const inGroup = (id: number) => !groupOf || groupOf.has(id);
  if (ws.length === 0) return null;
  if (ws.length === 1) return byPrefix(ws[0]!, inGroup);
  const first = byPrefix(ws.join(' '), inGroup);
  const seen = new Set(first);
  const size = (w: string) => Math.min(20_000, pairs.filter((p) => p.term.startsWith(w)).length);
  const driver = ws.map((w) => ({ w, n: size(w) })).sort((a, b) => a.n - b.n)[0]!.w;
  const hasAll = (id: number) => ws.every((w) => termsOf.get(id)!.some((t) => t.startsWith(w)));
  return [...first, ...byPrefix(driver, (id) => inGroup(id) && hasAll(id) && !seen.has(id))];
}

const EXTRA = [
  'رضایی علی',
  'احمدی م',
  'ali',
  'a',
  'sm',
  'john smith',
  'مدیر فروش',
  'حسابدار ب',
  '۰۹۱',
  '+98 912',
  '0098912',
  '021',
  'xyz',
  'علی zz',
  'VIP',
  'مشتریان',
];
const QUERIES = [...new Set([...typedQueries(), ...EXTRA])];

test('the data has queries that fill pages, run past the count limit, and find nothing', () => {
  const sizes = QUERIES.map((q) => reference(q)?.length ?? -1);
  expect(sizes.some((n) => n > 100 + COUNT_AHEAD)).toBe(true);
  expect(sizes.some((n) => n > 0 && n < 100)).toBe(true);
  expect(sizes.some((n) => n === 0)).toBe(true);
  // A reversed name: phrase terms miss it, the words find it.
  expect(reference('رضایی علی')!.length).toBeGreaterThan(0);
});

test('every typed query: the same contacts, in the same order, with the same total as the reference', async () => {
  const bad: string[] = [];
  for (const text of QUERIES) {
    const want = reference(text);
    if (!want) continue;
    const got = await e.ok('contacts/search', { text, limit: 100 });
    const total = Math.min(want.length, 100 + COUNT_AHEAD);
    const same =
      JSON.stringify(got.items.map((c) => c.id)) === JSON.stringify(want.slice(0, 100)) &&
      got.total === total &&
      got.totalExact === want.length < 100 + COUNT_AHEAD;
    if (!same) bad.push(text);
  }
  expect(bad).toEqual([]);
});

test('a page further down, and a group filter with text', async () => {
  for (const text of ['ع', 'علی ر', '0912', 'رضایی علی']) {
    const want = reference(text)!;
    const got = await e.ok('contacts/search', { text, offset: 150, limit: 50 });
    expect(got.items.map((c) => c.id)).toEqual(want.slice(150, 200));
    expect(got.total).toBe(Math.min(want.length, 200 + COUNT_AHEAD));
  }
  const groups = await e.ok('groups/list', {});
  const vip = groups.find((g) => g.name === 'VIP')!;
  const members = new Set(e.db.prepare('SELECT contact_id FROM contact_groups WHERE group_id = ?').pluck().all(vip.id) as number[]);
  for (const text of ['م', 'علی ر', 'رضایی علی', '0912']) {
    const want = reference(text, members)!;
    const got = await e.ok('contacts/search', { text, groupId: vip.id, limit: 100 });
    expect(got.items.map((c) => c.id)).toEqual(want.slice(0, 100));
    expect(got.total).toBe(Math.min(want.length, 100 + COUNT_AHEAD));
  }
});

test('no text: the whole phonebook in name order, counted exactly', async () => {
  const got = await e.ok('contacts/search', { offset: 1000, limit: 100 });
  expect(got.items.map((c) => c.id)).toEqual(byName.slice(1000, 1100));
  expect(got).toMatchObject({ total: 3000, totalExact: true });
});

test('the whole phonebook is counted again after every change, by this engine or another program on the file', async () => {
  const count = async () => (await e.ok('contacts/search', { text: '0' })).total;
  expect(await count()).toBe(3000);
  const c = await e.ok('contacts/create', { firstName: 'تازه' });
  expect(await count()).toBe(3001);
  await e.ok('contacts/delete', { id: c.id });
  expect(await count()).toBe(3000);
  // Another connection (the command line on the same file) deletes one.
  const other = new Database(path.join(dir, 'monshi.sqlite'));
  other.pragma('busy_timeout = 5000');
  other.prepare('DELETE FROM contacts WHERE id = ?').run(byName[0]);
  other.close();
  expect(await count()).toBe(2999);
});
