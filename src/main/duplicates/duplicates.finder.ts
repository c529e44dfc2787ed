/**
 * The duplicates finder: pairs of contacts that are probably one person, ranked, each with why it
 * matched. Two signals:
 * - the same number in any form: `contact_phones.phone_key` is the international digits the phonebook
 *   keys every number by (0912…, +98 912…, ۰۹۱۲…, 98912… all give one key), so one GROUP BY finds them;
 * - the same name once Persian spelling noise is folded away (ي/ی, ك/ک, ZWNJ, spacing, diacritics,
 *   tatweel, digit scripts — `foldForSearch`, the phonebook's own search fold), either exactly or with
 *   the words in another order («کریمی رضا» / «رضا کریمی»).
 * Blocking by key keeps it linear: a million contacts are read once, never compared pairwise.
 */
import { foldForSearch } from '../../shared/text/normalize';
import type { Db } from '../db/database';

export type DuplicateReason = { kind: 'phone'; number: string } | { kind: 'name'; how: 'same' | 'reordered' };
export type DuplicatePair = { a: number; b: number; score: number; reasons: DuplicateReason[] };

/**
 * A key shared by more contacts than this is not evidence of one person (an office switchboard on 40
 * cards, forty «علی محمدی»s): pairing them all would bury the real duplicates under n² noise.
 */
export const MAX_GROUP = 12;
const SCORE = { phone: 60, same: 40, reordered: 30 } as const;
const BATCH = 50_000;

export type NameKeys = { same: string; reordered: string } | null;

/** The keys a name is blocked by; null when it is too thin to say anything (one word, under 3 letters). */
export function nameKeys(name: string): NameKeys {
  const words = foldForSearch(name)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
  if (words.length < 2 || words.join('').length < 3) return null;
  return { same: words.join(''), reordered: [...words].sort().join(' ') };
}

/** Every probable duplicate pair (a < b), best first; at most `limit`. */
export function findDuplicates(db: Db, limit = 500): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (ids: number[], reason: DuplicateReason, score: number) => {
    if (ids.length < 2 || ids.length > MAX_GROUP) return;
    ids.sort((x, y) => x - y);
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) {
        const k = `${ids[i]}:${ids[j]}`;
        let p = pairs.get(k);
        if (!p) pairs.set(k, (p = { a: ids[i]!, b: ids[j]!, score: 0, reasons: [] }));
        // One reason of a kind is enough: two shared numbers are not twice the evidence of one.
        if (p.reasons.some((r) => r.kind === reason.kind)) continue;
        p.reasons.push(reason);
        p.score += score;
      }
  };

  const phoneGroups = db
    .prepare(
      `SELECT phone_key AS key, MIN(number) AS number, group_concat(DISTINCT contact_id) AS ids FROM contact_phones
       WHERE phone_key IS NOT NULL GROUP BY phone_key HAVING COUNT(DISTINCT contact_id) BETWEEN 2 AND ?`,
    )
    .all(MAX_GROUP) as { key: string; number: string; ids: string }[];
  for (const g of phoneGroups) add(g.ids.split(',').map(Number), { kind: 'phone', number: g.number }, SCORE.phone);

  // Names: read in id batches (a million rows at once would hold every string twice), blocked in maps of key → ids.
  const same = new Map<string, number[] | number>();
  const reordered = new Map<string, number[] | number>();
  const push = (m: Map<string, number[] | number>, k: string, id: number) => {
    const v = m.get(k);
    if (v === undefined) m.set(k, id);
    else if (typeof v === 'number') m.set(k, [v, id]);
    else if (v.length <= MAX_GROUP) v.push(id);
  };
  const page = db.prepare(`SELECT id, first_name || ' ' || middle_name || ' ' || last_name AS name FROM contacts WHERE id > ? ORDER BY id LIMIT ${BATCH}`);
  for (let after = 0; ;) {
    const rows = page.all(after) as { id: number; name: string }[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const r of rows) {
      const k = nameKeys(r.name);
      if (!k) continue;
      push(same, k.same, r.id);
      push(reordered, k.reordered, r.id);
    }
  }
  for (const v of same.values()) if (typeof v !== 'number') add(v, { kind: 'name', how: 'same' }, SCORE.same);
  // A reordered match that is also the same spelling was already counted (one name reason a pair).
  for (const v of reordered.values()) if (typeof v !== 'number') add(v, { kind: 'name', how: 'reordered' }, SCORE.reordered);

  return [...pairs.values()].sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b).slice(0, limit);
}

/** A contact's display name by id, for the list (the finder's queries stay in this file). */
export function contactNameOf(db: Db): (id: number) => string {
  const nameOf = db.prepare<[number], string>('SELECT display_name FROM contacts WHERE id = ?').pluck();
  return (id) => nameOf.get(id) ?? '';
}
