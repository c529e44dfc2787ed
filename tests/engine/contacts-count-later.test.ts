/**
 * The phonebook's first page need not wait for the count of the whole phonebook (contacts/search
 * `countLater`): after a start or a write the page comes with the rows so far as a lower bound, and a
 * search without `countLater` counts. Once counted, `countLater` gets the exact count at once.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

describe('contacts/search countLater', () => {
  let dir: string;
  let e: TestEngine;
  beforeEach(async () => {
    dir = tempDir();
    e = testEngine(dir, undefined, { noAlarms: true });
    for (let i = 0; i < 130; i++) await e.ok('contacts/create', { firstName: `نام${i}`, lastName: 'کریمی', phones: [] });
    e.close();
    e = testEngine(dir, undefined, { noAlarms: true }); // a fresh start: nothing counted yet
  });
  afterEach(() => {
    e.close();
    removeDir(dir);
  });

  it('answers the first page with a lower bound, then counts when asked without it', async () => {
    const first = await e.ok('contacts/search', { limit: 100, countLater: true });
    expect(first.items).toHaveLength(100);
    expect(first).toMatchObject({ total: 100, totalExact: false });
    const counted = await e.ok('contacts/search', { limit: 1 });
    expect(counted).toMatchObject({ total: 130, totalExact: true });
    // Counted since the last write: the page comes with the exact count.
    expect(await e.ok('contacts/search', { limit: 100, countLater: true })).toMatchObject({ total: 130, totalExact: true });
    await e.ok('contacts/create', { firstName: 'تازه', phones: [] });
    expect(await e.ok('contacts/search', { limit: 100, countLater: true })).toMatchObject({ total: 100, totalExact: false });
    expect(await e.ok('contacts/search', { limit: 100 })).toMatchObject({ total: 131, totalExact: true });
  });

  it('counts at once a group, a text search or a page of the list without it, as before', async () => {
    expect(await e.ok('contacts/search', { limit: 100 })).toMatchObject({ total: 130, totalExact: true });
    const text = await e.ok('contacts/search', { text: 'کریمی', limit: 10, countLater: true });
    expect(text).toMatchObject({ total: 130, totalExact: true });
  });
});
