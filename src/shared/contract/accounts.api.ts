/**
 * Accounts and roles (issue 18). The `session.*` requests are open to a session nobody has signed in
 * to (the sign-in screen needs them); `users.*` are the manager's. Each fails with 'validation' naming
 * the field, 'auth' for a wrong name or password (never saying which), or 'forbidden'.
 */
import { z } from 'zod';
import { request, id, none, type RequestMap } from './request';
import { extras, password, pin, role, userName, type SessionState, type UserRow } from './accounts';

const newUser = z.object({ name: userName, password, pin: pin.nullable().default(null), role, extras: extras.default([]) });

export const accountsApi = {
  /** This session: the mode, who is signed in, whether it is locked, what it may ask. */
  'accounts/state': request(none).reads('session.read').returns<SessionState>(),
  /** Signs this session in (or in as someone else). After failures, further attempts wait ('auth', with the seconds). */
  'accounts/sign-in': request(z.object({ name: userName, password: z.string().max(200) }))
    .writes('session.write')
    .returns<SessionState>(),
  /** Switches a signed-in or locked session to a user with a PIN (the front desk's quick switch). */
  'accounts/switch': request(z.object({ name: userName, pin: z.string().max(20) }))
    .writes('session.write')
    .returns<SessionState>(),
  'accounts/sign-out': request(none).writes('session.write').returns<SessionState>(),
  /** Locks this session until its user (or another, who then takes it over) signs in again. */
  'accounts/lock': request(none).writes('session.write').returns<SessionState>(),
  /** The last manager's way back: the recovery code sets a new password for a manager and gives a new code. */
  'accounts/recover': request(z.object({ code: z.string().max(100), name: userName, password }))
    .writes('session.write')
    .returns<{ recoveryCode: string }>(),
  /** The UI's language and calendar, for anyone signed in (settings/update is the manager's). */
  'accounts/preferences': request(z.object({ language: z.enum(['fa', 'en']).optional(), calendar: z.enum(['jalali', 'gregorian']).optional() }))
    .writes('preferences.write')
    .returns<{ ok: true }>(),
  /**
   * Turns accounts on with the first manager (first run, or Settings of a no-password office), signs
   * this session in and returns the recovery code, shown once. 'conflict' when accounts are on already.
   */
  'accounts/enable': request(newUser.omit({ role: true, extras: true }))
    .writes('users.admin')
    .returns<{ state: SessionState; recoveryCode: string }>(),
  'accounts/settings-update': request(
    z.object({
      idleLockMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
    }),
  )
    .writes('users.admin')
    .returns<SessionState>(),
  'users/list': request(none).reads('users.read').returns<UserRow[]>(),
  /** 'conflict' when the name is taken (names compare without case). */
  'users/create': request(newUser).writes('users.admin').returns<UserRow>(),
  /** Role, extras, PIN (null clears it) and disabling; the last enabled manager cannot stop being one ('conflict'). */
  'users/update': request(z.object({ id, role: role.optional(), extras: extras.optional(), pin: pin.nullable().optional(), disabled: z.boolean().optional() }))
    .writes('users.admin')
    .returns<UserRow>(),
  /** A manager sets a new password for someone who forgot theirs. */
  'users/reset-password': request(z.object({ id, password })).writes('users.admin').returns<UserRow>(),
} satisfies RequestMap;
