/**
 * The chain of the trail: each entry's hash is SHA-256 over a canonical form of the entry (its columns
 * in a fixed order as a JSON array) together with the previous entry's hash. Changing an entry's text
 * changes its hash; removing one leaves the next pointing at a hash no longer there. Either is found
 * by walking the chain, which names the first entry where it breaks.
 */
import { createHash } from 'node:crypto';
import type { AuditCheck } from '../../shared/contract/audit';

/** The hash the first entry points back to. */
export const GENESIS = '0'.repeat(64);

/** An entry as stored, without its own hash. */
export type StoredEntry = {
  id: number;
  at: number;
  actor_kind: string;
  user_id: number | null;
  actor_name: string;
  pc: string;
  request: string;
  record_type: string;
  record_id: string;
  record_name: string;
  action: string;
  changes: string;
  prev_hash: string;
};

export function entryHash(e: StoredEntry): string {
  const canonical = JSON.stringify([
    e.id,
    e.at,
    e.actor_kind,
    e.user_id,
    e.actor_name,
    e.pc,
    e.request,
    e.record_type,
    e.record_id,
    e.record_name,
    e.action,
    e.changes,
    e.prev_hash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Walks entries in id order; the first that does not hold is named. */
export function checkChain(entries: Iterable<StoredEntry & { hash: string }>): AuditCheck {
  let prev = GENESIS;
  let count = 0;
  for (const e of entries) {
    count++;
    if (e.prev_hash !== prev) return { ok: false, entries: count, entryId: e.id, problem: 'removed' };
    if (entryHash(e) !== e.hash) return { ok: false, entries: count, entryId: e.id, problem: 'changed' };
    prev = e.hash;
  }
  return { ok: true, entries: count };
}
