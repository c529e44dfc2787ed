/**
 * Call outcomes and follow-ups (issue 19) in the engine, on a real SQLite file with a manual clock and
 * timers: the office edits its outcome list (a used kind left out is archived, not lost, and a call
 * keeps naming it); an outcome is set on a call; a follow-up rings once at its due time through the
 * alarm engine, a moved one rings at its new time, a done one never, and one written for a past time
 * does not ring but lists as overdue; the dashboard and timeline reads agree; everything survives a restart.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { followupsDashboard, followupsTimelineEvents } from '../../src/main/followups/followups.desk';
import { alarmEngine } from '../helpers/alarm-engine';
import { removeDir, tempDir, type TestEngine } from '../helpers/engine';

const HOUR = 3_600_000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

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
  const e = alarmEngine(dir, at);
  open.push(e);
  return e;
};

/** A logged incoming call from `number` (as the lines write one), on a connection of its own. */
function insertCall(number: string, key: string, at: Date): number {
  const db = new Database(path.join(dir, 'monshi.sqlite'));
  try {
    const r = db
      .prepare(
        `INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, number_raw, number_key, ended_at, duration_s)
         VALUES (1, 'خط ۱', 'in', 'answered', ?, ?, ?, ?, ?, ?, 60)`,
      )
      .run(at.getTime(), at.toISOString().slice(0, 10), at.getHours(), number, key, at.getTime() + 60_000);
    return Number(r.lastInsertRowid);
  } finally {
    db.close();
  }
}

test('the outcome list is seeded, edited in order; a used kind left out is archived and its call still names it', async () => {
  const e = start(local(2026, 12, 7, 10));
  const seeded = await e.ok('followups/outcome-kinds', {});
  expect(seeded.length).toBeGreaterThanOrEqual(5);
  expect(seeded[0]).toMatchObject({ nameFa: 'پاسخ داده شد', nameEn: 'Answered the question', archived: false });
  const callId = insertCall('09121234567', '989121234567', local(2026, 12, 7, 9));
  const wrong = seeded.find((k) => k.nameEn === 'Wrong number')!;
  const d = await e.ok('followups/set-call-outcome', { callId, kindId: wrong.id });
  expect(d.outcome).toMatchObject({ id: wrong.id, nameFa: 'اشتباه گرفته بود' });

  // The office keeps two, renames one, adds one: the used "Wrong number" is archived, the unused rest deleted.
  const saved = await e.ok('followups/save-outcome-kinds', {
    kinds: [
      { id: seeded[1]!.id, nameFa: 'علاقه‌مند به خرید', nameEn: 'Wants to buy' },
      { nameFa: 'پیش‌فاکتور خواست', nameEn: 'Asked for a quote' },
      { id: seeded[0]!.id, nameFa: seeded[0]!.nameFa, nameEn: seeded[0]!.nameEn },
    ],
  });
  expect(saved.filter((k) => !k.archived).map((k) => k.nameEn)).toEqual(['Wants to buy', 'Asked for a quote', 'Answered the question']);
  expect(saved.filter((k) => k.archived).map((k) => k.nameEn)).toEqual(['Wrong number']);
  expect((await e.ok('followups/outcome-kinds', {})).map((k) => k.nameEn)).toEqual(['Wants to buy', 'Asked for a quote', 'Answered the question']);
  expect((await e.ok('followups/of-call', { callId })).outcome?.nameEn).toBe('Wrong number');
  // An archived kind cannot be chosen again; a kind that is not there names the field.
  expect(await e.fail('followups/set-call-outcome', { callId, kindId: wrong.id }, 'en')).toMatchObject({ code: 'validation', field: 'kindId' });
  expect(await e.fail('followups/set-call-outcome', { callId, kindId: 999 }, 'fa')).toMatchObject({ code: 'not_found', field: 'kindId' });
  // A name twice is refused and nothing is saved.
  const dup = await e.fail(
    'followups/save-outcome-kinds',
    {
      kinds: [
        { nameFa: 'الف', nameEn: 'A' },
        { nameFa: 'الف', nameEn: 'B' },
      ],
    },
    'en',
  );
  expect(dup).toMatchObject({ code: 'validation', field: 'kinds.1' });
  expect(dup.message).toContain('الف');
  expect((await e.ok('followups/outcome-kinds', {})).length).toBe(3);
  await e.ok('followups/set-call-outcome', { callId, kindId: saved[0]!.id });

  await e.close();
  open.splice(0);
  const again = start(local(2026, 12, 7, 11));
  expect((await again.ok('followups/of-call', { callId })).outcome?.nameEn).toBe('Wants to buy');
  expect((await again.ok('followups/outcome-kinds', { all: true })).length).toBe(4);
});

test('a follow-up on a call rings once at its time through the scheduler; a moved one at its new time; a done one never', async () => {
  const e = start(local(2026, 12, 7, 10));
  const ali = await e.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی', phones: [{ kind: 'mobile', number: '0912 123 4567' }] });
  const callId = insertCall('09121234567', '989121234567', local(2026, 12, 7, 9, 30));
  const f = await e.ok('followups/save', { callId, dueDate: '2026-12-07', dueTime: '14:30', note: 'قیمت را بفرستیم' });
  // On a call, the follow-up is with the caller's contact.
  expect(f).toMatchObject({ contactId: ali.id, contactName: 'علی رضایی', callId, dueDate: '2026-12-07', dueTime: '14:30', ownerId: null, doneAt: null });
  const other = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-07', dueTime: '16:00' });
  const done = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-07', dueTime: '15:00' });
  await e.ok('followups/set-done', { id: done.id, done: true });

  e.advance(4 * HOUR); // 14:00
  expect(e.fired).toEqual([]);
  e.advance(HOUR); // 15:00: 14:30 rang, 15:00's was done
  expect(e.fired.map((x) => [x.source, x.refId, x.firedAt, x.late])).toEqual([['followup', f.id, local(2026, 12, 7, 14, 30).toISOString(), false]]);
  expect(e.fired[0]).toMatchObject({ title: 'پیگیری: \u2068علی رضایی\u2069', note: 'قیمت را بفرستیم', contactId: ali.id });

  // Moved from 16:00 to tomorrow 09:00: it does not ring at 16:00 but at 09:00.
  await e.ok('followups/save', { id: other.id, dueDate: '2026-12-08', dueTime: '09:00', note: 'دوباره' });
  e.advance(4 * HOUR);
  expect(e.fired.length).toBe(1);
  e.advance(16 * HOUR);
  expect(e.fired.map((x) => [x.refId, x.firedAt])).toEqual([
    [f.id, local(2026, 12, 7, 14, 30).toISOString()],
    [other.id, local(2026, 12, 8, 9).toISOString()],
  ]);
  // Marking it done takes its waiting alarm away.
  expect((await e.ok('alarms/pending', {})).map((x) => x.refId).sort()).toEqual([f.id, other.id].sort());
  await e.ok('followups/set-done', { id: other.id, done: true });
  expect((await e.ok('alarms/pending', {})).map((x) => x.refId)).toEqual([f.id]);
});

test('a follow-up written for a past time does not ring but lists as overdue; today, done and the desk reads agree', async () => {
  const e = start(local(2026, 12, 7, 10));
  const ali = await e.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی' });
  const late = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-06', dueTime: '09:00', note: 'دیروز' });
  const today = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-07', dueTime: '17:00', note: 'امروز\nخط دوم' });
  const tomorrow = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-08', dueTime: '09:00' });
  const done = await e.ok('followups/save', { contactId: ali.id, dueDate: '2026-12-07', dueTime: '11:00' });
  await e.ok('followups/set-done', { id: done.id, done: true });
  e.advance(HOUR);
  expect(e.fired).toEqual([]);

  const open = await e.ok('followups/list', {});
  expect(open.rows.map((r) => r.id)).toEqual([late.id, today.id, tomorrow.id]);
  expect([open.overdue, open.today]).toEqual([1, 1]);
  // Past its time is overdue (the list shows it red) by the engine's clock, not the screen's.
  expect(open.rows.map((r) => r.state)).toEqual(['overdue', 'today', 'later']);
  expect((await e.ok('followups/list', { view: 'overdue' })).rows.map((r) => r.id)).toEqual([late.id]);
  expect((await e.ok('followups/list', { view: 'today' })).rows.map((r) => r.id)).toEqual([today.id]);
  expect((await e.ok('followups/list', { view: 'done' })).rows.map((r) => r.id)).toEqual([done.id]);

  const db = new Database(path.join(dir, 'monshi.sqlite'), { readonly: true });
  try {
    const range = { from: local(2026, 12, 7).toISOString(), to: local(2026, 12, 8).toISOString() };
    expect(followupsDashboard(db as never, range)).toEqual({ due: 1, overdue: 1, done: 1 });
    const events = followupsTimelineEvents(db as never, [ali.id], null, 10);
    expect(events.map((x) => [x.id, x.detail])).toEqual([
      [tomorrow.id, 'open'],
      [today.id, 'open'],
      [done.id, 'done'],
      [late.id, 'open'],
    ]);
    const at = local(2026, 12, 7, 17).toISOString();
    expect(events[1]).toMatchObject({ kind: 'followup', title: 'امروز', at, route: { screen: 'calls', tab: 'followups' } });
    expect(followupsTimelineEvents(db as never, [ali.id], events[1]!.at, 1).map((x) => x.id)).toEqual([done.id]);
  } finally {
    db.close();
  }
  // Bad input names the field and saves nothing; an owner who is not a user is refused.
  expect(await e.fail('followups/save', { contactId: ali.id, dueDate: '1405/09/16', dueTime: '10:00' }, 'en')).toMatchObject({ field: 'dueDate' });
  expect(await e.fail('followups/save', { contactId: ali.id, dueDate: '2026-12-09', dueTime: '10:00', ownerId: 42 }, 'en')).toMatchObject({
    code: 'not_found',
    field: 'ownerId',
  });
  expect(await e.fail('followups/save', { dueDate: '2026-12-09', dueTime: '10:00' }, 'en')).toMatchObject({ field: 'contactId' });
  expect((await e.ok('followups/list', {})).rows.length).toBe(3);
  expect(await e.ok('followups/owners', {})).toEqual([]); // the single-user office: nobody to choose
});
