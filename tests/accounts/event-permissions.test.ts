/**
 * What each session may hear of a pushed event (issue 18), asked of a real engine with accounts on:
 * the permission each event names, and an alarm list narrowed to the alarms the user may see (a
 * cheque's due-date alarm names the cheque: a clerk sees it, a front desk does not).
 */
import type { Alarm } from '../../src/shared/contract/reminders';
import type { EngineEvent } from '../../src/main/engine/engine';
import { EVENT_PERMISSION } from '../../src/main/accounts/event-permissions';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { deskOf, userDesk, withManager } from './accounts-setup';

let dir: string;
let e: TestEngine;
beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noAlarms: true, noLines: true });
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const alarm = (id: number, source: Alarm['source']): Alarm =>
  ({
    id,
    source,
    refId: id,
    title: `${source} ${id}`,
    occursAt: '2025-03-20T08:00:00.000Z',
    missedCount: 1,
    firstOccursAt: '2025-03-20T08:00:00.000Z',
    firedAt: '2025-03-20T08:00:00.000Z',
    late: false,
    snoozedUntil: null,
  }) as Alarm;

it('a front desk hears the reminder and birthday alarms but not the cheque one; a clerk hears all three; a stranger none', async () => {
  const { manager } = await withManager(e);
  const desk = await userDesk(e, manager, 'Sara', 'front-desk');
  const clerk = await userDesk(e, manager, 'Omid', 'clerk');
  const alarms = [alarm(1, 'reminder'), alarm(2, 'birthday'), alarm(3, 'cheque')];
  const fired: EngineEvent = { name: 'alarms/fired', payload: { alarms } };
  const ids = (ev: EngineEvent | null) => (ev && ev.name === 'alarms/fired' ? ev.payload.alarms.map((a) => a.id) : null);
  expect(ids(e.eventFor(desk.caller, fired))).toEqual([1, 2]);
  expect(ids(e.eventFor(clerk.caller, fired))).toEqual([1, 2, 3]);
  expect(e.eventFor(deskOf(e, 'stranger').caller, fired)).toBeNull();
  // Only a cheque's alarm rang: the front desk is not told anything rang.
  expect(e.eventFor(desk.caller, { name: 'alarms/fired', payload: { alarms: [alarm(3, 'cheque')] } })).toBeNull();
  // The whole list after a change: the desk's list is its own alarms (an empty list is news too).
  const changed = e.eventFor(desk.caller, { name: 'alarms/changed', payload: { alarms: [alarm(3, 'cheque')] } });
  expect(changed).toEqual({ name: 'alarms/changed', payload: { alarms: [] } });
});

it('names a permission the role table knows for every event, and the front desk hears no cheque, file or backup event', async () => {
  const { manager } = await withManager(e);
  const desk = await userDesk(e, manager, 'Sara', 'front-desk');
  // An alarm event carries a list (one reminder, so 'alarms/fired' is not empty); the others' payloads do not matter here.
  const event = (name: string) => ({ name, payload: name.startsWith('alarms/') ? { alarms: [alarm(1, 'reminder')] } : {} }) as EngineEvent;
  const heard = Object.keys(EVENT_PERMISSION).filter((name) => e.eventFor(desk.caller, event(name)) !== null);
  expect(heard.filter((n) => /^(cheque|people|attendance|holidays|backup)/.test(n))).toEqual([]);
  expect(heard).toEqual(expect.arrayContaining(['call/incoming', 'contacts/changed', 'lines/status', 'voicemail/changed', 'fax/received']));
  // The manager hears every event.
  const all = Object.keys(EVENT_PERMISSION).filter((name) => e.eventFor(manager.caller, event(name)) !== null);
  expect(all).toEqual(Object.keys(EVENT_PERMISSION));
});
