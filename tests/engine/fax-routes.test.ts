/**
 * Routing of received faxes on a real engine and a real SQLite file, fed through the seam a line uses
 * (FaxLines.onReceived): the first rule in the user's order that matches names who the fax is for — by the
 * sender's number in any written form (exact or a prefix), the TSI (contained, any case) and the line; a
 * rule goes with its deleted staff file or group; bad input is refused naming the field and saves nothing;
 * the log shows and filters by who a fax is for; a routed fax rings one alarm, kept across a restart.
 */
import type { ReceivedFax } from '../../src/main/fax/fax-calls';
import type { EngineEvent } from '../../src/main/engine/engine';
import { faxLinesStandIn } from '../helpers/fax-received';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { manualTimers } from '../helpers/manual-timers';
import { nextTurn } from '../helpers/alarm-engine';

const NOW = new Date('2026-12-07T09:00:00Z').getTime();
let dir = '';
let e: TestEngine;
let fax: ReturnType<typeof faxLinesStandIn>;
let events: EngineEvent[] = [];
let t = manualTimers(NOW);

const start = (alarms = false) => {
  fax = faxLinesStandIn();
  t = manualTimers(t.now());
  e = testEngine(dir, () => new Date(t.now()), { faxLines: fax.lines, noLines: true, noAlarms: !alarms, timers: t.timers });
  e.subscribe((ev) => events.push(ev));
};
beforeEach(() => {
  dir = tempDir();
  events = [];
  t = manualTimers(NOW);
  start();
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

/** A fax as a line hands it over (no pages kept: routing looks at who sent it, not at the pages). */
function incoming(o: { number?: string | null; tsi?: string; line?: string }): ReceivedFax {
  return {
    lineId: o.line ?? '1',
    callId: null,
    callerNumber: o.number ?? null,
    report: { ok: true, reason: null, remoteId: o.tsi ?? '', pages: 0, bps: 9600, ecm: true, fine: true, startedAt: t.now(), durationMs: 30_000, trace: [] },
    pages: [],
  };
}
/** Delivers the fax and returns who the log says it is for. */
async function routedName(f: ReceivedFax): Promise<string | null> {
  fax.deliver(f);
  const row = (await e.ok('fax/log', { limit: 1 })).rows[0]!;
  return row.routedTo?.name ?? null;
}

const staff = async (first: string, mobile: string) =>
  e.ok('people/create', { kind: 'staff', contact: { firstName: first, lastName: 'Staff', phones: [{ kind: 'mobile', number: mobile }] } });
const rule = (r: Record<string, unknown>, target: { kind: 'staff' | 'group'; id: number }) => e.ok('fax/route-save', { id: null, rule: { ...r, target } });

test('a number matches in any written form, exactly or as a prefix; the TSI by its contents in any case; the line by its id', async () => {
  const sara = await staff('Sara', '09121111111');
  const ali = await staff('Ali', '09122222222');
  const accounts = await e.ok('groups/create', { name: 'Accounts', color: '#00aa00' });
  // Written as the office writes it; the fax comes with caller ID as the exchange sends it.
  await rule({ number: '۰۲۱ ۸۸۸۸ ۱۲۳۴' }, { kind: 'staff', id: sara.id });
  await rule({ number: '+98 912', numberMatch: 'prefix' }, { kind: 'staff', id: ali.id });
  await rule({ tsi: 'ACME' }, { kind: 'group', id: accounts.id });
  await rule({ number: '031', numberMatch: 'prefix' }, { kind: 'group', id: accounts.id });

  expect(await routedName(incoming({ number: '982188881234' }))).toBe('Sara Staff');
  expect(await routedName(incoming({ number: '+98 21 8888 1234' }))).toBe('Sara Staff');
  // A local number as caller ID: the office's area code is implied (as in the phonebook).
  expect(await routedName(incoming({ number: '88881234' }))).toBe('Sara Staff');
  expect(await routedName(incoming({ number: '02188881235' }))).toBeNull();
  expect(await routedName(incoming({ number: '09135551234' }))).toBeNull();
  expect(await routedName(incoming({ number: '00989125551234' }))).toBe('Ali Staff');
  expect(await routedName(incoming({ number: '09125551234' }))).toBe('Ali Staff');
  expect(await routedName(incoming({ number: null, tsi: 'acme ltd.' }))).toBe('Accounts');
  // No caller ID: a TSI that is a number stands for the sender's number.
  expect(await routedName(incoming({ number: null, tsi: '+98 21 88881234' }))).toBe('Sara Staff');
  expect(await routedName(incoming({ number: '03132221111' }))).toBe('Accounts');
});

test('the line condition, the first match in the order the user set, and a rule that goes with its deleted target', async () => {
  const sara = await staff('Sara', '09121111111');
  const ali = await staff('Ali', '09122222222');
  const line2 = (await e.ok('lines/create', { name: 'Second', kind: 'demo' })).id;
  // Another line's id, as the fax log keeps it.
  const other = String(line2 + 1);
  const g = await e.ok('groups/create', { name: 'Sales', color: '#0000aa' });
  const onLine2 = await rule({ lineId: String(line2) }, { kind: 'staff', id: ali.id });
  const all021 = await rule({ number: '021', numberMatch: 'prefix' }, { kind: 'staff', id: sara.id });
  const catchAll = await rule({}, { kind: 'group', id: g.id });

  expect(await routedName(incoming({ number: '02188881234', line: String(line2) }))).toBe('Ali Staff');
  expect(await routedName(incoming({ number: '02188881234', line: other }))).toBe('Sara Staff');
  expect(await routedName(incoming({ number: '09135551234', line: other }))).toBe('Sales');

  // The user moves the 021 rule first: it now wins on line 2 too; the order is kept.
  const ordered = await e.ok('fax/route-order', { ids: [all021.id, onLine2.id, catchAll.id] });
  expect(ordered.rules.map((r) => [r.id, r.position])).toEqual([
    [all021.id, 1],
    [onLine2.id, 2],
    [catchAll.id, 3],
  ]);
  expect(await routedName(incoming({ number: '02188881234', line: String(line2) }))).toBe('Sara Staff');

  // Sara's file is deleted: her rule goes with it and the next rule that matches takes her faxes; the
  // faxes already routed to her still say so.
  await e.ok('people/delete', { id: sara.id });
  expect((await e.ok('fax/routes', {})).rules.map((r) => r.id)).toEqual([onLine2.id, catchAll.id]);
  expect(await routedName(incoming({ number: '02188881234', line: other }))).toBe('Sales');
  expect((await e.ok('fax/log', { routedTo: { kind: 'staff', id: sara.id } })).total).toBe(2);
  // The group goes too: no rule is left for line 1.
  await e.ok('groups/delete', { id: g.id });
  expect(await routedName(incoming({ number: '02188881234', line: other }))).toBeNull();
  expect(events.filter((ev) => ev.name === 'fax/routes-changed').length).toBeGreaterThanOrEqual(4);

  // The order survives a restart.
  await e.close();
  start();
  expect((await e.ok('fax/routes', {})).rules.map((r) => [r.id, r.position])).toEqual([[onLine2.id, 2]]);
});

test('bad input is refused naming the field, in the user language, and saves nothing', async () => {
  const sara = await staff('Sara', '09121111111');
  const bad = async (r: Record<string, unknown>, target: { kind: 'staff' | 'group'; id: number }, lang: 'fa' | 'en') =>
    e.fail('fax/route-save', { id: null, rule: { ...r, target } }, lang);
  const number = await bad({ number: 'Sara' }, { kind: 'staff', id: sara.id }, 'en');
  expect(number).toMatchObject({ code: 'validation', field: 'number' });
  expect(number.message).toContain('“Sara” is not a phone number');
  const fa = await bad({ number: 'abc' }, { kind: 'staff', id: sara.id }, 'fa');
  expect(fa.message).toContain('شمارهٔ «abc» شمارهٔ تلفن نیست');
  expect(await bad({ lineId: '99' }, { kind: 'staff', id: sara.id }, 'en')).toMatchObject({ field: 'lineId' });
  expect(await bad({}, { kind: 'group', id: 999 }, 'en')).toMatchObject({ field: 'target' });
  // A customer's file is not a staff member.
  const customer = await e.ok('people/create', { kind: 'customer', contactId: sara.contact.id });
  expect(await bad({}, { kind: 'staff', id: customer.id }, 'en')).toMatchObject({ field: 'target' });
  expect((await e.fail('fax/route-order', { ids: [1] }, 'en')).field).toBe('ids');
  expect((await e.ok('fax/routes', {})).rules).toEqual([]);
  // Editing a rule into a bad one leaves it as it was.
  const r = await rule({ number: '021', numberMatch: 'prefix' }, { kind: 'staff', id: sara.id });
  await e.fail('fax/route-save', { id: r.id, rule: { number: '---', target: { kind: 'staff', id: sara.id } } }, 'en');
  expect((await e.ok('fax/routes', {})).rules[0]).toMatchObject({ number: '021', numberMatch: 'prefix', target: { name: 'Sara Staff' } });
});

test('the log filters by who a fax is for, the popup event says it, and a routed fax rings one alarm that survives a restart', async () => {
  await e.close();
  start(true);
  const sara = await staff('Sara', '09121111111');
  const g = await e.ok('groups/create', { name: 'Sales', color: '#0000aa' });
  await rule({ number: '021', numberMatch: 'prefix' }, { kind: 'staff', id: sara.id });
  await rule({ tsi: 'sales' }, { kind: 'group', id: g.id });
  fax.deliver(incoming({ number: '02188881234' }));
  fax.deliver(incoming({ number: '09135551234', tsi: 'SALES DEPT' }));
  fax.deliver(incoming({ number: '09135551234' }));
  await nextTurn();

  const forSara = await e.ok('fax/log', { routedTo: { kind: 'staff', id: sara.id } }, 'en');
  expect(forSara.rows.map((r) => r.remoteNumber)).toEqual(['02188881234']);
  expect((await e.ok('fax/log', { routedTo: { kind: 'group', id: g.id } })).rows.map((r) => r.remoteId)).toEqual(['SALES DEPT']);
  expect((await e.ok('fax/log', {})).total).toBe(3);
  expect((await e.ok('fax/log-entry', { id: forSara.rows[0]!.id })).routedTo).toEqual({ kind: 'staff', id: sara.id, name: 'Sara Staff' });

  const popups = events.flatMap((ev) => (ev.name === 'fax/received' ? [ev.payload] : []));
  expect(popups.map((p) => p.routedTo?.name ?? null)).toEqual(['Sara Staff', 'Sales', null]);

  const fired = events.flatMap((ev) => (ev.name === 'alarms/fired' ? ev.payload.alarms : []));
  expect(fired.map((a) => [a.source, a.refId, a.title])).toEqual([
    ['fax', forSara.rows[0]!.id, 'فکس برای \u2068Sara Staff\u2069 از \u2068۰۲۱ ۸۸۸۸ ۱۲۳۴\u2069'],
    ['fax', popups[1]!.id, expect.stringContaining('Sales')],
  ]);
  // Dismissed once, it never rings again, not after a restart either; the other still waits.
  await e.ok('alarms/dismiss', { id: fired[0]!.id });
  await e.close();
  events = [];
  start(true);
  await nextTurn();
  expect(events.filter((ev) => ev.name === 'alarms/fired')).toEqual([]);
  expect((await e.ok('alarms/pending', {})).map((a) => a.refId)).toEqual([popups[1]!.id]);
});
