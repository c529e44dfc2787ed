/**
 * New contacts of an import, written a table at a time: a few thousand contact rows, then their
 * phones, emails, group links and field values, then their search terms. Writing each contact's rows
 * in turn (contact, phones, …, terms, next contact) moves between six B-trees on every row. Preparing
 * and writing 100,000 generated contacts (the import's commit without its look-ups) took 9.3–10.0 s
 * of CPU contact by contact, 7.2–8.6 s table by table 5,000 contacts at a time and 7.0–7.4 s 500 at
 * a time (three alternating rounds, loaded: load average 11–13 on the 2 cores): small batches keep
 * most of the gain, and the held contacts die young instead of being copied by the garbage collector.
 *
 * Same rows, same ids, same terms as contacts.repo.ts's insert: the id a contact gets is the one
 * SQLite would give it (the largest id plus one; the table has no AUTOINCREMENT), so the contact
 * can be referred to before it is written. Runs inside the caller's transaction, which must call
 * flush() before it commits; until then the held contacts are invisible to SQL, so a caller that
 * looks contacts up first asks holds() and flushes (import-commit's duplicate check does).
 */
import type { Db } from '../db/database';
import { CONTACT_COLUMNS, type ContactChildren, type ContactColumns } from './contacts.repo';

/** Contacts held before they are written: enough to stay within one table's pages a while, few enough to die young. */
const BATCH = 500;
/** Rows per multi-row INSERT of the narrow tables (search terms, group links). */
const ROWS_PER_STATEMENT = 64;

type Held = { id: number; cols: ContactColumns; ch: ContactChildren };

export type BulkInsert = ReturnType<typeof createBulkInsert>;

export function createBulkInsert(db: Db) {
  const s = {
    maxId: db.prepare<[], number>('SELECT max(id) FROM contacts').pluck(),
    contact: db.prepare(
      `INSERT INTO contacts (id, ${CONTACT_COLUMNS.join(', ')}, created_at, updated_at) VALUES (?, ${CONTACT_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    ),
    phone: db.prepare('INSERT INTO contact_phones (contact_id, position, kind, number, extension, phone_key) VALUES (?, ?, ?, ?, ?, ?)'),
    email: db.prepare('INSERT INTO contact_emails (contact_id, position, address) VALUES (?, ?, ?)'),
    field: db.prepare('INSERT INTO contact_field_values (contact_id, field_id, value) VALUES (?, ?, ?)'),
  };
  const multi = (sql: string) => {
    const byCount: ReturnType<Db['prepare']>[] = [];
    return (n: number) => (byCount[n] ??= db.prepare(`${sql} ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`));
  };
  const termsStatement = multi('INSERT OR IGNORE INTO search_terms (term, contact_id) VALUES');
  const groupsStatement = multi('INSERT OR IGNORE INTO contact_groups (contact_id, group_id) VALUES');

  let held: Held[] = [];
  let now = '';
  let nextId = 0;
  // What the duplicate check looks contacts up by (contacts.repo idsByPhoneKey and bySortKey), for the held ones.
  const heldKeys = new Set<string>();
  const heldSortKeys = new Set<string>();

  /** Runs `flat` (a, b, a, b, …) as multi-row statements of two values a row. */
  function pairs(flat: unknown[], statement: (n: number) => ReturnType<Db['prepare']>): void {
    for (let k = 0; k < flat.length; k += 2 * ROWS_PER_STATEMENT) {
      const part = flat.slice(k, k + 2 * ROWS_PER_STATEMENT);
      statement(part.length / 2).run(part);
    }
  }

  function flush(): void {
    if (held.length === 0) return;
    const batch = held;
    held = [];
    heldKeys.clear();
    heldSortKeys.clear();
    for (const { id, cols } of batch) {
      const params: unknown[] = [id];
      for (const c of CONTACT_COLUMNS) params.push(cols[c]);
      params.push(now, now);
      s.contact.run(params);
    }
    for (const { id, ch } of batch) ch.phones.forEach((p, i) => s.phone.run(id, i, p.kind, p.number, p.extension, p.key));
    for (const { id, ch } of batch) ch.emails.forEach((e, i) => s.email.run(id, i, e));
    const links: unknown[] = [];
    for (const { id, ch } of batch) for (const g of ch.groupIds) links.push(id, g);
    pairs(links, groupsStatement);
    for (const { id, ch } of batch) for (const f of ch.fields) s.field.run(id, f.fieldId, f.value);
    const terms: unknown[] = [];
    for (const { id, ch } of batch) for (const t of ch.terms) terms.push(t, id);
    pairs(terms, termsStatement);
  }

  return {
    /** Holds a new contact (written at the latest by flush()); returns the id it is written under. */
    add(cols: ContactColumns, ch: ContactChildren, at: string): number {
      if (held.length > 0 && at !== now) flush();
      if (held.length === 0) {
        nextId = (s.maxId.get() ?? 0) + 1;
        now = at;
      }
      const id = nextId++;
      held.push({ id, cols, ch });
      for (const p of ch.phones) if (p.key !== null) heldKeys.add(p.key);
      heldSortKeys.add(cols.sort_key);
      if (held.length >= BATCH) flush();
      return id;
    },
    /**
     * Whether a held contact would be found by the duplicate check's look-up (io.service duplicatesOf):
     * by one of its phone keys, or by its sort key when the record has no phone. Then flush first.
     */
    holds(keys: readonly string[], sortKey: string): boolean {
      if (held.length === 0) return false;
      return keys.length > 0 ? keys.some((k) => heldKeys.has(k)) : heldSortKeys.has(sortKey);
    },
    /** Writes every held contact. */
    flush,
    /** Forgets the held contacts (the transaction is rolled back). */
    discard(): void {
      held = [];
      heldKeys.clear();
      heldSortKeys.clear();
    },
  };
}
