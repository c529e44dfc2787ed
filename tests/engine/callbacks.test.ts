/**
 * "To call back" (issue 19) in the engine, on a real SQLite file and the real demo line (the simulator
 * behind the real driver) on a driven clock: missed calls gather under their number in any form, a
 * call back that connects clears the number by itself, a dismissal clears it until the next missed
 * call, withheld callers are counted apart, and the range bounds the list.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import type { EngineEvent } from '../../src/main/engine/engine';
import { demoOn, demoSims } from '../helpers/demo-line';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { drivenClock } from '../helpers/manual-timers';

jest.setTimeout(60_000);

const clock = drivenClock(Date.parse('2026-12-07T09:00:00Z'));
let dir: string;
let e: TestEngine;
let lineId: number;
let aliId: number;
const events: EngineEvent[] = [];

/** A demo call that rings out unanswered: logged as missed. */
async function missed(number: string | null) {
  const before = events.length;
  await e.ok('lines/demo-call', number === null ? { lineId, format: 'private', rings: 1 } : { lineId, number, rings: 1 });
  await clock.until(
    () => events.slice(before).some((x) => x.name === 'call/updated' && x.payload.call.outcome === 'missed'),
    20_000,
    `the call from ${number ?? 'a withheld number'} to be missed`,
  );
  await clock.until(async () => (await e.ok('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle', 20_000, 'the line to be idle');
}

const list = (days = 30) => e.ok('calls/to-call-back', { days });

beforeAll(async () => {
  dir = tempDir();
  e = testEngine(dir, clock.date, { timers: clock.timers, lineFactory: demoOn(clock) });
  e.subscribe((x) => events.push(x));
  aliId = (await e.ok('contacts/create', { firstName: 'علی', lastName: 'رضایی', phones: [{ kind: 'mobile', number: '0912 123 4567' }] })).id;
  lineId = (await e.ok('lines/create', { name: 'خط نمایشی', kind: 'demo' })).id;
  await clock.until(async () => (await e.ok('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle', 20_000, 'the line');
});
afterAll(async () => {
  await clock.during(e.close());
  removeDir(dir);
});

test('missed calls gather under their number in any form; withheld callers are counted apart', async () => {
  await missed('+989121234567');
  await missed('09121234567');
  await missed('02188776655');
  await missed(null);
  const l = await list();
  expect(l.rows.map((r) => [r.numberKey, r.missed, r.contactId, r.numberDisplay])).toEqual([
    ['982188776655', 1, null, '021 8877 6655'],
    ['989121234567', 2, aliId, '0912 123 4567'],
  ]);
  expect(l.rows[1]!.contactName).toBe('علی رضایی');
  expect(Date.parse(l.rows[1]!.firstAt)).toBeLessThan(Date.parse(l.rows[1]!.lastAt));
  expect([l.total, l.withheld]).toEqual([2, 1]);
});

test('a call back that connects takes the number off the list by itself, and the log says returned', async () => {
  const row = await e.ok('calls/dial', { number: '0912 123 4567' });
  await clock.until(() => events.some((x) => x.name === 'call/updated' && x.payload.call.id === row.id && x.payload.call.outcome === 'connected'), 20_000);
  expect(demoSims.get(lineId)!.dialled.at(-1)).toBe('09121234567');
  await clock.during(e.ok('calls/hang-up', { lineId }));
  expect((await list()).rows.map((r) => r.numberKey)).toEqual(['982188776655']);
  const ali = (await e.ok('calls/list', { contactId: aliId })).rows.filter((c) => c.outcome === 'missed');
  expect(ali.map((c) => [c.returnedAt !== null, c.returnDismissed])).toEqual([
    [true, false],
    [true, false],
  ]);
});

test('dismissed: off the list, the log says dismissed, a second dismissal names the number; a new missed call brings it back', async () => {
  const before = events.length;
  expect(await e.ok('calls/dismiss-callback', { numberKey: '982188776655' })).toEqual({ dismissed: 1 });
  expect(events.slice(before).some((x) => x.name === 'calls/callbacks-changed')).toBe(true);
  expect((await list()).rows).toEqual([]);
  const acme = (await e.ok('calls/list', { text: '88776655' })).rows;
  expect(acme.map((c) => [c.outcome, c.returnDismissed])).toEqual([['missed', true]]);
  const again = await e.fail('calls/dismiss-callback', { numberKey: '982188776655' }, 'en');
  expect(again).toMatchObject({ code: 'not_found', field: 'numberKey', message: 'This number has no missed call left to call back.' });
  // The trail says who dismissed which number.
  const trail = await e.ok('audit/list', { recordType: 'callback_dismissal', from: '', to: '' });
  expect(trail.entries.map((x) => x.recordName)).toContain('982188776655');

  await missed('021 8877 6655');
  const back = await list();
  expect(back.rows.map((r) => [r.numberKey, r.missed])).toEqual([['982188776655', 1]]);
});

test('the range: a missed call older than it is not listed, a wider range shows it; a bad range names the field', async () => {
  const old = Date.parse('2026-10-01T08:00:00Z');
  const db = new Database(path.join(dir, 'monshi.sqlite'));
  db.prepare(
    `INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, number_raw, number_key, ended_at)
     VALUES (?, 'خط نمایشی', 'in', 'missed', ?, '2026-10-01', 11, '09351112233', '989351112233', ?)`,
  ).run(lineId, old, old + 20_000);
  db.close();
  expect((await list(30)).rows.map((r) => r.numberKey)).toEqual(['982188776655']);
  expect((await list(90)).rows.map((r) => [r.numberKey, r.missed])).toEqual([
    ['982188776655', 1],
    ['989351112233', 1],
  ]);
  expect(await e.fail('calls/to-call-back', { days: 12 }, 'en')).toMatchObject({ code: 'validation', field: 'days' });
});
