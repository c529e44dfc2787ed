/**
 * Sessions on a real engine (issue 18): sign in, wrong passwords and the wait after them, PIN switching,
 * locking, signing out, disabled users, the recovery code, the last manager, and the signed-in user's
 * name on what they write.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { deskOf, userDesk, withManager, type Desk } from './accounts-setup';

let dir: string;
let e: TestEngine;
let now = new Date('2025-03-20T08:00:00Z').getTime();
const tick = (ms: number) => (now += ms);

beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, () => new Date(now), { noAlarms: true, noLines: true });
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const errorOf = async (p: Promise<{ ok: boolean; error?: { code: string; message: string } }>) => {
  const r = await p;
  if (r.ok) throw new Error('expected a refusal');
  return r.error as { code: string; message: string };
};

describe('a new or updated office', () => {
  it('starts without passwords: every request is allowed, as the Settings name', async () => {
    const state = await e.ok('accounts/state', {});
    expect(state).toMatchObject({ mode: 'open', user: null, locked: false });
    expect(state.allowed).toContain('settings/update');
    await e.ok('settings/update', { userName: 'Reza' });
    const c = await e.ok('contacts/create', { firstName: 'Ali', phones: [] });
    const noted = await e.ok('contacts/add-note', { contactId: c.id, body: 'called back' });
    expect(noted.timeline.map((n) => n.author)).toEqual(['Reza']);
  });
});

describe('with accounts on', () => {
  let manager: Desk;
  let recoveryCode: string;
  beforeEach(async () => {
    ({ manager, recoveryCode } = await withManager(e));
  });

  it('a session nobody signed in to is refused everything but signing in, with a message that says so', async () => {
    const stranger = deskOf(e, 'stranger');
    const refused = await errorOf(stranger.call('contacts/search', { text: '' }, 'fa'));
    expect(refused).toEqual({ code: 'auth', message: expect.stringMatching(/^نخست وارد شوید/) });
    const state = await stranger.call('accounts/state', {});
    expect(state.ok && state.value).toMatchObject({ mode: 'accounts', user: null, allowed: expect.not.arrayContaining(['contacts/search']) });
  });

  it('a wrong password says neither which was wrong; after three, each attempt waits longer, even with the right one', async () => {
    const desk = deskOf(e, 'desk');
    const wrong = await errorOf(desk.call('accounts/sign-in', { name: 'Mina', password: 'nope-nope' }));
    expect(wrong).toEqual({ code: 'auth', message: 'The name or the password is not right.' });
    expect(await errorOf(desk.call('accounts/sign-in', { name: 'Nobody', password: 'nope-nope' }))).toEqual(wrong);
    await errorOf(desk.call('accounts/sign-in', { name: 'mina', password: 'nope-nope' }));
    await errorOf(desk.call('accounts/sign-in', { name: 'MINA ', password: 'nope-nope' }));
    // The third failure asked for a wait of 1 s: the right password is not even checked before it ends.
    expect(await errorOf(desk.call('accounts/sign-in', { name: 'Mina', password: 'manager-pass-1' }))).toEqual({
      code: 'auth',
      message: 'Too many wrong attempts; try again in 1 seconds.',
    });
    tick(1000);
    await errorOf(desk.call('accounts/sign-in', { name: 'Mina', password: 'still-wrong' }));
    // The fourth failure: 2 s.
    tick(1500);
    expect((await errorOf(desk.call('accounts/sign-in', { name: 'Mina', password: 'manager-pass-1' }))).message).toMatch(/in 1 seconds/);
    tick(500);
    const signed = await desk.call('accounts/sign-in', { name: 'mina', password: 'manager-pass-1' });
    expect(signed.ok && signed.value.user).toMatchObject({ name: 'Mina', role: 'manager' });
    // A right one clears the count.
    await desk.call('accounts/sign-out', {});
    await errorOf(desk.call('accounts/sign-in', { name: 'Mina', password: 'wrong-again' }));
    expect((await desk.call('accounts/sign-in', { name: 'Mina', password: 'manager-pass-1' })).ok).toBe(true);
  });

  it('switching with a PIN, locking and signing out act on this session only', async () => {
    const desk = await userDesk(e, manager, 'Sara', 'front-desk', [], '2468');
    const other = await userDesk(e, manager, 'Omid', 'clerk', [], '۱۱۲۲');
    // Omid takes Sara's desk with his PIN (typed in Persian digits when it was set).
    const switched = await desk.call('accounts/switch', { name: 'Omid', pin: '1122' });
    expect(switched.ok && switched.value.user?.name).toBe('Omid');
    expect((await desk.call('cheques/search', {})).ok).toBe(true);
    expect((await errorOf(desk.call('accounts/switch', { name: 'Sara', pin: '0000' }))).message).toBe('The name or the PIN is not right.');
    // A PIN is no way in to a session nobody signed in to.
    expect((await errorOf(deskOf(e, 'fresh').call('accounts/switch', { name: 'Sara', pin: '2468' }))).code).toBe('auth');
    const locked = await desk.call('accounts/lock', {});
    expect(locked.ok && locked.value).toMatchObject({ locked: true, user: { name: 'Omid' }, allowed: expect.not.arrayContaining(['contacts/search']) });
    expect(await errorOf(desk.call('contacts/search', {}))).toEqual({ code: 'auth', message: 'The screen is locked; sign in again to go on.' });
    // The other session goes on.
    expect((await other.call('contacts/search', {})).ok).toBe(true);
    const back = await desk.call('accounts/switch', { name: 'Sara', pin: '2468' });
    expect(back.ok && back.value).toMatchObject({ locked: false, user: { name: 'Sara', role: 'front-desk' } });
    expect((await errorOf(desk.call('cheques/search', {}))).code).toBe('forbidden');
    await desk.call('accounts/sign-out', {});
    expect((await errorOf(desk.call('contacts/search', {}))).code).toBe('auth');
  });

  it('a disabled user is signed out at once and cannot sign in; a new role applies to the next request', async () => {
    const desk = await userDesk(e, manager, 'Sara', 'front-desk');
    const list = await manager.call('users/list', {});
    const id = list.ok ? (list.value.find((u) => u.name === 'Sara')?.id ?? 0) : 0;
    expect((await errorOf(desk.call('cheques/search', {}))).code).toBe('forbidden');
    await manager.call('users/update', { id, role: 'clerk' });
    expect((await desk.call('cheques/search', {})).ok).toBe(true);
    await manager.call('users/update', { id, disabled: true });
    expect((await errorOf(desk.call('contacts/search', {}))).code).toBe('auth');
    expect(await errorOf(desk.call('accounts/sign-in', { name: 'Sara', password: 'Sara-password' }))).toEqual({
      code: 'auth',
      message: 'This user is disabled; ask a manager to enable it.',
    });
    // A manager resets a forgotten password.
    await manager.call('users/update', { id, disabled: false });
    await manager.call('users/reset-password', { id, password: 'brand-new-pass' });
    expect((await desk.call('accounts/sign-in', { name: 'Sara', password: 'Sara-password' })).ok).toBe(false);
    expect((await desk.call('accounts/sign-in', { name: 'Sara', password: 'brand-new-pass' })).ok).toBe(true);
  });

  it('the last enabled manager stays one; names are unique without case', async () => {
    const list = await manager.call('users/list', {});
    const id = list.ok ? (list.value[0]?.id ?? 0) : 0;
    expect(await errorOf(manager.call('users/update', { id, role: 'clerk' }))).toMatchObject({
      code: 'conflict',
      message: 'At least one enabled manager must remain.',
    });
    expect(await errorOf(manager.call('users/update', { id, disabled: true }))).toMatchObject({ code: 'conflict' });
    expect(await errorOf(manager.call('users/create', { name: ' mina', password: 'whatever-1', role: 'clerk' }))).toMatchObject({
      code: 'conflict',
      message: 'There is already a user named “mina”; choose another name.',
    });
    expect((await errorOf(manager.call('users/create', { name: 'Short', password: 'short', role: 'clerk' }, 'fa'))).message).toContain('گذرواژه');
  });

  it('the recovery code (shown once, kept hashed) sets a new password for a manager, then is spent', async () => {
    const row = e.db.prepare<[], { recovery_hash: string }>('SELECT recovery_hash FROM accounts_config').get();
    expect(row?.recovery_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(e.db.prepare('SELECT * FROM users').all())).not.toContain('manager-pass-1');
    const first = recoveryCode;
    const fresh = await deskOf(e, 'lost').call('accounts/recover', { code: first.toLowerCase(), name: 'Mina', password: 'found-again-1' });
    expect(fresh.ok && fresh.value.recoveryCode).toMatch(/^[A-Z0-9-]{29}$/);
    expect((await deskOf(e, 'lost').call('accounts/sign-in', { name: 'Mina', password: 'found-again-1' })).ok).toBe(true);
    expect((await errorOf(deskOf(e, 'lost').call('accounts/recover', { code: first, name: 'Mina', password: 'again-and-again' }))).code).toBe('auth');
  });

  it('the signed-in user signs notes and cheque events, whatever the form or Settings say', async () => {
    await manager.call('settings/update', { userName: 'Old free text' });
    const clerk = await userDesk(e, manager, 'Omid', 'clerk');
    const c = await clerk.call('contacts/create', { firstName: 'Ali', phones: [] });
    const id = c.ok ? c.value.id : 0;
    await clerk.call('contacts/add-note', { contactId: id, body: 'called', author: 'Someone else' });
    const got = await clerk.call('contacts/get', { id });
    expect(got.ok && got.value.timeline.map((n) => n.author)).toEqual(['Omid']);
    const cheque = await clerk.call('cheques/create', {
      direction: 'received',
      bankCode: 'mellat',
      amount: 1_000_000,
      partyName: 'Maryam',
      dueDate: '2025-04-10',
    });
    expect(cheque.ok && cheque.value.events.map((ev) => ev.by)).toEqual(['Omid']);
  });

  it('any signed-in user may switch the language; settings/update stays the manager’s', async () => {
    const desk = await userDesk(e, manager, 'Sara', 'front-desk');
    expect((await desk.call('accounts/preferences', { language: 'en' })).ok).toBe(true);
    const settings = await desk.call('settings/get', {});
    expect(settings.ok && settings.value.language).toBe('en');
    expect((await errorOf(desk.call('settings/update', { officeName: 'x' }))).message).toBe(
      'Sara (front desk) may not do this: it needs the manager role (settings.admin).',
    );
  });
});
