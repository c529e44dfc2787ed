/**
 * How a domain declares one request of the API (see api.ts): its zod input schema, written once (the
 * input type is inferred from it), the permission a caller needs, whether it writes, and the output
 * type, named once:
 *
 *   'contacts/get': request(z.object({ id })).reads('contacts.read').returns<Contact>(),
 *   'contacts/delete': request(z.object({ id })).writes('contacts.write').returns<{ id: number }>(),
 *
 * "Writes" means it changes stored data or acts on a line or call; a request that only reads leaves the
 * database untouched (tests/contract walks every one to check). A writing request's permission ends in
 * `.write` or `.admin` (the compiler refuses `.read` there), so an accounts rule can grant by level.
 */
import { z } from 'zod';

type Level = 'read' | 'write' | 'admin';
/** `<domain>.<level>`, e.g. 'contacts.read', 'cheques.admin', 'attendance.clock.write'. */
export type PermissionName = `${string}.${Level}`;
export type WritePermissionName = `${string}.${'write' | 'admin'}`;

/** One request: the output type is carried by a phantom `output` (never read at run time). */
export type Request<S extends z.ZodType = z.ZodType, T = unknown, P extends PermissionName = PermissionName, W extends boolean = boolean> = {
  input: S;
  output: T;
  permission: P;
  writes: W;
};

/** A domain's requests by name; each domain exports one (`contactsApi`, …) and api.ts spreads them. */
export type RequestMap = Record<string, Request>;

export function request<S extends z.ZodType>(input: S) {
  return {
    reads: <const P extends PermissionName>(permission: P) => ({
      returns: <T>(): Request<S, T, P, false> => ({ input, output: null as unknown as T, permission, writes: false }),
    }),
    writes: <const P extends WritePermissionName>(permission: P) => ({
      returns: <T>(): Request<S, T, P, true> => ({ input, output: null as unknown as T, permission, writes: true }),
    }),
  };
}

/** A record id. */
export const id = z.number().int().positive();
/** No input: `{}`, or nothing at all. */
export const none = z.object({}).default({});
