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
  /** Existing contacts with one of this record's phone numbers (or the same name when it has none). */
  duplicateOf: { id: number; displayName: string }[];
};

export type ImportPreview = {
  previewId: string;
  format: (typeof IMPORT_FORMATS)[number];
  total: number;
  duplicates: number;
  /** The first rows, for the preview table. */
  rows: ImportRowPreview[];
  /** Group names in the file that do not exist yet and will be created. */
  newGroups: string[];
};

export const importCommitInput = z.object({
  previewId: z.string().max(100),
  /** What to do with records that match an existing contact. */
  onDuplicate: z.enum(['merge', 'skip', 'add']),
});
export type ImportOutcome = { added: number; merged: number; skipped: number };

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
