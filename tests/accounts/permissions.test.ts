/**
 * The rule per request, over the WHOLE contract and a real engine (issue 18): for every request, a
 * session without its permission is refused by the engine before the input is read, and one with it
 * passes the gate (it reaches the input check: the input here is never valid, so no handler runs).
 * A request added later with a permission the role table does not know fails here (and does not compile).
 */
import { api, type Method } from '../../src/shared/contract/api';
import { missingFor, ruleOf, type Grant } from '../../src/main/accounts/roles';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { deskOf, userDesk, withManager, type Desk } from './accounts-setup';

const methods = Object.keys(api) as Method[];
/** No schema of the contract takes a bare number: a request that passes the gate stops at 'validation'. */
const NEVER_VALID = 42;

describe('the role table', () => {
  it('has a rule for the permission of every request', () => {
    expect(methods.filter((m) => ruleOf(api[m].permission) === undefined)).toEqual([]);
  });

  it('gives the roles what the issue says', () => {
    const fd: Grant = { role: 'front-desk', extras: [] };
    const clerk: Grant = { role: 'clerk', extras: [] };
    const manager: Grant = { role: 'manager', extras: [] };
    const may = (g: Grant, m: Method) => missingFor(g, m, api[m].permission) === null;
    // Front desk: phonebook, calls, popups, voicemail, reminders, clock-in.
    for (const m of [
      'contacts/search',
      'contacts/create',
      'calls/list',
      'calls/add-note',
      'voicemail/list',
      'reminders/create',
      'alarms/dismiss',
      'attendance/clock',
    ] as const) {
      expect({ m, fd: may(fd, m) }).toEqual({ m, fd: true });
    }
    // Clerk: + files, cheques, attendance entries.
    for (const m of ['people/get', 'people/create', 'cheques/search', 'cheques/create', 'attendance/record-add', 'attendance/records'] as const) {
      expect({ m, fd: may(fd, m), clerk: may(clerk, m) }).toEqual({ m, fd: false, clerk: true });
    }
    // Manager: corrections, deletions, settings, users.
    for (const m of [
      'attendance/record-correct',
      'cheques/correct',
      'cheques/delete',
      'contacts/delete',
      'settings/update',
      'users/create',
      'users/list',
      'lines/create',
    ] as const) {
      expect({ m, clerk: may(clerk, m), manager: may(manager, m) }).toEqual({ m, clerk: false, manager: true });
    }
    // Extras on top of the role.
    expect(may({ role: 'clerk', extras: ['delete'] }, 'cheques/delete')).toBe(true);
    expect(may({ role: 'front-desk', extras: ['export'] }, 'io/export')).toBe(true);
    expect(may(fd, 'io/export')).toBe(false);
    expect(may(fd, 'recordings/audio')).toBe(false);
    expect(may({ role: 'front-desk', extras: ['listen'] }, 'recordings/audio')).toBe(true);
    expect(may(clerk, 'cheque-templates/print')).toBe(false);
    expect(may({ role: 'front-desk', extras: ['print-cheques'] }, 'cheque-templates/print')).toBe(true);
    expect(may({ role: 'front-desk', extras: ['print-cheques'] }, 'cheques/create')).toBe(false);
    // An extra never lifts a correction to a non-manager.
    expect(may({ role: 'clerk', extras: ['delete', 'export', 'listen', 'print-cheques'] }, 'attendance/record-correct')).toBe(false);
  });
});

describe('every request against every kind of user, on a real engine', () => {
  let dir: string;
  let e: TestEngine;
  const desks: { name: string; grant: Grant; desk: Desk }[] = [];
  let signedOut: Desk;

  beforeAll(async () => {
    dir = tempDir();
    e = testEngine(dir, () => new Date('2025-03-20T08:00:00Z'), { noAlarms: true, noLines: true });
    const { manager } = await withManager(e);
    desks.push({ name: 'manager', grant: { role: 'manager', extras: [] }, desk: manager });
    const kinds: [string, Grant][] = [
      ['desk', { role: 'front-desk', extras: [] }],
      ['desk-plus', { role: 'front-desk', extras: ['print-cheques', 'export', 'listen', 'delete'] }],
      ['clerk', { role: 'clerk', extras: [] }],
      ['clerk-plus', { role: 'clerk', extras: ['print-cheques', 'export', 'listen', 'delete'] }],
    ];
    for (const [name, grant] of kinds) desks.push({ name, grant, desk: await userDesk(e, manager, name, grant.role, [...grant.extras]) });
    signedOut = deskOf(e, 'nobody');
  }, 60_000);
  afterAll(async () => {
    await e.close();
    removeDir(dir);
  });

  it.each(methods)('%s', async (m) => {
    const permission = api[m].permission;
    const out = await signedOut.call(m, NEVER_VALID);
    if (ruleOf(permission) === 'open') expect({ m, code: out.ok ? 'ok' : out.error.code }).toEqual({ m, code: 'validation' });
    else expect({ m, refused: out.ok ? null : out.error }).toEqual({ m, refused: { code: 'auth', message: expect.stringContaining(permission) } });

    for (const { name, grant, desk } of desks) {
      const r = await desk.call(m, NEVER_VALID);
      const code = r.ok ? 'ok' : r.error.code;
      const missing = missingFor(grant, m, permission);
      if (missing) {
        // Refused before the input was read, naming what is missing in the user's language.
        expect({ m, name, code }).toEqual({ m, name, code: 'forbidden' });
        expect(r.ok ? '' : r.error.message).toContain(name);
      } else expect({ m, name, code }).toEqual({ m, name, code: 'validation' });
    }
    // The manager holds every request.
    expect(missingFor({ role: 'manager', extras: [] }, m, permission)).toBeNull();
  });
});
