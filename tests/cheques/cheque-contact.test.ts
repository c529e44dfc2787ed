/**
 * A contact's cheques on a real SQLite file, as the contact's page asks for them: the search by
 * `contactId` (received from them and paid to them, nobody else's), latest due date first with the
 * guarantee cheques without one last ('due-desc'), its totals per type, and the report's totals by
 * status from which the page reads the open amounts.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const now = new Date(2026, 10, 1, 10, 0);

describe("a contact's cheques", () => {
  let dir: string;
  let e: TestEngine;
  let maryam: number;
  const ids: number[] = [];
  beforeAll(async () => {
    dir = tempDir();
    e = testEngine(dir, () => now, { noAlarms: true });
    maryam = (await e.ok('contacts/create', { firstName: 'مریم', lastName: 'احمدی' })).id;
    const ali = (await e.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی' })).id;
    const base = { bankCode: 'mellat' as const };
    const cheques = [
      { ...base, direction: 'received', amount: 10_000_000, dueDate: '2026-11-21', contactId: maryam },
      { ...base, direction: 'paid', amount: 20_000_000, dueDate: '2027-01-05', contactId: maryam },
      { ...base, direction: 'received', amount: 30_000_000, guarantee: true, dueDate: null, contactId: maryam },
      { ...base, direction: 'received', amount: 40_000_000, dueDate: '2026-12-01', contactId: maryam },
      { ...base, direction: 'received', amount: 50_000_000, dueDate: '2026-12-31', contactId: ali },
      { ...base, direction: 'paid', amount: 60_000_000, dueDate: '2026-12-15', partyName: 'مریم احمدی' }, // typed, not linked
    ];
    for (const c of cheques) ids.push((await e.ok('cheques/create', c)).id);
    await e.ok('cheques/set-status', { id: ids[3]!, status: 'cashed', date: '2026-11-01' });
  });
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });

  test('only their cheques, latest due first and the undated last, with totals per type', async () => {
    const list = await e.ok('cheques/search', { contactId: maryam, sort: 'due-desc', limit: 10 });
    expect(list.items.map((r) => ids.indexOf(r.id))).toEqual([1, 3, 0, 2]);
    expect(list.total).toBe(4);
    expect(list.totals).toEqual([
      { direction: 'received', count: 3, amount: 80_000_000 },
      { direction: 'paid', count: 1, amount: 20_000_000 },
    ]);
    const firstTwo = await e.ok('cheques/search', { contactId: maryam, sort: 'due-desc', limit: 2 });
    expect(firstTwo.items.map((r) => ids.indexOf(r.id))).toEqual([1, 3]);
    expect(firstTwo.total).toBe(4); // the count is of all of them, not of the page
  });

  test('the cheque book keeps its own order (soonest due first)', async () => {
    const list = await e.ok('cheques/search', { contactId: maryam });
    expect(list.items.map((r) => ids.indexOf(r.id))).toEqual([0, 3, 1, 2]);
  });

  test('totals by status for the contact', async () => {
    const rep = await e.ok('cheques/report', { contactId: maryam });
    expect(rep.byStatus).toHaveLength(3);
    expect(rep.byStatus).toEqual(
      expect.arrayContaining([
        { direction: 'received', status: 'on_hand', count: 2, amount: 40_000_000 },
        { direction: 'received', status: 'cashed', count: 1, amount: 40_000_000 },
        { direction: 'paid', status: 'issued', count: 1, amount: 20_000_000 },
      ]),
    );
  });

  test('an unknown sort is refused at the boundary', async () => {
    const err = await e.fail('cheques/search', { contactId: maryam, sort: 'newest' });
    expect(err.code).toBe('validation');
  });
});
