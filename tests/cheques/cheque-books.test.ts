/**
 * Own cheque books on a real SQLite file: every leaf exists from the start (leading zeros kept),
 * paid cheques take the next blank leaf, void/lost leaves are skipped, a full book says so, and a
 * book is deleted only while unused.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const NOW = new Date(2026, 10, 11, 10, 0);
const book = { bankCode: 'melli' as const, branch: 'میدان ونک', account: '۰۱۰۲۰۳۰۴۰۵', series: '۹۸۷/الف', firstSerial: '۰۰۴۷۱۲۰', leafCount: 10 };
const paid = { direction: 'paid' as const, amount: 50_000_000, dueDate: '2026-12-01', partyName: 'پخش البرز', purpose: 'خرید کالا' };

describe('cheque books', () => {
  let dir: string;
  let e: TestEngine;
  beforeEach(() => {
    dir = tempDir();
    e = testEngine(dir, () => NOW, { noAlarms: true });
  });
  afterEach(async () => {
    await e.close();
    removeDir(dir);
  });

  test('a book has every leaf before one is written, numbered from the first with its zeros', async () => {
    const b = await e.ok('cheque-books/create', book);
    expect(b).toMatchObject({
      account: '0102030405',
      series: '987/الف',
      firstSerial: '0047120',
      lastSerial: '0047129',
      leafCount: 10,
      counts: { blank: 10, used: 0, void: 0, lost: 0 },
      nextLeaf: { serial: '0047120' },
    });
    const leaves = await e.ok('cheque-books/leaves', { bookId: b.id });
    expect(leaves.map((l) => l.serial)).toEqual(Array.from({ length: 10 }, (_, i) => `00471${20 + i}`));
    expect(leaves.every((l) => l.state === 'blank' && l.cheque === null)).toBe(true);
  });

  test('writing paid cheques takes the next blank leaf, skipping void and lost ones', async () => {
    const b = await e.ok('cheque-books/create', book);
    const leaves = await e.ok('cheque-books/leaves', { bookId: b.id });
    const first = await e.ok('cheques/create', { ...paid, bookId: b.id, bankCode: null, series: 'x', serial: 'y' });
    expect(first).toMatchObject({
      status: 'issued',
      bankCode: 'melli',
      branch: 'میدان ونک',
      account: '0102030405',
      series: '987/الف',
      serial: '0047120',
      leaf: { bookId: b.id, serial: '0047120' },
    });
    const voided = await e.ok('cheque-books/mark-leaf', { leafId: leaves[1]!.id, state: 'void', date: '2026-11-10', note: 'خط خورد' });
    expect(voided).toMatchObject({ state: 'void', note: 'خط خورد', markedOn: '2026-11-10' });
    await e.ok('cheque-books/mark-leaf', { leafId: leaves[2]!.id, state: 'lost', date: '2026-11-11' });
    const second = await e.ok('cheques/create', { ...paid, bookId: b.id });
    expect(second.serial).toBe('0047123');
    expect(await e.ok('cheque-books/list', {})).toEqual([
      expect.objectContaining({ counts: { blank: 6, used: 2, void: 1, lost: 1 }, nextLeaf: expect.objectContaining({ serial: '0047124' }) }),
    ]);
    const after = await e.ok('cheque-books/leaves', { bookId: b.id });
    expect(after.slice(0, 4).map((l) => l.state)).toEqual(['used', 'void', 'lost', 'used']);
    expect(after[0]!.cheque).toMatchObject({ id: first.id, status: 'issued', amount: 50_000_000, partyName: 'پخش البرز' });
    // A used or marked leaf cannot be marked; the leaf stays with its cheque through status changes.
    expect(await e.fail('cheque-books/mark-leaf', { leafId: leaves[0]!.id, state: 'lost', date: '2026-11-11' })).toMatchObject({ code: 'conflict' });
    expect(await e.fail('cheque-books/mark-leaf', { leafId: leaves[1]!.id, state: 'lost', date: '2026-11-11' })).toMatchObject({ code: 'conflict' });
    const v = await e.ok('cheques/set-status', { id: first.id, status: 'void', date: '2026-11-11', note: 'اشتباه در مبلغ' });
    expect(v.leaf?.serial).toBe('0047120');
  });

  test('a full book says so; deleting an unwritten entry frees its leaf; a used book is kept', async () => {
    const b = await e.ok('cheque-books/create', { ...book, leafCount: 2 });
    const a = await e.ok('cheques/create', { ...paid, bookId: b.id });
    await e.ok('cheques/create', { ...paid, bookId: b.id });
    const full = await e.fail('cheques/create', { ...paid, bookId: b.id }, 'en');
    expect(full).toMatchObject({ code: 'conflict', field: 'bookId', message: 'No blank leaf is left in this cheque book.' });
    await e.ok('cheques/delete', { id: a.id });
    expect((await e.ok('cheques/create', { ...paid, bookId: b.id })).serial).toBe('0047120');
    expect(await e.fail('cheque-books/delete', { id: b.id })).toMatchObject({ code: 'conflict' });
    const unused = await e.ok('cheque-books/create', book);
    await e.ok('cheque-books/delete', { id: unused.id });
    expect((await e.ok('cheque-books/list', {})).map((x) => x.id)).toEqual([b.id]);
  });

  test('mistakes name their field; a book is only for paid cheques', async () => {
    expect(await e.fail('cheque-books/create', { ...book, account: ' ' })).toMatchObject({ field: 'account' });
    expect(await e.fail('cheque-books/create', { ...book, firstSerial: '12a' })).toMatchObject({ field: 'firstSerial' });
    expect(await e.fail('cheque-books/create', { ...book, firstSerial: '995', leafCount: 10 }, 'en')).toMatchObject({
      field: 'firstSerial',
      message: 'Leaf numbers would exceed 3 digits; correct the “first leaf number”.',
    });
    expect(await e.fail('cheque-books/create', { ...book, bankCode: null })).toMatchObject({ field: 'bankCode' });
    expect(await e.fail('cheque-books/create', { ...book, leafCount: 0 })).toMatchObject({ field: 'leafCount' });
    const b = await e.ok('cheque-books/create', book);
    expect(await e.fail('cheques/create', { ...paid, direction: 'received', bookId: b.id })).toMatchObject({ field: 'bookId' });
  });
});
