/**
 * Update requests take a patch (shared/contract/patch.ts): what they write is the stored record, read
 * back in the create schema's terms, with the patch's keys laid over it and the whole validated again
 * — so one screen saving its part of a record never resets a part another screen owns.
 */
import type { z } from 'zod';
import { applyPatch } from '../../shared/contract/patch';
import { AppError, validationError } from './app-error';

/** `stored` null (no such record): the patch alone, so the service can say 'not found' as it always did. */
export function patched<S extends z.ZodObject>(schema: S, stored: object | null | undefined, patch: object): z.output<S> {
  const base: Record<string, unknown> = {};
  for (const k of Object.keys(schema.shape)) if (stored && k in stored) base[k] = (stored as Record<string, unknown>)[k];
  const r = schema.safeParse(applyPatch(base, patch as Partial<typeof base>));
  if (r.success) return r.data;
  // A stored value the rules refuse today (they changed since it was saved): named like a bad input.
  const field = `data.${r.error.issues[0]?.path.join('.') ?? ''}`;
  throw validationError('validation.generic', field, { field });
}

/** The stored record, or null when there is none (the service then says 'not found' itself). */
export function storedOr<T>(get: () => T): T | null {
  try {
    return get();
  } catch (e) {
    if (e instanceof AppError && e.code === 'not_found') return null;
    throw e;
  }
}
