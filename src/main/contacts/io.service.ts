/**
 * Import (preview, then commit in one transaction), export and printing of the phonebook. The file
 * formats live in ./io; this file decides what an imported record means for the database: which
 * contacts it duplicates, which groups and fields it creates, and how a merge fills in a contact.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { Contact, ContactData } from '../../shared/contract/contacts';
import type { FileOut, ImportNotice, ImportOutcome, ImportPreview } from '../../shared/contract/io';
import { fileNameDate, isoDateOf } from '../../shared/text/calendar';
import { normalizePhone } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import { bulkWrite, type EngineContext } from '../kernel/context';
import type { Lang } from '../i18n/messages';
import { createBulkInsert } from './bulk-insert.repo';
import type { ContactsService } from './contacts.service';
import { displayNameOf, sortKeyOf, sortNameOf } from './contacts.terms';
import type { GroupsService } from './groups.service';
import { writeCsv } from './io/csv';
import { noticeText } from './io/import-notices';
import type { FieldDef } from './contact.validate';
import { review, type NoticeWhat, type Reviewed } from './io/import-review';
import { readInWorker, type FileHead } from './io/import-reader';
import { finishPrepared, type PrepareContext, type PreparedRecord } from './io/import-prepare';
import { ImportParseError, type ImportedRecord } from './io/record';
import { parseReason } from './io/import-parse-reason';
import { samePerson, whoOf, type Who } from './io/same-person';
import { writeVCards } from './io/vcard.write';
import { printContactsPdf } from './print.service';

const PREVIEW_ROWS = 200;
const PREVIEW_NOTICES = 500;
const PREVIEW_TTL_MS = 60 * 60 * 1000;
/** What the preview's review changes in a record (import-review.ts), so the reader thread's preparation no longer holds. */
const MOVES = new Set<string>(['phone_to_notes', 'email_to_notes', 'field_to_notes']);

/** `prepared`: each record's preparation by the reader thread (import-prepare.ts), valid while the region is `region`'s. */
type Pending = { records: ImportedRecord[]; prepared: (PreparedRecord | null)[]; region: string; rejected: number; expires: number; fileName: string };
type Earlier = { who: Who; line: number; name: string };

export function createIoService(db: Db, ctx: EngineContext, contacts: ContactsService, groups: GroupsService) {
  const pending = new Map<string, Pending>();
  /** Stops for the files being read by a preview (import-reader.ts), so closing the engine ends their threads. */
  const readers = new Set<() => void>();
  const keyOf = (n: string) => normalizePhone(n, ctx.settings.phoneRegion())?.key ?? null;
  // New contacts of a commit are written a table at a time (bulk-insert.repo.ts).
  const bulk = createBulkInsert(db);

  /**
   * Existing contacts this record is the same person as: one of its numbers (`keys`, looked up with
   * `idsOf`) and a name that agrees (same-person.ts), or the same name when it has no phone. `others`
   * collects the names of contacts that share a number but are someone else.
   */
  function duplicatesOf(
    data: ContactData,
    keys: string[],
    idsOf: (key: string) => readonly number[],
    others?: Set<string>,
    who = whoOf(data),
  ): { id: number; displayName: string }[] {
    const found = new Map<number, string>();
    if (keys.length > 0) {
      const seen = new Set<number>();
      for (const key of keys) {
        for (const id of idsOf(key)) {
          if (seen.has(id)) continue;
          seen.add(id);
          const row = contacts.repo.get(id);
          if (!row) continue;
          const theirs = { firstName: row.first_name, middleName: row.middle_name, lastName: row.last_name, company: row.company, nickname: row.nickname };
          if (samePerson(who, whoOf(theirs))) found.set(id, row.display_name);
          else others?.add(row.display_name);
        }
      }
    } else {
      for (const r of contacts.repo.bySortKey(sortKeyOf(sortNameOf(data)))) found.set(r.id, r.display_name);
    }
    return [...found].map(([id, displayName]) => ({ id, displayName }));
  }

  /** The phonebook's contacts by phone key, for all numbers of a file at once (in statements of 500 keys). */
  function existingByKey(keys: Iterable<string>): Map<string, number[]> {
    const all = [...new Set(keys)];
    const out = new Map<string, number[]>();
    for (let k = 0; k < all.length; k += 500) {
      for (const row of contacts.repo.idsByPhoneKeys(all.slice(k, k + 500))) {
        const list = out.get(row.phone_key);
        if (list) list.push(row.contact_id);
        else out.set(row.phone_key, [row.contact_id]);
      }
    }
    return out;
  }

  /** Reads the picked file in a worker thread, passing its records on in chunks as they are parsed (import-reader.ts). */
  async function read(
    input: ParsedInputOf<'io/import-preview'>,
    prepare: PrepareContext,
    onRecords: (head: FileHead, records: ImportedRecord[], prepared?: (PreparedRecord | null)[]) => void,
  ): Promise<FileHead> {
    const bytes = Buffer.from(input.base64, 'base64');
    try {
      const head = await readInWorker(input.fileName, bytes, input.format, onRecords, readers, prepare);
      if (!head) throw new AppError('import/parse', 'import.unknown_format', {}, 'file');
      return head;
    } catch (e) {
      if (e instanceof ImportParseError) {
        if (e.reason === 'empty') throw new AppError('import/empty', 'import.empty', {}, 'file');
        throw new AppError('import/parse', 'import.parse', { line: e.line, reason: (lang: Lang) => parseReason(e, lang) }, `line ${e.line}`);
      }
      throw e;
    }
  }

  /** Group and field ids by name as written, for one commit (a file names the same few groups thousands of times). */
  type IdCache = { groups: Map<string, number>; fields: Map<string, number> };

  /** Applies one record: adds it, merges it into its duplicate, or skips it. */
  function apply(
    r: ImportedRecord,
    prepared: PreparedRecord | null,
    onDuplicate: 'merge' | 'skip' | 'add',
    now: string,
    names: (ids: number[]) => Map<number, string>,
    ids: IdCache,
  ): 'added' | 'merged' | 'skipped' {
    const cached = (m: Map<string, number>, name: string, find: () => number) => {
      let id = m.get(name);
      if (id === undefined) m.set(name, (id = find()));
      return id;
    };
    const groupIds = r.groupNames.map((g) => cached(ids.groups, g, () => groups.ensureGroup(g)));
    const fields = r.extra.map((x) => ({
      fieldId: cached(ids.fields, x.name, () => groups.fieldIdByName(x.name) ?? groups.ensureTextField(x.name)),
      value: x.value,
    }));
    const incoming: ContactData = { ...r.contact, groupIds, fields };
    let dup: { id: number } | undefined;
    if (onDuplicate !== 'add') {
      const keys = incoming.phones.map((p) => keyOf(p.number)).filter((k): k is string => k !== null);
      // The duplicate check reads the database: the new contacts it could find are written first.
      if (bulk.holds(keys, keys.length > 0 ? '' : sortKeyOf(sortNameOf(incoming)))) bulk.flush();
      dup = duplicatesOf(incoming, keys, contacts.repo.idsByPhoneKey)[0];
    }
    if (!dup) {
      // Prepared by the reader thread, the record only needs its groups; otherwise cleaned and prepared here.
      const { cols, children } = prepared ? finishPrepared(prepared, groupIds, names(groupIds)) : contacts.prepare(incoming, names(groupIds));
      bulk.add(cols, children, now);
      return 'added';
    }
    if (onDuplicate === 'skip') return 'skipped';
    const { cols, children } = contacts.prepare(mergeInto(contacts.get(dup.id), incoming, keyOf), names(groupIds));
    contacts.repo.update(dup.id, cols, children, now);
    return 'merged';
  }

  return {
    /**
     * Reads the file without writing: the records to import, the ones skipped and what was changed
     * (each with its line and reason, in `lang`), and the duplicates in the phonebook and in the file.
     */
    async preview(input: ParsedInputOf<'io/import-preview'>, lang: Lang): Promise<ImportPreview> {
      const region = ctx.settings.phoneRegion();
      const accepted: ImportedRecord[] = [];
      const acceptedPrepared: (PreparedRecord | null)[] = [];
      let skipped = 0;
      let changed = 0;
      const found: { line: number; kind: ImportNotice['kind']; what: NoticeWhat }[] = [];
      const notice = (line: number, kind: ImportNotice['kind'], what: NoticeWhat) => found.push({ line, kind, what });
      const calendar = ctx.settings.get().calendar;
      const fieldDefs = new Map(groups.listFields().map((f) => [f.id, f]));
      const defByName = new Map<string, FieldDef | undefined>();
      const fieldDefOf = (name: string) => {
        if (!defByName.has(name)) {
          const id = groups.fieldIdByName(name);
          defByName.set(name, id === null ? undefined : fieldDefs.get(id));
        }
        return defByName.get(name);
      };
      let duplicates = 0;
      const rows: ImportPreview['rows'] = [];
      const earlier = new Map<string, Earlier[]>(); // phone key → records before this one in the file
      // A record's last line is the line before the next record: the last record of a chunk waits for the next chunk.
      let waiting: ImportedRecord | null = null;
      let waitingPrepared: PreparedRecord | null = null;

      /** Reviews records (each up to the line before the next) and checks the accepted ones for duplicates, in file order. */
      function take(head: FileHead, records: ImportedRecord[], lastLines: number[], prepared: (PreparedRecord | null)[]): void {
        const reviewed: Reviewed[] = [];
        records.forEach((r, i) => {
          const v = review(r, lastLines[i]!, head.badLines, region, lang, { defOf: fieldDefOf, calendar });
          if (v.skip) {
            skipped++;
            notice(r.line, 'skipped', v.skip);
          } else {
            accepted.push(r);
            // A record the review changed (values moved into its notes) is prepared again at the commit.
            acceptedPrepared.push(v.changes.some((c) => MOVES.has(c.kind)) ? null : (prepared[i] ?? null));
            reviewed.push(v);
          }
        });
        const existing = existingByKey(reviewed.flatMap((v) => v.keys));
        const idsOf = (key: string) => existing.get(key) ?? [];
        for (const v of reviewed) {
          const r = v.record;
          const others = new Set<string>();
          const who = whoOf(r.contact);
          const duplicateOf = duplicatesOf(r.contact, v.keys, idsOf, others, who);
          const sameAsLine = sameInFile(r, v.keys, earlier, others, who);
          for (const name of others) v.changes.push({ kind: 'shares_number', with: name });
          if (v.changes.length > 0) changed++;
          for (const c of v.changes) notice(r.line, c.kind === 'shares_number' ? 'note' : 'changed', c);
          if (duplicateOf.length > 0 || sameAsLine !== null) duplicates++;
          if (rows.length < PREVIEW_ROWS) rows.push({ line: r.line, contact: r.contact, duplicateOf, sameAsLine });
        }
      }

      const file = await read(input, { region, calendar }, (head, chunk, preparedChunk) => {
        const records = waiting ? [waiting, ...chunk] : chunk;
        const prepared = preparedChunk ?? chunk.map(() => null);
        if (waiting) prepared.unshift(waitingPrepared);
        waiting = records.pop()!;
        waitingPrepared = prepared.pop() ?? null;
        take(
          head,
          records,
          records.map((_, i) => records[i + 1]?.line ?? waiting!.line).map((next) => next - 1),
          prepared,
        );
      });
      if (waiting) take(file, [waiting], [Infinity], [waitingPrepared]);
      // In file order (skipped records were noted as they were reviewed); only the first ones are put into words.
      found.sort((x, y) => x.line - y.line);
      const notices = found.slice(0, PREVIEW_NOTICES).map((n) => ({ line: n.line, kind: n.kind, message: noticeText(n.what, lang) }));
      if (accepted.length === 0 && skipped === 0) throw new AppError('import/empty', 'import.empty', {}, 'file');
      for (const [id, p] of pending) if (p.expires < Date.now()) pending.delete(id);
      const previewId = randomUUID();
      const expires = Date.now() + PREVIEW_TTL_MS;
      const fileName = input.fileName;
      pending.set(previewId, { records: accepted, prepared: acceptedPrepared, region: JSON.stringify(region), rejected: skipped, expires, fileName });
      const newGroups = [...new Set(accepted.flatMap((r) => r.groupNames))].filter((g) => groups.groupIdByName(g) === null);
      return { previewId, format: file.format, total: accepted.length, duplicates, rows, newGroups, skipped, changed, notices, encoding: file.encoding };
    },

    /** The records the preview accepted, all or none: one transaction. */
    commit(input: ParsedInputOf<'io/import-commit'>): ImportOutcome {
      const p = pending.get(input.previewId);
      if (!p) throw new AppError('import/expired', 'import.expired', {}, 'previewId');
      const now = ctx.clock().toISOString();
      const outcome: ImportOutcome = { added: 0, merged: 0, skipped: 0, rejected: p.rejected };
      // Group names for the search terms, re-read only when the import has just created a group.
      let cache = groups.nameMap();
      const groupNames = (ids: number[]) => {
        if (ids.some((id) => !cache.has(id))) cache = groups.nameMap();
        return cache;
      };
      const ids: IdCache = { groups: new Map(), fields: new Map() };
      try {
        // The audit trail records the import as one entry, not a row per contact (kernel/context.ts).
        const counts = () => {
          const changes = (['added', 'merged', 'skipped'] as const).map((k) => ({ field: k, old: null, new: outcome[k] }));
          return { recordType: 'contact', recordName: p.fileName, changes };
        };
        bulkWrite(
          ctx,
          db.transaction(() => {
            // Phones were read in the region of the preview: after Settings changed it, every record is prepared here.
            const samePlan = p.region === JSON.stringify(ctx.settings.phoneRegion());
            for (const [i, r] of p.records.entries()) {
              try {
                outcome[apply(r, samePlan ? p.prepared[i]! : null, input.onDuplicate, now, groupNames, ids)]++;
              } catch (e) {
                if (e instanceof AppError && e.code === 'validation') {
                  throw new AppError('import/parse', 'import.parse', { line: r.line, reason: (lang: Lang) => e.toShape(lang).message }, `line ${r.line}`);
                }
                throw e;
              }
            }
            bulk.flush();
          }),
          counts,
        );
      } finally {
        bulk.discard(); // after a rollback, the contacts still held; nothing after a commit
      }
      pending.delete(input.previewId);
      ctx.emit('contacts/changed', { ids: null });
      ctx.emit('groups/changed', {});
      ctx.emit('fields/changed', {});
      return outcome;
    },

    exportFile(input: ParsedInputOf<'io/export'>): FileOut {
      const ids = input.ids ?? [...contacts.matchingIds(input)];
      const list: Contact[] = ids.map((id) => contacts.get(id));
      const names = new Map(groups.listGroups().map((g) => [g.id, g.name]));
      const groupName = (id: number) => names.get(id) ?? '';
      const date = fileNameDate(isoDateOf(ctx.clock()), ctx.settings.get().calendar);
      if (input.format === 'csv') {
        const text = writeCsv(list, groupName, groups.listFields());
        return {
          fileName: `monshi-contacts-${date}.csv`,
          mime: 'text/csv;charset=utf-8',
          base64: Buffer.from(text, 'utf8').toString('base64'),
          count: list.length,
        };
      }
      const text = writeVCards(list, input.format === 'vcard3' ? '3.0' : '4.0', groupName, groups.listFields());
      return {
        fileName: `monshi-contacts-${date}.vcf`,
        mime: 'text/vcard;charset=utf-8',
        base64: Buffer.from(text, 'utf8').toString('base64'),
        count: list.length,
      };
    },

    print: (input: ParsedInputOf<'print/contacts'>, lang: Lang) => printContactsPdf(input, lang, ctx, contacts, groups),

    dispose: () => {
      pending.clear();
      for (const stop of readers) stop();
    },
  };
}

/**
 * The line of an earlier record in the same file that is this person (a shared number and agreeing
 * names), or null; records the numbers of this one for the records after it. Earlier records that
 * share a number but are someone else are added to `others`.
 */
function sameInFile(r: ImportedRecord, keys: string[], earlier: Map<string, Earlier[]>, others: Set<string>, who: Who): number | null {
  if (keys.length === 0) return null;
  let same: number | null = null;
  const mine = { who, line: r.line, name: displayNameOf(r.contact) };
  for (const key of keys) {
    const list = earlier.get(key);
    if (list) {
      for (const e of list) {
        if (samePerson(who, e.who)) same ??= e.line;
        else others.add(e.name);
      }
    }
    if (list) {
      if (!list.some((e) => e.line === r.line)) list.push(mine);
    } else earlier.set(key, [mine]);
  }
  return same;
}

/** Fills the existing contact's empty details from the incoming record; adds new phones, emails, groups, fields. */
export function mergeInto(existing: Contact, incoming: ContactData, keyOf: (number: string) => string | null): ContactData {
  const base: ContactData = { ...existing, phones: existing.phones.map(({ kind, number, extension }) => ({ kind, number, extension })) };
  const scalars = [
    'prefix',
    'firstName',
    'middleName',
    'lastName',
    'suffix',
    'nickname',
    'company',
    'department',
    'jobTitle',
    'street',
    'city',
    'province',
    'postalCode',
    'country',
  ] as const;
  for (const k of scalars) if (base[k] === '' && incoming[k] !== '') base[k] = incoming[k];
  if (base.birthDate === null) base.birthDate = incoming.birthDate;
  const keys = new Set(existing.phones.map((p) => p.key ?? p.number));
  for (const p of incoming.phones) {
    const key = keyOf(p.number) ?? p.number;
    if (!keys.has(key)) {
      keys.add(key);
      base.phones.push(p);
    }
  }
  const mails = new Set(base.emails.map((e) => e.address.toLowerCase()));
  for (const e of incoming.emails) if (!mails.has(e.address.toLowerCase())) base.emails.push(e);
  base.groupIds = [...new Set([...base.groupIds, ...incoming.groupIds])];
  const have = new Set(base.fields.map((f) => f.fieldId));
  base.fields = [...base.fields, ...incoming.fields.filter((f) => !have.has(f.fieldId))];
  if (incoming.notes && !base.notes.includes(incoming.notes)) base.notes = base.notes ? `${base.notes}\n${incoming.notes}` : incoming.notes;
  return base;
}
