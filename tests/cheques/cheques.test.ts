/**
 * The cheque book through the whole engine on a real SQLite file: registering received and paid
 * cheques (every mistake named by its field, in both languages), status changes against the allowed
 * transitions with their history, edits kept as events, deletion only of untouched entries, scanned
 * images on disk, and everything still there after a restart.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { nextStatuses, RECEIVED_STATUSES, PAID_STATUSES, CHEQUE_TRANSITIONS, type ChequeInput } from '../../src/shared/contract/cheques';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

/** 20 Aban 1405 (2026-11-11), 10:00 local. */
const NOW = new Date(2026, 10, 11, 10, 0);
const received: ChequeInput = {
  direction: 'received',
  sayadId: '۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶',
  series: '۱۲۳/ب',
  serial: '۴۵۶۷۸۹',
  bankCode: 'mellat',
  branch: 'فردوسی',
  account: '۱۲۳-۴۵۶-۷۸۹',
  amount: 125_000_000,
  issueDate: '2026-11-10',
  dueDate: '2026-12-21',
  partyName: 'شركت آسيا',
  partyId: '۰۰۷۶۲۲۹۶۴۵',
  purpose: 'فاکتور ۱۴۵',
  note: 'تحویل در دفتر',
};
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

describe('cheques', () => {
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

  test('registers a received cheque: digits made ASCII, Arabic letters Persian, on hand, one "created" event', async () => {
    const c = await e.ok('cheques/create', received);
    expect(c).toMatchObject({
      direction: 'received',
      status: 'on_hand',
      sayadId: '1234567890123456',
      series: '123/ب',
      serial: '456789',
      bankCode: 'mellat',
      bankName: '',
      account: '123-456-789',
      amount: 125_000_000,
      partyName: 'شرکت آسیا',
      partyId: '0076229645',
      guarantee: false,
      canDelete: true,
      nextStatuses: ['deposited', 'cashed', 'endorsed', 'bounced', 'returned'],
    });
    expect(c.events).toEqual([expect.objectContaining({ kind: 'created', fromStatus: null, toStatus: 'on_hand', date: '2026-11-11' })]);
  });

  test('each mistake names its field, in Persian and English', async () => {
    const cases: [Partial<ChequeInput>, string, RegExp, RegExp][] = [
      [{ sayadId: '123456789012345' }, 'sayadId', /شناسهٔ صیاد.*۱۶ رقم.*۱۵ رقم/, /Sayad ID.*16 digits; 15 were given/],
      [{ sayadId: '1111 1111 1111 1111' }, 'sayadId', /تکراری/, /one digit repeated/],
      [{ partyId: '0076229646' }, 'partyId', /کد ملی \/ شناسهٔ ملی.*رقم کنترل/, /national \/ legal ID.*check digit/],
      [{ partyId: '12345' }, 'partyId', /۱۰ رقمی.*۱۱ رقمی/, /10-digit national ID or an 11-digit legal ID/],
      // Ten identical digits: the check digit matches, so the message says why it is refused (issue 13).
      [{ partyId: '1111111111' }, 'partyId', /کد ملی \/ شناسهٔ ملی.*صادر نمی‌شود/, /national \/ legal ID.*never issued/],
      [{ partyId: '1230000003' }, 'partyId', /صادر نمی‌شود/, /never issued/],
      [{ dueDate: null }, 'dueDate', /تاریخ سررسید.*ضمانتی/, /due date.*guarantee/],
      [{ bankCode: null, bankName: '' }, 'bankCode', /بانک/, /bank/],
      [{ partyName: '' }, 'partyName', /دفتر تلفن/, /phonebook/],
      [{ contactId: 999 }, 'contactId', /پیدا نشد/, /not in the phonebook/],
      [{ dueDate: '2026-02-30' }, 'dueDate', /تاریخ سررسید/, /due date/],
    ];
    for (const [patch, field, fa, en] of cases) {
      const ef = await e.fail('cheques/create', { ...received, ...patch }, 'fa');
      expect([field, ef.code, ef.field]).toEqual([field, 'validation', field]);
      expect(ef.message).toMatch(fa);
      expect((await e.fail('cheques/create', { ...received, ...patch }, 'en')).message).toMatch(en);
    }
    const zero = await e.fail('cheques/create', { ...received, amount: 0 });
    expect(zero.field).toBe('amount');
  });

  test('a guarantee cheque may have no due date; a listed bank or a typed one', async () => {
    const g = await e.ok('cheques/create', { ...received, sayadId: '', guarantee: true, dueDate: null, bankCode: null, bankName: 'صندوق قرض‌الحسنه محل' });
    expect(g).toMatchObject({ guarantee: true, dueDate: null, bankCode: null, bankName: 'صندوق قرض‌الحسنه محل' });
  });

  test('a Sayad ID is registered once', async () => {
    await e.ok('cheques/create', received);
    const err = await e.fail('cheques/create', { ...received, partyName: 'دیگری' }, 'en');
    expect(err).toMatchObject({ code: 'conflict', field: 'sayadId' });
    expect(err.message).toContain('شرکت آسیا');
  });

  test('moves through statuses with dates and notes; the history keeps every step', async () => {
    const c = await e.ok('cheques/create', received);
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-11', note: 'به حساب ملت', counterparty: 'بانک ملت — حساب جاری' });
    await e.ok('cheques/set-status', { id: c.id, status: 'on_hand', date: '2026-11-11', note: 'برگشت از واگذاری' });
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-11' });
    const bounced = await e.ok('cheques/set-status', { id: c.id, status: 'bounced', date: '2026-11-11', certificate: true, note: 'کسری موجودی' });
    const settled = await e.ok('cheques/set-status', { id: c.id, status: 'settled', date: '2026-11-11', note: 'نقدی تسویه شد' });
    expect(bounced.events.at(-1)).toMatchObject({ kind: 'status', fromStatus: 'deposited', toStatus: 'bounced', certificate: true, note: 'کسری موجودی' });
    expect(settled.status).toBe('settled');
    expect(settled.nextStatuses).toEqual([]);
    expect(settled.canDelete).toBe(false);
    expect(settled.events.map((x) => [x.kind, x.fromStatus, x.toStatus])).toEqual([
      ['created', null, 'on_hand'],
      ['status', 'on_hand', 'deposited'],
      ['status', 'deposited', 'on_hand'],
      ['status', 'on_hand', 'deposited'],
      ['status', 'deposited', 'bounced'],
      ['status', 'bounced', 'settled'],
    ]);
    expect(settled.events[1]!.counterparty).toBe('بانک ملت — حساب جاری');
  });

  test('a change that is not allowed is refused, naming both statuses and what is allowed', async () => {
    const c = await e.ok('cheques/create', received);
    const fa = await e.fail('cheques/set-status', { id: c.id, status: 'cleared', date: '2026-11-11' }, 'fa');
    expect(fa).toMatchObject({ code: 'conflict', field: 'status' });
    expect(fa.message).toBe(
      'چکی که «نزد صندوق» است را نمی‌توان «پاس شده» کرد. از «نزد صندوق» فقط می‌شود: «در جریان وصول»، «وصول شده»، «خرج شده»، «برگشتی»، «عودت به صاحب چک».',
    );
    await e.ok('cheques/set-status', { id: c.id, status: 'cashed', date: '2026-11-11' });
    const final = await e.fail('cheques/set-status', { id: c.id, status: 'bounced', date: '2026-11-11' }, 'en');
    expect(final.message).toBe('“Cashed” is a final status; it does not change any more.');
    const same = await e.fail('cheques/set-status', { id: c.id, status: 'cashed', date: '2026-11-11' }, 'en');
    expect(same.message).toBe('The cheque is already “Cashed”.');
    expect((await e.ok('cheques/get', { id: c.id })).events).toHaveLength(2); // refused changes leave no trace
  });

  test('every transition of the table, and only those, is allowed (both directions)', async () => {
    for (const direction of ['received', 'paid'] as const) {
      const statuses = direction === 'received' ? RECEIVED_STATUSES : PAID_STATUSES;
      for (const from of statuses) {
        for (const to of statuses) {
          const c = await e.ok('cheques/create', { ...received, direction, sayadId: '' });
          // Reach `from` along the table (breadth first).
          const path = findPath(direction, direction === 'received' ? 'on_hand' : 'issued', from);
          if (!path) continue;
          for (const s of path) await e.ok('cheques/set-status', { id: c.id, status: s, date: '2026-11-11' });
          const r = await e.invoke('cheques/set-status', { id: c.id, status: to, date: '2026-11-11' }, 'en');
          expect([direction, from, to, r.ok]).toEqual([direction, from, to, nextStatuses(direction, from).includes(to)]);
        }
      }
    }
  });

  test('a status date may not be in the future nor before the previous change', async () => {
    const c = await e.ok('cheques/create', received);
    expect(await e.fail('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-12' })).toMatchObject({ field: 'date' });
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-05' });
    const before = await e.fail('cheques/set-status', { id: c.id, status: 'cashed', date: '2026-11-04' }, 'fa');
    expect(before).toMatchObject({ code: 'validation', field: 'date' });
    expect(before.message).toContain('۱۴۰۵/۰۸/۱۴'); // the previous change, in Jalali
  });

  test('an edit is an event naming each changed field with the old and new value; the type never changes', async () => {
    const c = await e.ok('cheques/create', received);
    const same = await e.ok('cheques/update', { id: c.id, data: received });
    expect(same.events).toHaveLength(1); // nothing changed, nothing written
    const edited = await e.ok('cheques/update', { id: c.id, data: { ...received, amount: 130_000_000, dueDate: '2026-12-22', purpose: 'فاکتور ۱۴۶' } });
    expect(edited.events.at(-1)).toMatchObject({
      kind: 'edited',
      date: '2026-11-11',
      changes: [
        { field: 'amount', from: '125000000', to: '130000000' },
        { field: 'dueDate', from: '2026-12-21', to: '2026-12-22' },
        { field: 'purpose', from: 'فاکتور ۱۴۵', to: 'فاکتور ۱۴۶' },
      ],
    });
    expect(await e.fail('cheques/update', { id: c.id, data: { ...received, direction: 'paid' } })).toMatchObject({ field: 'direction' });
  });

  test('only an entry whose status never changed can be deleted', async () => {
    const a = await e.ok('cheques/create', received);
    await e.ok('cheques/delete', { id: a.id });
    expect((await e.fail('cheques/get', { id: a.id })).code).toBe('not_found');
    const b = await e.ok('cheques/create', received); // the Sayad ID is free again
    await e.ok('cheques/set-status', { id: b.id, status: 'returned', date: '2026-11-11' });
    expect(await e.fail('cheques/delete', { id: b.id })).toMatchObject({ code: 'conflict' });
  });

  test('scanned images are stored in the data folder with their thumbnails; a non-image is refused', async () => {
    const c = await e.ok('cheques/create', received);
    const withImage = await e.ok('cheques/add-image', {
      chequeId: c.id,
      fileName: 'front.png',
      base64: PNG.toString('base64'),
      thumbBase64: JPEG.toString('base64'),
    });
    expect(withImage.images).toEqual([
      expect.objectContaining({ fileName: 'front.png', mime: 'image/png', size: PNG.length, thumb: `data:image/jpeg;base64,${JPEG.toString('base64')}` }),
    ]);
    expect(withImage.events.at(-1)).toMatchObject({ kind: 'edited', changes: [{ field: 'images', from: '', to: 'front.png' }] });
    const folder = path.join(dir, 'attachments', 'cheques');
    expect(readdirSync(folder)).toHaveLength(1);
    const full = await e.ok('cheques/image', { id: withImage.images[0]!.id });
    expect(Buffer.from(full.base64, 'base64').equals(PNG)).toBe(true);
    expect(await e.fail('cheques/add-image', { chequeId: c.id, fileName: 'x.pdf', base64: Buffer.from('%PDF-1.4').toString('base64') }, 'en')).toMatchObject({
      code: 'validation',
      field: 'base64',
    });
    const removed = await e.ok('cheques/delete-image', { id: withImage.images[0]!.id });
    expect(removed.images).toEqual([]);
    expect(readdirSync(folder)).toHaveLength(0);
  });

  test('a deleted contact leaves the name on the cheque; everything survives a restart', async () => {
    const contact = await e.ok('contacts/create', { firstName: 'مریم', lastName: 'احمدی' });
    const c = await e.ok('cheques/create', { ...received, contactId: contact.id, partyName: '' });
    expect(c).toMatchObject({ partyName: 'مریم احمدی', contact: { id: contact.id, displayName: 'مریم احمدی' } });
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-11' });
    await e.ok('cheques/add-image', { chequeId: c.id, fileName: 'front.png', base64: PNG.toString('base64') });
    await e.close();
    e = testEngine(dir, () => NOW, { noAlarms: true });
    const again = await e.ok('cheques/get', { id: c.id });
    expect(again).toMatchObject({ status: 'deposited', partyName: 'مریم احمدی', images: [expect.objectContaining({ thumb: null })] });
    expect(again.events).toHaveLength(3);
    await e.ok('contacts/delete', { id: contact.id });
    expect(await e.ok('cheques/get', { id: c.id })).toMatchObject({ contactId: null, contact: null, partyName: 'مریم احمدی' });
    expect(existsSync(path.join(dir, 'attachments', 'cheques'))).toBe(true);
  });

  test('settings: warning days, time and toman, kept', async () => {
    expect(await e.ok('cheques/settings', {})).toEqual({ warnDays: 3, warnTime: '09:00', showToman: false });
    await e.ok('cheques/settings-update', { warnDays: 5, warnTime: '08:30', showToman: true });
    expect(await e.ok('cheques/settings', {})).toEqual({ warnDays: 5, warnTime: '08:30', showToman: true });
    expect(await e.fail('cheques/settings-update', { warnDays: 90, warnTime: '08:30', showToman: true })).toMatchObject({ field: 'warnDays' });
  });
});

function findPath(direction: 'received' | 'paid', from: string, to: string): string[] | null {
  const seen = new Map<string, string[]>([[from, []]]);
  const queue = [from];
  while (queue.length) {
    const s = queue.shift()!;
    if (s === to) return seen.get(s)!;
    for (const n of (CHEQUE_TRANSITIONS[direction] as Record<string, readonly string[]>)[s] ?? []) {
      if (!seen.has(n)) {
        seen.set(n, [...seen.get(s)!, n]);
        queue.push(n);
      }
    }
  }
  return null;
}
