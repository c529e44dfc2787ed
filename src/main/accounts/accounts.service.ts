/**
 * Accounts and sessions (issue 18). A session is one browser (browser mode's cookie) or the desktop
 * app's windows (Electron's session), named by the shell as `Caller.session`; this service keeps who
 * is signed in to each (sessions.repo.ts: kept in the database by a hash of the name, so a restart
 * signs nobody out). `guard` is the gate's question before any handler runs: may this session make
 * this request, and as whom; `mayReceive` the shells' before they push an event to a session.
 */
import type { Api, Method, Permission } from '../../shared/contract/api';
import type { Extra, Role, SessionState, UserRow } from '../../shared/contract/accounts';
import type { Db } from '../db/database';
import { message } from '../i18n/messages';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Actor, Caller } from '../kernel/handlers';
import { hashSecret, newRecoveryCode, normaliseCode, verifySecret } from './password';
import { missingFor } from './roles';
import { createSessionsRepo, type CarriedSession } from './sessions.repo';
import { createSignInLimit } from './sign-in-limit';
import { createUsersRepo, nameKey, type StoredUser } from './users.repo';

type NewUser = { name: string; password: string; pin: string | null; role: Role; extras: Extra[] };

export type AccountsService = ReturnType<typeof createAccountsService>;

const publicUser = ({ passwordHash: _p, pinHash: _q, ...u }: StoredUser): UserRow => u;

export function createAccountsService(db: Db, ctx: EngineContext, api: Api) {
  const repo = createUsersRepo(db);
  const sessions = createSessionsRepo(db, () => ctx.clock().getTime(), keptOverRestart);
  const limit = createSignInLimit(() => ctx.clock().getTime());
  // Checked against when the name is unknown, so a wrong name takes as long as a wrong password.
  const dummy = hashSecret('monshi-no-such-user');
  const methods = Object.keys(api) as Method[];

  /** The signed-in, enabled user of a session (a disabled user is signed out everywhere at once). */
  function userOf(caller: Caller): { user: StoredUser; locked: boolean } | null {
    const s = sessions.get(caller.session);
    const user = s ? repo.get(s.userId) : null;
    if (!s || !user || user.disabled) return null;
    return { user, locked: s.locked };
  }

  function state(caller: Caller): SessionState {
    const { mode, idleLockMinutes } = repo.config();
    const who = mode === 'accounts' ? userOf(caller) : null;
    const grant = who && !who.locked ? who.user : null;
    const allowed = mode === 'open' ? methods : methods.filter((m) => !missingFor(grant, m, api[m].permission));
    const user = who ? { id: who.user.id, name: who.user.name, role: who.user.role, extras: who.user.extras } : null;
    return { mode, user, locked: who?.locked ?? false, idleLockMinutes, allowed, language: ctx.settings.get().language };
  }

  const refuse = (key: 'accounts.wrong' | 'accounts.wrong_pin', k: string) => {
    limit.failed(k);
    return new AppError('auth', key);
  };

  function checkWait(k: string): void {
    const wait = limit.waitMs(k);
    if (wait > 0) throw new AppError('auth', 'accounts.wait', { seconds: Math.ceil(wait / 1000) });
  }

  function take(caller: Caller, user: StoredUser): SessionState {
    limit.succeeded(nameKey(user.name));
    sessions.start(caller.session, user.id);
    return state(caller);
  }

  async function newRecovery(): Promise<string> {
    const code = newRecoveryCode();
    repo.setConfig({ recoveryHash: await hashSecret(normaliseCode(code)) });
    return code;
  }

  function checkNameFree(name: string, field = 'name'): void {
    if (repo.byName(name)) throw new AppError('conflict', 'accounts.name_taken', { name: name.trim() }, field);
  }

  async function insertUser(u: NewUser): Promise<StoredUser> {
    checkNameFree(u.name);
    const [passwordHash, pinHash] = await Promise.all([hashSecret(u.password), u.pin ? hashSecret(u.pin) : null]);
    // Checked again after the hashing: another request may have taken the name meanwhile.
    checkNameFree(u.name);
    const id = repo.insert({ name: u.name, passwordHash, pinHash, role: u.role, extras: [...new Set(u.extras)] }, ctx.clock().toISOString());
    return repo.get(id) as StoredUser;
  }

  function existing(id: number): StoredUser {
    const u = repo.get(id);
    if (!u) throw new AppError('not_found', 'accounts.no_user', {}, 'id');
    return u;
  }

  return {
    mode: () => repo.config().mode,
    /** The actor of a request, or the refusal (before the handler runs). */
    guard(method: Method, caller: Caller): { actor: Actor } | AppError {
      const permission = api[method].permission;
      if (repo.config().mode === 'open') return { actor: { userId: null, name: ctx.settings.get().userName, pc: caller.pc } };
      const who = userOf(caller);
      const grant = who && !who.locked ? who.user : null;
      const missing = missingFor(grant, method, permission);
      const actor: Actor = grant ? { userId: grant.id, name: grant.name, pc: caller.pc } : { userId: null, name: '', pc: caller.pc };
      if (!missing) return { actor };
      if (missing.kind === 'sign-in')
        return who?.locked ? new AppError('auth', 'accounts.locked') : new AppError('auth', 'accounts.signed_out', { permission });
      const user = grant?.name ?? '';
      const has = (lang: 'fa' | 'en') => roleName(lang, grant?.role ?? 'front-desk');
      if (missing.kind === 'role')
        return new AppError('forbidden', 'accounts.forbidden_role', { user, has, role: (l) => roleName(l, missing.what as Role), permission });
      return new AppError('forbidden', 'accounts.forbidden_extra', { user, extra: (l) => extraName(l, missing.what as Extra), permission });
    },
    state,
    /** May this session hear what needs `permission` (an event's, see event-permissions.ts)? A locked or signed-out one hears nothing. */
    mayReceive(caller: Caller, permission: Permission): boolean {
      if (repo.config().mode === 'open') return true;
      const who = userOf(caller);
      return !missingFor(who && !who.locked ? who.user : null, '', permission);
    },
    /** The sessions to keep over a restore, each with its user's name (see `adoptSessions`). */
    carrySessions: (): CarriedSession[] =>
      sessions.kept().flatMap((s) => {
        const user = repo.get(s.userId);
        return user ? [{ ...s, userKey: nameKey(user.name) }] : [];
      }),
    /** After a restore: the sessions of before it, for the users the restored data has (same id and name, enabled). */
    adoptSessions: (carried: CarriedSession[]) => sessions.adopt(carried),
    async signIn(caller: Caller, name: string, password: string): Promise<SessionState> {
      const k = nameKey(name);
      checkWait(k);
      const user = repo.byName(name);
      const ok = await verifySecret(password, user?.passwordHash ?? (await dummy));
      if (!user || !ok) throw refuse('accounts.wrong', k);
      if (user.disabled) throw new AppError('auth', 'accounts.disabled');
      return take(caller, user);
    },
    async switchUser(caller: Caller, name: string, pin: string): Promise<SessionState> {
      if (!sessions.has(caller.session)) throw new AppError('auth', 'accounts.switch_needs_session');
      const k = nameKey(name);
      checkWait(k);
      const user = repo.byName(name);
      const ok = await verifySecret(pin.trim(), user?.pinHash ?? (await dummy));
      if (!user || !user.pinHash || !ok) throw refuse('accounts.wrong_pin', k);
      if (user.disabled) throw new AppError('auth', 'accounts.disabled');
      return take(caller, user);
    },
    signOut(caller: Caller): SessionState {
      sessions.end(caller.session);
      return state(caller);
    },
    lock(caller: Caller): SessionState {
      sessions.lock(caller.session);
      return state(caller);
    },
    async recover(code: string, name: string, password: string): Promise<{ recoveryCode: string }> {
      const k = 'recovery';
      checkWait(k);
      const stored = repo.config().recoveryHash;
      if (!stored || !(await verifySecret(normaliseCode(code), stored))) {
        limit.failed(k);
        throw new AppError('auth', 'accounts.bad_code', {}, 'code');
      }
      const user = repo.byName(name);
      if (!user || user.role !== 'manager') throw new AppError('validation', 'accounts.not_manager', { name: name.trim() }, 'name');
      limit.succeeded(k);
      repo.update(user.id, { passwordHash: await hashSecret(password), disabled: false });
      // The code is spent: a new one is printed in its place.
      return { recoveryCode: await newRecovery() };
    },
    async enable(caller: Caller, first: { name: string; password: string; pin: string | null }) {
      if (repo.config().mode === 'accounts') throw new AppError('conflict', 'accounts.already_on');
      const user = await insertUser({ ...first, role: 'manager', extras: [] });
      const recoveryCode = await newRecovery();
      repo.setConfig({ mode: 'accounts' });
      return { state: take(caller, user), recoveryCode };
    },
    settingsUpdate(caller: Caller, idleLockMinutes: number): SessionState {
      repo.setConfig({ idleLockMinutes });
      return state(caller);
    },
    list: () => repo.list().map(publicUser),
    create: async (u: NewUser) => publicUser(await insertUser(u)),
    async update(patch: { id: number; role?: Role; extras?: Extra[]; pin?: string | null; disabled?: boolean }): Promise<UserRow> {
      const user = existing(patch.id);
      const stopsManaging = user.role === 'manager' && !user.disabled && ((patch.role && patch.role !== 'manager') || patch.disabled === true);
      if (stopsManaging && repo.activeManagers() <= 1) throw new AppError('conflict', 'accounts.last_manager', {}, patch.role ? 'role' : 'disabled');
      const pinHash = patch.pin === undefined ? undefined : patch.pin === null ? null : await hashSecret(patch.pin);
      repo.update(user.id, { role: patch.role, extras: patch.extras && [...new Set(patch.extras)], disabled: patch.disabled, pinHash });
      return publicUser(existing(user.id));
    },
    async resetPassword(id: number, password: string): Promise<UserRow> {
      existing(id);
      repo.update(id, { passwordHash: await hashSecret(password) });
      return publicUser(existing(id));
    },
  };
}

/** Browsers (by their own secret cookie) and the desktop app stay signed in over a restart; the CLI's and tests' sessions do not. */
const keptOverRestart = (session: string) => /^(browser:(?!none$)|electron:)/.test(session);

const roleName = (lang: 'fa' | 'en', r: Role) => message(lang, `accounts.role.${r}`);
const extraName = (lang: 'fa' | 'en', e: Extra) => message(lang, `accounts.extra.${e}`);
