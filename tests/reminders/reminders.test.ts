/**
 * The reminder book in the engine on a real SQLite file: CRUD with validation errors naming their
 * field in Persian and English, groups, occurrences of every repeat across Jalali month ends and the
 * leap Esfand, birthdays on their Jalali anniversary, text/group/kind filters and the 2000 cap.
 */
// Dates and times are local (the process's time zone, as in the office); expectations are built with
// local Date constructors so the suite passes in any zone without daylight saving.
import { toGregorian, toJalaali, jalaaliMonthLength } from 'jalaali-js';
import type { EventMap } from '../../src/shared/contract/api';
import type { ReminderInput } from '../../src/shared/contract/reminders';
import { manualTimers } from '../helpers/manual-timers';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const pad = (n: number) => String(n).padStart(2, '0');
const jalali = (jy: number, jm: number, jd: number) => {
  const g = toGregorian(jy, jm, Math.min(jd, jalaaliMonthLength(jy, jm)));
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
};

describe('reminder book', () => {
  let dir: string;
  let e: TestEngine;
  const events: { name: string; payload: unknown }[] = [];
  const start = new Date(2026, 10, 21, 8, 0); // 1405/08/30 08:00 Tehran

  beforeEach(() => {
    dir = tempDir();
    const t = manualTimers(start.getTime());
    e = testEngine(dir, () => new Date(t.now()), { timers: t.timers });
    events.length = 0;
    e.subscribe((ev) => events.push(ev));
  });
  afterEach(async () => {
    await e.close();
    removeDir(dir);
  });

  const base: ReminderInput = { subject: 'جلسه با مشاور', date: '2026-11-22', time: '10:30' };
  const dates = async (q: { from: string; to: string; [k: string]: unknown }) =>
    (await e.ok('reminders/occurrences', q)).items.map((o) => `${o.date} ${o.time}`);

  test('create, read, update and delete; each change says reminders/changed', async () => {
    const ali = await e.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی' });
    const group = await e.ok('reminder-groups/create', { name: 'مالیات', color: '#aa3300' });
    events.length = 0;
    const r = await e.ok('reminders/create', {
      ...base,
      kind: 'meeting',
      note: 'مدارک سال ۱۴۰۴',
      place: 'دفتر مرکزی',
      groupId: group.id,
      participantIds: [ali.id],
      alarmMinutesBefore: 15,
    });
    expect(r).toMatchObject({
      kind: 'meeting',
      subject: 'جلسه با مشاور',
      note: 'مدارک سال ۱۴۰۴',
      place: 'دفتر مرکزی',
      groupId: group.id,
      date: '2026-11-22',
      time: '10:30',
      repeat: { kind: 'none' },
      until: null,
      alarmMinutesBefore: 15,
      group: { id: group.id, name: 'مالیات', color: '#aa3300' },
      participants: [{ id: ali.id, displayName: 'علی رضایی' }],
      next: new Date(2026, 10, 22, 10, 30).toISOString(),
    });
    expect(events.map((x) => x.name)).toEqual(['reminders/changed']);
    expect(await e.ok('reminder-groups/list', {})).toEqual([{ id: group.id, name: 'مالیات', color: '#aa3300', count: 1 }]);

    // An update changes what it carries (issue 13): the group, the participants and the alarm are cleared by saying so.
    const u = await e.ok('reminders/update', {
      id: r.id,
      data: {
        ...base,
        subject: 'جلسهٔ مالیاتی',
        repeat: { kind: 'weekly', days: [4, 0, 4] },
        until: '2026-12-31',
        groupId: null,
        participantIds: [],
        alarmMinutesBefore: 0,
      },
    });
    expect(u).toMatchObject({
      subject: 'جلسهٔ مالیاتی',
      repeat: { kind: 'weekly', days: [0, 4], every: 1 },
      groupId: null,
      participants: [],
      alarmMinutesBefore: 0,
    });
    expect(u.next).toBe(new Date(2026, 10, 25, 10, 30).toISOString()); // Wednesday after Sunday the 22nd
    expect((await e.ok('reminders/get', { id: r.id })).subject).toBe('جلسهٔ مالیاتی');

    expect(await e.ok('reminders/delete', { id: r.id })).toEqual({ id: r.id });
    const gone = await e.fail('reminders/get', { id: r.id }, 'en');
    expect(gone.code).toBe('not_found');
    expect(gone.message).toMatch(/reminder was not found/);
    expect((await e.fail('reminders/delete', { id: r.id })).code).toBe('not_found');
    expect(events.filter((x) => x.name === 'reminders/changed')).toHaveLength(3);
  });

  test('validation errors name the field, in Persian and in English', async () => {
    const ali = await e.ok('contacts/create', { firstName: 'علی' });
    const cases: [ReminderInput, string, RegExp, RegExp][] = [
      [{ ...base, repeat: { kind: 'daily' }, until: '2026-11-01' }, 'until', /تکرار تا/, /repeat until/],
      [{ ...base, groupId: 999 }, 'groupId', /گروه یادآوری/, /reminder group/],
      [{ ...base, participantIds: [ali.id, 999] }, 'participantIds.1', /ردیف ۲/, /Participant 2/],
      [{ ...base, repeat: { kind: 'weekly', days: [] } }, 'repeat.days', /روزهای هفته/, /days of the week/],
      [{ ...base, subject: '   ' }, 'subject', /موضوع/, /subject/],
      [{ ...base, date: '2026-02-30' }, 'date', /تاریخ/, /date/],
      [{ ...base, time: '24:00' }, 'time', /ساعت/, /time/],
      [{ ...base, repeat: { kind: 'yearly', month: 7, day: 31 } }, 'repeat.day', /مهر روز ۳۱ ندارد/, /Mehr has no day 31/],
    ];
    for (const [input, field, fa, en] of cases) {
      const f = await e.fail('reminders/create', input, 'fa');
      expect([field, f.code, f.field]).toEqual([field, 'validation', field]);
      expect(f.message).toMatch(fa);
      expect((await e.fail('reminders/create', input, 'en')).message).toMatch(en);
    }
    const far = await e.fail('reminders/occurrences', { from: '2026-01-01', to: '2027-03-01' }, 'en');
    expect([far.code, far.field]).toEqual(['validation', 'to']);
    expect(far.message).toMatch(/at most 400 days.*to date/);
    expect((await e.fail('reminders/occurrences', { from: '2026-01-01', to: '2027-03-01' }, 'fa')).message).toMatch(/۴۰۰ روز.*تا تاریخ/);
    expect((await e.fail('reminders/occurrences', { from: '2026-02-01', to: '2026-01-01' })).field).toBe('to');
    expect((await e.ok('reminders/occurrences', { from: '2026-01-01', to: '2027-02-05' })).items).toEqual([]); // exactly 400 days is allowed
  });

  test('groups: unique folded names, counts, and a deleted group leaves its reminders without one', async () => {
    const g = await e.ok('reminder-groups/create', { name: 'مشتری‌ها' });
    expect(g).toEqual({ id: g.id, name: 'مشتری‌ها', color: '#1f5fa8', count: 0 });
    const dup = await e.fail('reminder-groups/create', { name: 'مشتريها' }, 'en'); // Arabic ي, no ZWNJ: the same name
    expect([dup.code, dup.field]).toEqual(['conflict', 'name']);
    const r = await e.ok('reminders/create', { ...base, groupId: g.id });
    expect(await e.ok('reminder-groups/update', { id: g.id, data: { name: 'مشتریان', color: '#00aa00' } })).toEqual({
      id: g.id,
      name: 'مشتریان',
      color: '#00aa00',
      count: 1,
    });
    await e.ok('reminder-groups/delete', { id: g.id });
    expect((await e.ok('reminders/get', { id: r.id })).group).toBeNull();
    expect((await e.fail('reminder-groups/delete', { id: g.id })).code).toBe('not_found');
  });

  test('a deleted contact drops out of the participants', async () => {
    const a = await e.ok('contacts/create', { firstName: 'علی' });
    const b = await e.ok('contacts/create', { firstName: 'مریم' });
    const r = await e.ok('reminders/create', { ...base, participantIds: [b.id, a.id] });
    expect(r.participants.map((p) => p.displayName)).toEqual(['مریم', 'علی']);
    await e.ok('contacts/delete', { id: b.id });
    expect((await e.ok('reminders/get', { id: r.id })).participants).toEqual([{ id: a.id, displayName: 'علی' }]);
  });

  test('monthly on the 31st: 31 Shahrivar, then the last day of 30-day months and of Esfand', async () => {
    await e.ok('reminders/create', { ...base, date: jalali(1405, 6, 31), time: '09:00', repeat: { kind: 'monthly', day: 31 } });
    const got = await dates({ from: '2026-09-01', to: '2027-05-01' });
    const want = [
      [1405, 6],
      [1405, 7],
      [1405, 8],
      [1405, 9],
      [1405, 10],
      [1405, 11],
      [1405, 12],
      [1406, 1],
    ].map(([y, m]) => `${jalali(y!, m!, 31)} 09:00`);
    expect(got).toEqual(want);
    expect(got[1]).toBe('2026-10-22 09:00'); // 30 Mehr: Mehr has 30 days
    expect(got[6]).toBe('2027-03-20 09:00'); // 29 Esfand 1405 (a common year)
  });

  test('monthly on the 30th and yearly on 30 Esfand: the leap Esfand has it, the common one falls back to the 29th', async () => {
    await e.ok('reminders/create', { ...base, subject: 'ماهانه', date: '2025-02-19', time: '08:00', repeat: { kind: 'monthly', day: 30 } });
    await e.ok('reminders/create', { ...base, subject: 'سالانه', date: '2025-03-20', time: '12:00', repeat: { kind: 'yearly', month: 12, day: 30 } });
    const all = (await e.ok('reminders/occurrences', { from: '2025-02-19', to: '2026-03-25' })).items;
    const monthly = all.filter((o) => o.subject === 'ماهانه').map((o) => o.date);
    expect(monthly).toHaveLength(13);
    expect(monthly).toContain('2025-03-20'); // 30 Esfand 1403 (leap)
    expect(monthly[monthly.length - 1]).toBe('2026-03-20'); // 29 Esfand 1404 (common)
    expect(all.filter((o) => o.subject === 'سالانه').map((o) => o.date)).toEqual(['2025-03-20', '2026-03-20']);
  });

  test('daily every 3 days until a date; weekly on Saturday and Wednesday every other week', async () => {
    await e.ok('reminders/create', {
      ...base,
      subject: 'هر سه روز',
      date: '2026-11-21',
      time: '07:00',
      repeat: { kind: 'daily', every: 3 },
      until: '2026-12-03',
    });
    await e.ok('reminders/create', {
      ...base,
      subject: 'هفتگی',
      date: '2026-11-21',
      time: '16:00',
      repeat: { kind: 'weekly', days: [0, 4], every: 2 },
      until: '2026-12-31',
    });
    const items = (await e.ok('reminders/occurrences', { from: '2026-11-20', to: '2027-01-31' })).items;
    expect(items.filter((o) => o.subject === 'هر سه روز').map((o) => o.date)).toEqual(['2026-11-21', '2026-11-24', '2026-11-27', '2026-11-30', '2026-12-03']);
    expect(items.filter((o) => o.subject === 'هفتگی').map((o) => o.date)).toEqual([
      '2026-11-21',
      '2026-11-25',
      '2026-12-05',
      '2026-12-09',
      '2026-12-19',
      '2026-12-23',
    ]);
    // Time order across reminders; each occurrence carries its instant.
    expect(items.map((o) => o.at)).toEqual([...items.map((o) => o.at)].sort());
    expect(items[0]).toMatchObject({ at: new Date(2026, 10, 21, 7, 0).toISOString(), repeats: true, age: null, source: 'reminder' });
  });

  test('birthdays come in on the Jalali anniversary, with the age, at the birthday alarm time', async () => {
    // Born 1 Farvardin 1375 = 1996-03-20; 1 Farvardin 1405 is 2026-03-21, not the Gregorian 20 March.
    const c = await e.ok('contacts/create', { firstName: 'سارا', lastName: 'احمدی', birthDate: '1996-03-20' });
    events.length = 0;
    const leap = await e.ok('contacts/create', { firstName: 'نیما', birthDate: jalali(1403, 12, 30) });
    expect(events.map((x) => x.name)).toEqual(['contacts/changed', 'reminders/changed']);
    const items = (await e.ok('reminders/occurrences', { from: '2026-03-01', to: '2026-03-31' })).items;
    expect(items.map((o) => [o.source, o.refId, o.date, o.time, o.age, o.kind])).toEqual([
      ['birthday', leap.id, '2026-03-20', '09:00', 1, 'birthday'], // 29 Esfand 1404: the common year's last day
      ['birthday', c.id, '2026-03-21', '09:00', 30, 'birthday'],
    ]);
    expect(items[1]!.subject).toBe('تولد \u2068سارا احمدی\u2069');
    expect(items[1]!.participants).toEqual([{ id: c.id, displayName: 'سارا احمدی' }]);
    expect((await e.ok('reminders/occurrences', { from: '2026-03-01', to: '2026-03-31' }, 'en')).items[1]!.subject).toBe('\u2068سارا احمدی\u2069’s birthday');
    const j = toJalaali(2026, 3, 21);
    expect([j.jm, j.jd]).toEqual([1, 1]);

    await e.ok('alarms/settings-update', { birthdayTime: '07:45', sound: true });
    expect((await e.ok('reminders/occurrences', { from: '2026-03-21', to: '2026-03-21' })).items[0]).toMatchObject({
      time: '07:45',
      at: new Date(2026, 2, 21, 7, 45).toISOString(),
    });
    await e.ok('alarms/settings-update', { birthdayTime: null, sound: false });
    expect((await e.ok('reminders/occurrences', { from: '2026-03-21', to: '2026-03-21' })).items[0]!.time).toBe('09:00');
    expect((await e.ok('reminders/occurrences', { from: '2026-03-01', to: '2026-03-31', includeBirthdays: false })).items).toEqual([]);
    // Across the turn of the Gregorian year, and none before the birth.
    const baby = await e.ok('contacts/create', { firstName: 'نوزاد', birthDate: '2026-12-25' });
    expect(
      (await e.ok('reminders/occurrences', { from: '2026-12-01', to: '2027-12-31' })).items.filter((o) => o.refId === baby.id).map((o) => [o.date, o.age]),
    ).toEqual([[jalali(1406, 10, 4), 1]]);
  });

  test('search by words of subject, note, place and participants (folded), by group and by kind', async () => {
    const ali = await e.ok('contacts/create', { firstName: 'علی', lastName: 'کریمی', birthDate: '1980-11-25' });
    const g = await e.ok('reminder-groups/create', { name: 'بانک' });
    await e.ok('reminders/create', { ...base, subject: 'پیگیری وام', note: 'مدارك بانكي', groupId: g.id, kind: 'task' });
    await e.ok('reminders/create', { ...base, subject: 'جلسه هیئت‌مدیره', place: 'سالن شماره ۲', kind: 'meeting', time: '09:00' });
    await e.ok('reminders/create', { ...base, subject: 'ناهار', participantIds: [ali.id], time: '13:00' });
    const q = { from: '2026-11-20', to: '2026-11-30' };
    const subjects = async (extra: Record<string, unknown>) => (await e.ok('reminders/occurrences', { ...q, ...extra })).items.map((o) => o.subject);
    expect(await subjects({})).toEqual(['جلسه هیئت‌مدیره', 'پیگیری وام', 'ناهار', 'تولد \u2068علی کریمی\u2069']);
    expect(await subjects({ text: 'مدارک بانکی' })).toEqual(['پیگیری وام']); // stored with Arabic ك/ي, typed Persian
    expect(await subjects({ text: 'هیئتمدیره' })).toEqual(['جلسه هیئت‌مدیره']); // ZWNJ typed or not
    expect(await subjects({ text: 'سالن 2' })).toEqual(['جلسه هیئت‌مدیره']); // digits in any script
    expect(await subjects({ text: 'کریم' })).toEqual(['ناهار', 'تولد \u2068علی کریمی\u2069']); // participant and birthday by name
    expect(await subjects({ text: 'تولد' })).toEqual(['تولد \u2068علی کریمی\u2069']);
    expect(await subjects({ groupId: g.id })).toEqual(['پیگیری وام']);
    expect(await subjects({ kind: 'meeting' })).toEqual(['جلسه هیئت‌مدیره']);
    expect(await subjects({ text: 'نیست' })).toEqual([]);
  });

  test('more than 2000 occurrences: the first 2000 in time order, truncated', async () => {
    for (const time of ['08:00', '09:00', '10:00', '11:00', '12:00', '13:00']) {
      await e.ok('reminders/create', { ...base, subject: time, date: '2026-01-01', time, repeat: { kind: 'daily' } });
    }
    const list = await e.ok('reminders/occurrences', { from: '2026-01-01', to: '2026-12-31' });
    expect(list.truncated).toBe(true);
    expect(list.items).toHaveLength(2000);
    expect(list.items[0]!.at).toBe(new Date(2026, 0, 1, 8, 0).toISOString());
    expect(list.items[1999]!.date).toBe('2026-11-30'); // six a day: the 2000th is on day 334
    const small = await e.ok('reminders/occurrences', { from: '2026-01-01', to: '2026-01-31' });
    expect([small.items.length, small.truncated]).toEqual([186, false]);
  });

  test('events: reminders/changed on group changes too', async () => {
    const g = await e.ok('reminder-groups/create', { name: 'الف' });
    await e.ok('reminder-groups/update', { id: g.id, data: { name: 'ب' } });
    await e.ok('reminder-groups/delete', { id: g.id });
    const changed = events.filter((x): x is { name: 'reminders/changed'; payload: EventMap['reminders/changed'] } => x.name === 'reminders/changed');
    expect(changed).toHaveLength(3);
  });
});
