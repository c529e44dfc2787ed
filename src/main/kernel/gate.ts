/**
 * The one gate every request passes: the method must be in the contract, the input must pass its zod
 * schema (a 'validation' error naming the field otherwise), and whatever the handler throws becomes a
 * `Result` error in the caller's language: an AppError as it is, a known fault (a full disk, a damaged
 * file) as that fault, anything else 'internal' and logged. No input can make the gate throw.
 * Before the input is even read, `guard` (accounts) says whether the caller's session may make the
 * request at all, and as whom: a refusal ('forbidden', or 'auth' when nobody is signed in) names what
 * is missing, and the handler never runs.
 */
import { hostname } from 'node:os';
import type { Result } from '../../shared/contract/errors';
import type { RequestMap } from '../../shared/contract/request';
import { message, type Lang } from '../i18n/messages';
import { AppError } from './app-error';
import { runAs } from './actor';
import type { Actor, AnyHandler, Caller } from './handlers';
import type { Logger } from './logger';

export type GateOptions = {
  api: RequestMap;
  /** One per request of `api` (checked here once at start). */
  handlers: Record<string, unknown>;
  log: Logger;
  /** A thrown error that is a known fault of the machine (e.g. the database file), said as such; null otherwise. */
  fault: (e: unknown) => AppError | null;
  /** Who may make the request (accounts); without one every caller may, as this PC. */
  guard?: (method: string, caller: Caller) => { actor: Actor } | AppError;
  /** The audit trail (src/main/audit): a writing request runs through `runWriting`, which records what it changed with its actor. */
  audit?: { runWriting(method: string, actor: Actor, call: () => unknown): unknown };
};

/** The caller of a shell that names none (the CLI, tests): this PC's own session. */
export const LOCAL_CALLER: Caller = { session: 'local', pc: hostname() };

export type Gate = (method: string, input: unknown, lang: Lang, caller?: Caller) => Promise<Result<unknown>>;

export function createGate({ api, handlers, log, fault, guard, audit }: GateOptions): Gate {
  // The handler maps are typed per domain; this checks the whole once at start: one handler per request, none extra.
  const missing = Object.keys(api).filter((m) => !Object.hasOwn(handlers, m));
  const extra = Object.keys(handlers).filter((m) => !Object.hasOwn(api, m));
  if (missing.length || extra.length) throw new Error(`handlers do not match the contract: missing ${missing.join(', ')}; extra ${extra.join(', ')}`);

  return async (method, input, lang, caller = LOCAL_CALLER) => {
    const language: Lang = lang === 'en' ? 'en' : 'fa';
    const endpoint = Object.hasOwn(api, method) ? api[method] : undefined;
    if (!endpoint) return { ok: false, error: { code: 'validation', message: message(language, 'validation.generic', { field: String(method) }) } };
    const allowed = guard ? guard(method, caller) : { actor: { userId: null, name: '', pc: caller.pc } };
    if (allowed instanceof AppError) return { ok: false, error: allowed.toShape(language) };
    const { actor } = allowed;
    const parsed = endpoint.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const key = issue?.code === 'too_big' ? 'validation.too_long' : 'validation.generic';
      return { ok: false, error: { code: 'validation', message: message(language, key, { field }), field } };
    }
    try {
      const handler = handlers[method] as AnyHandler;
      const run = () => runAs(actor, () => handler(parsed.data, { lang: language, actor, caller }));
      // A writing request records what it changed, signed by its actor (the audit trail).
      return { ok: true, value: await (endpoint.writes && audit ? audit.runWriting(method, actor, run) : run()) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toShape(language) };
      log.error(`${method} failed`, e);
      // A full disk, a read-only or damaged file while running: say which and what to do, not "internal error".
      const known = fault(e);
      if (known) return { ok: false, error: known.toShape(language) };
      return { ok: false, error: { code: 'internal', message: message(language, 'internal') } };
    }
  };
}
