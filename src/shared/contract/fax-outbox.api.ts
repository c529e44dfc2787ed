/**
 * The fax outbox: a fax is queued as one job per recipient, with its own copy of the pages (so a library
 * document deleted later changes nothing queued or sent), sent one at a time per line, retried after a
 * busy line, no answer or a broken transfer, resumed from the first page the far end did not confirm.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import type { FaxPagePreview } from './fax';
import { faxOutboxSettingsInput, faxSendInput, type FaxJobReason, type FaxJobStatus, type FaxOutboxSettings } from './fax-outbox';
import { request, id, none, type RequestMap } from './request';

export type { FaxJobReason, FaxJobStatus, FaxOutboxSettings };

export type FaxJobProgress = {
  stage: 'dialing' | 'answering' | 'handshake' | 'page' | 'finishing';
  page: number;
  pages: number | null;
  bps: number | null;
};

export type FaxJob = {
  id: number;
  /** The number as typed or as the contact has it. */
  number: string;
  contactId: number | null;
  /** The contact's name, or '' for a typed number. */
  recipient: string;
  status: FaxJobStatus;
  pages: number;
  /** Pages the far end confirmed over all attempts; the next attempt starts after them. */
  pagesConfirmed: number;
  /** The line chosen, or '' for any line that can fax. */
  lineId: string;
  ecm: boolean;
  documents: { id: number; name: string; pages: number }[];
  cover: boolean;
  /** Not sent before this instant (ISO). */
  notBefore: string;
  /** When the next attempt dials (ISO); meaningful while queued or scheduled. */
  nextAttempt: string;
  attempts: number;
  maxAttempts: number;
  lastReason: FaxJobReason;
  /** No line could send faxes at the last look: the job waits without spending an attempt. */
  waitingForLine: boolean;
  lastBps: number | null;
  /** The far end's CSI from the last attempt. */
  remoteId: string;
  createdAt: string;
  finishedAt: string | null;
  /** Live progress while sending; null otherwise. */
  progress: FaxJobProgress | null;
};

export type FaxOutbox = {
  jobs: FaxJob[];
  /** Whether any line can send a fax now; false: the outbox says in words that jobs wait for a line. */
  lineCanFax: boolean;
};

export type FaxSent = {
  jobs: FaxJob[];
  /** Contacts of the group that have no number to fax to (no job was made for them). */
  skipped: { contactId: number; name: string }[];
};

export const faxOutboxApi = {
  /**
   * Queues the documents to each recipient (one job per recipient) in one transaction. An unknown
   * document, no document, no recipient, a number that cannot be dialled or a contact with no number fails
   * with `validation` naming the field (documentIds, number, contactIds, groupId, sendAt) and nothing is queued.
   */
  'fax/send': request(faxSendInput).writes('fax.write').returns<FaxSent>(),
  /** Every job, newest first, and whether a line can fax now. */
  'fax/outbox': request(none).reads('fax.read').returns<FaxOutbox>(),
  /** One job; not_found when there is none. */
  'fax/job': request(z.object({ id })).reads('fax.read').returns<FaxJob>(),
  /** One page of the job as it will be sent (without the header line, stamped when it dials). */
  'fax/job-page': request(z.object({ id, page: z.number().int().min(1).default(1) }))
    .reads('fax.read')
    .returns<FaxPagePreview>(),
  /** Cancels a job that is not finished; a fax in progress is hung up. `conflict` for a sent or cancelled job. */
  'fax/job-cancel': request(z.object({ id })).writes('fax.write').returns<FaxJob>(),
  /** Dials a waiting or failed job now (a failed one gets its attempts back). `conflict` for a sent, cancelled or sending job. */
  'fax/job-retry': request(z.object({ id })).writes('fax.write').returns<FaxJob>(),
  'fax/outbox-settings': request(none).reads('fax.read').returns<FaxOutboxSettings>(),
  'fax/outbox-settings-save': request(faxOutboxSettingsInput).writes('fax.write').returns<FaxOutboxSettings>(),
} satisfies RequestMap;

export type FaxOutboxEvents = {
  /** A job was queued, changed status, or made progress; the payload is the job as it is now. */
  'fax/outbox-changed': { job: FaxJob };
};
