/**
 * Every update request takes a patch (issue 13: a screen saving its part of a record reset a part
 * another screen owns). For each: a record with non-default values, an update carrying one key, and
 * every other value read back unchanged; an empty patch changes nothing; a missing record is still
 * 'not found'. A real engine on a real SQLite file.
 */
import { makeWav, tone } from '../ivr/audio-helpers';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

jest.setTimeout(30_000);

let dir: string;
let e: TestEngine;
beforeAll(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
});
afterAll(async () => {
  await e.close();
  removeDir(dir);
});

it('contacts: saving only the notes keeps phones, groups, birthday and extra fields', async () => {
  const group = await e.ok('groups/create', { name: 'VIP', color: '#aa0000' });
  const field = await e.ok('fields/create', { name: 'Code', kind: 'text' });
  const c = await e.ok('contacts/create', {
    firstName: 'Maryam',
    lastName: 'Ahmadi',
    company: 'Sepahan',
    phones: [{ kind: 'mobile', number: '09121234567', extension: '' }],
    emails: [{ address: 'm@example.com' }],
    birthDate: '1990-05-01',
    groupIds: [group.id],
    fields: [{ fieldId: field.id, value: 'A-7' }],
  });
  const after = await e.ok('contacts/update', { id: c.id, data: { notes: 'prefers mornings' } });
  expect(after).toMatchObject({ notes: 'prefers mornings', firstName: 'Maryam', company: 'Sepahan', birthDate: '1990-05-01', groupIds: [group.id] });
  expect(after.phones.map((p) => p.number)).toEqual(c.phones.map((p) => p.number));
  expect(after.emails).toEqual(c.emails);
  expect(after.fields).toEqual(c.fields);
  const same = await e.ok('contacts/update', { id: c.id, data: {} });
  expect({ ...same, updatedAt: null }).toEqual({ ...after, updatedAt: null });
  expect(await e.fail('contacts/update', { id: 999_999, data: { notes: 'x' } })).toMatchObject({ code: 'not_found' });
});

it('groups, fields and reminder groups: a rename keeps the colour and the choices', async () => {
  const g = await e.ok('groups/create', { name: 'Suppliers', color: '#123456' });
  expect(await e.ok('groups/update', { id: g.id, data: { name: 'Vendors' } })).toMatchObject({ name: 'Vendors', color: '#123456' });
  const f = await e.ok('fields/create', { name: 'Size', kind: 'choice', options: ['S', 'M', 'L'] });
  expect(await e.ok('fields/update', { id: f.id, data: { name: 'Shirt size' } })).toMatchObject({
    name: 'Shirt size',
    kind: 'choice',
    options: ['S', 'M', 'L'],
  });
  const rg = await e.ok('reminder-groups/create', { name: 'Bank', color: '#00aa00' });
  expect(await e.ok('reminder-groups/update', { id: rg.id, data: { name: 'Banks' } })).toMatchObject({ name: 'Banks', color: '#00aa00' });
});

it('mailboxes and trees: a rename keeps the greeting and the tree', async () => {
  const wav = makeWav([tone(440, 300, 8000, 0.2)], 8000, 16).toString('base64');
  const p = await e.ok('prompts/import', { name: 'hello', base64: wav });
  const m = await e.ok('mailboxes/create', { name: 'Sales', kind: 'person', greetingPromptId: p.id });
  expect(await e.ok('mailboxes/update', { id: m.id, data: { name: 'Sales team' } })).toMatchObject({
    name: 'Sales team',
    kind: 'person',
    greetingPromptId: p.id,
  });
  const t = await e.ok('ivr/tree-create', { name: 'Day', tree: { root: 'n1', nodes: [{ id: 'n1', kind: 'play', promptId: p.id }] } });
  const t2 = await e.ok('ivr/tree-update', { id: t.id, data: { name: 'Daytime' } });
  expect(t2.name).toBe('Daytime');
  expect(t2.tree).toEqual(t.tree);
});

it('settings-like requests: one key changes, the others stay', async () => {
  const hours = [{ weekday: 6, open: '08:00', close: '16:00' }];
  await e.ok('ivr/settings-update', { hours, assignments: [] });
  expect((await e.ok('ivr/settings-update', { assignments: [] })).hours).toEqual(hours);
  const cs = await e.ok('cheques/settings-update', { warnDays: 5, warnTime: '10:30', showToman: true });
  expect(await e.ok('cheques/settings-update', { showToman: false })).toEqual({ ...cs, showToman: false });
  await e.ok('alarms/settings-update', { birthdayTime: '08:15', sound: true });
  expect(await e.ok('alarms/settings-update', { sound: false })).toEqual({ birthdayTime: '08:15', sound: false });
  const rs = (await e.ok('recordings/settings-update', { limitMb: 700, retentionDays: 30, warnFreeMb: 200 })).settings;
  expect((await e.ok('recordings/settings-update', { retentionDays: 60 })).settings).toEqual({ ...rs, retentionDays: 60 });
});

it('schedules and cheque templates: a rename keeps the shifts and the fields', async () => {
  const s = await e.ok('schedules/create', { name: 'Office', shifts: [{ weekday: 6, start: '08:00', end: '16:00' }], graceMinutes: 10 });
  const s2 = await e.ok('schedules/update', { id: s.id, data: { name: 'Front office' } });
  expect(s2).toMatchObject({ name: 'Front office', graceMinutes: 10 });
  expect(s2.shifts).toEqual(s.shifts);
  const tpl = await e.ok('cheque-templates/create', { name: 'Melli', widthMm: 170, heightMm: 80, rotation: 90, offsetXMm: 1.5, fields: [] });
  const tpl2 = await e.ok('cheque-templates/update', { id: tpl.id, data: { name: 'Bank Melli' } });
  expect(tpl2).toMatchObject({ name: 'Bank Melli', widthMm: 170, heightMm: 80, rotation: 90, offsetXMm: 1.5 });
});

it('cheques, reminders and people files: one key changes, the rest of the record stays', async () => {
  const party = await e.ok('contacts/create', { firstName: 'Reza', lastName: 'Karimi', phones: [{ kind: 'mobile', number: '09121111111' }] });
  const ch = await e.ok('cheques/create', {
    direction: 'received',
    bankCode: 'mellat',
    amount: 12_500_000,
    dueDate: '2026-11-20',
    contactId: party.id,
    partyName: 'Reza Karimi',
    purpose: 'rent',
    branch: 'Central',
  });
  const ch2 = await e.ok('cheques/update', { id: ch.id, data: { note: 'call before cashing' } });
  expect(ch2).toMatchObject({
    note: 'call before cashing',
    amount: 12_500_000,
    dueDate: '2026-11-20',
    bankCode: 'mellat',
    purpose: 'rent',
    branch: 'Central',
    partyName: 'Reza Karimi',
  });
  expect(ch2.contact?.id).toBe(party.id);

  const rem = await e.ok('reminders/create', {
    subject: 'Visit',
    date: '2026-12-01',
    time: '10:00',
    place: 'Office',
    participantIds: [party.id],
    repeat: { kind: 'weekly', days: [6] },
    alarmMinutesBefore: 30,
  });
  const rem2 = await e.ok('reminders/update', { id: rem.id, data: { subject: 'Site visit' } });
  expect(rem2).toMatchObject({ subject: 'Site visit', place: 'Office', date: '2026-12-01', time: '10:00', repeat: rem.repeat, alarmMinutesBefore: 30 });
  expect(rem2.participants.map((p) => p.id)).toEqual([party.id]);

  const sched = await e.ok('schedules/create', { name: 'Day shift', shifts: [{ weekday: 6, start: '08:00', end: '16:00' }] });
  const file = await e.ok('people/create', { kind: 'staff', contactId: party.id, nationalId: '0010524304', scheduleId: sched.id });
  // The personnel form saving the national ID does not reset the schedule the attendance screen set, nor the contact.
  const file2 = await e.ok('people/update', { id: file.id, data: { nationalId: '0010524304', active: false } });
  expect(file2).toMatchObject({ scheduleId: sched.id, active: false, fileNo: file.fileNo, registeredOn: file.registeredOn });
  expect(file2.contact.id).toBe(party.id);
  expect((await e.ok('contacts/get', { id: party.id })).phones).toHaveLength(1);
});
