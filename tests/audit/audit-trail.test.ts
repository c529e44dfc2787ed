/**
 * The audit trail through the whole engine on a real SQLite file: a contact's edit and deletion, an
 * attendance correction and a cheque's status change each leave one entry with the right old and new
 * values, signed by the office's user and PC; an import is one entry; the trail refuses UPDATE and
 * DELETE; an entry changed with another SQLite connection (its guard triggers dropped) is found and named.
 */
import Database from 'better-sqlite3';
import os from 'node:os';
import type { AuditEntry } from '../../src/shared/contract/audit';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const NOW = new Date(2026, 9, 5, 9, 0);
let dir: string;
let e: TestEngine;

beforeEach(async () => {
  dir = tempDir();
  e = testEngine(dir, () => NOW, { noLines: true, noAlarms: true });
  await e.ok('settings/update', { userName: 'مدیر دفتر' });
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const entries = async (filter: Record<string, unknown> = {}) => (await e.ok('audit/list', { actor: 'all', ...filter })).entries;
const change = (entry: AuditEntry | undefined, field: string) => entry?.changes.find((c) => c.field === field);

test('a contact edit: one entry with the changed fields only, old → new, the user, the PC, the request', async () => {
  const c = await e.ok('contacts/create', { firstName: 'رضا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121111111' }] });
  await e.ok('contacts/update', {
    id: c.id,
    data: { firstName: 'رضا', lastName: 'کریمی‌پور', company: 'آسیا', phones: [{ kind: 'mobile', number: '09121111111' }] },
  });
  const [edit, created] = await entries({ recordType: 'contact' });
  expect(created).toMatchObject({ action: 'insert', recordId: String(c.id), request: 'contacts/create' });
  expect(change(created, 'first_name')).toEqual({ field: 'first_name', old: null, new: 'رضا' });
  expect(edit).toMatchObject({
    action: 'update',
    actorKind: 'person',
    actorName: 'مدیر دفتر',
    pc: os.hostname(),
    request: 'contacts/update',
    recordType: 'contact',
    recordId: String(c.id),
    recordName: 'رضا کریمی‌پور',
  });
  // The phones were written again as they were: not a change. display_name is a change a person made too.
  // When it really happened (wall clock), not the engine's injected clock.
  expect(Math.abs(edit!.at - Date.now())).toBeLessThan(60_000);
  expect(edit!.changes.map((x) => x.field).sort()).toEqual(['company', 'display_name', 'last_name']);
  expect(change(edit, 'last_name')).toEqual({ field: 'last_name', old: 'کریمی', new: 'کریمی‌پور' });
  expect(change(edit, 'company')).toEqual({ field: 'company', old: '', new: 'آسیا' });
});

test("a contact's deletion names the contact and keeps what it held, phones included", async () => {
  const c = await e.ok('contacts/create', { firstName: 'سارا', lastName: 'نوری', phones: [{ kind: 'work', number: '02188881234' }] });
  await e.ok('contacts/delete', { id: c.id });
  const [gone] = await entries({ recordType: 'contact' });
  expect(gone).toMatchObject({ action: 'delete', request: 'contacts/delete', recordName: 'سارا نوری', recordId: String(c.id) });
  expect(change(gone, 'last_name')).toEqual({ field: 'last_name', old: 'نوری', new: null });
  expect(change(gone, 'phones')).toMatchObject({ new: null });
  expect(String(change(gone, 'phones')!.old)).toContain('02188881234');
});

test('an attendance correction: start time old → new and the correction with its reason', async () => {
  const staff = await e.ok('people/create', { kind: 'staff', contact: { firstName: 'علی', lastName: 'رضایی' } });
  const r = await e.ok('attendance/record-add', { fileId: staff.id, start: { date: '2026-10-05', time: '08:30' }, end: { date: '2026-10-05', time: '16:00' } });
  await e.ok('attendance/record-correct', {
    id: r.id,
    start: { date: '2026-10-05', time: '08:00' },
    end: { date: '2026-10-05', time: '16:00' },
    reason: 'طبق دفتر نگهبانی',
  });
  const [fix] = await entries({ recordType: 'attendance' });
  expect(fix).toMatchObject({ action: 'update', request: 'attendance/record-correct', recordId: String(r.id) });
  expect(fix!.recordName).toContain('علی رضایی');
  expect(change(fix, 'start_at')).toEqual({ field: 'start_at', old: new Date(2026, 9, 5, 8, 30).getTime(), new: new Date(2026, 9, 5, 8, 0).getTime() });
  expect(String(change(fix, 'corrections')!.new)).toContain('طبق دفتر نگهبانی');
});

test("a cheque's status change: status old → new, named by its serial and payee", async () => {
  const c = await e.ok('cheques/create', {
    direction: 'received',
    bankCode: 'mellat',
    amount: 125_000_000,
    dueDate: '2026-12-21',
    partyName: 'شرکت آسیا',
    serial: '123456',
    series: '12',
  });
  await e.ok('cheques/set-status', { id: c.id, status: 'deposited', date: '2026-10-05' });
  const [moved] = await entries({ recordType: 'cheque' });
  expect(moved).toMatchObject({ action: 'update', request: 'cheques/set-status', recordName: '123456 — شرکت آسیا' });
  expect(change(moved, 'status')).toEqual({ field: 'status', old: 'on_hand', new: 'deposited' });
});

test('an import is one entry with its counts and the file name, not one per contact', async () => {
  const vcf = Array.from(
    { length: 50 },
    (_, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i}\r\nTEL:0912000${String(i).padStart(4, '0')}\r\nEND:VCARD\r\n`,
  ).join('');
  const p = await e.ok('io/import-preview', { fileName: 'office.vcf', base64: Buffer.from(vcf).toString('base64') });
  await e.ok('io/import-commit', { previewId: p.previewId, onDuplicate: 'skip' });
  const all = await entries();
  expect(all.filter((x) => x.request === 'io/import-commit')).toEqual([
    expect.objectContaining({
      action: 'bulk',
      recordType: 'contact',
      recordName: 'office.vcf',
      changes: expect.arrayContaining([{ field: 'added', old: null, new: 50 }]),
    }),
  ]);
  // Later saves are caught again.
  const c = await e.ok('contacts/create', { firstName: 'بعدی' });
  expect((await entries({ recordType: 'contact' }))[0]).toMatchObject({ recordId: String(c.id), action: 'insert' });
});

test('a large value is kept as its size, never its bytes', async () => {
  const staff = await e.ok('people/create', { kind: 'staff', contact: { firstName: 'مینا' } });
  const png = Buffer.alloc(5000, 7);
  await e.ok('people/set-photo', { id: staff.id, mime: 'image/png', base64: png.toString('base64') });
  const [photo] = await entries({ recordType: 'person_file' });
  expect(photo).toMatchObject({ request: 'people/set-photo', changes: [{ field: 'photo', old: null, new: { bytes: 5000 } }] });
});

test('the trail refuses UPDATE and DELETE; an entry changed behind its back is named, at the next check', async () => {
  const c = await e.ok('contacts/create', { firstName: 'یک' });
  await e.ok('contacts/update', { id: c.id, data: { firstName: 'دو' } });
  await e.ok('contacts/update', { id: c.id, data: { firstName: 'سه' } });
  expect(await e.ok('audit/check', {})).toMatchObject({ ok: true });
  const [, middle] = await entries({ recordType: 'contact' });
  expect(() => e.db.prepare("UPDATE audit_log SET actor_name = 'x'").run()).toThrow(/append-only/);
  expect(() => e.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);

  const other = new Database(e.db.name);
  other.exec('DROP TRIGGER audit_log_no_update');
  other.prepare('UPDATE audit_log SET changes = ? WHERE id = ?').run(JSON.stringify([{ field: 'first_name', old: 'یک', new: 'چهار' }]), middle!.id);
  other.close();
  expect(await e.ok('audit/check', {})).toMatchObject({ ok: false, entryId: middle!.id, problem: 'changed' });
});

test("a setting's change is said as the setting, its old and new value", async () => {
  const [first] = await entries({ recordType: 'setting' });
  expect(first).toMatchObject({ action: 'insert', recordId: 'userName', changes: [{ field: 'userName', old: null, new: 'مدیر دفتر' }] });
  await e.ok('settings/update', { userName: 'سارا' });
  const [entry] = await entries({ recordType: 'setting' });
  expect(entry).toMatchObject({ action: 'update', recordId: 'userName', changes: [{ field: 'userName', old: 'مدیر دفتر', new: 'سارا' }] });
});

test("the engine's own writes (outside any request) are the system's, kept apart from people's", async () => {
  // As the call log writes a call when a line rings: no request, no person.
  const columns = 'line_id, line_name, direction, outcome, started_at, local_day, local_hour, number_raw';
  e.db.prepare(`INSERT INTO calls (${columns}) VALUES (1, 'L1', 'in', 'missed', ?, '2026-10-05', 9, '09121234567')`).run(NOW.getTime());
  const c = await e.ok('contacts/create', { firstName: 'مریم' });
  const [call] = (await e.ok('audit/list', { actor: 'system' })).entries;
  expect(call).toMatchObject({ actorKind: 'system', request: 'engine', recordType: 'call', action: 'insert', recordName: '09121234567' });
  const people = (await e.ok('audit/list', {})).entries;
  expect(people.map((x) => x.recordType)).not.toContain('call');
  expect(people[0]).toMatchObject({ recordId: String(c.id), actorKind: 'person' });
});

test('secrets leave no trace: a user’s password, a SIP line’s and the backups’ password show as changed (••••), never as a value', async () => {
  const folder = tempDir();
  try {
    await e.ok('users/create', { name: 'Sara', password: 'Kh0sh-Ramz-1405!', role: 'clerk', extras: [], pin: '4821' });
    await e.ok('lines/create', { name: 'PBX', kind: 'sip', sipServer: '127.0.0.1:5060', sipUser: '201', sipPassword: 'Sip-Secret-77' });
    await e.ok('backup/settings-save', { folder, dailyAt: '', atExit: false, keep: 3, password: 'Pusht-Ramz-99' });
    const all = await entries();
    const user = all.find((x) => x.recordType === 'user');
    expect(change(user, 'password_hash')).toEqual({ field: 'password_hash', old: null, new: '••••' });
    expect(change(user, 'pin_hash')).toEqual({ field: 'pin_hash', old: null, new: '••••' });
    expect(
      change(
        all.find((x) => x.recordType === 'line'),
        'sip_password_sealed',
      ),
    ).toEqual({ field: 'sip_password_sealed', old: null, new: '••••' });
    expect(
      change(
        all.find((x) => x.recordType === 'backup_settings'),
        'password',
      ),
    ).toEqual({ field: 'password', old: null, new: '••••' });
    // Nowhere in the trail is any of the secrets, sealed or hashed: the only values are the masks.
    const text = JSON.stringify(all);
    for (const secret of ['Kh0sh-Ramz-1405!', 'Sip-Secret-77', 'Pusht-Ramz-99', 'scrypt$']) expect(text).not.toContain(secret);
    // The backups' password is kept sealed, like the SIP line's: the database file has neither in clear.
    const file = e.db.name;
    await e.close();
    const db = new Database(file, { readonly: true });
    const stored = db.prepare('SELECT password FROM backup_settings').pluck().get() as string;
    db.close();
    expect(stored).not.toBe('');
    expect(stored).not.toContain('Pusht-Ramz-99');
    e = testEngine(dir, () => NOW, { noLines: true, noAlarms: true });
    expect((await e.ok('backup/settings', {})).encrypted).toBe(true);
  } finally {
    removeDir(folder);
  }
});
