/**
 * The duplicates finder (issue 19, the customer desk): pairs of contacts that are probably one person,
 * best first, each with why. Reads only; the merge screen builds on it.
 */
import { z } from 'zod';
import { request, type RequestMap } from './request';

export type DuplicateReason = { kind: 'phone'; number: string } | { kind: 'name'; how: 'same' | 'reordered' };
export type DuplicateContact = { id: number; displayName: string };
export type DuplicatePairView = { a: DuplicateContact; b: DuplicateContact; score: number; reasons: DuplicateReason[] };

export const duplicatesApi = {
  /** The probable duplicates, best first (at most `limit`, 200 unless given). Never fails on data: a thin name is just not matched. */
  'duplicates/find': request(z.object({ limit: z.number().int().min(1).max(1000).optional() }))
    .reads('contacts.read')
    .returns<DuplicatePairView[]>(),
} satisfies RequestMap;
