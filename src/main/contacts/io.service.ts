/**
 * Import (preview, then commit in one transaction), export and printing of the phonebook. The file
 * formats live in ./io; this file decides what an imported record means for the database: which
 * contacts it duplicates, which groups and fields it creates, and how a merge fills in a contact.
 */
import { randomUUID } from 'node:crypto';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { Contact, ContactData } from '../../shared/contract/contacts';
import type { FileOut, ImportOutcome, ImportPreview } from '../../shared/contract/io';
import { fileNameDate, isoDateOf } from '../../shared/text/calendar';
import { normalizePhone } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { AppError } from '../engine/app-error';
import type { EngineContext } from '../engine/context';
import type { Lang } from '../i18n/messages';
import { cleanContact } from './contact.validate';
import type { ContactsService } from './contacts.service';
import { sortKeyOf, sortNameOf } from './contacts.terms';
import type { GroupsService } from './groups.service';
import { decodeText, detectFormat } from './io/detect';
import { parseCsv, writeCsv } from './io/csv';
import { ImportParseError, type ImportedRecord } from './io/record';
import { parseVCards } from './io/vcard.parse';
import { writeVCards } from './io/vcard.write';
import { printContactsPdf } from './print.service';

const PREVIEW_ROWS = 200;
const PREVIEW_TTL_MS = 60 * 60 * 1000;

type Pending = { records: ImportedRecord[]; expires: number };

export function createIoService(db: Db, ctx: EngineContext, contacts: ContactsService, groups: GroupsService) {
  const pending = new Map<string, Pending>();

  /** Existing contacts this record would duplicate: same phone number, or the same name when it has no phone. */
  function duplicatesOf(data: ContactData): { id: number; displayName: string }[] {
    const region = ctx.settings.phoneRegion();
    const found = new Map<number, string>();
    const keys = data.phones.map((p) => normalizePhone(p.number, region)?.key).filter((k): k is string => !!k);
    for (const key of keys) {
      for (const id of contacts.repo.idsByPhoneKey(key)) if (!found.has(id)) found.set(id, contacts.repo.displayName(id) ?? '');
    }
    if (keys.length === 0) {
      for (const r of contacts.repo.bySortKey(sortKeyOf(sortNameOf(data)))) found.set(r.id, r.display_name);
    }
    return [...found].map(([id, displayName]) => ({ id, displayName }));
  }

  /** Checks a record as the form would, so a bad line is reported before anything is written. */
  function check(r: ImportedRecord): void {
    try {
      cleanContact(r.contact, { region: ctx.settings.phoneRegion(), calendar: ctx.settings.get().calendar, groupExists: () => true, field: () => undefined });
    } catch (e) {
      if (e instanceof AppError) throw new AppError('import/parse', 'import.parse', { line: r.line, reason: (lang: Lang) => e.toShape(lang).message }, `line ${r.line}`);
      throw e;
    }
  }

  function parse(input: ParsedInputOf<'io/import-preview'>): { format: 'vcard' | 'csv'; records: ImportedRecord[] } {
    const bytes = Buffer.from(input.base64, 'base64');
    const format = input.format === 'auto' ? detectFormat(input.fileName, bytes) : input.format;
    if (!format) throw new AppError('import/parse', 'import.unknown_format', {}, 'file');
    try {
      const text = decodeText(bytes);
      const records = format === 'vcard' ? parseVCards(text) : parseCsv(text);
      if (records.length === 0) throw new AppError('import/empty', 'import.empty', {}, 'file');
      return { format, records };
    } catch (e) {
      if (e instanceof ImportParseError) {
        if (e.reason === 'empty') throw new AppError('import/empty', 'import.empty', {}, 'file');
        throw new AppError('import/parse', 'import.parse', { line: e.line, reason: (lang: Lang) => parseReason(e, lang) }, `line ${e.line}`);
      }
      throw e;
    }
  }

  /** Applies one record: adds it, merges it into its duplicate, or skips it. */
  function apply(r: ImportedRecord, onDuplicate: 'merge' | 'skip' | 'add', now: string, names: (ids: number[]) => Map<number, string>): 'added' | 'merged' | 'skipped' {
    const groupIds = r.groupNames.map((g) => groups.ensureGroup(g));
    const fields = r.extra.map((x) => ({ fieldId: groups.fieldIdByName(x.name) ?? groups.ensureTextField(x.name), value: x.value }));
    const incoming: ContactData = { ...r.contact, groupIds, fields };
    const dup = onDuplicate === 'add' ? undefined : duplicatesOf(incoming)[0];
    if (!dup) {
      const { cols, children } = contacts.prepare(incoming, names(groupIds));
      contacts.repo.insert(cols, children, now);
      return 'added';
    }
    if (onDuplicate === 'skip') return 'skipped';
    const { cols, children } = contacts.prepare(mergeInto(contacts.get(dup.id), incoming, (n) => normalizePhone(n, ctx.settings.phoneRegion())?.key ?? null), names(groupIds));
    contacts.repo.update(dup.id, cols, children, now);
    return 'merged';
  }

  return {
    preview(input: ParsedInputOf<'io/import-preview'>): ImportPreview {
      const { format, records } = parse(input);
      for (const r of records) check(r);
      for (const [id, p] of pending) if (p.expires < Date.now()) pending.delete(id);
      const previewId = randomUUID();
      pending.set(previewId, { records, expires: Date.now() + PREVIEW_TTL_MS });
      let duplicates = 0;
      const rows: ImportPreview['rows'] = [];
      for (const r of records) {
        const duplicateOf = duplicatesOf(r.contact);
        if (duplicateOf.length > 0) duplicates++;
        if (rows.length < PREVIEW_ROWS) rows.push({ line: r.line, contact: r.contact, duplicateOf });
      }
      const newGroups = [...new Set(records.flatMap((r) => r.groupNames))].filter((g) => groups.groupIdByName(g) === null);
      return { previewId, format, total: records.length, duplicates, rows, newGroups };
    },

    /** All records or none: one transaction. */
    commit(input: ParsedInputOf<'io/import-commit'>): ImportOutcome {
      const p = pending.get(input.previewId);
      if (!p) throw new AppError('import/expired', 'import.expired', {}, 'previewId');
      const now = ctx.clock().toISOString();
      const outcome: ImportOutcome = { added: 0, merged: 0, skipped: 0 };
      // Group names for the search terms, re-read only when the import has just created a group.
      let cache = groups.nameMap();
      const groupNames = (ids: number[]) => {
        if (ids.some((id) => !cache.has(id))) cache = groups.nameMap();
        return cache;
      };
      db.transaction(() => {
        for (const r of p.records) {
          try {
            outcome[apply(r, input.onDuplicate, now, groupNames)]++;
          } catch (e) {
            if (e instanceof AppError && e.code === 'validation') {
              throw new AppError('import/parse', 'import.parse', { line: r.line, reason: (lang: Lang) => e.toShape(lang).message }, `line ${r.line}`);
            }
            throw e;
          }
        }
      })();
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
        return { fileName: `monshi-contacts-${date}.csv`, mime: 'text/csv;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64'), count: list.length };
      }
      const text = writeVCards(list, input.format === 'vcard3' ? '3.0' : '4.0', groupName, groups.listFields());
      return { fileName: `monshi-contacts-${date}.vcf`, mime: 'text/vcard;charset=utf-8', base64: Buffer.from(text, 'utf8').toString('base64'), count: list.length };
    },

    print: (input: ParsedInputOf<'print/contacts'>, lang: Lang) => printContactsPdf(input, lang, ctx, contacts, groups),

    dispose: () => pending.clear(),
  };
}

/** Fills the existing contact's empty details from the incoming record; adds new phones, emails, groups, fields. */
export function mergeInto(existing: Contact, incoming: ContactData, keyOf: (number: string) => string | null): ContactData {
  const base: ContactData = { ...existing, phones: existing.phones.map(({ kind, number, extension }) => ({ kind, number, extension })) };
  const scalars = ['prefix', 'firstName', 'middleName', 'lastName', 'suffix', 'nickname', 'company', 'department', 'jobTitle',
    'street', 'city', 'province', 'postalCode', 'country'] as const;
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

function parseReason(e: ImportParseError, lang: Lang): string {
  return lang === 'fa' ? PARSE_REASONS_FA[e.reason] ?? e.message : e.message;
}

const PARSE_REASONS_FA: Record<string, string> = {
  no_begin: 'کارت vCard بدون BEGIN:VCARD شروع شده است.',
  unterminated: 'کارت vCard با END:VCARD بسته نشده است.',
  bad_line: 'این خط قالب درستی ندارد.',
  bad_encoding: 'کدگذاری متن این خط خراب است.',
  not_vcard: 'این فایل vCard نیست.',
  bad_date: 'تاریخ این خط خوانا نیست.',
  ragged_row: 'تعداد ستون‌های این سطر با سطر عنوان یکی نیست.',
  no_header: 'سطر عنوان ستون‌ها پیدا نشد.',
};
