/**
 * SQL of phonebook search. Two paths:
 * - no text: the name-ordered index, with OFFSET for a virtualised list and COUNT for its length;
 * - text: one range scan of search_terms for the most selective word, already in order, streamed
 *   and de-duplicated, the other words and the filters checked per row — so the first page costs
 *   about the same at any table size.
 */
import { foldForSearch } from '../../shared/text/normalize';
import type { Db } from '../db/database';

export type SqlFilter = { sql: string; params: unknown[] };

/** The highest code point, so [prefix, prefix + MAX) is every string that starts with prefix. */
const MAX_CHAR = '\u{10ffff}';

export function createSearchRepo(db: Db) {
  // Field values are stored as typed; 'contains' compares them folded, like every other search.
  db.function('monshi_fold', { deterministic: true }, (v: unknown) => foldForSearch(String(v ?? '')));
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  const prepared = (sql: string) => {
    let st = cache.get(sql);
    if (!st) {
      st = db.prepare(sql);
      if (cache.size > 200) cache.clear();
      cache.set(sql, st);
    }
    return st;
  };
  // The whole phonebook's size, counted again only after a write: counting 1,000,000 contacts reads
  // the whole name index (~50 ms), and every search that is no text ("0", "+", the list itself) asks.
  // total_changes() moves with every row this connection writes (triggers included), data_version
  // with every commit of another connection (the CLI on the same file).
  const changes = db.prepare('SELECT total_changes()').pluck();
  let whole: { at: string; n: number } | null = null;
  const countedAt = () => `${changes.get() as number}:${db.pragma('data_version', { simple: true }) as number}`;
  const wholeCount = (): number => {
    const at = countedAt();
    if (whole?.at !== at) whole = { at, n: db.prepare('SELECT COUNT(*) FROM contacts').pluck().get() as number };
    return whole.n;
  };
  const where = (filters: SqlFilter[]) => (filters.length ? `WHERE ${filters.map((f) => f.sql).join(' AND ')}` : '');
  const params = (filters: SqlFilter[]) => filters.flatMap((f) => f.params);

  return {
    /** Contact ids in name order. */
    listIds(filters: SqlFilter[], offset: number, limit: number): number[] {
      const st = prepared(`SELECT c.id FROM contacts c ${where(filters)} ORDER BY c.sort_key, c.id LIMIT ? OFFSET ?`);
      return st.pluck().all(...params(filters), limit, offset) as number[];
    },
    /** Whether count([]) is known without reading the phonebook (counted since the last write). */
    wholeCountKnown: (): boolean => whole?.at === countedAt(),
    count(filters: SqlFilter[]): number {
      if (filters.length === 0) return wholeCount();
      return prepared(`SELECT COUNT(*) FROM contacts c ${where(filters)}`)
        .pluck()
        .get(...params(filters)) as number;
    },
    /** How many terms start with `prefix`, counted up to `cap` (to pick the most selective word). */
    rangeSize(prefix: string, cap: number): number {
      return prepared('SELECT COUNT(*) FROM (SELECT 1 FROM search_terms WHERE term >= ? AND term < ? LIMIT ?)')
        .pluck()
        .get(prefix, prefix + MAX_CHAR, cap) as number;
    },
    /**
     * Contacts having a term that starts with `prefix`, in term order, each once. `words` must each
     * start a word of the contact's search text as well.
     */
    *matchIds(prefix: string, words: string[], filters: SqlFilter[]): Generator<number> {
      const all: SqlFilter[] = [
        { sql: 's.term >= ? AND s.term < ?', params: [prefix, prefix + MAX_CHAR] },
        ...words.map((w) => ({ sql: `instr('|' || c.search_text, '|' || ?) > 0`, params: [w] })),
        ...filters,
      ];
      // Without other words or filters the terms alone answer: joining each one to its contact row cost a
      // random read of the contacts table per term (500 of them to count a page ahead, 15-17 ms the first time).
      const join = all.length > 1 ? 'JOIN contacts c ON c.id = s.contact_id' : '';
      const st = prepared(`SELECT s.contact_id FROM search_terms s ${join} ${where(all)} ORDER BY s.term, s.contact_id`);
      const seen = new Set<number>();
      for (const id of st.pluck().iterate(...params(all)) as IterableIterator<number>) {
        if (seen.has(id)) continue;
        seen.add(id);
        yield id;
      }
    },
  };
}

/** Filter: member of a group. */
export const inGroup = (groupId: number): SqlFilter => ({
  sql: 'EXISTS (SELECT 1 FROM contact_groups g WHERE g.contact_id = c.id AND g.group_id = ?)',
  params: [groupId],
});

/** Filter on a user-defined field's canonical value (see contact_field_values.value). */
export function onField(fieldId: number, op: 'eq' | 'contains' | 'range' | 'set' | 'unset', a: string, b: string, numeric: boolean): SqlFilter {
  const v = 'SELECT v.value FROM contact_field_values v WHERE v.contact_id = c.id AND v.field_id = ?';
  switch (op) {
    case 'set':
      return { sql: `EXISTS (${v} AND v.value <> '')`, params: [fieldId] };
    case 'unset':
      return { sql: `NOT EXISTS (${v} AND v.value <> '')`, params: [fieldId] };
    case 'eq':
      return { sql: `EXISTS (${v} AND v.value = ?)`, params: [fieldId, a] };
    case 'contains':
      // `a` is folded by the caller.
      return { sql: `EXISTS (${v} AND instr(monshi_fold(v.value), ?) > 0)`, params: [fieldId, a] };
    case 'range': {
      const conds: string[] = [];
      const ps: unknown[] = [fieldId];
      const expr = numeric ? 'CAST(v.value AS REAL)' : 'v.value';
      if (a !== '') {
        conds.push(`${expr} >= ?`);
        ps.push(numeric ? Number(a) : a);
      }
      if (b !== '') {
        conds.push(`${expr} <= ?`);
        ps.push(numeric ? Number(b) : b);
      }
      return { sql: `EXISTS (${v} AND v.value <> ''${conds.map((c) => ' AND ' + c).join('')})`, params: ps };
    }
  }
}
