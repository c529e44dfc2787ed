/** The types and inputs of "To call back" (callbacks.api.ts). */
import { z } from 'zod';

/** How far back the list looks: missed calls older than this are in the call log's "not returned" filter. */
export const CALLBACK_DAYS = [1, 7, 30, 90] as const;

export const callbacksInput = z.object({
  days: z
    .number()
    .int()
    .refine((d) => (CALLBACK_DAYS as readonly number[]).includes(d))
    .default(30),
  limit: z.number().int().min(1).max(500).default(200),
});

/** One number to call back. */
export type CallbackRow = {
  numberKey: string;
  /** As the last call gave it, and as the phonebook formats it. */
  numberRaw: string;
  numberDisplay: string;
  /** The caller ID's name of the last call, when the network sent one. */
  callerName: string;
  contactId: number | null;
  contactName: string | null;
  /** Missed calls from the number since it was last returned or dismissed (within the range). */
  missed: number;
  firstAt: string;
  lastAt: string;
  /** The last missed call (its page). */
  lastCallId: number;
  lineName: string;
};

export type CallbackList = {
  rows: CallbackRow[];
  /** Numbers in all (the list holds at most `limit`). */
  total: number;
  /** Missed calls in the range with no number to call back (withheld or unavailable). */
  withheld: number;
};
