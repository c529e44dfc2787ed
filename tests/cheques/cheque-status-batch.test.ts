/**
 * One status change for several cheques at once ('cheques/set-status-batch') through the whole engine
 * on a real SQLite file: a day's deposits go to the bank together, each cheque with its own event; a
 * batch with one cheque that cannot take the change (already cleared, a status of the other type, a
 * date before its last change) changes nothing and the message names that cheque and why, in Persian
 * and English; the due-date warnings follow each cheque as they do after a single change.
 */
import type { Alarm } from '../../src/shared/contract/reminders';
import type { ChequeInput } from '../../src/shared/contract/cheques';
import type { EngineEvent } from '../../src/main/engine/engine';
import { manualTimers } from '../helpers/manual-timers';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

/** 20 Aban 1405 (2026-11-11), 10:00 local. */
const NOW = new Date(2026, 10, 11, 10, 0);
const DAY = 86_400_000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const received = (n: number, patch: Partial<ChequeInput> = {}): ChequeInput => ({
  direction: 'received',
  sayadId: `12345678901234${String(n).padStart(2, '0')}`,
  bankCode: 'mellat',
  amount: n * 1_000_000,
  dueDate: '2026-12-21',
  partyName: `مشتری ${n}`,
  ...patch,
});

describe('status change of several cheques at once', () => {
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

  test('a day’s received cheques are deposited together: one date, note and bank; each cheque its own event', async () => {
    const cheques = [];
    for (let n = 1; n <= 10; n++) cheques.push(await e.ok('cheques/create', received(n)));
    const ids = cheques.map((c) => c.id);
    const events: EngineEvent[] = [];
    e.subscribe((ev: EngineEvent) => events.push(ev));
    const r = await e.ok('cheques/set-status-batch', {
      ids: [...ids, ids[0]],
      status: 'deposited',
      date: '2026-11-10',
      note: 'واگذاری پایان روز',
      counterparty: 'بانک ملت — حساب جاری ۱۲۳',
    });
    expect(r).toEqual({ ids, status: 'deposited' }); // a repeated id counts once
    for (const id of ids) {
      const c = await e.ok('cheques/get', { id });
      expect(c.status).toBe('deposited');
      expect(c.events.map((x) => [x.kind, x.fromStatus, x.toStatus, x.date, x.note, x.counterparty])).toEqual([
        ['created', null, 'on_hand', '2026-11-11', '', ''],
        ['status', 'on_hand', 'deposited', '2026-11-10', 'واگذاری پایان روز', 'بانک ملت — حساب جاری ۱۲۳'],
      ]);
    }
    // One 'changed' naming every cheque, so the list reads again once.
    expect(events.filter((x) => x.name === 'cheques/changed').map((x) => x.payload)).toEqual([{ ids }]);
    const list = await e.ok('cheques/search', { statuses: ['deposited'] });
    expect(list.total).toBe(10);
  });

  test('paid cheques cleared by the bank together; a bounce keeps its certificate on each', async () => {
    const a = await e.ok('cheques/create', { ...received(1), direction: 'paid' });
    const b = await e.ok('cheques/create', { ...received(2), direction: 'paid' });
    await e.ok('cheques/set-status-batch', { ids: [a.id, b.id], status: 'bounced', date: '2026-11-11', certificate: true });
    await e.ok('cheques/set-status-batch', { ids: [a.id, b.id], status: 'cleared', date: '2026-11-11' });
    for (const id of [a.id, b.id]) {
      const c = await e.ok('cheques/get', { id });
      expect(c.events.slice(1).map((x) => [x.fromStatus, x.toStatus, x.certificate])).toEqual([
        ['issued', 'bounced', true],
        ['bounced', 'cleared', false],
      ]);
    }
  });

  test('one cheque already cleared: nothing changes, and the message names it and why (fa, en)', async () => {
    const a = await e.ok('cheques/create', { ...received(1), direction: 'paid' });
    const b = await e.ok('cheques/create', { ...received(2), direction: 'paid', sayadId: '', series: '۹۸۷', serial: '۰۰۴۷۱۲۰' });
    const c = await e.ok('cheques/create', { ...received(3), direction: 'paid' });
    await e.ok('cheques/set-status', { id: b.id, status: 'cleared', date: '2026-11-09' });
    const input = { ids: [a.id, b.id, c.id], status: 'cleared', date: '2026-11-11', note: 'صورت‌حساب آبان' };
    const fa = await e.fail('cheques/set-status-batch', input, 'fa');
    expect(fa).toMatchObject({ code: 'conflict', field: 'status' });
    expect(fa.message).toBe(
      'هیچ چکی تغییر نکرد: ۱ چک از ۳ چک برگزیده این تغییر را نمی‌پذیرد.\n' + 'چک سری/سریال \u2068۹۸۷/۰۰۴۷۱۲۰\u2069: چک همین حالا «پاس شده» است.',
    );
    const en = await e.fail('cheques/set-status-batch', input, 'en');
    expect(en.message).toBe(
      'No cheque was changed: 1 of the 3 selected cheques cannot take this change.\n' +
        'Cheque series/serial \u2068987/0047120\u2069: The cheque is already “Cleared”.',
    );
    for (const x of [a, c]) {
      const now = await e.ok('cheques/get', { id: x.id });
      expect([now.status, now.events.length]).toEqual(['issued', 1]);
    }
    expect((await e.ok('cheques/get', { id: b.id })).events).toHaveLength(2);
  });

  test('every cheque that cannot take it is named: the other type, a final status, a date before its last change', async () => {
    const paid = await e.ok('cheques/create', { ...received(1), direction: 'paid' });
    const cashed = await e.ok('cheques/create', received(2, { sayadId: '', partyName: 'شرکت آسیا', amount: 12_500_000 }));
    const late = await e.ok('cheques/create', received(3));
    await e.ok('cheques/set-status', { id: cashed.id, status: 'cashed', date: '2026-11-11' });
    await e.ok('cheques/set-status', { id: late.id, status: 'deposited', date: '2026-11-11' });
    const ok = await e.ok('cheques/create', received(4));
    const ids = [ok.id, paid.id, cashed.id];
    const fa = await e.fail('cheques/set-status-batch', { ids, status: 'deposited', date: '2026-11-11' }, 'fa');
    expect(fa.message.split('\n')).toEqual([
      'هیچ چکی تغییر نکرد: ۲ چک از ۳ چک برگزیده این تغییر را نمی‌پذیرد.',
      'چک با شناسهٔ صیاد \u2068۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۰۱\u2069: چک پرداختی وضعیت «در جریان وصول» ندارد.',
      'چک \u2068شرکت آسیا\u2069 به مبلغ ۱۲٬۵۰۰٬۰۰۰ ریال: وضعیت «وصول شده» پایانی است و دیگر عوض نمی‌شود.',
    ]);
    const en = await e.fail('cheques/set-status-batch', { ids, status: 'deposited', date: '2026-11-11' }, 'en');
    expect(en.message.split('\n')[1]).toBe('Cheque with Sayad ID \u20681234 5678 9012 3401\u2069: A paid cheque has no status “Deposited for collection”.');

    // Only the date is wrong for one cheque: a validation of the date, naming that cheque.
    const d = await e.fail('cheques/set-status-batch', { ids: [ok.id, late.id], status: 'cashed', date: '2026-11-10' }, 'en');
    expect(d).toMatchObject({ code: 'validation', field: 'date' });
    expect(d.message).toMatch(
      /^No cheque was changed: 1 of the 2 selected.*\nCheque with Sayad ID \u20681234 5678 9012 3403\u2069: .*before the last status change/,
    );
    expect(await e.fail('cheques/set-status-batch', { ids: [ok.id], status: 'deposited', date: '2026-11-12' })).toMatchObject({
      code: 'validation',
      field: 'date',
    });
    expect(await e.fail('cheques/set-status-batch', { ids: [ok.id, 999], status: 'deposited', date: '2026-11-11' })).toMatchObject({ code: 'not_found' });
    expect(await e.fail('cheques/set-status-batch', { ids: [], status: 'deposited', date: '2026-11-11' })).toMatchObject({ code: 'validation' });
    expect((await e.ok('cheques/get', { id: ok.id })).status).toBe('on_hand');
  });
});

describe('due-date warnings after a batch', () => {
  let dir: string;
  const open: TestEngine[] = [];
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    for (const x of open.splice(0)) await x.close();
    removeDir(dir);
  });

  test('deposited together they stay open and keep their warnings; cashed together the warnings go and never ring', async () => {
    const t = manualTimers(local(2026, 11, 1, 12).getTime());
    const e = testEngine(dir, () => new Date(t.now()), { timers: t.timers });
    open.push(e);
    const fired: Alarm[] = [];
    e.subscribe((ev: EngineEvent) => {
      if (ev.name === 'alarms/fired') fired.push(...ev.payload.alarms);
    });
    const a = await e.ok('cheques/create', received(1, { dueDate: '2026-11-20' }));
    const b = await e.ok('cheques/create', received(2, { dueDate: '2026-11-21' }));
    const c = await e.ok('cheques/create', received(3, { dueDate: '2026-11-22' }));
    t.advance(17 * DAY); // 18 Nov 12:00: a and b rang (17th and 18th at 09:00); c rings on the 19th
    expect(fired.map((x) => x.refId)).toEqual([a.id, b.id]);
    expect((await e.ok('alarms/pending', {})).map((x) => x.refId).sort()).toEqual([a.id, b.id].sort());

    await e.ok('cheques/set-status-batch', { ids: [a.id, b.id, c.id], status: 'deposited', date: '2026-11-18' });
    expect((await e.ok('alarms/pending', {})).map((x) => x.refId).sort()).toEqual([a.id, b.id].sort()); // still open

    // A refused batch leaves the warnings as they were.
    await e.ok('cheques/set-status', { id: c.id, status: 'bounced', date: '2026-11-18' });
    await e.fail('cheques/set-status-batch', { ids: [a.id, b.id, c.id], status: 'cashed', date: '2026-11-18' });
    expect((await e.ok('alarms/pending', {})).map((x) => x.refId).sort()).toEqual([a.id, b.id].sort());

    await e.ok('cheques/set-status-batch', { ids: [a.id, b.id], status: 'cashed', date: '2026-11-18' });
    expect(await e.ok('alarms/pending', {})).toEqual([]);
    // Back to the bank, c is open again: only warnings from now on ring (its 19th warning is still ahead).
    await e.ok('cheques/set-status-batch', { ids: [c.id], status: 'deposited', date: '2026-11-18' });
    t.advance(5 * DAY);
    expect(fired.map((x) => x.refId)).toEqual([a.id, b.id, c.id]);
  });
});
