/** The duplicates finder as the engine serves it: the ranked pairs with both contacts' names for the list. */
import type { DuplicatePairView } from '../../shared/contract/duplicates.api';
import type { Db } from '../db/database';
import { findDuplicates } from './duplicates.finder';

export type DuplicatesService = ReturnType<typeof createDuplicatesService>;

export function createDuplicatesService(db: Db) {
  const nameOf = db.prepare('SELECT display_name FROM contacts WHERE id = ?').pluck();
  return {
    find(limit = 200): DuplicatePairView[] {
      const named = (id: number) => ({ id, displayName: nameOf.get(id) as string });
      return findDuplicates(db, limit).map((p) => ({ a: named(p.a), b: named(p.b), score: p.score, reasons: p.reasons }));
    },
  };
}
