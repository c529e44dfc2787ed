/** The duplicates finder as the engine serves it: the ranked pairs with both contacts' names for the list. */
import type { DuplicatePairView } from '../../shared/contract/duplicates.api';
import type { Db } from '../db/database';
import { contactNameOf, findDuplicates } from './duplicates.finder';

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;

export function createDuplicatesService(db: Db) {
  const nameOf = contactNameOf(db);
  return {
    find(limit = 200): DuplicatePairView[] {
      const named = (id: number) => ({ id, displayName: nameOf(id) });
      return findDuplicates(db, limit).map((p) => ({ a: named(p.a), b: named(p.b), score: p.score, reasons: p.reasons }));
    },
  };
}
