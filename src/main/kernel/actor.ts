/**
 * The actor of the request being handled, for code that signs what it writes (a note's author, a
 * correction's "by") without each handler passing it down: the gate runs every handler inside
 * `runAs`. Outside a request (the scheduler, a line's events) there is none.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Actor } from './handlers';
import type { EngineContext } from './context';

const current = new AsyncLocalStorage<Actor>();

export const runAs = <T>(actor: Actor, fn: () => T): T => current.run(actor, fn);

export const currentActor = (): Actor | undefined => current.getStore();

/** The name to sign with: the signed-in user's, else (no-password office, no request) the Settings name. */
export function actorName(ctx: Pick<EngineContext, 'settings'>): string {
  const actor = currentActor();
  return actor?.userId != null ? actor.name : ctx.settings.get().userName;
}

/** A note's author: the signed-in user always (never what the form says); else the given name, else the Settings one. */
export function authorName(ctx: Pick<EngineContext, 'settings'>, given: string): string {
  const actor = currentActor();
  return actor?.userId != null ? actor.name : given.trim() || ctx.settings.get().userName;
}
