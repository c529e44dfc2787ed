/** The phonebook's contacts: create, change, delete, read, search, look up by phone, timeline notes. */
import { authorName } from '../kernel/actor';
import type { Contact, ContactData, ContactSummary, PhoneMatch, SearchResult } from '../../shared/contract/contacts';
import type { ParsedInputOf } from '../../shared/contract/api';
import { foldForSearch, normalizeMultiline, searchWords } from '../../shared/text/normalize';
import { formatPhone, looksLikePhone, normalizePhone, phoneQueryPrefix } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { cleanContact, canonicalFieldValue, type FieldDef } from './contact.validate';
import { createContactsRepo, type ContactRow, type PhoneRow } from './contacts.repo';
import { sortKeyOf, sortNameOf, termsOf } from './contacts.terms';
import { columnsOf } from './contact-row';
import { createFieldsRepo, createGroupsRepo } from './groups.repo';
import { createSearchRepo, inGroup, onField, type SqlFilter } from './search.repo';
import { rekeyPhones } from './phone-rekey';

/** How far past the requested page a text search keeps counting before it reports "N+". */
const COUNT_AHEAD = 400;

export type ContactsService = ReturnType<typeof createContactsService>;
export type ContactQueryParsed = Pick<ParsedInputOf<'contacts/search'>, 'text' | 'groupId' | 'filters'>;

export function createContactsService(db: Db, ctx: EngineContext) {
  const repo = createContactsRepo(db);
  const search = createSearchRepo(db);
  const groups = createGroupsRepo(db);
  const fields = createFieldsRepo(db);

  const fieldDef = (id: number): FieldDef | undefined => {
    const f = fields.get(id);
    return f && { id: f.id, kind: f.kind, options: JSON.parse(f.options) as string[] };
  };
  const validation = () => ({
    region: ctx.settings.phoneRegion(),
    calendar: ctx.settings.get().calendar,
    groupExists: (id: number) => groups.exists(id),
    field: fieldDef,
  });

  /** Columns and children of a cleaned contact, with its display name, sort key and terms. */
  function prepare(input: ContactData, groupNames?: Map<number, string>) {
    const { data, children, normalized } = cleanContact(input, validation());
    const names = groupNames ?? groups.nameMap();
    const terms = termsOf(
      { ...data, groupNames: data.groupIds.map((g) => names.get(g) ?? ''), fieldTexts: children.fields.map((f) => f.value) },
      ctx.settings.phoneRegion(),
      normalized,
    );
    return { cols: columnsOf(data, terms), children: { ...children, terms } };
  }

  const displayOf = (p: Pick<PhoneRow, 'number' | 'phone_key'>) => {
    const n = p.phone_key ? normalizePhone(p.number, ctx.settings.phoneRegion()) : null;
    return n ? formatPhone(n, ctx.settings.phoneRegion()) : p.number;
  };

  function toContact(row: ContactRow): Contact {
    const phones = repo.phonesOf([row.id]).map((p) => ({
      kind: p.kind,
      number: p.number,
      extension: p.extension,
      key: p.phone_key,
      display: displayOf(p),
    }));
    return {
      id: row.id,
      prefix: row.prefix,
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      suffix: row.suffix,
      nickname: row.nickname,
      company: row.company,
      department: row.department,
      jobTitle: row.job_title,
      phones,
      emails: repo.emailsOf(row.id).map((address) => ({ address })),
      street: row.street,
      city: row.city,
      province: row.province,
      postalCode: row.postal_code,
      country: row.country,
      birthDate: row.birth_date,
      notes: row.notes,
      groupIds: repo.groupLinksOf([row.id]).map((l) => l.group_id),
      fields: repo.fieldsOf(row.id).map((f) => ({ fieldId: f.field_id, value: f.value })),
      displayName: row.display_name,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      timeline: repo.notesOf(row.id).map((n) => ({ id: n.id, contactId: n.contact_id, body: n.body, author: n.author, createdAt: n.created_at })),
    };
  }

  function get(id: number): Contact {
    const row = repo.get(id);
    if (!row) throw new AppError('not_found', 'not_found.contact', {}, 'id');
    return toContact(row);
  }

  /** Summaries in the order of `ids`. */
  function summaries(ids: number[]): ContactSummary[] {
    if (ids.length === 0) return [];
    const byId = new Map<number, ContactSummary>();
    for (const r of repo.summaryRows(ids)) {
      byId.set(r.id, { id: r.id, displayName: r.display_name, company: r.company, jobTitle: r.job_title, phones: [], groupIds: [] });
    }
    for (const p of repo.phonesOf(ids)) {
      byId.get(p.contact_id)?.phones.push({ kind: p.kind, display: displayOf(p), key: p.phone_key, extension: p.extension });
    }
    for (const l of repo.groupLinksOf(ids)) byId.get(l.contact_id)?.groupIds.push(l.group_id);
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  function sqlFilters(q: ContactQueryParsed): SqlFilter[] {
    const out: SqlFilter[] = [];
    if (q.groupId !== null) out.push(inGroup(q.groupId));
    for (const f of q.filters) {
      const def = fieldDef(f.fieldId);
      if (!def) throw validationError('validation.unknown_field', `filters.${f.fieldId}`);
      const canon = (v: string) => (v === '' ? '' : canonicalFieldValue(def, v, ctx.settings.get().calendar, `filters.${f.fieldId}`));
      const value = f.op === 'contains' ? foldForSearch(f.value) : f.op === 'eq' ? canon(f.value) : '';
      out.push(onField(f.fieldId, f.op, f.op === 'range' ? canon(f.min) : value, canon(f.max), def.kind === 'number'));
    }
    return out;
  }

  /** The words of a text query in typed order: one phone prefix, or folded words. */
  function queryWords(text: string): string[] {
    if (looksLikePhone(text)) {
      const p = phoneQueryPrefix(text, ctx.settings.phoneRegion());
      return p ? [p] : [];
    }
    return [...new Set(searchWords(foldForSearch(text)))];
  }

  /**
   * Contacts matching every word, each once. First the contacts whose name or company starts with
   * the words as typed (one range scan over phrase terms: the usual case, «علی رضا…»), then the rest,
   * driven by the word with the fewest terms and filtered by the others.
   */
  function* textMatches(words: string[], filters: SqlFilter[]): Generator<number> {
    if (words.length === 1) return yield* search.matchIds(words[0]!, [], filters);
    const seen = new Set<number>();
    for (const id of search.matchIds(words.join(' '), [], filters)) {
      seen.add(id);
      yield id;
    }
    const sizes = words.map((w) => ({ w, n: search.rangeSize(w, 20_000) })).sort((a, b) => a.n - b.n);
    const driver = sizes[0]!.w;
    for (const id of search.matchIds(
      driver,
      words.filter((w) => w !== driver),
      filters,
    ))
      if (!seen.has(id)) yield id;
  }

  /** Ids matching a query, in list order; used by export and print. */
  function* matchingIds(q: ContactQueryParsed): Generator<number> {
    const filters = sqlFilters(q);
    const words = queryWords(q.text);
    if (words.length === 0) {
      for (let offset = 0; ; offset += 1000) {
        const page = search.listIds(filters, offset, 1000);
        yield* page;
        if (page.length < 1000) return;
      }
    }
    yield* textMatches(words, filters);
  }

  function doSearch(input: ParsedInputOf<'contacts/search'>): SearchResult {
    const filters = sqlFilters(input);
    const words = queryWords(input.text);
    if (words.length === 0) {
      const ids = search.listIds(filters, input.offset, input.limit);
      // The list's first rows need not wait for a count of the whole phonebook (see searchInput.countLater).
      if (input.countLater && filters.length === 0 && !search.wholeCountKnown())
        return { items: summaries(ids), total: input.offset + ids.length, totalExact: false };
      return { items: summaries(ids), total: search.count(filters), totalExact: true };
    }
    const ids: number[] = [];
    let n = 0;
    let exact = true;
    const stop = input.offset + input.limit + COUNT_AHEAD;
    for (const id of textMatches(words, filters)) {
      if (n >= input.offset && ids.length < input.limit) ids.push(id);
      if (++n >= stop) {
        exact = false;
        break;
      }
    }
    return { items: summaries(ids), total: n, totalExact: exact };
  }

  function reindex(id: number): void {
    const c = get(id);
    const { children } = prepare({ ...c, phones: c.phones.map(({ kind, number, extension }) => ({ kind, number, extension })) });
    repo.replaceTerms(id, children.terms);
  }

  const now = () => ctx.clock().toISOString();
  const changed = (ids: number[] | null) => ctx.emit('contacts/changed', { ids });

  // Contacts whose sort key a migration emptied (0012: filed without their title) are keyed again here,
  // once; on every later start the index finds none at once.
  for (let rows = repo.unsorted(); rows.length > 0; rows = repo.unsorted()) {
    db.transaction(() => {
      for (const r of rows) {
        const name = {
          prefix: r.prefix,
          firstName: r.first_name,
          middleName: r.middle_name,
          lastName: r.last_name,
          suffix: r.suffix,
          nickname: r.nickname,
          company: r.company,
          phones: [],
        };
        repo.setSortKey(r.id, sortKeyOf(sortNameOf(name)) || sortKeyOf(r.display_name));
      }
    })();
  }

  return {
    get,
    summaries,
    search: doSearch,
    matchingIds,
    /** Everything needed to write one contact, inside the caller's transaction (used by import, which passes the group names it caches). */
    prepare,
    repo,
    create(input: ContactData): Contact {
      const { cols, children } = prepare(input);
      const id = db.transaction(() => repo.insert(cols, children, now()))();
      changed([id]);
      return get(id);
    },
    update(id: number, input: ContactData): Contact {
      if (!repo.get(id)) throw new AppError('not_found', 'not_found.contact', {}, 'id');
      const { cols, children } = prepare(input);
      db.transaction(() => repo.update(id, cols, children, now()))();
      changed([id]);
      return get(id);
    },
    delete(id: number): { id: number } {
      const done = db.transaction(() => repo.delete(id))();
      if (!done) throw new AppError('not_found', 'not_found.contact', {}, 'id');
      changed([id]);
      return { id };
    },
    /** Recomputes a contact's search terms after one of its groups or fields changed. */
    reindex,
    /**
     * Phone keys written under another area code or older rules are computed again (phone-rekey.ts):
     * at start, and after Settings changed the office's region. Says which contacts changed.
     */
    rekeyPhones(): void {
      const ids = rekeyPhones(db, repo, ctx.settings.phoneRegion(), (batch) => batch.forEach(reindex));
      if (ids.length > 0) changed(ids);
    },
    findByPhone(number: string, excludeId: number | null): PhoneMatch[] {
      const n = normalizePhone(number, ctx.settings.phoneRegion());
      if (!n) return [];
      return repo
        .byPhoneKey(n.key)
        .filter((r) => r.contact_id !== excludeId)
        .map((r) => ({
          contactId: r.contact_id,
          displayName: r.display_name,
          company: r.company,
          kind: r.kind,
          display: displayOf({ number: r.number, phone_key: n.key }),
        }));
    },
    addNote(contactId: number, body: string, author: string): Contact {
      const text = normalizeMultiline(body);
      if (text === '') throw validationError('validation.empty_note', 'body');
      if (!repo.get(contactId)) throw new AppError('not_found', 'not_found.contact', {}, 'contactId');
      db.transaction(() => repo.addNote(contactId, text, authorName(ctx, author), now()))();
      changed([contactId]);
      return get(contactId);
    },
    deleteNote(noteId: number): Contact {
      const note = repo.note(noteId);
      if (!note) throw new AppError('not_found', 'not_found.note', {}, 'id');
      repo.deleteNote(noteId);
      changed([note.contact_id]);
      return get(note.contact_id);
    },
  };
}
