/** Phonebook contract: what the engine accepts and returns for contacts, groups and extra fields. */
import { z } from 'zod';

export const PHONE_KINDS = ['mobile', 'work', 'home', 'fax', 'other'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export const FIELD_KINDS = ['text', 'number', 'date', 'bool', 'choice'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

const text = (max: number) => z.string().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const id = z.number().int().positive();

/**
 * The longest text and the most items a contact may hold: one set for the edit form (the schema
 * below) and for import (io.service.ts), so an imported contact can always be opened and saved again.
 */
export const CONTACT_LIMITS = {
  prefix: 40,
  firstName: 100,
  middleName: 100,
  lastName: 100,
  suffix: 40,
  nickname: 100,
  company: 200,
  department: 200,
  jobTitle: 200,
  street: 500,
  city: 100,
  province: 100,
  postalCode: 20,
  country: 100,
  notes: 10000,
  phones: 50,
  emails: 20,
  groupIds: 200,
  fields: 200,
  phoneNumber: 40,
  extension: 10,
  email: 254,
  fieldValue: 2000,
} as const;
const L = CONTACT_LIMITS;

export const phoneInput = z.object({
  kind: z.enum(PHONE_KINDS),
  number: text(L.phoneNumber),
  extension: text(L.extension).default(''),
});

export const emailInput = z.object({ address: text(L.email) });

/** Value of a user-defined field as sent by the UI: always a string ('' = empty); the engine checks it against the field's kind. */
export const fieldValueInput = z.object({ fieldId: id, value: text(L.fieldValue) });

export const contactInput = z.object({
  prefix: text(L.prefix).default(''),
  firstName: text(L.firstName).default(''),
  middleName: text(L.middleName).default(''),
  lastName: text(L.lastName).default(''),
  suffix: text(L.suffix).default(''),
  nickname: text(L.nickname).default(''),
  company: text(L.company).default(''),
  department: text(L.department).default(''),
  jobTitle: text(L.jobTitle).default(''),
  phones: z.array(phoneInput).max(L.phones).default([]),
  emails: z.array(emailInput).max(L.emails).default([]),
  street: text(L.street).default(''),
  city: text(L.city).default(''),
  province: text(L.province).default(''),
  postalCode: text(L.postalCode).default(''),
  country: text(L.country).default(''),
  /** ISO date (stored Gregorian; shown in the chosen calendar), or null. */
  birthDate: isoDate.nullable().default(null),
  notes: text(L.notes).default(''),
  groupIds: z.array(id).max(L.groupIds).default([]),
  fields: z.array(fieldValueInput).max(L.fields).default([]),
});
export type ContactInput = z.input<typeof contactInput>;
export type ContactData = z.output<typeof contactInput>;

export type Phone = {
  kind: PhoneKind;
  /** As the user typed it (normalised digits and spacing). */
  number: string;
  extension: string;
  /** International digits used for matching ('989121234567'), or null when it could not be read as a number. */
  key: string | null;
  /** Display form in the office's numbering plan ('0912 123 4567'). */
  display: string;
};

export type Note = { id: number; contactId: number; body: string; author: string; createdAt: string };

export type Contact = Omit<ContactData, 'phones'> & {
  id: number;
  displayName: string;
  phones: Phone[];
  createdAt: string;
  updatedAt: string;
  /** Newest first. */
  timeline: Note[];
};

/** A row of the list: enough to show and to dial. */
export type ContactSummary = {
  id: number;
  displayName: string;
  company: string;
  jobTitle: string;
  phones: Pick<Phone, 'kind' | 'display' | 'key' | 'extension'>[];
  groupIds: number[];
};

export type Group = { id: number; name: string; color: string; count: number };
export const groupInput = z.object({
  name: text(100),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .default('#4a7dbd'),
});

export type CustomField = { id: number; name: string; kind: FieldKind; options: string[]; position: number };
export const fieldInput = z.object({
  name: text(100),
  kind: z.enum(FIELD_KINDS),
  /** Choices of a 'choice' field. */
  options: z.array(text(100)).max(100).default([]),
});

/** A filter on a user-defined field. `value` for eq/contains; `min`/`max` for number and date ranges. */
export const fieldFilter = z.object({
  fieldId: id,
  op: z.enum(['eq', 'contains', 'range', 'set', 'unset']),
  value: text(200).default(''),
  min: text(40).default(''),
  max: text(40).default(''),
});
export type FieldFilter = z.input<typeof fieldFilter>;

export const contactQuery = z.object({
  /** Free text: words match the start of any word of name, company, department, job title, group, email or extra field; digits match phones in any form. */
  text: text(200).default(''),
  groupId: id.nullable().default(null),
  filters: z.array(fieldFilter).max(20).default([]),
});
export type ContactQuery = z.input<typeof contactQuery>;

export const searchInput = contactQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /**
   * The page first: when counting would read the whole phonebook (the first count after a start or a
   * write, about a second for 1,000,000 contacts) the answer says `totalExact: false` with the rows so
   * far as the total, and a later search without this gives the count.
   */
  countLater: z.boolean().default(false),
});

export type SearchResult = {
  items: ContactSummary[];
  /** Number of matches, exact when totalExact, otherwise a lower bound. */
  total: number;
  totalExact: boolean;
};

export type PhoneMatch = { contactId: number; displayName: string; company: string; kind: PhoneKind; display: string };
