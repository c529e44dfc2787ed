/**
 * Turns what a user (or an imported file) gave into what is stored: text normalised, phones read in
 * the office's numbering plan, extra-field values in canonical form. The first problem found is
 * thrown as a validation error naming its field ('phones.1.number', 'fields.3', 'birthDate').
 */
import type { ContactData, FieldKind } from '../../shared/contract/contacts';
import type { CalendarSystem } from '../../shared/text/calendar';
import { isIsoDate, parseDateInput } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import { normalizePhone, splitExtension, type NormalizedPhone, type PhoneRegion } from '../../shared/text/phone';
import { validationError } from '../kernel/app-error';
import type { ContactChildren } from './contacts.repo';

export type FieldDef = { id: number; kind: FieldKind; options: string[] };

export type ValidationContext = {
  region: PhoneRegion;
  calendar: CalendarSystem;
  groupExists: (id: number) => boolean;
  field: (id: number) => FieldDef | undefined;
};

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
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

/**
 * normalizeInput of a name, company, title or group, remembered: an import repeats these thousands of
 * times (bounded, so unique names cost little). Phones and emails are unique and are not remembered.
 */
const names = new Map<string, string>();
export function normalizedName(s: string): string {
  let n = names.get(s);
  if (n === undefined) {
    if (names.size >= 20_000) names.clear();
    names.set(s, (n = normalizeInput(s)));
  }
  return n;
}

/** `normalized`: each kept phone read in the region, in the order of children.phones (for its search terms: a number is read once). */
export type CleanContact = { data: ContactData; children: Omit<ContactChildren, 'terms'>; normalized: NormalizedPhone[] };

export function cleanContact(input: ContactData, ctx: ValidationContext): CleanContact {
  const data: ContactData = { ...input };
  // Most details of most contacts are empty: skipping those keeps a 100,000-card import fast.
  for (const k of SINGLE_LINE) data[k] = input[k] === '' ? '' : normalizedName(input[k]);
  if (data.postalCode !== '') data.postalCode = toAsciiDigits(data.postalCode);
  data.street = input.street === '' ? '' : normalizeMultiline(input.street);
  data.notes = input.notes === '' ? '' : normalizeMultiline(input.notes);

  const phones: ContactChildren['phones'] = [];
  const normalized: NormalizedPhone[] = [];
  input.phones.forEach((p, i) => {
    // An extension typed into the number ("… x12", «… داخلی ۱۲») goes to its own field: glued on, it
    // would change the number and caller ID from the main number would no longer find the contact.
    const split = splitExtension(toAsciiDigits(normalizeInput(p.number)));
    const number = split.number;
    if (number === '') return;
    const n = normalizePhone(number, ctx.region);
    if (!n) throw validationError('validation.phone', `phones.${i}.number`, { value: p.number });
    const typedExtension = toAsciiDigits(normalizeInput(p.extension));
    if (split.extension && typedExtension && split.extension !== typedExtension) {
      throw validationError('validation.extension_twice', `phones.${i}.extension`, { value: p.number });
    }
    const extension = typedExtension || split.extension;
    if (!/^\d{0,10}$/.test(extension)) throw validationError('validation.extension', `phones.${i}.extension`);
    phones.push({ kind: p.kind, number, extension, key: n.key });
    normalized.push(n);
  });
  data.phones = phones.map(({ kind, number, extension }) => ({ kind, number, extension }));

  const emails: string[] = [];
  input.emails.forEach((e, i) => {
    const address = normalizeInput(e.address);
    if (address === '') return;
    if (!EMAIL.test(address)) throw validationError('validation.email', `emails.${i}.address`, { value: e.address });
    emails.push(address);
  });
  data.emails = emails.map((address) => ({ address }));

  if (data.birthDate !== null && !isIsoDate(data.birthDate)) {
    throw validationError('validation.date', 'birthDate', { value: data.birthDate });
  }
  if (![data.firstName, data.lastName, data.company, data.nickname].some((s) => s !== '') && phones.length === 0) {
    throw validationError('validation.required_name', 'firstName');
  }

  const groupIds = [...new Set(input.groupIds)];
  if (groupIds.some((g) => !ctx.groupExists(g))) throw validationError('validation.unknown_group', 'groupIds');
  data.groupIds = groupIds;

  const fields: ContactChildren['fields'] = [];
  const seen = new Set<number>();
  for (const f of input.fields) {
    const def = ctx.field(f.fieldId);
    if (!def) throw validationError('validation.unknown_field', `fields.${f.fieldId}`);
    if (seen.has(f.fieldId)) continue;
    seen.add(f.fieldId);
    const value = canonicalFieldValue(def, f.value, ctx.calendar, `fields.${f.fieldId}`);
    if (value !== '') fields.push({ fieldId: f.fieldId, value });
  }
  data.fields = fields;
  return { data, children: { phones, emails, groupIds, fields }, normalized };
}

const YES = new Set(['1', 'true', 'yes', 'y', 'بله', 'آری', 'بلی', 'دارد']);
const NO = new Set(['0', 'false', 'no', 'n', 'خیر', 'نه', 'ندارد']);

/** Canonical stored text of an extra-field value; '' means empty. */
export function canonicalFieldValue(def: FieldDef, raw: string, calendar: CalendarSystem, field: string): string {
  const v = normalizeInput(raw);
  if (v === '') return '';
  switch (def.kind) {
    case 'text':
      return v;
    case 'number': {
      const ascii = toAsciiDigits(v)
        .replace(/[,\u066c\s]/g, '')
        .replace('\u066b', '.');
      const n = Number(ascii);
      if (ascii === '' || !Number.isFinite(n)) throw validationError('validation.number', field, { value: raw });
      return String(n);
    }
    case 'date': {
      const ascii = toAsciiDigits(v);
      const iso = isIsoDate(ascii) ? ascii : parseDateInput(ascii, calendar);
      if (!iso) throw validationError('validation.date', field, { value: raw });
      return iso;
    }
    case 'bool': {
      const k = toAsciiDigits(v).toLowerCase();
      if (YES.has(k)) return '1';
      if (NO.has(k)) return '0';
      throw validationError('validation.bool', field);
    }
    case 'choice':
      if (!def.options.includes(v)) throw validationError('validation.choice', field, { value: raw });
      return v;
  }
}
