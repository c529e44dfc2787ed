/**
 * A domain's handler map: one function per request of its contract map, typed from it, so a missing or
 * misspelled handler is a compile error (`contactsHandlers(…): Handlers<typeof contactsApi>`).
 */
import type { z } from 'zod';
import type { Api } from '../../shared/contract/api';
import type { RequestMap } from '../../shared/contract/request';

/**
 * Who makes a request (issue 18): the signed-in user (null id in a no-password office or before accounts
 * exist) and the PC it came from. The accounts domain fills it in at the gate; the audit trail records it.
 */
export type Actor = { userId: number | null; name: string; pc: string };

/**
 * Where a request comes from, as the shell names it: a session (one browser, the desktop app's windows,
 * 'local' for a shell of its own such as the CLI) and the PC.
 */
export type Caller = { session: string; pc: string };

export type HandlerContext = { lang: 'fa' | 'en'; actor?: Actor; caller?: Caller };

export type Handlers<A extends RequestMap = Api> = {
  [M in keyof A]: (input: z.output<A[M]['input']>, hc: HandlerContext) => A[M]['output'] | Promise<A[M]['output']>;
};

/** A handler as the gate calls it, after the input passed its schema. */
export type AnyHandler = (input: unknown, hc: HandlerContext) => unknown;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/**
 * The domains' handler maps as one, typed as all of them together (so `const all: Handlers = joinHandlers(…)`
 * fails to compile when a request has no handler); a request handled by two domains is a start-up error.
 */
export function joinHandlers<T extends object[]>(...maps: T): Intersection<T[number]> {
  const all: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, handler] of Object.entries(map)) {
      if (Object.hasOwn(all, name)) throw new Error(`two handlers for '${name}'`);
      all[name] = handler;
    }
  }
  return all as Intersection<T[number]>;
}
