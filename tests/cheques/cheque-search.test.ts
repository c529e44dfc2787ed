/**
 * Search and reports of the cheque book on a real SQLite file: each filter (type, status, registration
 * date, due date range, amount range, person, bank, words) and their totals; totals by status and by
 * Jalali month of the due date (months checked against jalaali-js), and by Gregorian month when that
 * calendar is chosen.
 */
import { toJalaali } from 'jalaali-js';
import type { ChequeInput } from '../../src/shared/contract/cheques';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

let now = new Date(2026, 10, 1, 10, 0);
const base = { bankCode: 'mellat' as const, partyName: 'x' };
/** Registered on different days: [registration day, cheque]. */
const data: [Date, ChequeInput][] = [
  [
    new Date(2026, 10, 1, 9),
    { ...base, direction: 'received', amount: 10_000_000, dueDate: '2026-11-21', partyName: 'شرکت آسیا تک', partyId: '10380284790', purpose: 'فاکتور ۱۰' },
  ], // 30 Aban
  // 1 Azar
  [new Date(2026, 10, 1, 9), { ...base, direction: 'received', amount: 20_000_000, dueDate: '2026-11-22', partyName: 'مریم احمدی', bankCode: 'saman' }],
  // 30 Azar
  [new Date(2026, 10, 5, 9), { ...base, direction: 'received', amount: 30_000_000, dueDate: '2026-12-21', partyName: 'علی رضايي', note: 'پیش‌پرداخت قرارداد' }],
  [
    new Date(2026, 10, 5, 9),
    { ...base, direction: 'paid', amount: 40_000_000, dueDate: '2026-12-22', partyName: 'پخش البرز', bankCode: null, bankName: 'صندوق رفاه فرهنگیان' },
  ], // 1 Dey
  [new Date(2026, 10, 9, 9), { ...base, direction: 'paid', amount: 50_000_000, dueDate: '2026-11-30', partyName: 'شرکت آسیا تک' }], // 9 Azar
  [new Date(2026, 10, 9, 9), { ...base, direction: 'received', amount: 60_000_000, guarantee: true, dueDate: null, partyName: 'مریم احمدی' }],
];

describe('cheque search and reports', () => {
  let dir: string;
  let e: TestEngine;
  const ids: number[] = [];
  beforeAll(async () => {
    dir = tempDir();
    e = testEngine(dir, () => now, { noAlarms: true });
    for (const [day, c] of data) {
      now = day;
      ids.push((await e.ok('cheques/create', c)).id);
    }
    now = new Date(2026, 10, 10, 10);
    await e.ok('cheques/set-status', { id: ids[1]!, status: 'deposited', date: '2026-11-10' });
    await e.ok('cheques/set-status', { id: ids[1]!, status: 'bounced', date: '2026-11-10' });
    await e.ok('cheques/set-status', { id: ids[4]!, status: 'cleared', date: '2026-11-10' });
  });
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });
  const found = async (q: object) => (await e.ok('cheques/search', q)).items.map((r) => ids.indexOf(r.id));

  test('every cheque, by due date (none last), with totals per type', async () => {
    const all = await e.ok('cheques/search', {});
    expect(all.items.map((r) => ids.indexOf(r.id))).toEqual([0, 1, 4, 2, 3, 5]);
    expect(all.total).toBe(6);
    expect(all.totals).toEqual([
      { direction: 'received', count: 4, amount: 120_000_000 },
      { direction: 'paid', count: 2, amount: 90_000_000 },
    ]);
    expect(await found({ sort: 'amount' })).toEqual([5, 4, 3, 2, 1, 0]);
    expect(await found({ sort: 'registered' })).toEqual([5, 4, 3, 2, 1, 0]);
    expect(await found({ limit: 2, offset: 2 })).toEqual([4, 2]);
  });

  test('by type, guarantee and status', async () => {
    expect(await found({ direction: 'paid' })).toEqual([4, 3]);
    expect(await found({ direction: 'received', guarantee: false })).toEqual([0, 1, 2]);
    expect(await found({ guarantee: true })).toEqual([5]);
    expect(await found({ statuses: ['bounced'] })).toEqual([1]);
    expect(await found({ statuses: ['on_hand', 'cleared'] })).toEqual([0, 4, 2, 5]);
  });

  test('by registration date and due date range', async () => {
    expect(await found({ registeredFrom: '2026-11-05', registeredTo: '2026-11-05' })).toEqual([2, 3]);
    expect(await found({ registeredFrom: '2026-11-09' })).toEqual([4, 5]);
    expect(await found({ dueFrom: '2026-11-22', dueTo: '2026-12-21' })).toEqual([1, 4, 2]);
    const reversed = await e.fail('cheques/search', { dueFrom: '2026-12-01', dueTo: '2026-11-01' });
    expect(reversed).toMatchObject({ code: 'validation', field: 'dueTo' });
  });

  test('by amount range, person, bank and words (letters folded, digits in any script)', async () => {
    expect(await found({ amountMin: 20_000_000, amountMax: 40_000_000 })).toEqual([1, 2, 3]);
    expect((await e.fail('cheques/search', { amountMin: 5, amountMax: 1 })).field).toBe('amountMax');
    expect(await found({ person: 'آسیا' })).toEqual([0, 4]);
    expect(await found({ person: 'رضایی' })).toEqual([2]); // typed with Persian ی, stored with Arabic ي
    expect(await found({ person: '۱۰۳۸۰۲۸۴۷۹۰' })).toEqual([0]);
    expect(await found({ bank: 'saman' })).toEqual([1]);
    expect(await found({ bank: 'ملت' })).toEqual([0, 4, 2, 5]);
    expect(await found({ bank: 'Mellat' })).toEqual([0, 4, 2, 5]);
    expect(await found({ bank: 'رفاه فرهنگیان' })).toEqual([3]);
    expect(await found({ text: 'پیشپرداخت' })).toEqual([2]); // ZWNJ ignored
    expect(await found({ text: 'فاکتور 10' })).toEqual([0]);
    expect(await found({ text: 'فاکتور_۱۰' })).toEqual([]); // LIKE's '_' is a letter here, not a wildcard
  });

  test('totals by status and by Jalali month of the due date', async () => {
    const r = await e.ok('cheques/report', {});
    expect(r.calendar).toBe('jalali');
    expect(r.byStatus).toEqual([
      { direction: 'received', status: 'on_hand', count: 3, amount: 100_000_000 },
      { direction: 'received', status: 'bounced', count: 1, amount: 20_000_000 },
      { direction: 'paid', status: 'issued', count: 1, amount: 40_000_000 },
      { direction: 'paid', status: 'cleared', count: 1, amount: 50_000_000 },
    ]);
    // Expected months computed independently with jalaali-js.
    const jm = (iso: string) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const j = toJalaali(y, m, d);
      return `${j.jy}-${String(j.jm).padStart(2, '0')}`;
    };
    expect([jm('2026-11-21'), jm('2026-11-22'), jm('2026-12-21'), jm('2026-12-22')]).toEqual(['1405-08', '1405-09', '1405-09', '1405-10']);
    expect(r.byMonth).toEqual([
      { month: '1405-08', direction: 'received', count: 1, amount: 10_000_000 },
      { month: '1405-09', direction: 'received', count: 2, amount: 50_000_000 },
      { month: '1405-09', direction: 'paid', count: 1, amount: 50_000_000 },
      { month: '1405-10', direction: 'paid', count: 1, amount: 40_000_000 },
      { month: null, direction: 'received', count: 1, amount: 60_000_000 },
    ]);
    const bounced = await e.ok('cheques/report', { statuses: ['bounced'] });
    expect(bounced.totals).toEqual([{ direction: 'received', count: 1, amount: 20_000_000 }]);
  });

  test('by Gregorian month when that calendar is chosen', async () => {
    await e.ok('settings/update', { calendar: 'gregorian' });
    const r = await e.ok('cheques/report', { direction: 'received' });
    expect(r.byMonth.map((m) => [m.month, m.count])).toEqual([
      ['2026-11', 2],
      ['2026-12', 1],
      [null, 1],
    ]);
    await e.ok('settings/update', { calendar: 'jalali' });
  });
});
