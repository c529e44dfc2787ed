/**
 * What the file parsers hand to the import service: one record per contact in the file, already in
 * stored form (text normalised), with group names and unknown columns kept by name because only the
 * service knows which groups and fields exist.
 */
import type { ContactData } from '../../../shared/contract/contacts';
import { normalizeInput, normalizeMultiline } from '../../../shared/text/normalize';
import { normalizedName } from '../contact.validate';

export type ImportedRecord = {
  /** 1-based line in the file where the record starts. */
  line: number;
  /** groupIds and fields are always empty: the service fills them from groupNames and extra. */
  contact: ContactData;
  /** CATEGORIES in vCard, a "Groups" column in CSV. Normalised, without duplicates. */
  groupNames: string[];
  /** Unknown CSV columns and kept vCard X- properties, by name; they become user-defined text fields. */
  extra: { name: string; value: string }[];
  /** What the parser could not take over as written; shown in the preview. Absent when there is nothing. */
  remarks?: Remark[];
};

/**
 * Something the parser left out of a record. 'unreadable' (a kept value whose bytes could not be
 * decoded) keeps the whole record out of the import: text that could not be decoded is never stored.
 */
export type Remark =
  | { kind: 'unreadable'; line: number; detail: string }
  | { kind: 'birthday_no_year'; value: string }
  | { kind: 'birthday_invalid'; value: string }
  | { kind: 'extra_org'; value: string };

export function addRemark(r: ImportedRecord, remark: Remark): void {
  (r.remarks ??= []).push(remark);
}

/**
 * Why a file could not be read. The service turns each reason into a message in the user's language
 * (io.service.ts, PARSE_REASONS_FA), so this set only grows together with that table.
 */
export type ImportErrorReason =
  | 'no_begin' // a vCard property or END:VCARD outside any card
  | 'unterminated' // a card without END:VCARD
  | 'bad_line' // a vCard line without ':', a CSV quote never closed
  | 'bad_encoding' // broken quoted-printable or bytes that are not UTF-8
  | 'mixed_encoding' // a file neither clearly UTF-8 nor clearly a single-byte code page (the line of the first bad byte)
  | 'not_vcard' // no BEGIN:VCARD anywhere
  | 'bad_date' // a CSV birth date that is no date
  | 'ragged_row' // a CSV row whose column count differs from the header's
  | 'no_header' // a CSV without a usable header row
  | 'empty'; // a file that holds no records at all

/** A file that cannot be read, with the 1-based line to look at. `message` is English detail for logs. */
export class ImportParseError extends Error {
  constructor(
    readonly line: number,
    readonly reason: ImportErrorReason,
    detail: string,
    /** The CSV column (its header as written) when one cell is at fault. */
    readonly column?: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'ImportParseError';
  }
}

export function emptyContact(): ContactData {
  return {
    prefix: '',
    firstName: '',
    middleName: '',
    lastName: '',
    suffix: '',
    nickname: '',
    company: '',
    department: '',
    jobTitle: '',
    phones: [],
    emails: [],
    street: '',
    city: '',
    province: '',
    postalCode: '',
    country: '',
    birthDate: null,
    notes: '',
    groupIds: [],
    fields: [],
  };
}

const SINGLE_LINE = [
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'nickname',
  'company',
  'department',
  'jobTitle',
  'city',
  'province',
  'postalCode',
  'country',
] as const;

/** Brings a record's text into stored form and drops empty phones, emails, groups and extras. */
export function finishRecord(r: ImportedRecord): ImportedRecord {
  const c = r.contact;
  // Most details of most records are empty; skipping those keeps a 100k-card import fast.
  for (const k of SINGLE_LINE) if (c[k] !== '') c[k] = normalizedName(c[k]);
  if (c.street !== '') c.street = normalizeMultiline(c.street);
  if (c.notes !== '') c.notes = normalizeMultiline(c.notes);
  c.phones = c.phones
    .map((p) => ({ kind: p.kind, number: normalizeInput(p.number), extension: p.extension && normalizeInput(p.extension) }))
    .filter((p) => p.number !== '');
  c.emails = c.emails.map((e) => ({ address: normalizeInput(e.address) })).filter((e) => e.address !== '');
  r.groupNames = [...new Set(r.groupNames.map(normalizedName).filter((g) => g !== ''))];
  r.extra = r.extra.map((x) => ({ name: normalizeInput(x.name), value: normalizeMultiline(x.value) })).filter((x) => x.name !== '' && x.value !== '');
  return r;
}

/** True when a record carries nothing at all (an empty card or row): such records are skipped, not errors. */
export function isBlankRecord(r: ImportedRecord): boolean {
  const c = r.contact;
  return (
    r.remarks === undefined &&
    SINGLE_LINE.every((k) => c[k] === '') &&
    c.street === '' &&
    c.notes === '' &&
    c.birthDate === null &&
    c.phones.length === 0 &&
    c.emails.length === 0 &&
    r.groupNames.length === 0 &&
    r.extra.length === 0
  );
}

/**
 * Splits a full name when a file has no separate name parts (vCard FN without N, a CSV "Name"
 * column): the last word is the family name, the rest the given name. A "name" without any letter
 * (a phone number, '—') is no name at all.
 */
export function splitFullName(full: string): { firstName: string; lastName: string } {
  const words = normalizeInput(full)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0 || !/\p{L}/u.test(full)) return { firstName: '', lastName: '' };
  if (words.length === 1) return { firstName: words[0]!, lastName: '' };
  return { firstName: words.slice(0, -1).join(' '), lastName: words[words.length - 1]! };
}
