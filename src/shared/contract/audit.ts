/**
 * The audit trail as the viewer reads it (issue 18): one entry per record a request (or the engine)
 * changed, with who, when, from which PC and each field's old and new value.
 */
import { z } from 'zod';

/** A value as the trail keeps it: bytes (a recording, a scan) only as their size, a long text cut short. */
export type AuditValue = string | number | null | { bytes: number } | { text: string; length: number };

export type AuditChange = { field: string; old: AuditValue; new: AuditValue };

export type AuditEntry = {
  id: number;
  /** Epoch ms. */
  at: number;
  actorKind: 'person' | 'system';
  userId: number | null;
  actorName: string;
  pc: string;
  /** The request's method ('contacts/update'), or the engine's own 'engine'. */
  request: string;
  recordType: string;
  recordId: string;
  recordName: string;
  action: 'insert' | 'update' | 'delete' | 'bulk';
  changes: AuditChange[];
};

/** Whether the chain of hashes holds; when not, the first entry found changed (or the one after a removed one). */
export type AuditCheck = { ok: true; entries: number } | { ok: false; entries: number; entryId: number; problem: 'changed' | 'removed' };

export const auditListInput = z.object({
  /** 'person': people only; 'system': the engine's own; 'all'. */
  actor: z.enum(['all', 'person', 'system']).default('person'),
  /** A person's name as the trail has it (exact); '' for everyone. */
  person: z.string().max(100).default(''),
  recordType: z.string().max(40).default(''),
  /** Words of the record's name or its id. */
  record: z.string().max(100).default(''),
  /** ISO dates (yyyy-mm-dd, the office's days), inclusive; '' for open. */
  from: z.string().max(10).default(''),
  to: z.string().max(10).default(''),
  /** Entries older than this id (the next page); null for the newest. */
  before: z.number().int().positive().nullable().default(null),
  limit: z.number().int().min(1).max(500).default(100),
});

export type AuditList = {
  entries: AuditEntry[];
  /** Names of the people in the trail and the record types, for the filters. */
  people: string[];
  recordTypes: string[];
};
