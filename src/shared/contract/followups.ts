/** The types and inputs of call outcomes and follow-ups (followups.api.ts; issue 19). */
import { z } from 'zod';
import { id } from './request';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** One entry of the office's outcome list; archived ones are kept for the calls that name them. */
export type OutcomeKind = { id: number; nameFa: string; nameEn: string; archived: boolean };

/** The whole list as the office saves it, in order: rows without an id are new; a used kind left out is archived, an unused one deleted. */
export const outcomeKindsInput = z.object({
  kinds: z
    .array(
      z.object({
        id: id.optional(),
        nameFa: z.string().trim().min(1).max(60),
        nameEn: z.string().trim().min(1).max(60),
      }),
    )
    .max(50),
});

export const setCallOutcomeInput = z.object({ callId: id, kindId: id.nullable() });

/** What a call came to: its outcome (null: none set) and its follow-ups. */
export type CallDisposition = { callId: number; outcome: OutcomeKind | null; setBy: string; followups: Followup[] };

export type Followup = {
  id: number;
  contactId: number | null;
  contactName: string | null;
  callId: number | null;
  /** The call's number as the phonebook formats it (a follow-up with a caller not in the phonebook). */
  numberDisplay: string;
  /** Local date and time of day it is due, and the instant. */
  dueDate: string;
  dueTime: string;
  dueAt: string;
  ownerId: number | null;
  ownerName: string | null;
  note: string;
  doneAt: string | null;
  createdAt: string;
  /** By the engine's clock: past its time and not done (shown red), due later today, later, or done. */
  state: 'overdue' | 'today' | 'later' | 'done';
};

/** A new follow-up (no id) or a change of one: a contact, or a call whose caller it is about. */
export const followupInput = z
  .object({
    id: id.optional(),
    contactId: id.nullable().default(null),
    callId: id.nullable().default(null),
    dueDate: isoDate,
    dueTime: hhmm,
    ownerId: id.nullable().default(null),
    note: z.string().max(2000).default(''),
  })
  .refine((v) => v.id !== undefined || v.contactId !== null || v.callId !== null, { path: ['contactId'] });

export const FOLLOWUP_VIEWS = ['open', 'today', 'overdue', 'done'] as const;
/** 'overdue': open and past their time; 'today': open and due today (passed or not). */
export const followupListInput = z.object({
  view: z.enum(FOLLOWUP_VIEWS).default('open'),
  contactId: id.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

/** Open ones past their time, and open ones still due today, at the moment of the request, whatever the view. */
export type FollowupList = { rows: Followup[]; overdue: number; today: number };

/** A user who can own a follow-up (none in the single-user mode: the list is empty). */
export type FollowupOwner = { id: number; name: string };
