/**
 * Money rules of the cheque book, through the whole engine on a real SQLite file. A cheque whose
 * history has anything beyond its registration (a status change, an edit, an image, a correction) keeps
 * its amount and parties unless a correction with a reason is recorded (old → new, who, why), and it is
 * never deleted: it is voided instead, which takes it out of every total but keeps it and its history.
 */
import type { ChequeInput } from '../../src/shared/contract/cheques';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

/** 20 Aban 1405 (2026-11-11), 10:00 local. */
const NOW = new Date(2026, 10, 11, 10, 0);
const received: ChequeInput = {
  direction: 'received',
  bankCode: 'mellat',
  amount: 125_000_000,
  dueDate: '2026-12-21',
  partyName: 'شرکت آسیا',
  partyId: '0076229645',
  purpose: 'فاکتور ۱۴۵',
};

describe('cheque money rules', () => {
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

  test('the amount of a cashed cheque is not edited: the refusal names the field, in Persian and English; other fields still edit', async () => {
    const c = await e.ok('cheques/create', received);
    await e.ok('cheques/set-status', { id: c.id, status: 'cashed', date: '2026-11-11' });
    const fa = await e.fail('cheques/update', { id: c.id, data: { ...received, amount: 135_000_000 } }, 'fa');
    expect(fa).toMatchObject({ code: 'conflict', field: 'amount' });
    expect(fa.message).toContain('«مبلغ»');
    expect(fa.message).toContain('اصلاح');
    const en = await e.fail('cheques/update', { id: c.id, data: { ...received, amount: 135_000_000 } }, 'en');
    expect(en.message).toContain('“amount”');
    expect(en.message).toMatch(/correction/);
    for (const [patch, field] of [
      [{ partyName: 'دیگری' }, 'partyName'],
      [{ partyId: '' }, 'partyId'],
    ] as const) {
      expect(await e.fail('cheques/update', { id: c.id, data: { ...received, ...patch } })).toMatchObject({ code: 'conflict', field });
    }
    const noted = await e.ok('cheques/update', { id: c.id, data: { ...received, note: 'وصول در شعبه' } });
    expect(noted).toMatchObject({ amount: 125_000_000, note: 'وصول در شعبه', canDelete: false });
  });

  test('a cheque edited but never moved cannot be deleted, nor one with a scan; one with only its registration can', async () => {
    const c = await e.ok('cheques/create', received);
    const edited = await e.ok('cheques/update', { id: c.id, data: { ...received, purpose: 'فاکتور ۱۴۶' } });
    expect(edited.canDelete).toBe(false);
    const err = await e.fail('cheques/delete', { id: c.id }, 'en');
    expect(err).toMatchObject({ code: 'conflict', field: 'id' });
    expect(err.message).toMatch(/void/i);
    expect((await e.ok('cheques/get', { id: c.id })).events.map((x) => x.kind)).toEqual(['created', 'edited']);
    const fresh = await e.ok('cheques/create', { ...received, partyName: 'تازه' });
    expect(fresh.canDelete).toBe(true);
    await e.ok('cheques/delete', { id: fresh.id });
  });

  test('a fresh entry (only its registration) may still have its amount fixed by an edit', async () => {
    const c = await e.ok('cheques/create', received);
    const fixed = await e.ok('cheques/update', { id: c.id, data: { ...received, amount: 12_500_000 } });
    expect(fixed.events.at(-1)).toMatchObject({ kind: 'edited', changes: [{ field: 'amount', from: '125000000', to: '12500000' }] });
    expect(await e.fail('cheques/update', { id: c.id, data: { ...received, amount: 13_000_000 } })).toMatchObject({ code: 'conflict', field: 'amount' });
  });

  test('a correction needs a reason; it is an event with old → new, who and why, and survives a restart', async () => {
    await e.ok('settings/update', { userName: 'خانم رضایی' });
    const c = await e.ok('cheques/create', received);
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-11' });
    const contact = await e.ok('contacts/create', { firstName: 'مریم', lastName: 'احمدی' });
    const fix = { id: c.id, amount: 152_000_000, contactId: contact.id, partyName: '', partyId: '0076229645' };
    for (const lang of ['fa', 'en'] as const) {
      const noReason = await e.fail('cheques/correct', { ...fix, reason: '  ' }, lang);
      expect(noReason).toMatchObject({ code: 'validation', field: 'reason' });
      expect(noReason.message).toContain(lang === 'fa' ? '«دلیل اصلاح»' : '“reason for the correction”');
    }
    expect((await e.ok('cheques/get', { id: c.id })).amount).toBe(125_000_000); // refused: nothing half-saved
    const same = await e.fail('cheques/correct', { id: c.id, amount: 125_000_000, partyName: 'شرکت آسیا', partyId: '0076229645', reason: 'هیچ' }, 'en');
    expect(same).toMatchObject({ code: 'validation', field: 'amount' });
    const badId = await e.fail('cheques/correct', { ...fix, partyId: '0076229646', reason: 'x' });
    expect(badId).toMatchObject({ code: 'validation', field: 'partyId' });

    const done = await e.ok('cheques/correct', { ...fix, reason: 'ارقام جابه‌جا نوشته شده بود' });
    expect(done).toMatchObject({ amount: 152_000_000, partyName: 'مریم احمدی', contactId: contact.id, status: 'deposited' });
    expect(done.events.at(-1)).toMatchObject({
      kind: 'corrected',
      note: 'ارقام جابه‌جا نوشته شده بود',
      by: 'خانم رضایی',
      date: '2026-11-11',
      changes: [
        { field: 'amount', from: '125000000', to: '152000000' },
        { field: 'partyName', from: 'شرکت آسیا', to: 'مریم احمدی' },
        { field: 'contactId', from: '', to: String(contact.id) },
      ],
    });
    await e.close();
    e = testEngine(dir, () => NOW, { noAlarms: true });
    const again = await e.ok('cheques/get', { id: c.id });
    expect(again.amount).toBe(152_000_000);
    expect(again.events.map((x) => x.kind)).toEqual(['created', 'status', 'corrected']);
    expect(again.events.at(-1)!.by).toBe('خانم رضایی');
    // Found by the new name.
    expect((await e.ok('cheques/search', { person: 'احمدی' })).items.map((x) => x.id)).toEqual([c.id]);
  });

  test('void instead of delete: any status, a reason required, out of every total, history kept', async () => {
    const a = await e.ok('cheques/create', received);
    await e.ok('cheques/set-status', { id: a.id, status: 'cashed', date: '2026-11-11' });
    const b = await e.ok('cheques/create', { ...received, amount: 5_000_000, partyName: 'دیگری' });
    const p = await e.ok('cheques/create', { ...received, direction: 'paid', amount: 7_000_000 });
    await e.ok('cheques/set-status', { id: p.id, status: 'cleared', date: '2026-11-11' });
    expect((await e.ok('cheques/search', {})).totals).toEqual([
      { direction: 'received', count: 2, amount: 130_000_000 },
      { direction: 'paid', count: 1, amount: 7_000_000 },
    ]);

    const noReason = await e.fail('cheques/void', { id: a.id, date: '2026-11-11', reason: '' }, 'fa');
    expect(noReason).toMatchObject({ code: 'validation', field: 'reason' });
    expect(noReason.message).toContain('«دلیل ابطال»');
    const voided = await e.ok('cheques/void', { id: a.id, date: '2026-11-11', reason: 'دو بار ثبت شده بود' });
    expect(voided).toMatchObject({ status: 'void', nextStatuses: [], canDelete: false, amount: 125_000_000 });
    expect(voided.events.at(-1)).toMatchObject({ kind: 'status', fromStatus: 'cashed', toStatus: 'void', note: 'دو بار ثبت شده بود' });
    await e.ok('cheques/void', { id: p.id, date: '2026-11-11', reason: 'باطل شد' });
    const twice = await e.fail('cheques/void', { id: a.id, date: '2026-11-11', reason: 'x' }, 'en');
    expect(twice).toMatchObject({ code: 'conflict', field: 'status' });
    expect(await e.fail('cheques/delete', { id: a.id })).toMatchObject({ code: 'conflict' });

    const list = await e.ok('cheques/search', {});
    expect(list.items.map((x) => x.id).sort()).toEqual([a.id, b.id, p.id].sort()); // still listed
    expect(list.totals).toEqual([{ direction: 'received', count: 1, amount: 5_000_000 }]);
    const report = await e.ok('cheques/report', {});
    expect(report.totals).toEqual([{ direction: 'received', count: 1, amount: 5_000_000 }]);
    expect(report.byMonth.reduce((s, m) => s + m.amount, 0)).toBe(5_000_000);
    expect((await e.ok('cheques/search', { statuses: ['void'] })).items.map((x) => x.id).sort()).toEqual([a.id, p.id].sort());
  });
});
