/**
 * Update requests take a patch: the keys a screen sends are changed, every key it leaves out keeps
 * its stored value. A screen that shows part of a record (Answering → "Hours and lines" shows a
 * line's rings, the line card only its on/off switch) can then never reset a field another screen
 * owns ("record every answered call") by not knowing it. The create schema's defaults are dropped
 * here on purpose: a default in a patch would be exactly that reset.
 */
import { z } from 'zod';

type Undefaulted<T> = T extends z.ZodDefault<infer I> ? I : T;
export type PatchShape<S extends z.ZodRawShape> = { [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> };

/** The patch form of a create schema: every key optional, no defaults. */
export function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
  );
  return z.object(shape) as unknown as z.ZodObject<PatchShape<S>>;
}

/** The stored record with the patch's keys laid over it (keys absent or undefined in the patch keep their value). */
export function applyPatch<T extends object>(stored: T, patch: Partial<T>): T {
  const out = { ...stored };
  for (const k of Object.keys(patch) as (keyof T)[]) if (patch[k] !== undefined) out[k] = patch[k] as T[keyof T];
  return out;
}
