/**
 * The contact form's state: text exactly as typed (dates in the chosen calendar, digits in any
 * script), phone and email rows with stable keys, and its translation to the contract's
 * ContactInput. Empty phone and email rows are not sent, so the engine's error fields
 * ('phones.1.number') are mapped back to the rows on screen.
 */
import type { Contact, ContactInput, CustomField, PhoneKind } from '../../shared/contract/contacts';
import type { AppErrorShape } from '../../shared/contract/errors';
import { formatDate, parseDateInput, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { localDigits, toAsciiDigits } from '../../shared/text/digits';
import { fieldValueToInput } from './field-values';
import { asciiNumber } from './filter-drafts';

export const TEXT_KEYS = [
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
export type TextKey = (typeof TEXT_KEYS)[number];

export type PhoneDraft = { key: number; kind: PhoneKind; number: string; extension: string };
export type EmailDraft = { key: number; address: string };
export type ContactDraft = Record<TextKey, string> & {
  phones: PhoneDraft[];
  emails: EmailDraft[];
  birthDate: string;
  groupIds: number[];
  /** Field id → text as typed; yes/no is '1', '0' or '' (never answered). */
  fields: Record<number, string>;
};
/** Form field name ('firstName', 'phones.0.number', 'fields.3') → message. */
export type FieldError = { field: string; message: string };

let nextKey = 1;
export const newPhone = (kind: PhoneKind = 'mobile'): PhoneDraft => ({ key: nextKey++, kind, number: '', extension: '' });
export const newEmail = (): EmailDraft => ({ key: nextKey++, address: '' });

const blankText = Object.fromEntries(TEXT_KEYS.map((k) => [k, ''])) as Record<TextKey, string>;

export function emptyDraft(): ContactDraft {
  return { ...blankText, phones: [newPhone()], emails: [newEmail()], birthDate: '', groupIds: [], fields: {} };
}

/**
 * A new contact with one number filled in (from a call): a mobile when it looks like one of the
 * home country's mobiles (9 after the trunk prefix), otherwise a work number.
 */
export function draftWithNumber(number: string): ContactDraft {
  const digits = toAsciiDigits(number).replace(/[^\d+]/g, '');
  const mobile = /^(\+98|0098|98|0)?9\d{9}$/.test(digits);
  return { ...emptyDraft(), phones: [{ ...newPhone(mobile ? 'mobile' : 'work'), number }] };
}

export function draftFromContact(c: Contact, fields: CustomField[], cal: CalendarSystem, lang: Lang): ContactDraft {
  const text = Object.fromEntries(TEXT_KEYS.map((k) => [k, c[k]])) as Record<TextKey, string>;
  const byId = new Map(fields.map((f) => [f.id, f]));
  const values: Record<number, string> = {};
  for (const v of c.fields) {
    const f = byId.get(v.fieldId);
    if (f) values[f.id] = fieldValueToInput(f, v.value, cal, lang);
  }
  return {
    ...text,
    postalCode: localDigits(c.postalCode, lang),
    phones: c.phones.length
      ? c.phones.map((p) => ({ key: nextKey++, kind: p.kind, number: localDigits(p.number, lang), extension: localDigits(p.extension, lang) }))
      : [newPhone()],
    emails: c.emails.length ? c.emails.map((e) => ({ key: nextKey++, address: e.address })) : [newEmail()],
    birthDate: c.birthDate ? formatDate(c.birthDate, cal, lang) : '',
    groupIds: [...c.groupIds],
    fields: values,
  };
}

export type BuiltInput = { input: ContactInput; phoneRows: number[]; emailRows: number[] };

/** Draft → ContactInput, or the first field the form itself can tell is wrong (a date it cannot read). */
export function buildInput(d: ContactDraft, fields: CustomField[], cal: CalendarSystem, badDate: string): BuiltInput | FieldError {
  const phoneRows: number[] = [];
  const phones = d.phones.flatMap((p, i) => {
    if (!p.number.trim()) return [];
    phoneRows.push(i);
    return [{ kind: p.kind, number: p.number, extension: p.extension }];
  });
  const emailRows: number[] = [];
  const emails = d.emails.flatMap((e, i) => {
    if (!e.address.trim()) return [];
    emailRows.push(i);
    return [{ address: e.address }];
  });
  let birthDate: string | null = null;
  if (d.birthDate.trim()) {
    birthDate = parseDateInput(d.birthDate, cal);
    if (!birthDate) return { field: 'birthDate', message: badDate };
  }
  const values: { fieldId: number; value: string }[] = [];
  for (const f of fields) {
    const raw = (d.fields[f.id] ?? '').trim();
    if (!raw) continue;
    if (f.kind === 'date') {
      const iso = parseDateInput(raw, cal);
      if (!iso) return { field: `fields.${f.id}`, message: badDate };
      values.push({ fieldId: f.id, value: iso });
    } else {
      values.push({ fieldId: f.id, value: f.kind === 'number' ? asciiNumber(raw) : raw });
    }
  }
  const text = Object.fromEntries(TEXT_KEYS.map((k) => [k, d[k]])) as Record<TextKey, string>;
  return { input: { ...text, phones, emails, birthDate, groupIds: d.groupIds, fields: values }, phoneRows, emailRows };
}

/** The engine's error field, renamed to the row on screen ('phones.0.number' of the sent list → row 2). */
export function errorOnForm(e: AppErrorShape, built: BuiltInput): FieldError | null {
  if (!e.field) return null;
  const m = /^(phones|emails)\.(\d+)\.(\w+)$/.exec(e.field);
  if (!m) return { field: e.field, message: e.message };
  const rows = m[1] === 'phones' ? built.phoneRows : built.emailRows;
  const row = rows[Number(m[2])];
  return row === undefined ? null : { field: `${m[1]}.${row}.${m[3]}`, message: e.message };
}
