/** Import, export and printing of the phonebook. */
import { z } from 'zod';
import { contactQuery, type ContactData } from './contacts';

export const IMPORT_FORMATS = ['vcard', 'csv'] as const;
export const EXPORT_FORMATS = ['vcard3', 'vcard4', 'csv'] as const;

export const importPreviewInput = z.object({
  /** File name as picked (used to guess the format when `format` is 'auto'). */
  fileName: z.string().max(500).default(''),
  format: z.enum(['auto', ...IMPORT_FORMATS]).default('auto'),
  /** File bytes, base64 (so the engine can detect UTF-8, UTF-16 and BOMs itself). */
  base64: z.string().max(200 * 1024 * 1024),
});

export type ImportRowPreview = {
  /** 1-based line of the file where the record starts. */
  line: number;
  contact: ContactData;
  /**
   * Contacts in the phonebook this record is the same person as: one of its numbers and a name that
   * agrees (or only a number on one side), or the same name when it has no phone.
   */
  duplicateOf: { id: number; displayName: string }[];
  /** The line of an earlier record in the same file that is the same person, or null. */
  sameAsLine: number | null;
};

/**
 * Something about one record the user should know before importing: 'skipped' records are not
 * imported (the reason says why); 'changed' records are imported with something moved or left out;
 * a 'note' says how it is imported (a number shared with someone else: added apart, not merged).
 * `message` is in the language of the request.
 */
export type ImportNotice = { line: number; kind: 'skipped' | 'changed' | 'note'; message: string };

export type ImportPreview = {
  previewId: string;
  format: (typeof IMPORT_FORMATS)[number];
  total: number;
  duplicates: number;
  /** The first rows, for the preview table. */
  rows: ImportRowPreview[];
  /** Group names in the file that do not exist yet and will be created. */
  newGroups: string[];
  /** Records that will not be imported (listed in notices with the reason); `total` counts only the others. */
  skipped: number;
  /** The first notices, in file order (at most a few hundred; `skipped` and `changed` are the full counts). */
  notices: ImportNotice[];
  changed: number;
  /** How the file's text was read, for the user to check: 'UTF-8', 'UTF-16', 'Windows-1256', 'Windows-1252', … */
  encoding: string;
};

export const importCommitInput = z.object({
  previewId: z.string().max(100),
  /** What to do with records that match an existing contact. */
  onDuplicate: z.enum(['merge', 'skip', 'add']),
});
/** `skipped` counts duplicates left out by choice; `rejected` the records the preview listed as skipped. */
export type ImportOutcome = { added: number; merged: number; skipped: number; rejected: number };

export const exportInput = contactQuery.extend({
  format: z.enum(EXPORT_FORMATS),
  /** Export only these contacts (overrides the query). */
  ids: z.array(z.number().int().positive()).max(100000).nullable().default(null),
});

/** A file produced by the engine for the user to save or open. */
export type FileOut = { fileName: string; mime: string; base64: string; count: number };

export const printContactsInput = contactQuery.extend({
  scope: z.enum(['list', 'one']),
  /** For scope 'one'. */
  id: z.number().int().positive().nullable().default(null),
});
