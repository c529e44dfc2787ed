/**
 * Cheques received and paid, and own cheque books.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import {
  chequeBookInput,
  chequeCorrectionInput,
  chequeExportInput,
  chequeFilter,
  chequeImageInput,
  chequeInput,
  chequeQuery,
  chequeSettingsInput,
  chequeVoidInput,
  markLeafInput,
  statusBatchInput,
  statusChangeInput,
  type Cheque,
  type ChequeBook,
  type ChequeLeaf,
  type ChequeList,
  type ChequeReport,
  type ChequeSettings,
  type StatusBatchResult,
} from './cheques';
import type { FileOut } from './io';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const chequeSettingsPatch = patchOf(chequeSettingsInput);
const chequePatch = patchOf(chequeInput);

export const chequesApi = {
  /** A cheque with its contact, leaf, images and history. 'not_found' when deleted. */
  'cheques/get': request(z.object({ id })).reads('cheques.read').returns<Cheque>(),
  /**
   * Registers a received or paid cheque (status 'on_hand' / 'issued'); with `bookId` a paid cheque takes
   * the next blank leaf ('conflict' when none is left). 'validation' names the field ('sayadId', 'partyId',
   * 'dueDate', 'bankCode', 'partyName'…); 'conflict' (field 'sayadId') when the Sayad ID is registered already.
   */
  'cheques/create': request(chequeInput).writes('cheques.write').returns<Cheque>(),
  /**
   * Changes the keys it carries (a patch); the history gets an 'edited' event with each changed field. The
   * type and leaf never change; once the cheque has history (`canDelete` false) its amount and parties do
   * not either ('conflict' naming the field: use 'cheques/correct').
   */
  'cheques/update': request(z.object({ id, data: chequePatch }))
    .writes('cheques.write')
    .returns<Cheque>(),
  /** Only while it has no event but its registration (a mistaken entry): 'conflict' otherwise (void it). Frees its leaf. */
  'cheques/delete': request(z.object({ id })).writes('cheques.write').returns<{ id: number }>(),
  /** Corrects the amount and parties with a reason; see `chequeCorrectionInput`. */
  'cheques/correct': request(chequeCorrectionInput).writes('cheques.write').returns<Cheque>(),
  /** Voids a cheque with a reason; see `chequeVoidInput`. */
  'cheques/void': request(chequeVoidInput).writes('cheques.write').returns<Cheque>(),
  /** A status change with its date and note. 'conflict' (field 'status') names both statuses when the change is not allowed. */
  'cheques/set-status': request(statusChangeInput).writes('cheques.write').returns<Cheque>(),
  /**
   * The same status change for several cheques in one transaction (all or nothing), each with its own
   * event; alarms follow as for one change. Refused as a whole, naming every cheque that cannot take it
   * and why ('conflict', field 'status'; 'validation', field 'date' for a date before a cheque's last change).
   */
  'cheques/set-status-batch': request(statusBatchInput).writes('cheques.write').returns<StatusBatchResult>(),
  /** Attaches a scanned image (PNG, JPEG, WebP) with the UI's thumbnail. */
  'cheques/add-image': request(chequeImageInput).writes('cheques.write').returns<Cheque>(),
  /** The full image. */
  'cheques/image': request(z.object({ id })).reads('cheques.read').returns<FileOut>(),
  'cheques/delete-image': request(z.object({ id })).writes('cheques.write').returns<Cheque>(),
  /** Search by type, status, registration and due dates, amount, person, bank and words; with totals per type. */
  'cheques/search': request(chequeQuery).reads('cheques.read').returns<ChequeList>(),
  /** Totals of a filter by status and by month of the due date (in the chosen calendar). */
  'cheques/report': request(chequeFilter).reads('cheques.read').returns<ChequeReport>(),
  /** The list and totals of a filter as PDF, CSV (UTF-8 with BOM) or Excel. */
  'cheques/export': request(chequeExportInput).reads('cheques.read').returns<FileOut>(),
  'cheques/settings': request(none).reads('cheques.read').returns<ChequeSettings>(),
  'cheques/settings-update': request(chequeSettingsPatch).writes('cheques.admin').returns<ChequeSettings>(),
  /** Own cheque books, newest first, with leaf counts and the next blank leaf. */
  'cheque-books/list': request(none).reads('cheques.read').returns<ChequeBook[]>(),
  /** Defines a book and all its leaves; 'validation' names the field ('account', 'firstSerial'…). */
  'cheque-books/create': request(chequeBookInput).writes('cheques.write').returns<ChequeBook>(),
  /** Only a book no cheque was written from ('conflict'). */
  'cheque-books/delete': request(z.object({ id })).writes('cheques.write').returns<{ id: number }>(),
  /** Every leaf of a book in order: blank, used (with its cheque), void or lost. */
  'cheque-books/leaves': request(z.object({ bookId: id }))
    .reads('cheques.read')
    .returns<ChequeLeaf[]>(),
  /** Marks a blank leaf void or lost ('conflict' for a used or marked one). */
  'cheque-books/mark-leaf': request(markLeafInput).writes('cheques.write').returns<ChequeLeaf>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type ChequesEvents = {
  /** Cheques were registered, changed or deleted (ids null = many, or the cheque settings changed). */
  'cheques/changed': { ids: number[] | null };
  /** Own cheque books or their leaves changed. */
  'cheque-books/changed': Record<string, never>;
};
