/**
 * People files (پرونده, PRODUCT.md §3): personnel, customers and job applicants. A file belongs to one
 * phonebook contact, which keeps the person's name, phones and address (one record, never two
 * copies); the file adds what only the file has: its number, registration date, national ID,
 * referrer, photo, documents, and for applicants the employment application and interview notes.
 * Dates are ISO calendar dates (the UI shows them in Jalali).
 */
import { z } from 'zod';
import { contactInput, type Contact, type Note } from './contacts';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FILE_KINDS = ['staff', 'customer', 'applicant'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const APPLICANT_STATUSES = ['new', 'interview', 'hired', 'rejected'] as const;
export type ApplicantStatus = (typeof APPLICANT_STATUSES)[number];

const text = (max: number) => z.string().max(max).default('');

export const educationRow = z.object({
  degree: text(100),
  field: text(150),
  institution: text(200),
  year: text(20),
  grade: text(20),
});
export const workRow = z.object({
  employer: text(200),
  role: text(150),
  from: text(30),
  to: text(30),
  leaving: text(300),
});

/** The employment application form (فرم استخدام) beyond the contact's own details. */
export const applicationInput = z.object({
  fatherName: text(100),
  birthPlace: text(100),
  maritalStatus: z.enum(['', 'single', 'married']).default(''),
  militaryService: z.enum(['', 'done', 'exempt', 'pending', 'na']).default(''),
  education: z.array(educationRow).max(20).default([]),
  workHistory: z.array(workRow).max(30).default([]),
  skills: text(3000),
  position: text(200),
  /** As typed (digits in any script); the office's currency. */
  expectedSalary: text(40),
  availableFrom: text(40),
});
export type ApplicationInput = z.input<typeof applicationInput>;
export type Application = z.output<typeof applicationInput>;

/**
 * A file as the form sends it. The person is an existing contact (`contactId`) or a new one
 * (`contact`, created with the file in one step); on update `contact` replaces the contact's details
 * (as 'contacts/update' does). Fails with 'validation' naming the field: 'fileNo' (taken or empty),
 * 'nationalId' (check digit), 'contact.phones.0.number', 'referrerFileId', 'contactId'.
 */
export const fileInput = z.object({
  kind: z.enum(FILE_KINDS),
  contactId: id.nullable().default(null),
  contact: contactInput.nullable().default(null),
  /** '' = the next free number of this kind. Digits in any script are stored as ASCII. */
  fileNo: z.string().max(30).default(''),
  /** null = today. */
  registeredOn: isoDate.nullable().default(null),
  nationalId: z.string().max(20).default(''),
  /** Another person on file who introduced this one, or a name typed freely (or neither). */
  referrerFileId: id.nullable().default(null),
  referrerText: z.string().max(200).default(''),
  /** Applicants only; ignored for other kinds. */
  status: z.enum(APPLICANT_STATUSES).default('new'),
  application: applicationInput.nullable().default(null),
  /** Staff only: the work schedule the attendance report measures against. */
  scheduleId: id.nullable().default(null),
  /** Staff only: false when the person has left (kept on file, off the clock-in screen). */
  active: z.boolean().default(true),
});
export type FileInput = z.input<typeof fileInput>;
export type FileData = z.output<typeof fileInput>;

export type FileRef = { id: number; kind: FileKind; fileNo: string; displayName: string };

export type DocumentInfo = { id: number; name: string; mime: string; size: number; addedAt: string };
export type InterviewNote = Note & { fileId: number };

export type PersonFile = {
  id: number;
  kind: FileKind;
  fileNo: string;
  registeredOn: string;
  nationalId: string;
  referrer: FileRef | null;
  referrerText: string;
  status: ApplicantStatus;
  application: Application | null;
  scheduleId: number | null;
  active: boolean;
  hasPin: boolean;
  hasPhoto: boolean;
  /** The contact: name, phones, address, timeline notes. */
  contact: Contact;
  documents: DocumentInfo[];
  interviews: InterviewNote[];
  /** Other files of the same person (e.g. the staff file of a hired applicant, and back). */
  related: FileRef[];
  createdAt: string;
  updatedAt: string;
};

export type FileSummary = {
  id: number;
  kind: FileKind;
  fileNo: string;
  registeredOn: string;
  contactId: number;
  displayName: string;
  phone: string;
  nationalId: string;
  referrer: string;
  status: ApplicantStatus;
  position: string;
  active: boolean;
  hasPhoto: boolean;
};

export const fileQuery = z.object({
  kind: z.enum(FILE_KINDS),
  /** Name words, a phone number in any form, a national ID or a file number. */
  text: z.string().max(200).default(''),
  /** Exact file number (digits in any script). */
  fileNo: z.string().max(30).default(''),
  /** Words of the referrer's name (a file's person or the free text). */
  referrer: z.string().max(200).default(''),
  /** Registration date range, inclusive. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  status: z.enum(APPLICANT_STATUSES).nullable().default(null),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(200),
});
export type FileQuery = z.input<typeof fileQuery>;
export type FileList = { items: FileSummary[]; total: number };

/** A photo or a document: at most 10 MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const photoInput = z.object({
  id,
  /** null removes the photo. */
  base64: z
    .string()
    .max(Math.ceil(MAX_ATTACHMENT_BYTES * 1.37))
    .nullable(),
  mime: z.enum(['image/jpeg', 'image/png', 'image/webp', 'image/gif']).default('image/jpeg'),
});
export const documentInput = z.object({
  fileId: id,
  name: z.string().trim().min(1).max(200),
  mime: z.string().max(100).default('application/octet-stream'),
  base64: z.string().max(Math.ceil(MAX_ATTACHMENT_BYTES * 1.37)),
});

export const hireInput = z.object({
  /** The applicant's file. */
  id,
  /** '' = the next free staff number. */
  fileNo: z.string().max(30).default(''),
  /** The staff file's registration (hiring) date; null = today. */
  registeredOn: isoDate.nullable().default(null),
  scheduleId: id.nullable().default(null),
});

export const pinInput = z.object({
  id,
  /** 4 to 8 digits (any script); null removes the PIN. */
  pin: z.string().max(20).nullable(),
});
