/**
 * The phonebook's import, export and printed list.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { exportInput, importCommitInput, importPreviewInput, printContactsInput, type FileOut, type ImportOutcome, type ImportPreview } from './io';
import { request, type RequestMap } from './request';

export const ioApi = {
  /** Parses a vCard or CSV file without writing anything; 'import/parse' names the bad line. */
  'io/import-preview': request(importPreviewInput).reads('contacts.write').returns<ImportPreview>(),
  /** Writes a previewed import in one transaction: all records or none. */
  'io/import-commit': request(importCommitInput).writes('contacts.write').returns<ImportOutcome>(),
  'io/export': request(exportInput).reads('contacts.read').returns<FileOut>(),
  /** A PDF of the list (filtered by the query) or of one contact, Persian shaped with HarfBuzz. */
  'print/contacts': request(printContactsInput).reads('contacts.read').returns<FileOut>(),
} satisfies RequestMap;
