/**
 * Missed repeats merged into one late alarm, through the whole engine on a real SQLite file with a
 * manual clock: three weeks away from a daily and a weekly reminder give one late alarm each, with the
 * count and the first and last occurrence; a restart keeps them merged (and merges what was missed
 * again into the same alarm); a clock set back rings none of the merged occurrences again; dismiss
 * clears them all; snooze rings the merged alarm once; on-time alarms keep ringing one by one; a
 * cheque's due warning and a contact's birthdays missed.
 */
import type { Alarm } from '../../src/shared/contract/reminders';
import { parseDateInput } from '../../src/shared/text/calendar';
import { alarmEngine, nextTurn } from '../helpers/alarm-engine';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const MIN = 60_000;
const DAY = 86_400_000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);
const iso = (y: number, m: number, d: number, h = 0, min = 0) => local(y, m, d, h, min).toISOString();

const engineAt = alarmEngine;
const summary = (a: Alarm) => [a.refId, a.late, a.missedCount, a.firstOccursAt, a.occursAt];

describe('missed repeats ring as one late alarm', () => {
  let dir: string;
  const open: TestEngine[] = [];
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(async () => {
    for (const e of open.splice(0)) await e.close();
    removeDir(dir);
  });
  const start = (at: Date) => {
    const e = engineAt(dir, at);
    open.push(e);
    return e;
  };
  const stop = async (e: TestEngine) => {
    await e.close();
    open.splice(open.indexOf(e), 1);
  };
  const reminder = { subject: 'روزانه', date: '2026-01-01', time: '08:00', repeat: { kind: 'daily' } };
  // Iranian week: Saturday (JS 6) and Wednesday (JS 3); 2026-01-03 is a Saturday.
  const weeklyInput = { subject: 'هفتگی', date: '2026-01-01', time: '17:30', repeat: { kind: 'weekly', days: [0, 4] }, alarmMinutesBefore: 15 };

  test('three weeks away: one late alarm per reminder with its count and range; a restart keeps it merged and adds what was missed again', async () => {
    const first = start(local(2026, 1, 1, 7, 0));
    const daily = await first.ok('reminders/create', reminder);
    const weekly = await first.ok('reminders/create', weeklyInput);
    await stop(first);

    const back = start(local(2026, 1, 22, 7, 0)); // three weeks later, before that day's 08:00
    await nextTurn();
    expect(back.fired.map(summary)).toEqual([
      [daily.id, true, 21, iso(2026, 1, 1, 8), iso(2026, 1, 21, 8)],
      [weekly.id, true, 6, iso(2026, 1, 3, 17, 30), iso(2026, 1, 21, 17, 30)],
    ]);
    expect(back.fired.every((a) => a.firedAt === iso(2026, 1, 22, 7) && a.snoozedUntil === null)).toBe(true);
    const pending = await back.ok('alarms/pending', {});
    expect(pending).toEqual(back.fired);
    await stop(back);

    // A restart: nothing rings again, the two alarms wait as they were.
    const again = start(local(2026, 1, 22, 7, 5));
    await nextTurn();
    expect(again.fired).toEqual([]);
    expect(await again.ok('alarms/pending', {})).toEqual(pending);
    await stop(again);

    // Closed again for two days while the merged alarm still waits: the new misses join it (same id).
    const later = start(local(2026, 1, 24, 7, 0));
    await nextTurn();
    expect(later.fired.map((a) => [a.id, ...summary(a)])).toEqual([[pending[0]!.id, daily.id, true, 23, iso(2026, 1, 1, 8), iso(2026, 1, 23, 8)]]);
    expect((await later.ok('alarms/pending', {})).map((a) => [a.id, a.missedCount])).toEqual([
      [pending[1]!.id, 6],
      [pending[0]!.id, 23],
    ]);
  });

  test('dismiss clears every merged occurrence; a clock set back rings none of them again', async () => {
    const first = start(local(2026, 1, 1, 7, 0));
    const daily = await first.ok('reminders/create', reminder);
    const weekly = await first.ok('reminders/create', weeklyInput);
    await stop(first);

    const back = start(local(2026, 1, 22, 7, 0));
    await nextTurn();
    const [d, w] = back.fired;
    expect(await back.ok('alarms/dismiss', { id: d!.id })).toEqual({ id: d!.id });
    expect(back.changed.at(-1)!.map((a) => [a.refId, a.missedCount])).toEqual([[weekly.id, 6]]);
    await back.ok('alarms/dismiss', { id: w!.id });
    expect(await back.ok('alarms/pending', {})).toEqual([]);
    await stop(back);

    // The clock is set back to the 10th and runs to the 22nd again: every occurrence was fired once.
    const setBack = start(local(2026, 1, 10, 7, 0));
    await nextTurn();
    setBack.advance(12 * DAY);
    expect(setBack.fired).toEqual([]);
    expect(await setBack.ok('alarms/pending', {})).toEqual([]);
    // Past the old "now" the next occurrence rings on time, by itself.
    setBack.advance(1 * DAY + 2 * MIN);
    expect(setBack.fired.map(summary)).toEqual([[daily.id, false, 1, iso(2026, 1, 22, 8), iso(2026, 1, 22, 8)]]);
  });

  test('snooze makes the merged alarm ring once more, as one, also when the snooze ends while the app is closed', async () => {
    const first = start(local(2026, 1, 1, 7, 0));
    const daily = await first.ok('reminders/create', reminder);
    await stop(first);

    const back = start(local(2026, 1, 6, 7, 0)); // the 1st to the 5th missed
    await nextTurn();
    const merged = back.fired[0]!;
    expect(summary(merged)).toEqual([daily.id, true, 5, iso(2026, 1, 1, 8), iso(2026, 1, 5, 8)]);
    const snoozed = await back.ok('alarms/snooze', { id: merged.id, minutes: 30 });
    expect(snoozed).toMatchObject({ id: merged.id, missedCount: 5, snoozedUntil: iso(2026, 1, 6, 7, 30) });
    expect(back.changed.at(-1)!.map((a) => [a.id, a.snoozedUntil])).toEqual([[merged.id, iso(2026, 1, 6, 7, 30)]]);
    back.advance(29 * MIN);
    expect(back.fired).toHaveLength(1);
    back.advance(1 * MIN);
    expect(back.fired.map((a) => [a.id, a.missedCount, a.firstOccursAt, a.occursAt, a.snoozedUntil, a.firedAt])).toEqual([
      [merged.id, 5, merged.firstOccursAt, merged.occursAt, null, merged.firedAt],
      [merged.id, 5, iso(2026, 1, 1, 8), iso(2026, 1, 5, 8), null, iso(2026, 1, 6, 7, 30)],
    ]);
    back.advance(20 * MIN); // 07:50: nothing else
    expect(back.fired).toHaveLength(2);

    // Snoozed for an hour and closed; started at 09:00: the merged alarm rings once, late, and the
    // 6th's 08:00 missed meanwhile joins it.
    await back.ok('alarms/snooze', { id: merged.id, minutes: 60 });
    await stop(back);
    const later = start(local(2026, 1, 6, 9, 0));
    await nextTurn();
    expect(later.fired.map((a) => [a.id, ...summary(a)])).toEqual([[merged.id, daily.id, true, 6, iso(2026, 1, 1, 8), iso(2026, 1, 6, 8)]]);
    later.advance(2 * 60 * MIN);
    expect(later.fired).toHaveLength(1);
    await later.ok('alarms/dismiss', { id: merged.id });
    expect(await later.ok('alarms/pending', {})).toEqual([]);
  });

  test('alarms that ring on time ring one by one while a late one waits', async () => {
    const first = start(local(2026, 1, 1, 7, 0));
    const daily = await first.ok('reminders/create', reminder);
    await stop(first);

    const back = start(local(2026, 1, 4, 7, 0));
    await nextTurn();
    const once = await back.ok('reminders/create', { subject: 'تماس با بانک', date: '2026-01-04', time: '07:20' });
    back.advance(60 * MIN + 1000); // 07:20 and 08:00 ring on time
    back.advance(DAY); // and the 5th's 08:00
    expect(back.fired.map(summary)).toEqual([
      [daily.id, true, 3, iso(2026, 1, 1, 8), iso(2026, 1, 3, 8)],
      [once.id, false, 1, iso(2026, 1, 4, 7, 20), iso(2026, 1, 4, 7, 20)],
      [daily.id, false, 1, iso(2026, 1, 4, 8), iso(2026, 1, 4, 8)],
      [daily.id, false, 1, iso(2026, 1, 5, 8), iso(2026, 1, 5, 8)],
    ]);
    expect(new Set(back.fired.map((a) => a.id)).size).toBe(4);
    expect((await back.ok('alarms/pending', {})).map((a) => [a.refId, a.missedCount, a.late])).toEqual([
      [daily.id, 3, true],
      [once.id, 1, false],
      [daily.id, 1, false],
      [daily.id, 1, false],
    ]);
  });

  test("clock/advance with 'away' jumps as a sleeping computer would: the missed repeats ring as one late alarm", async () => {
    const e = testEngine(dir, undefined, { testClock: true }); // real time plus an offset, real timers
    open.push(e);
    const fired: Alarm[] = [];
    e.subscribe((ev) => {
      if (ev.name === 'alarms/fired') fired.push(...ev.payload.alarms);
    });
    const soon = new Date(Date.now() + 2 * 60 * MIN);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${soon.getFullYear()}-${pad(soon.getMonth() + 1)}-${pad(soon.getDate())}`;
    const r = await e.ok('reminders/create', { subject: 'روزانه', date, time: `${pad(soon.getHours())}:${pad(soon.getMinutes())}`, repeat: { kind: 'daily' } });
    await e.ok('clock/advance', { ms: 14 * DAY, away: true });
    expect(fired.map((a) => [a.refId, a.late, a.missedCount, Date.parse(a.occursAt) - Date.parse(a.firstOccursAt)])).toEqual([[r.id, true, 14, 13 * DAY]]);
  });

  test('a cheque due warning and a contact’s birthdays missed: one late alarm each, per cheque and per contact', async () => {
    const first = start(local(2026, 3, 1, 12, 0));
    await first.ok('alarms/settings-update', { birthdayTime: '09:00', sound: true });
    const sara = await first.ok('contacts/create', { firstName: 'سارا', birthDate: '1996-03-20' }); // 1 Farvardin
    const cheque = { direction: 'received' as const, bankCode: 'mellat' as const, amount: 12_500_000, partyName: 'مریم احمدی', purpose: 'اجاره' };
    const c1 = await first.ok('cheques/create', { ...cheque, dueDate: '2026-03-10' });
    const c2 = await first.ok('cheques/create', { ...cheque, dueDate: '2026-04-10', partyName: 'پخش البرز' });
    await stop(first);

    const back = start(local(2027, 4, 1, 12, 0)); // thirteen months away: two birthdays, both warnings
    await nextTurn();
    const farvardin1406 = parseDateInput('1406/01/01', 'jalali')!;
    const [y, m, d] = farvardin1406.split('-').map(Number) as [number, number, number];
    expect(back.fired.map((a) => [a.source, ...summary(a)])).toEqual([
      ['cheque', c1.id, true, 1, iso(2026, 3, 10, 9), iso(2026, 3, 10, 9)],
      ['cheque', c2.id, true, 1, iso(2026, 4, 10, 9), iso(2026, 4, 10, 9)],
      ['birthday', sara.id, true, 2, iso(2026, 3, 21, 9), iso(y, m, d, 9)],
    ]);
    expect(back.fired[2]!.title).toBe('تولد \u2068سارا\u2069 (۳۱ سالگی)'); // the last one's age
    await back.ok('alarms/dismiss', { id: back.fired[2]!.id });
    expect((await back.ok('alarms/pending', {})).map((a) => a.refId)).toEqual([c1.id, c2.id]);
  });
});
