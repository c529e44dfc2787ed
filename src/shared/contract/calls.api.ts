/**
 * The call log, its report, and calls placed from the app.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import {
  callListInput,
  callNoteInput,
  dialInput,
  reportExportInput,
  reportInput,
  type CallerCard,
  type CallList,
  type CallNote,
  type CallReport,
  type CallRow,
  type IncomingCallEvent,
} from './calls';
import type { FileOut } from './io';
import { request, id, type RequestMap } from './request';

export const callsApi = {
  /** The call log, newest first, filtered. */
  'calls/list': request(callListInput).reads('calls.read').returns<CallList>(),
  /** Calls per day and hour, top callers and unreturned missed calls over a date range. */
  'calls/report': request(reportInput).reads('calls.read').returns<CallReport>(),
  'calls/report-export': request(reportExportInput).reads('calls.read').returns<FileOut>(),
  /** One call, as in the log (the popup window starts from its id). */
  'calls/get': request(z.object({ id })).reads('calls.read').returns<CallRow>(),
  /** The notes on one call, oldest first; 'not_found' when there is no such call. */
  'calls/notes': request(z.object({ callId: id }))
    .reads('calls.read')
    .returns<CallNote[]>(),
  /** Adds a note to a call and returns its notes; 'validation' (field body) for an empty note, 'not_found' for no such call. */
  'calls/add-note': request(callNoteInput).writes('calls.write').returns<CallNote[]>(),
  /** Everything the popup shows about a number (also pushed with 'call/incoming'). */
  'calls/caller-card': request(z.object({ number: z.string().max(40) }))
    .reads('calls.read')
    .returns<CallerCard>(),
  /** Dials in voice mode; the user lifts the handset. Logged as outgoing. 'line/unavailable' when no line is idle. */
  'calls/dial': request(dialInput).writes('calls.write').returns<CallRow>(),
  /** Hangs up call `callId` on a line (a line may carry several calls); without it, the line's call. */
  'calls/hang-up': request(z.object({ lineId: id, callId: id.optional() }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
  /** Answers ringing call `callId` on a line (the modem goes off hook); without it, the line's ringing call. */
  'calls/answer': request(z.object({ lineId: id, callId: id.optional() }))
    .writes('calls.write')
    .returns<{ ok: true }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type CallsEvents = {
  /** Caller ID arrived (or a call rang twice without it): show the popup. */
  'call/incoming': IncomingCallEvent;
  /** A call was answered, ended, or its contact changed. */
  'call/updated': { call: CallRow };
};
