/**
 * The one gate every request passes: the method must be in the contract, the input must pass its zod
 * schema (a 'validation' error naming the field otherwise), and whatever the handler throws becomes a
 * `Result` error in the caller's language: an AppError as it is, a known fault (a full disk, a damaged
 * file) as that fault, anything else 'internal' and logged. No input can make the gate throw.
 */
import type { Result } from '../../shared/contract/errors';
import type { RequestMap } from '../../shared/contract/request';
import { message, type Lang } from '../i18n/messages';
import { AppError } from './app-error';
import type { Actor, AnyHandler } from './handlers';
import type { Logger } from './logger';

export type GateOptions = {
  api: RequestMap;
  /** One per request of `api` (checked here once at start). */
  handlers: Record<string, unknown>;
  log: Logger;
  /** A thrown error that is a known fault of the machine (e.g. the database file), said as such; null otherwise. */
  fault: (e: unknown) => AppError | null;
  /**
   * The audit trail (src/main/audit): a writing request runs through `runWriting`, which records what it
   * changed with its actor. Until accounts name one, the actor is `localActor()` (the office's user here).
   */
  audit?: { runWriting(method: string, actor: Actor, call: () => unknown): unknown; localActor(): Actor };
};

export type Gate = (method: string, input: unknown, lang: Lang) => Promise<Result<unknown>>;

export function createGate({ api, handlers, log, fault, audit }: GateOptions): Gate {
  // The handler maps are typed per domain; this checks the whole once at start: one handler per request, none extra.
  const missing = Object.keys(api).filter((m) => !Object.hasOwn(handlers, m));
  const extra = Object.keys(handlers).filter((m) => !Object.hasOwn(api, m));
  if (missing.length || extra.length) throw new Error(`handlers do not match the contract: missing ${missing.join(', ')}; extra ${extra.join(', ')}`);

  return async (method, input, lang) => {
    const language: Lang = lang === 'en' ? 'en' : 'fa';
    const endpoint = Object.hasOwn(api, method) ? api[method] : undefined;
    if (!endpoint) return { ok: false, error: { code: 'validation', message: message(language, 'validation.generic', { field: String(method) }) } };
    const parsed = endpoint.input.safeParse(input ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      const key = issue?.code === 'too_big' ? 'validation.too_long' : 'validation.generic';
      return { ok: false, error: { code: 'validation', message: message(language, key, { field }), field } };
    }
    try {
      const handler = handlers[method] as AnyHandler;
      const hc = { lang: language, actor: audit?.localActor() };
      const run = () => handler(parsed.data, hc);
      return { ok: true, value: await (endpoint.writes && audit && hc.actor ? audit.runWriting(method, hc.actor, run) : run()) };
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
