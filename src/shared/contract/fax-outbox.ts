/** The fax outbox's job states and the reasons an attempt did not complete, for the contract and the UI's words. */
import { z } from 'zod';
import { id } from './request';
import { FAX_FAILURES } from './fax-log';
export const FAX_JOB_STATUSES = ['queued', 'scheduled', 'sending', 'sent', 'failed', 'cancelled'] as const;
export type FaxJobStatus = (typeof FAX_JOB_STATUSES)[number];

/** Why an attempt did not complete: the fax log's list (the FaxCallFailure of src/main/fax/fax-calls.ts), written once. */
export const FAX_JOB_REASONS = FAX_FAILURES;
export type FaxJobReason = (typeof FAX_JOB_REASONS)[number] | '';

export const faxCoverInput = z.object({
  to: z.string().trim().max(200).default(''),
  from: z.string().trim().max(200).default(''),
  subject: z.string().trim().max(300).default(''),
  note: z.string().trim().max(2000).default(''),
});

export const faxSendInput = z.object({
  /** Library documents in the order they are sent. */
  documentIds: z.array(id).max(50).default([]),
  /** A typed number (one job); besides or instead of contacts and a group. */
  number: z.string().trim().max(60).default(''),
  contactIds: z.array(id).max(500).default([]),
  groupId: id.nullable().default(null),
  /** A cover page before the documents; null for none. */
  cover: faxCoverInput.nullable().default(null),
  /** Send at this instant (ISO) or later; null sends now. */
  sendAt: z.string().datetime({ offset: true }).nullable().default(null),
  lineId: z.string().max(100).default(''),
  ecm: z.boolean().default(true),
});

export const faxOutboxSettingsInput = z.object({
  busyDelayMin: z.number().int().min(1).max(1440),
  noAnswerDelayMin: z.number().int().min(1).max(1440),
  failedDelayMin: z.number().int().min(1).max(1440),
  maxAttempts: z.number().int().min(1).max(20),
  /** Our fax number: the TSI the far end sees and the header line's number. */
  ourNumber: z.string().trim().max(20),
});
export type FaxOutboxSettings = z.output<typeof faxOutboxSettingsInput>;
