/** SQL of the phonebook's contacts: rows, phones, emails, group links, extra-field values, notes and search terms. */
import type { PhoneKind } from '../../shared/contract/contacts';
import type { Db } from '../db/database';

export type ContactRow = {
  id: number;
  prefix: string;
  first_name: string;
  middle_name: string;
  last_name: string;
  suffix: string;
  nickname: string;
  company: string;
  department: string;
  job_title: string;
  street: string;
  city: string;
  province: string;
  postal_code: string;
  country: string;
  birth_date: string | null;
  notes: string;
  display_name: string;
  sort_key: string;
  search_text: string;
  created_at: string;
  updated_at: string;
};
export type ContactColumns = Omit<ContactRow, 'id' | 'created_at' | 'updated_at'>;
export type PhoneKeyRow = { id: number; contact_id: number; number: string; phone_key: string | null };
export type PhoneRow = { contact_id: number; kind: PhoneKind; number: string; extension: string; phone_key: string | null };
export type NoteRow = { id: number; contact_id: number; body: string; author: string; created_at: string };
export type ContactChildren = {
  phones: { kind: PhoneKind; number: string; extension: string; key: string | null }[];
  emails: string[];
  groupIds: number[];
  fields: { fieldId: number; value: string }[];
  terms: string[];
};

/** Joins a contact's terms in contacts.search_text; words and phrases never contain it. */
export const TERM_SEPARATOR = '|';

/** The contacts table's own columns, as ContactColumns names them (bulk-insert.repo.ts writes the same). */
export const CONTACT_COLUMNS = [
  'prefix',
  'first_name',
  'middle_name',
  'last_name',
  'suffix',
  'nickname',
  'company',
  'department',
  'job_title',
  'street',
  'city',
  'province',
  'postal_code',
  'country',
  'birth_date',
  'notes',
  'display_name',
  'sort_key',
  'search_text',
] as const;

export type ContactsRepo = ReturnType<typeof createContactsRepo>;

export function createContactsRepo(db: Db) {
  const s = {
    // Positional, not named: binding 21 named values from an object cost a third of the row's write.
    insert: db.prepare(
      `INSERT INTO contacts (${CONTACT_COLUMNS.join(', ')}, created_at, updated_at)
       VALUES (${CONTACT_COLUMNS.map(() => '?').join(', ')}, ?, ?)`,
    ),
    update: db.prepare(`UPDATE contacts SET ${CONTACT_COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    delete: db.prepare<[number]>('DELETE FROM contacts WHERE id = ?'),
    get: db.prepare<[number], ContactRow>('SELECT * FROM contacts WHERE id = ?'),
    searchText: db.prepare<[number], { search_text: string }>('SELECT search_text FROM contacts WHERE id = ?'),
    insertPhone: db.prepare('INSERT INTO contact_phones (contact_id, position, kind, number, extension, phone_key) VALUES (?, ?, ?, ?, ?, ?)'),
    deletePhones: db.prepare<[number]>('DELETE FROM contact_phones WHERE contact_id = ?'),
    insertEmail: db.prepare('INSERT INTO contact_emails (contact_id, position, address) VALUES (?, ?, ?)'),
    deleteEmails: db.prepare<[number]>('DELETE FROM contact_emails WHERE contact_id = ?'),
    insertGroup: db.prepare('INSERT OR IGNORE INTO contact_groups (contact_id, group_id) VALUES (?, ?)'),
    deleteGroups: db.prepare<[number]>('DELETE FROM contact_groups WHERE contact_id = ?'),
    insertField: db.prepare('INSERT INTO contact_field_values (contact_id, field_id, value) VALUES (?, ?, ?)'),
    deleteFields: db.prepare<[number]>('DELETE FROM contact_field_values WHERE contact_id = ?'),
    deleteTerm: db.prepare('DELETE FROM search_terms WHERE term = ? AND contact_id = ?'),
    phones: db.prepare<[string], PhoneRow>(
      'SELECT contact_id, kind, number, extension, phone_key FROM contact_phones WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY contact_id, ' +
        'position',
    ),
    emails: db.prepare<[number], { address: string }>('SELECT address FROM contact_emails WHERE contact_id = ? ORDER BY position'),
    groupLinks: db.prepare<[string], { contact_id: number; group_id: number }>(
      'SELECT contact_id, group_id FROM contact_groups WHERE contact_id IN (SELECT value FROM json_each(?))',
    ),
    fields: db.prepare<[number], { field_id: number; value: string }>(
      'SELECT v.field_id, v.value FROM contact_field_values v JOIN custom_fields f ON f.id = v.field_id WHERE v.contact_id = ? ORDER BY f.position, f.id',
    ),
    summaries: db.prepare<[string], Pick<ContactRow, 'id' | 'display_name' | 'company' | 'job_title'>>(
      'SELECT id, display_name, company, job_title FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
    ),
    byPhoneKey: db.prepare<[string], { contact_id: number; kind: PhoneKind; number: string; display_name: string; company: string }>(
      `SELECT p.contact_id, p.kind, p.number, c.display_name, c.company
       FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.phone_key = ? ORDER BY c.sort_key LIMIT 20`,
    ),
    idsByPhoneKey: db.prepare<[string], number>('SELECT contact_id FROM contact_phones WHERE phone_key = ? LIMIT 20'),
    idsByPhoneKeys: db.prepare<[string], { phone_key: string; contact_id: number }>(
      'SELECT phone_key, contact_id FROM contact_phones WHERE phone_key IN (SELECT value FROM json_each(?)) AND phone_key IS NOT NULL',
    ),
    displayName: db.prepare<[number], string>('SELECT display_name FROM contacts WHERE id = ?'),
    bySortKey: db.prepare<[string], { id: number; display_name: string }>('SELECT id, display_name FROM contacts WHERE sort_key = ? LIMIT 20'),
    notes: db.prepare<[number], NoteRow>('SELECT * FROM contact_notes WHERE contact_id = ? ORDER BY created_at DESC, id DESC'),
    note: db.prepare<[number], NoteRow>('SELECT * FROM contact_notes WHERE id = ?'),
    insertNote: db.prepare('INSERT INTO contact_notes (contact_id, body, author, created_at) VALUES (?, ?, ?, ?)'),
    deleteNote: db.prepare<[number]>('DELETE FROM contact_notes WHERE id = ?'),
    touch: db.prepare<[string, number]>('UPDATE contacts SET updated_at = ? WHERE id = ?'),
    setSearchText: db.prepare<[string, number]>('UPDATE contacts SET search_text = ? WHERE id = ?'),
    // Migration 0012 empties the sort key of the contacts whose filing name changed; '' is never a real key.
    unsorted: db.prepare<[], ContactRow>("SELECT * FROM contacts WHERE sort_key = '' LIMIT 1000"),
    setSortKey: db.prepare<[string, number]>('UPDATE contacts SET sort_key = ? WHERE id = ?'),
    // Phone keys computed again (phone-rekey.ts): every stored number, a page at a time in id order.
    phonesAfter: db.prepare<[number, number], PhoneKeyRow>('SELECT id, contact_id, number, phone_key FROM contact_phones WHERE id > ? ORDER BY id LIMIT ?'),
    setPhoneKey: db.prepare<[string | null, number]>('UPDATE contact_phones SET phone_key = ? WHERE id = ?'),
  };

  // A contact's new terms in one multi-row INSERT (a statement per count, prepared once): a row per
  // statement made the search terms half of a 100,000-card import.
  const TERMS_PER_STATEMENT = 32;
  const insertTerms: ReturnType<Db['prepare']>[] = [];
  const insertTermsStatement = (n: number) =>
    (insertTerms[n] ??= db.prepare(`INSERT OR IGNORE INTO search_terms (term, contact_id) VALUES ${Array.from({ length: n }, () => '(?, ?)').join(', ')}`));
  function addTerms(id: number, terms: readonly string[]): void {
    for (let k = 0; k < terms.length; k += TERMS_PER_STATEMENT) {
      const n = Math.min(TERMS_PER_STATEMENT, terms.length - k);
      const params: unknown[] = new Array(2 * n);
      for (let j = 0; j < n; j++) {
        params[2 * j] = terms[k + j];
        params[2 * j + 1] = id;
      }
      insertTermsStatement(n).run(params);
    }
  }

  function replaceTermRows(id: number, oldTerms: string[], terms: string[]): void {
    if (oldTerms.length === 0) return addTerms(id, terms);
    const keep = new Set(terms);
    for (const t of oldTerms) if (!keep.has(t)) s.deleteTerm.run(t, id);
    const had = new Set(oldTerms);
    addTerms(
      id,
      terms.filter((t) => !had.has(t)),
    );
  }

  function writeChildren(id: number, ch: ContactChildren, oldTerms: string[]): void {
    ch.phones.forEach((p, i) => s.insertPhone.run(id, i, p.kind, p.number, p.extension, p.key));
    ch.emails.forEach((e, i) => s.insertEmail.run(id, i, e));
    for (const g of ch.groupIds) s.insertGroup.run(id, g);
    for (const f of ch.fields) s.insertField.run(id, f.fieldId, f.value);
    replaceTermRows(id, oldTerms, ch.terms);
  }

  const splitTerms = (text: string) => (text ? text.split(TERM_SEPARATOR) : []);

  return {
    /** Inserts a contact with everything it owns; the caller runs it inside a transaction. */
    insert(cols: ContactColumns, ch: ContactChildren, now: string): number {
      const params: unknown[] = CONTACT_COLUMNS.map((c) => cols[c]);
      params.push(now, now);
      const id = Number(s.insert.run(params).lastInsertRowid);
      writeChildren(id, ch, []);
      return id;
    },
    /** Replaces the contact's details and children (notes are kept); terms are updated by difference. */
    update(id: number, cols: ContactColumns, ch: ContactChildren, now: string): void {
      const old = s.searchText.get(id);
      s.update.run({ ...cols, id, now });
      s.deletePhones.run(id);
      s.deleteEmails.run(id);
      s.deleteGroups.run(id);
      s.deleteFields.run(id);
      writeChildren(id, ch, splitTerms(old?.search_text ?? ''));
    },
    delete(id: number): boolean {
      const old = s.searchText.get(id);
      if (!old) return false;
      for (const t of splitTerms(old.search_text)) s.deleteTerm.run(t, id);
      s.delete.run(id);
      return true;
    },
    /** Rewrites only the search terms (after a group or field rename). */
    replaceTerms(id: number, terms: string[]): void {
      const old = splitTerms(s.searchText.get(id)?.search_text ?? '');
      s.setSearchText.run(terms.join(TERM_SEPARATOR), id);
      replaceTermRows(id, old, terms);
    },
    get: (id: number) => s.get.get(id),
    /** Up to 1000 contacts waiting for a sort key (found through the sort-key index, so none costs nothing). */
    unsorted: () => s.unsorted.all(),
    setSortKey: (id: number, key: string) => s.setSortKey.run(key, id),
    /** Up to `limit` stored numbers with an id above `afterId`, in id order (the phone keys' re-key). */
    phonesAfter: (afterId: number, limit: number) => s.phonesAfter.all(afterId, limit),
    setPhoneKey: (phoneId: number, key: string | null) => s.setPhoneKey.run(key, phoneId),
    phonesOf: (ids: number[]) => s.phones.all(JSON.stringify(ids)),
    emailsOf: (id: number) => s.emails.all(id).map((r) => r.address),
    groupLinksOf: (ids: number[]) => s.groupLinks.all(JSON.stringify(ids)),
    fieldsOf: (id: number) => s.fields.all(id),
    summaryRows: (ids: number[]) => s.summaries.all(JSON.stringify(ids)),
    byPhoneKey: (key: string) => s.byPhoneKey.all(key),
    /** Ids having this phone (import's duplicate check: no join, no sort, as it runs once per record). */
    idsByPhoneKey: (key: string) => s.idsByPhoneKey.pluck().all(key) as number[],
    /** The same for many keys in one statement (an import preview looks up every number of the file). */
    idsByPhoneKeys: (keys: string[]) => s.idsByPhoneKeys.all(JSON.stringify(keys)),
    displayName: (id: number) => s.displayName.pluck().get(id) as string | undefined,
    bySortKey: (key: string) => s.bySortKey.all(key),
    notesOf: (id: number) => s.notes.all(id),
    note: (id: number) => s.note.get(id),
    addNote(contactId: number, body: string, author: string, now: string): number {
      s.touch.run(now, contactId);
      return Number(s.insertNote.run(contactId, body, author, now).lastInsertRowid);
    },
    deleteNote: (id: number) => s.deleteNote.run(id).changes > 0,
  };
}
