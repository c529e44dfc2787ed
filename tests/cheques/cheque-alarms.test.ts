/**
 * Due-date warnings through the alarm engine with a manual clock and timers: an open cheque rings
 * once, N days before its due date at the warning time; closed cheques, cheques registered after their
 * warning time and guarantee cheques without a date do not ring; moving the due date rings again;
 * a change of settings moves the warning; closing a cheque removes its waiting alarm; the test clock
 * reaches a warning; a warning missed while the app was closed rings at the next start.
 */
import { alarmEngine, nextTurn } from '../helpers/alarm-engine';
import { removeDir, tempDir, type TestEngine } from '../helpers/engine';

const DAY = 86_400_000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const cheque = { direction: 'received' as const, bankCode: 'mellat' as const, amount: 12_500_000, partyName: 'مریم احمدی', purpose: 'اجاره آذر' };

const engineAt = alarmEngine;

describe('cheque due-date warnings', () => {
  let dir: string;
  const open: TestEngine[] = [];
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    for (const e of open.splice(0)) await e.close();
    removeDir(dir);
  });
  const start = (at: Date, opts: { testClock?: boolean } = {}) => {
    const e = engineAt(dir, at, opts);
    open.push(e);
    return e;
  };

  test('an open cheque rings once, three days before, at 09:00, with its details; a closed one and an undated guarantee never', async () => {
    const e = start(local(2026, 11, 1, 12));
    const a = await e.ok('cheques/create', { ...cheque, dueDate: '2026-11-20' });
    const cashed = await e.ok('cheques/create', { ...cheque, dueDate: '2026-11-18', partyName: 'وصول‌شده' });
    await e.ok('cheques/set-status', { id: cashed.id, status: 'cashed', date: '2026-11-01' });
    await e.ok('cheques/create', { ...cheque, guarantee: true, dueDate: null, partyName: 'ضمانت' });
    const paid = await e.ok('cheques/create', { ...cheque, direction: 'paid', dueDate: '2026-11-25', partyName: 'پخش البرز' });
    e.advance(30 * DAY);
    expect(e.fired.map((x) => [x.source, x.refId, x.firedAt, x.occursAt, x.late])).toEqual([
      ['cheque', a.id, local(2026, 11, 17, 9).toISOString(), local(2026, 11, 20, 9).toISOString(), false],
      ['cheque', paid.id, local(2026, 11, 22, 9).toISOString(), local(2026, 11, 25, 9).toISOString(), false],
    ]);
    expect(e.fired[0]).toMatchObject({ title: 'سررسید چک دریافتی ۱۲٬۵۰۰٬۰۰۰ ریال — \u2068مریم احمدی\u2069', place: 'بانک ملت', note: 'اجاره آذر' });
    expect(e.fired[1]!.title).toContain('پرداختی');
  });

  test('a cheque registered after its warning time does not ring late; moving its due date rings for the new date', async () => {
    const e = start(local(2026, 11, 10, 12));
    const c = await e.ok('cheques/create', { ...cheque, dueDate: '2026-11-11' }); // warning time (8th, 09:00) already passed
    e.advance(3 * DAY);
    expect(e.fired).toEqual([]);
    await e.ok('cheques/update', { id: c.id, data: { ...cheque, dueDate: '2026-11-20' } });
    e.advance(10 * DAY);
    expect(e.fired.map((x) => [x.refId, x.firedAt])).toEqual([[c.id, local(2026, 11, 17, 9).toISOString()]]);
  });

  test('the warning days and time are settings; closing a cheque takes its waiting alarm away', async () => {
    const e = start(local(2026, 11, 1, 12));
    await e.ok('cheques/settings-update', { warnDays: 7, warnTime: '08:15', showToman: false });
    const c = await e.ok('cheques/create', { ...cheque, dueDate: '2026-11-20' });
    e.advance(12 * DAY);
    expect(e.fired.map((x) => x.firedAt)).toEqual([local(2026, 11, 13, 8, 15).toISOString()]);
    expect((await e.ok('alarms/pending', {})).map((x) => x.refId)).toEqual([c.id]);
    await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-11-13' });
    expect((await e.ok('alarms/pending', {})).length).toBe(1); // still open: deposited
    await e.ok('cheques/set-status', { id: c.id, status: 'cashed', date: '2026-11-13' });
    expect(await e.ok('alarms/pending', {})).toEqual([]);
  });

  test('a warning that fell due while the app was closed rings at the next start, late', async () => {
    const first = start(local(2026, 11, 1, 12));
    const c = await first.ok('cheques/create', { ...cheque, dueDate: '2026-11-10' });
    await first.close();
    open.splice(0);
    const second = start(local(2026, 11, 9, 10));
    await nextTurn();
    expect(second.fired.map((x) => [x.refId, x.late])).toEqual([[c.id, true]]);
  });

  test('the test clock (clock/advance) reaches the warning', async () => {
    const e = start(local(2026, 11, 1, 12), { testClock: true });
    const c = await e.ok('cheques/create', { ...cheque, dueDate: '2026-11-06' });
    await e.ok('clock/advance', { ms: 2 * DAY });
    expect(e.fired.map((x) => [x.refId, x.late])).toEqual([[c.id, false]]);
  });
});
