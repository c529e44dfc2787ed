/** The fax log's types: every fax in and out (the fields HylaFAX's xferfaxlog keeps), its report, and the received-fax event. */
import { z } from 'zod';
import { FAX_ROUTE_TARGET_KINDS, type FaxRouteTarget } from './fax-routes';
import { id } from './request';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FAX_LOG_DIRECTIONS = ['in', 'out'] as const;
export type FaxLogDirection = (typeof FAX_LOG_DIRECTIONS)[number];

/** Why a fax did not go through (src/main/fax/fax-calls.ts' FaxCallFailure); each is said in words in the UI and the printout. */
export const FAX_FAILURES = [
  'no-handshake',
  'training-failed',
  'no-response',
  'remote-disconnected',
  'page-rejected',
  'incompatible',
  'no-page-data',
  'busy',
  'no-answer',
  'no-dialtone',
  'line-unavailable',
  'modem-error',
  'cancelled',
] as const;
export type FaxFailureReason = (typeof FAX_FAILURES)[number];

export const FAX_ROTATIONS = [0, 90, 180, 270] as const;
export type FaxRotation = (typeof FAX_ROTATIONS)[number];

export const faxLogQuery = z.object({
  direction: z.enum(FAX_LOG_DIRECTIONS).nullable().default(null),
  /** Digits of the number or TSI/CSI (any format), part of the TSI/CSI, or part of a contact's name. */
  text: z.string().max(100).default(''),
  /** Local days, both included. */
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  /** Only the faxes matched to this contact (the contact's timeline). */
  contactId: id.nullable().default(null),
  /** Only the received faxes routed to this staff member (their staff file) or group. */
  routedTo: z
    .object({ kind: z.enum(FAX_ROUTE_TARGET_KINDS), id })
    .nullable()
    .default(null),
});
export type FaxLogQuery = z.input<typeof faxLogQuery>;

export const faxLogListInput = faxLogQuery.extend({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const faxLogRotateInput = z.object({
  id,
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
});

export const faxLogReportInput = z.object({ from: isoDate, to: isoDate });

export type FaxLogRow = {
  id: number;
  direction: FaxLogDirection;
  /** When the line went off hook (ISO instant). */
  startedAt: string;
  durationMs: number;
  lineId: string;
  lineName: string;
  /** As it came (caller ID) or as dialled; '' when withheld. */
  remoteNumber: string;
  numberDisplay: string;
  /** The far end's TSI (received) or CSI (sent); '' when it sent none. */
  remoteId: string;
  contactId: number | null;
  contactName: string | null;
  /** How the contact was found: by the number, or by a TSI/CSI that is one of its numbers. */
  matchedBy: 'number' | 'remote-id' | null;
  /** Pages of the document (sent) or pages that came (received). */
  pagesTotal: number;
  /** Pages the far end confirmed (sent) or that we kept (received). */
  pagesDone: number;
  bps: number | null;
  ecm: boolean;
  fine: boolean;
  ok: boolean;
  reason: FaxFailureReason | null;
  attempts: number;
  /** Whether its pages are kept (a received fax, or a sent one whose TIFF the outbox gave). */
  hasPages: boolean;
  rotation: FaxRotation;
  jobId: number | null;
  callId: number | null;
  /** Who a received fax is for, by the first routing rule it matched when it came; null when none did. */
  routedTo: FaxRouteTarget | null;
};

export type FaxLogDetail = FaxLogRow & { trace: string[] };
export type FaxLogList = { rows: FaxLogRow[]; total: number };

type Counts = { faxesIn: number; pagesIn: number; faxesOut: number; pagesOut: number };
export type FaxLogReport = {
  from: string;
  to: string;
  totals: Counts & { failed: number };
  /** Every day of the range, oldest first. */
  perDay: (Counts & { date: string })[];
  /** The busiest contacts (or, with no contact, the number, else the TSI/CSI), most faxes first; at most 50. */
  perContact: (Counts & { contactId: number | null; contactName: string | null; numberDisplay: string })[];
};

/** A fax came in: the popup shows it like a call's card, from this payload alone. */
export type FaxReceivedEvent = {
  id: number;
  numberDisplay: string;
  contactId: number | null;
  contactName: string | null;
  remoteId: string;
  pages: number;
  ok: boolean;
  lineId: string;
  lineName: string;
  /** Who it is for (a routing rule matched), or null. */
  routedTo: FaxRouteTarget | null;
};
