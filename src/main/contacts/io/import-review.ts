/**
 * What the preview decides for each parsed record, before anything is written: a value the edit form
 * would refuse is moved into the notes (a phone written as text, an email without a domain) so the
 * rest of the card still comes in; a record over the contact limits, without anything to name it by,
 * or holding text that could not be decoded is skipped. Either way the user sees the line and the
 * reason in the preview: one odd card never stops the others, and nothing is changed silently.
 */
import { CONTACT_LIMITS, type ContactData } from '../../../shared/contract/contacts';
import { toAsciiDigits } from '../../../shared/text/digits';
import { normalizeInput } from '../../../shared/text/normalize';
import { normalizePhone, type PhoneRegion } from '../../../shared/text/phone';
import type { Lang } from '../../i18n/messages';
import type { CalendarSystem } from '../../../shared/text/calendar';
import { AppError } from '../../kernel/app-error';
import { canonicalFieldValue, EMAIL, type FieldDef } from '../contact.validate';
import type { ImportedRecord, Remark } from './record';

/** Why a record is skipped or what was changed in it; turned into text by noticeText (import-notices.ts). */
export type NoticeWhat =
  | Remark
  | { kind: 'bad_bytes'; line: number }
  | { kind: 'no_name'; emails: string }
  | { kind: 'too_long'; field: keyof typeof CONTACT_LIMITS; max: number }
  | { kind: 'too_many'; field: 'phones' | 'emails' | 'groupIds' | 'fields'; max: number; count: number }
  | { kind: 'phone_to_notes'; value: string }
  | { kind: 'email_to_notes'; value: string }
  | { kind: 'field_to_notes'; field: string; value: string }
  | { kind: 'shares_number'; with: string };

/** The phonebook's extra fields by name (undefined: none yet, it will be a text field), and the calendar dates are read in. */
export type FieldLookup = { defOf: (name: string) => FieldDef | undefined; calendar: CalendarSystem };

export type Reviewed = {
  record: ImportedRecord;
  /** Set when the record is not imported. */
  skip: NoticeWhat | null;
  changes: NoticeWhat[];
  /** Matching keys of the record's phones (as the form stores them), for the duplicate checks. */
  keys: string[];
};

const TEXT_FIELDS = [
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
  'notes',
] as const;

/** Labels of values moved into the notes, in the language of the request that previewed the file. */
const NOTE_LABEL: Record<Lang, { phone: string; email: string }> = {
  fa: { phone: 'تلفن', email: 'ایمیل' },
  en: { phone: 'Phone', email: 'Email' },
};

/**
 * Reviews one record in place (its contact may gain notes and lose unreadable phones and emails).
 * `badLines`: lines of the file whose bytes were not valid in its encoding, sorted; `lastLine` the
 * last line that belongs to this record (the line before the next record starts).
 */
export function review(r: ImportedRecord, lastLine: number, badLines: number[], region: PhoneRegion, lang: Lang, fields: FieldLookup): Reviewed {
  const out: Reviewed = { record: r, skip: null, changes: [], keys: [] };
  const bad = badLines.find((l) => l >= r.line && l <= lastLine);
  if (bad !== undefined) return { ...out, skip: { kind: 'bad_bytes', line: bad } };
  for (const remark of r.remarks ?? []) {
    if (remark.kind === 'unreadable') return { ...out, skip: remark };
    out.changes.push(remark);
  }
  const c = r.contact;
  // These are all the checks of the form's cleanContact that a parsed record can fail (its text is
  // already normalised and its birth date ISO or null), so the commit's own check never refuses it.
  moveUnreadable(c, region, lang, out);
  moveBadFieldValues(out, fields);
  out.skip = overLimit(r) ?? noName(c);
  return out;
}

/**
 * Phones that are no number and emails the form would refuse go into the notes, as written; the
 * matching keys of the phones kept are collected.
 */
function moveUnreadable(c: ContactData, region: PhoneRegion, lang: Lang, out: Reviewed): void {
  const moved: string[] = [];
  const label = NOTE_LABEL[lang];
  const changes = out.changes;
  c.phones = c.phones.filter((p) => {
    const number = toAsciiDigits(p.number);
    const ext = toAsciiDigits(p.extension);
    const n = number.length <= CONTACT_LIMITS.phoneNumber && /^\d{0,10}$/.test(ext) ? normalizePhone(number, region) : null;
    if (n) {
      if (!out.keys.includes(n.key)) out.keys.push(n.key);
      return true;
    }
    const value = ext ? `${p.number} (${ext})` : p.number;
    moved.push(`${label.phone}: ${value}`);
    changes.push({ kind: 'phone_to_notes', value });
    return false;
  });
  c.emails = c.emails.filter((e) => {
    const address = normalizeInput(e.address);
    if (address.length <= CONTACT_LIMITS.email && EMAIL.test(address)) return true;
    moved.push(`${label.email}: ${e.address}`);
    changes.push({ kind: 'email_to_notes', value: e.address });
    return false;
  });
  if (moved.length > 0) c.notes = [c.notes, ...moved].filter((s) => s !== '').join('\n');
}

/** The first limit of the edit form (CONTACT_LIMITS) the record goes over, or null. */
function overLimit(r: ImportedRecord): NoticeWhat | null {
  const c = r.contact;
  for (const k of TEXT_FIELDS) if (c[k].length > CONTACT_LIMITS[k]) return { kind: 'too_long', field: k, max: CONTACT_LIMITS[k] };
  const counts = [
    ['phones', c.phones.length],
    ['emails', c.emails.length],
    ['groupIds', r.groupNames.length],
    ['fields', r.extra.length],
  ] as const;
  for (const [field, count] of counts) if (count > CONTACT_LIMITS[field]) return { kind: 'too_many', field, max: CONTACT_LIMITS[field], count };
  for (const x of r.extra) if (x.value.length > CONTACT_LIMITS.fieldValue) return { kind: 'too_long', field: 'fieldValue', max: CONTACT_LIMITS.fieldValue };
  return null;
}

/** The form's rule: a contact needs a name, company, nickname or phone to be found by. */
function noName(c: ContactData): NoticeWhat | null {
  if ([c.firstName, c.lastName, c.company, c.nickname].some((s) => s.trim() !== '') || c.phones.length > 0) return null;
  return { kind: 'no_name', emails: c.emails.map((e) => e.address).join(', ') };
}

/**
 * Values for extra fields the phonebook already has (a CSV column named like one): a value the field
 * cannot take (a word in a number field, an unknown choice) goes into the notes, as the form would
 * refuse it and the commit must not. `defOf` finds the field by name; unknown names become text fields.
 */
function moveBadFieldValues(v: Reviewed, { defOf, calendar }: FieldLookup): void {
  const r = v.record;
  const moved: string[] = [];
  r.extra = r.extra.filter((x) => {
    const def = defOf(x.name);
    if (!def || def.kind === 'text') return true;
    try {
      canonicalFieldValue(def, x.value, calendar, x.name);
      return true;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      moved.push(`${x.name}: ${x.value}`);
      v.changes.push({ kind: 'field_to_notes', field: x.name, value: x.value });
      return false;
    }
  });
  if (moved.length > 0) r.contact.notes = [r.contact.notes, ...moved].filter((s) => s !== '').join('\n');
}
