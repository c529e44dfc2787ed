/**
 * Alarms through the whole engine on a real SQLite file, with the clock and the scheduler's timers
 * injected (manual: time moves only when the test says so): a year of repeats in milliseconds, alarms
 * missed while closed, snooze, dismiss, a clock set back, birthdays, and the test clock.
 */
import type { Alarm } from '../../src/shared/contract/reminders';
import { alarmEngine, nextTurn } from '../helpers/alarm-engine';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const MIN = 60_000;
const DAY = 86_400_000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

const engineAt = alarmEngine;

describe('alarms', () => {
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
  const reminder = { subject: 'یادآوری', date: '2026-01-01', time: '08:00' };

  test('a year of daily and weekly repeats: every occurrence rings once, at its time, in order', async () => {
    const e = start(local(2026, 1, 1, 0, 0));
    const daily = await e.ok('reminders/create', { ...reminder, subject: 'روزانه', repeat: { kind: 'daily' } });
    const weekly = await e.ok('reminders/create', {
      ...reminder,
      subject: 'هفتگی',
      time: '17:30',
      repeat: { kind: 'weekly', days: [0, 4] },
      alarmMinutesBefore: 15,
    });
    e.advance(365 * DAY);

    const want: { refId: number; occursAt: string; at: number }[] = [];
    for (let d = 0; d < 365; d++) {
      const day = local(2026, 1, 1 + d);
      want.push({ refId: daily.id, occursAt: local(2026, 1, 1 + d, 8, 0).toISOString(), at: local(2026, 1, 1 + d, 8, 0).getTime() });
      // Iranian week: Saturday is JS day 6, Wednesday is JS day 3.
      if (day.getDay() === 6 || day.getDay() === 3) {
        want.push({ refId: weekly.id, occursAt: local(2026, 1, 1 + d, 17, 30).toISOString(), at: local(2026, 1, 1 + d, 17, 15).getTime() });
      }
    }
    expect(e.fired.map((a) => ({ refId: a.refId, occursAt: a.occursAt, at: Date.parse(a.firedAt) }))).toEqual(want);
    expect(e.fired.every((a) => !a.late && a.source === 'reminder')).toBe(true);
    expect(new Set(e.fired.map((a) => a.id)).size).toBe(want.length);
    expect(want.length).toBe(365 + 104);
    expect((await e.ok('alarms/pending', {})).length).toBe(want.length);
  });

  test('alarms that fell due while the app was closed ring at the next start, late, in order, once', async () => {
    const first = start(local(2026, 1, 1, 7, 0));
    const daily = await first.ok('reminders/create', { ...reminder, subject: 'روزانه', time: '07:30', repeat: { kind: 'daily' } });
    const once = await first.ok('reminders/create', { ...reminder, subject: 'یک‌بار', time: '08:00', place: 'اتاق ۲', note: 'مدارک' });
    await first.close();

    const second = start(local(2026, 1, 3, 9, 0)); // two days later
    expect(second.fired).toEqual([]); // the event goes out on the next turn, once the creator has subscribed
    await nextTurn();
    // The daily reminder's three missed repeats ring as one alarm (the last, with the count and the first).
    const want = [
      [once.id, local(2026, 1, 1, 8, 0), 1, local(2026, 1, 1, 8, 0)],
      [daily.id, local(2026, 1, 3, 7, 30), 3, local(2026, 1, 1, 7, 30)],
    ] as const;
    expect(second.fired.map((a) => [a.refId, a.occursAt, a.late, a.missedCount, a.firstOccursAt])).toEqual(
      want.map(([id, t, n, f]) => [id, t.toISOString(), true, n, f.toISOString()]),
    );
    expect(second.fired[0]).toMatchObject({
      title: 'یک‌بار',
      place: 'اتاق ۲',
      note: 'مدارک',
      firedAt: local(2026, 1, 3, 9, 0).toISOString(),
      snoozedUntil: null,
    });
    expect((await second.ok('alarms/pending', {})).map((a) => a.id)).toEqual(second.fired.map((a) => a.id));
    await second.close();

    const third = start(local(2026, 1, 3, 9, 5));
    await nextTurn();
    expect(third.fired).toEqual([]);
    expect(await third.ok('alarms/pending', {})).toHaveLength(2);
  });

  test('snooze: it rings again when the snooze ends, also across a restart; dismiss: never again', async () => {
    const e = start(local(2026, 1, 1, 7, 59));
    await e.ok('reminders/create', reminder);
    e.advance(1 * MIN);
    expect(e.fired).toHaveLength(1);
    const a = e.fired[0]!;
    expect(a).toMatchObject({ title: 'یادآوری', occursAt: local(2026, 1, 1, 8, 0).toISOString(), late: false });

    const snoozed = await e.ok('alarms/snooze', { id: a.id, minutes: 10 });
    expect(snoozed.snoozedUntil).toBe(local(2026, 1, 1, 8, 10).toISOString());
    expect(e.changed.at(-1)!.map((x) => [x.id, x.snoozedUntil])).toEqual([[a.id, snoozed.snoozedUntil]]);
    e.advance(9 * MIN + 59_000);
    expect(e.fired).toHaveLength(1);
    e.advance(1000);
    expect(e.fired).toHaveLength(2);
    expect(e.fired[1]).toMatchObject({ id: a.id, snoozedUntil: null, late: false, firedAt: local(2026, 1, 1, 8, 10).toISOString() });

    // Snoozed, then the app closes; the snooze ends while it is closed.
    await e.ok('alarms/snooze', { id: a.id, minutes: 5 });
    await e.close();
    const again = start(local(2026, 1, 1, 9, 0));
    await nextTurn();
    expect(again.fired.map((x) => [x.id, x.late])).toEqual([[a.id, true]]);

    expect(await again.ok('alarms/dismiss', { id: a.id })).toEqual({ id: a.id });
    expect(again.changed.at(-1)).toEqual([]);
    expect(await again.ok('alarms/pending', {})).toEqual([]);
    expect(await again.ok('alarms/dismiss', { id: a.id })).toEqual({ id: a.id }); // twice (two windows) is fine
    const f = await again.fail('alarms/snooze', { id: a.id, minutes: 5 }, 'en');
    expect([f.code, f.message]).toEqual(['not_found', 'This alarm was not found.']);
    expect((await again.fail('alarms/dismiss', { id: 9999 })).code).toBe('not_found');
    again.advance(2 * DAY);
    expect(again.fired.filter((x) => x.id === a.id)).toHaveLength(1);
  });

  test('a clock set back an hour does not ring the same alarm again', async () => {
    const e = start(local(2026, 1, 1, 7, 59));
    await e.ok('reminders/create', { ...reminder, repeat: { kind: 'daily' } });
    e.advance(2 * MIN);
    expect(e.fired).toHaveLength(1);
    e.setSkew(-60 * MIN); // the user sets the clock back to 07:01
    await e.ok('reminder-groups/list', {});
    await e.ok('reminders/create', { ...reminder, subject: 'دیگر', date: '2026-01-05' }); // pokes the scheduler
    e.advance(2 * 60 * MIN);
    expect(e.fired).toHaveLength(1);
    e.advance(DAY);
    expect(e.fired.map((a) => a.occursAt)).toEqual([local(2026, 1, 1, 8, 0).toISOString(), local(2026, 1, 2, 8, 0).toISOString()]);
  });

  test('editing a reminder updates its pending alarm; deleting removes it; past times never ring', async () => {
    const e = start(local(2026, 1, 1, 9, 0));
    const past = await e.ok('reminders/create', { ...reminder, subject: 'جلسهٔ دیروز', date: '2025-12-31' });
    const r = await e.ok('reminders/create', { ...reminder, time: '09:30' });
    e.advance(40 * MIN);
    expect(e.fired.map((a) => a.refId)).toEqual([r.id]);
    await e.ok('reminders/update', { id: past.id, data: { ...reminder, subject: 'جلسهٔ امروز صبح', time: '08:00' } }); // still in the past
    await e.ok('reminders/update', { id: r.id, data: { ...reminder, time: '09:30', subject: 'موضوع تازه', place: 'سالن' } });
    expect(e.changed.at(-1)!.map((a) => [a.title, a.place])).toEqual([['موضوع تازه', 'سالن']]);
    expect(e.fired).toHaveLength(1); // same occurrence: not rung again
    await e.ok('reminders/delete', { id: r.id });
    expect(e.changed.at(-1)).toEqual([]);
    expect(await e.ok('alarms/pending', {})).toEqual([]);
    // No alarm, no ring.
    await e.ok('reminders/create', { ...reminder, time: '10:00', alarmMinutesBefore: null });
    e.advance(DAY);
    expect(e.fired).toHaveLength(1);
  });

  test('birthdays ring at the birthday time on the Jalali anniversary; settings persist', async () => {
    const e = start(local(2026, 3, 20, 12, 0));
    expect(await e.ok('alarms/settings', {})).toEqual({ birthdayTime: '09:00', sound: true });
    const c = await e.ok('contacts/create', { firstName: 'سارا', birthDate: '1996-03-20' }); // 1 Farvardin 1375
    e.advance(DAY);
    expect(e.fired.map((a) => [a.source, a.refId, a.contactId, a.title, a.occursAt])).toEqual([
      ['birthday', c.id, c.id, 'تولد \u2068سارا\u2069 (۳۰ سالگی)', local(2026, 3, 21, 9, 0).toISOString()], // 1 Farvardin 1405
    ]);
    await e.ok('alarms/settings-update', { birthdayTime: null, sound: false });
    e.advance(400 * DAY);
    expect(e.fired).toHaveLength(1);
    await e.close();
    const again = start(local(2027, 4, 25, 12, 0));
    expect(await again.ok('alarms/settings', {})).toEqual({ birthdayTime: null, sound: false });
  });

  test('a contact imported after its birthday alarm time does not ring late; one due later does', async () => {
    const e = start(local(2026, 3, 21, 10, 0));
    await e.ok('alarms/settings-update', { birthdayTime: '09:00', sound: true });
    await e.ok('contacts/create', { firstName: 'دیرآمده', birthDate: '1996-03-20' }); // today, 09:00 has passed
    await e.ok('contacts/create', { firstName: 'فردا', birthDate: '1990-03-22' }); // 2 Farvardin 1369: tomorrow, 2 Farvardin 1405
    e.advance(2 * DAY);
    expect(e.fired.map((a) => a.title)).toEqual(['تولد \u2068فردا\u2069 (۳۶ سالگی)']);
  });

  test('clock/advance: not_found without a test clock; with one, each alarm on the way rings at its time', async () => {
    const plain = start(local(2026, 1, 1, 7, 0));
    const f = await plain.fail('clock/advance', { ms: 1000 }, 'fa');
    expect([f.code, f.message]).toEqual(['not_found', 'ساعت آزمایشی روشن نیست؛ منشی را با MONSHI_TEST_CLOCK=1 اجرا کنید.']);
    expect((await plain.fail('clock/advance', { ms: 1000 }, 'en')).message).toMatch(/test clock is off/);
    await plain.close();

    const e = testEngine(dir, undefined, { testClock: true }); // real time plus an offset, real timers
    open.push(e);
    const fired: Alarm[] = [];
    e.subscribe((ev) => {
      if (ev.name === 'alarms/fired') fired.push(...ev.payload.alarms);
    });
    const now = new Date();
    const inTwoHours = new Date(now.getTime() + 2 * 60 * MIN);
    const pad = (n: number) => String(n).padStart(2, '0');
    const date = `${inTwoHours.getFullYear()}-${pad(inTwoHours.getMonth() + 1)}-${pad(inTwoHours.getDate())}`;
    await e.ok('reminders/create', {
      subject: 'روزانه',
      date,
      time: `${pad(inTwoHours.getHours())}:${pad(inTwoHours.getMinutes())}`,
      repeat: { kind: 'daily' },
      alarmMinutesBefore: 5,
    });
    const { now: after } = await e.ok('clock/advance', { ms: 3 * DAY });
    expect(Date.parse(after) - now.getTime()).toBeGreaterThanOrEqual(3 * DAY);
    expect(Date.parse(after) - now.getTime()).toBeLessThan(3 * DAY + 5000);
    expect(fired).toHaveLength(3);
    expect(fired.every((a) => !a.late && Date.parse(a.occursAt) - Date.parse(a.firedAt) === 5 * MIN)).toBe(true);
    const snoozed = await e.ok('alarms/snooze', { id: fired[0]!.id, minutes: 10 });
    await e.ok('clock/advance', { ms: 10 * MIN });
    expect(fired.at(-1)).toMatchObject({ id: snoozed.id, snoozedUntil: null, late: false });
  });
});
