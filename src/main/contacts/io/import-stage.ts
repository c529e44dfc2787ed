/**
 * The import's staging file: while the preview runs, the reader thread writes every record it could
 * prepare (import-prepare.ts) as the rows the commit will write — the contact's columns with its full
 * search text, its phones, emails, group names and search terms — into a SQLite file of its own beside
 * the data. The commit then copies a run of such records with one set-based statement a table
 * (bulk-insert.repo.ts), the search terms sorted, instead of binding some 1.2 million rows one by
 * one on the engine thread; and the prepared records never cross to the engine thread at all.
 *
 * A record's group terms are its groups' names in the phonebook; the thread assumes each group keeps
 * the name it had at the preview, or is created under the name the file gives it (assumedGroupName),
 * and the commit uses the staged rows only where that still holds, the numbering plan is the
 * preview's and the preview left the record as read. Anything else is prepared on the engine thread.
 */
import Database from 'better-sqlite3';
import { foldForSearch, normalizeInput } from '../../../shared/text/normalize';
import { TERM_SEPARATOR } from '../contacts.repo';
import { joinTerms } from '../contacts.terms';
import type { PreparedRecord } from './import-prepare';

/** What the reader thread needs to stage: the file to write and the phonebook's groups (key → name) at the preview. */
export type StageTarget = { path: string; groups: [string, string][] };

/** What the engine keeps of a staged record: its place in the staging file and what the commit's duplicate check needs. */
export type StagedRecord = { ord: number; keys: string[]; sortKey: string };

/** The schema name the engine attaches the staging file under during a commit. */
export const STAGE_SCHEMA = 'import_stage';

/** The contacts columns a staged row holds, in contacts.repo's order (search_text included). */
const STAGED_COLUMNS = [
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

/** The name a group named `raw` in the file has in the phonebook, as groups.service ensureGroup finds or creates it; null: it cannot be a group. */
export function assumedGroupName(raw: string, groupsByKey: ReadonlyMap<string, string>): string | null {
  const name = normalizeInput(raw);
  if (name === '') return null;
  return groupsByKey.get(foldForSearch(name)) ?? name;
}

/** Rows per multi-row INSERT into the staging file. */
const ROWS = 32;

/**
 * Writes staged records in the reader thread; one transaction, committed by close(). One row a record:
 * its phones, emails, group names and search terms as JSON arrays, which the commit spreads with
 * json_each — binding 800,000 term rows one by one here cost as much as writing them at the commit.
 */
export function createStageWriter(target: StageTarget, nativeBinding: string | undefined) {
  const db = new Database(target.path, { nativeBinding });
  // A scratch file: nothing in it survives a crash or is read before close() commits it.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const columns = ['ord', ...STAGED_COLUMNS, 'phones', 'emails', 'groups', 'terms'];
  db.exec(`CREATE TABLE c (ord INTEGER PRIMARY KEY, ${columns.slice(1).join(', ')})`);
  const row = `(${columns.map(() => '?').join(', ')})`;
  const insert = (n: number) => db.prepare(`INSERT INTO c (${columns.join(', ')}) VALUES ${Array.from({ length: n }, () => row).join(', ')}`);
  const full = insert(ROWS);
  let rows: unknown[] = [];
  const groups = new Map(target.groups);
  db.exec('BEGIN');

  function drain(): void {
    const step = ROWS * columns.length;
    let k = 0;
    for (; k + step <= rows.length; k += step) full.run(rows.slice(k, k + step));
    if (k < rows.length) insert((rows.length - k) / columns.length).run(rows.slice(k));
    rows = [];
  }

  return {
    /** Stages the prepared record `ord` (its place in the file) in the groups named `groupNames`; null when a group name cannot be one. */
    add(ord: number, p: PreparedRecord, groupNames: readonly string[]): StagedRecord | null {
      // finishPrepared's terms: groups by id, i.e. by key, each under its name in the phonebook.
      const byKey = new Map<string, string>();
      for (const raw of groupNames) {
        const name = assumedGroupName(raw, groups);
        if (name === null) return null;
        const key = foldForSearch(name);
        if (!byKey.has(key)) byKey.set(key, name);
      }
      const terms = joinTerms(p.own, [...byKey.values()], [], p.later);
      rows.push(ord);
      for (const col of STAGED_COLUMNS) rows.push(col === 'search_text' ? terms.join(TERM_SEPARATOR) : p.cols[col]);
      rows.push(
        JSON.stringify(p.phones.map((ph) => [ph.kind, ph.number, ph.extension, ph.key])),
        JSON.stringify(p.emails),
        JSON.stringify(groupNames),
        JSON.stringify(terms),
      );
      if (rows.length >= 64 * ROWS * columns.length) drain();
      return { ord, keys: p.phones.flatMap((ph) => (ph.key === null ? [] : [ph.key])), sortKey: p.cols.sort_key };
    },
    /** Writes what is held and commits the file. */
    close(): void {
      drain();
      db.exec('COMMIT');
      db.close();
    },
    /** Closes without committing (the file is removed by the engine). */
    abandon(): void {
      if (db.open) db.close();
    },
  };
}

/**
 * The statements that copy the staged records ord a…b (consecutive, all new contacts) into the phonebook
 * as contacts id a+offset…b+offset, in the order the engine's own writes would take (bulk-insert.repo.ts):
 * the contacts, their phones and emails in position order, the group links through the commit's table
 * of group ids by name as written (temp.import_group_ids), the search terms sorted.
 * Named parameters: a, b, offset, and now (created_at and updated_at) for the contacts.
 */
export function stagedCopySql(contactColumns: readonly string[]): { contacts: string; phones: string; emails: string; groups: string; terms: string } {
  const s = STAGE_SCHEMA;
  const range = `c.ord BETWEEN @a AND @b`;
  return {
    contacts: `INSERT INTO contacts (id, ${contactColumns.join(', ')}, created_at, updated_at)
      SELECT ord + @offset, ${contactColumns.join(', ')}, @now, @now FROM ${s}.c c WHERE ${range} ORDER BY ord`,
    phones: `INSERT INTO contact_phones (contact_id, position, kind, number, extension, phone_key)
      SELECT c.ord + @offset, j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3 FROM ${s}.c c, json_each(c.phones) j
      WHERE ${range} ORDER BY c.ord, j.key`,
    emails: `INSERT INTO contact_emails (contact_id, position, address)
      SELECT c.ord + @offset, j.key, j.value FROM ${s}.c c, json_each(c.emails) j WHERE ${range} ORDER BY c.ord, j.key`,
    groups: `INSERT OR IGNORE INTO contact_groups (contact_id, group_id)
      SELECT c.ord + @offset, m.id FROM ${s}.c c, json_each(c.groups) j JOIN temp.import_group_ids m ON m.raw = j.value WHERE ${range}`,
    terms: `INSERT OR IGNORE INTO search_terms (term, contact_id)
      SELECT j.value, c.ord + @offset FROM ${s}.c c, json_each(c.terms) j WHERE ${range} ORDER BY j.value, c.ord`,
  };
}
