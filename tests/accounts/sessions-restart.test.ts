/**
 * Sessions kept over an engine restart (issue 18): a browser signed in stays signed in, a locked one
 * stays locked, a signed-out one stays out; only a hash of the session's name is in the file; an
 * unused session expires; a restore keeps the sessions of users the restored data has, and only those.
 */
import { createHash } from 'node:crypto';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { deskOf, userDesk, withManager } from './accounts-setup';

let dir: string;
let e: TestEngine;
let now = new Date('2025-03-20T08:00:00Z').getTime();
const clock = () => new Date(now);
const start = () => testEngine(dir, clock, { noAlarms: true, noLines: true });

beforeEach(() => {
  dir = tempDir();
  e = start();
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

/** A browser's session as the server names it: its own secret cookie. */
const browser = (who: string) => `browser:${who}-0123456789abcdefghijklmnop`;
const who = async (session: string) => {
  const r = await deskOf(e, session).call('accounts/state', {});
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { user: r.value.user?.name ?? null, locked: r.value.locked };
};
const restart = async () => {
  await e.close();
  e = start();
};

it('a restart signs nobody out, keeps a lock and a sign-out, and the file holds only a hash of the session', async () => {
  const { manager } = await withManager(e);
  await userDesk(e, manager, 'Sara', 'front-desk');
  await userDesk(e, manager, 'Omid', 'clerk');
  const signIn = (session: string, name: string, password: string) => deskOf(e, session).call('accounts/sign-in', { name, password });
  expect(await signIn(browser('sara'), 'Sara', 'Sara-password')).toMatchObject({ ok: true });
  expect(await signIn(browser('omid'), 'Omid', 'Omid-password')).toMatchObject({ ok: true });
  expect(await signIn(browser('mina'), 'Mina', 'manager-pass-1')).toMatchObject({ ok: true });
  await deskOf(e, browser('omid')).call('accounts/lock', {});
  await deskOf(e, browser('mina')).call('accounts/sign-out', {});

  await restart();
  expect(await who(browser('sara'))).toEqual({ user: 'Sara', locked: false });
  expect(await who(browser('omid'))).toEqual({ user: 'Omid', locked: true });
  expect(await who(browser('mina'))).toEqual({ user: null, locked: false });
  // Sara works on as Sara: the engine, not only the state, knows her.
  expect(await deskOf(e, browser('sara')).call('contacts/create', { firstName: 'Ali', phones: [] })).toMatchObject({ ok: true });
  expect(await deskOf(e, browser('sara')).call('cheques/get', { id: 1 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  // The sessions the tests' engine made without a browser ('manager', 'Sara') are not kept.
  expect(await who('Sara')).toEqual({ user: null, locked: false });

  const rows = e.db.prepare('SELECT token_hash FROM sessions ORDER BY token_hash').pluck().all() as string[];
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  expect(rows).toEqual([sha(browser('omid')), sha(browser('sara'))].sort());
  const file = JSON.stringify(e.db.prepare('SELECT * FROM sessions').all());
  expect(file).not.toContain('sara-0123');
});

it('a session unused for twelve hours ends; one used every hour does not', async () => {
  const { manager } = await withManager(e);
  await userDesk(e, manager, 'Sara', 'front-desk');
  await deskOf(e, browser('sara')).call('accounts/sign-in', { name: 'Sara', password: 'Sara-password' });
  await deskOf(e, browser('idle')).call('accounts/sign-in', { name: 'Sara', password: 'Sara-password' });
  for (let h = 0; h < 13; h++) {
    now += 3_600_000;
    expect(await who(browser('sara'))).toEqual({ user: 'Sara', locked: false });
  }
  await restart();
  expect(await who(browser('sara'))).toEqual({ user: 'Sara', locked: false });
  expect(await who(browser('idle'))).toEqual({ user: null, locked: false });
});

it('a restore keeps who is signed in only for users the restored data has', async () => {
  const { manager } = await withManager(e);
  const out = tempDir('monshi-backups-');
  await manager.call('backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3 });
  const made = await manager.call('backup/now', {});
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  // After the backup: Sara is made and signed in; Mina signs in on her browser.
  await userDesk(e, manager, 'Sara', 'front-desk');
  await deskOf(e, browser('sara')).call('accounts/sign-in', { name: 'Sara', password: 'Sara-password' });
  await deskOf(e, browser('mina')).call('accounts/sign-in', { name: 'Mina', password: 'manager-pass-1' });
  expect(await who(browser('sara'))).toEqual({ user: 'Sara', locked: false });

  const restored = await deskOf(e, browser('mina')).call('backup/restore', { file: made.value.file });
  expect(restored).toMatchObject({ ok: true });
  // The restored office has no Sara: her browser is signed out; Mina, who restored it, is still Mina.
  expect(await who(browser('mina'))).toEqual({ user: 'Mina', locked: false });
  expect(await who(browser('sara'))).toEqual({ user: null, locked: false });
  expect(e.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(1);
  // And it stays so over a restart.
  await restart();
  expect(await who(browser('mina'))).toEqual({ user: 'Mina', locked: false });
  expect(await who(browser('sara'))).toEqual({ user: null, locked: false });
  removeDir(out);
});
