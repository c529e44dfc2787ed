/**
 * The order of a paged list's requests (src/renderer/hooks/paged-loader.ts): a new query asks for the
 * rows on screen first and the rest of its first page after, and the latest query wins throughout.
 */
import { FIRST_ROWS, PAGE, PagedLoader, type PageAnswer } from '../../src/renderer/hooks/paged-loader';
import type { Result } from '../../src/shared/contract/errors';

type Call = { query: string; offset: number; limit: number; later: boolean; answer: (a: Result<PageAnswer<string>>) => void };

/** A fake engine: every request waits until the test answers it. */
function setup(countLater = false) {
  const calls: Call[] = [];
  let changes = 0;
  const loader = new PagedLoader<string, string>(
    (query, offset, limit, later) => new Promise((answer) => calls.push({ query, offset, limit, later, answer })),
    () => changes++,
    countLater,
  );
  return { loader, calls, changes: () => changes };
}
/** Rows [offset, offset + limit) of a query with `matches` results, counted exactly. */
const rows = (c: Call, matches: number, exact = true): Result<PageAnswer<string>> => {
  const items = Array.from({ length: Math.max(0, Math.min(c.limit, matches - c.offset)) }, (_, i) => `${c.query}${c.offset + i}`);
  return { ok: true, value: { rows: items, total: exact ? matches : c.offset + items.length, totalExact: exact } };
};
/** The i-th request (failing the test when it was never sent). */
const nth = (calls: Call[], i: number): Call => {
  const c = calls[i];
  if (!c) throw new Error(`request ${i} was not sent (${calls.length} were)`);
  return c;
};
const flush = () => new Promise((r) => setImmediate(r));
const shown = (l: PagedLoader<string, string>, n: number) => Array.from({ length: n }, (_, i) => l.getRow(i));

it("asks a new query's visible rows first, then fills the rest of its first page", async () => {
  const { loader, calls } = setup();
  loader.setQuery('ali');
  expect(calls.map(({ offset, limit }) => [offset, limit])).toEqual([[0, FIRST_ROWS]]);
  nth(calls, 0).answer(rows(nth(calls, 0), 1000));
  await flush();
  // The answer is on screen with its exact total; the rows after the first screen are placeholders meanwhile.
  expect(loader.settled).toBe(true);
  expect([loader.shownTotal, loader.shownExact, loader.rowCount]).toEqual([1000, true, 1000]);
  expect(loader.getRow(FIRST_ROWS - 1)).toBe(`ali${FIRST_ROWS - 1}`);
  expect(loader.getRow(FIRST_ROWS)).toBeUndefined();
  expect(calls.map(({ offset, limit }) => [offset, limit])).toEqual([
    [0, FIRST_ROWS],
    [FIRST_ROWS, PAGE - FIRST_ROWS],
  ]);
  nth(calls, 1).answer(rows(nth(calls, 1), 1000));
  await flush();
  expect(shown(loader, PAGE)).toEqual(Array.from({ length: PAGE }, (_, i) => `ali${i}`));
  // The first page is whole: scrolling over it asks for nothing more, the next page in one request.
  loader.ensureRange(0, PAGE + 10);
  await new Promise((r) => setTimeout(r, 60));
  expect(calls.slice(2).map(({ offset, limit }) => [offset, limit])).toEqual([[PAGE, PAGE]]);
  loader.dispose();
});

it('asks as many rows first as the list last showed', async () => {
  const { loader, calls } = setup();
  loader.ensureRange(0, 31);
  loader.setQuery('a');
  expect(nth(calls, 0).limit).toBe(32);
  loader.dispose();
});

it('a query typed between the two requests wins: the old rest is dropped, the new query is split again', async () => {
  const { loader, calls } = setup();
  loader.setQuery('ali');
  nth(calls, 0).answer(rows(nth(calls, 0), 1000));
  await flush();
  loader.setQuery('alir');
  // The new query is asked at once (only a first request on its way holds the next one back).
  expect(calls.map(({ query, offset, limit }) => [query, offset, limit])).toEqual([
    ['ali', 0, FIRST_ROWS],
    ['ali', FIRST_ROWS, PAGE - FIRST_ROWS],
    ['alir', 0, FIRST_ROWS],
  ]);
  // Until the new query answers, the old screen stays (dimmed), then the old rest arrives late.
  expect(loader.settled).toBe(false);
  nth(calls, 1).answer(rows(nth(calls, 1), 1000));
  await flush();
  expect(loader.settled).toBe(false);
  expect(loader.getRow(0)).toBe('ali0');
  nth(calls, 2).answer(rows(nth(calls, 2), 30));
  await flush();
  expect(loader.getRow(0)).toBe('alir0');
  expect(loader.getRow(FIRST_ROWS)).toBeUndefined(); // not 'ali20'
  nth(calls, 3).answer(rows(nth(calls, 3), 30));
  await flush();
  expect([loader.shownTotal, loader.shownExact]).toEqual([30, true]);
  expect(shown(loader, 31)).toEqual([...Array.from({ length: 30 }, (_, i) => `alir${i}`), undefined]);
  loader.dispose();
});

it('a query with fewer matches than a screen is whole after one request, with its exact total', async () => {
  const { loader, calls } = setup();
  loader.setQuery('zz');
  nth(calls, 0).answer(rows(nth(calls, 0), 7, false));
  await flush();
  expect(calls).toHaveLength(1);
  expect([loader.shownTotal, loader.shownExact, loader.rowCount]).toEqual([7, true, 7]);
  loader.dispose();
});

it('a lower-bound total keeps growing and the count the first page left for later follows the rest', async () => {
  const { loader, calls } = setup(true);
  loader.setQuery('');
  expect(nth(calls, 0)).toMatchObject({ offset: 0, limit: FIRST_ROWS, later: true });
  nth(calls, 0).answer(rows(nth(calls, 0), 1_000_000, false));
  await flush();
  expect([loader.shownTotal, loader.shownExact, loader.rowCount]).toEqual([FIRST_ROWS, false, FIRST_ROWS + 1]);
  expect(nth(calls, 1)).toMatchObject({ offset: FIRST_ROWS, limit: PAGE - FIRST_ROWS, later: true });
  nth(calls, 1).answer(rows(nth(calls, 1), 1_000_000, false));
  await flush();
  expect(nth(calls, 2)).toMatchObject({ offset: 0, limit: 1, later: false });
  nth(calls, 2).answer(rows(nth(calls, 2), 1_000_000));
  await flush();
  expect([loader.shownTotal, loader.shownExact]).toEqual([1_000_000, true]);
  loader.dispose();
});

it('a failed rest is shown as an error, and Retry asks the whole first page again', async () => {
  const { loader, calls } = setup();
  loader.setQuery('x');
  nth(calls, 0).answer(rows(nth(calls, 0), 500));
  await flush();
  nth(calls, 1).answer({ ok: false, error: { code: 'internal', message: 'disk gone' } });
  await flush();
  expect(loader.error).toBe('disk gone');
  expect(loader.getRow(0)).toBe('x0'); // the rows already shown stay
  loader.reload();
  expect(nth(calls, 2)).toMatchObject({ offset: 0, limit: PAGE });
  nth(calls, 2).answer(rows(nth(calls, 2), 500));
  await flush();
  expect(loader.error).toBeNull();
  expect(loader.getRow(PAGE - 1)).toBe(`x${PAGE - 1}`);
  loader.dispose();
});

it('a query typed while a first request is on its way waits for it, and only the latest is sent', async () => {
  const { loader, calls } = setup();
  loader.setQuery('a');
  loader.setQuery('al');
  loader.setQuery('ali');
  expect(calls).toHaveLength(1);
  nth(calls, 0).answer(rows(nth(calls, 0), 1000));
  await flush();
  expect(calls.map(({ query, limit }) => [query, limit])).toEqual([
    ['a', FIRST_ROWS],
    ['ali', FIRST_ROWS],
  ]);
  expect(loader.settled).toBe(false);
  expect(loader.getRow(0)).toBeUndefined(); // 'a' never settled: nothing of it is shown
  loader.dispose();
});
