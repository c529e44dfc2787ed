/** An engine with accounts on and one signed-in session per kind of user (tests of the accounts domain). */
import type { Method, OutputOf } from '../../src/shared/contract/api';
import type { Extra, Role } from '../../src/shared/contract/accounts';
import type { Result } from '../../src/shared/contract/errors';
import type { Caller } from '../../src/main/kernel/handlers';
import type { TestEngine } from '../helpers/engine';

export const callerNamed = (session: string): Caller => ({ session, pc: 'desk-pc' });

export type Desk = {
  caller: Caller;
  call<M extends Method>(method: M, input: unknown, lang?: 'fa' | 'en'): Promise<Result<OutputOf<M>>>;
};

export const deskOf = (e: TestEngine, session: string): Desk => {
  const caller = callerNamed(session);
  return { caller, call: (method, input, lang = 'en') => e.invoke(method, input, lang, caller) };
};

/** Turns accounts on with the manager «Mina» (password 'manager-pass-1'), signed in on session 'manager'. */
export async function withManager(e: TestEngine): Promise<{ manager: Desk; recoveryCode: string }> {
  const manager = deskOf(e, 'manager');
  const r = await manager.call('accounts/enable', { name: 'Mina', password: 'manager-pass-1', pin: '1357' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { manager, recoveryCode: r.value.recoveryCode };
}

/** A user made by the manager and signed in on a session of its own (named as the user). */
export async function userDesk(e: TestEngine, manager: Desk, name: string, role: Role, extras: Extra[] = [], pin: string | null = null): Promise<Desk> {
  const made = await manager.call('users/create', { name, password: `${name}-password`, role, extras, pin });
  if (!made.ok) throw new Error(JSON.stringify(made.error));
  const desk = deskOf(e, name);
  const signed = await desk.call('accounts/sign-in', { name, password: `${name}-password` });
  if (!signed.ok) throw new Error(JSON.stringify(signed.error));
  return desk;
}
