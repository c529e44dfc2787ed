/**
 * "To call back" (issue 19): the numbers whose missed calls nobody has returned, one row per number,
 * newest first. A call back (a later call with the number answered, or an outgoing one that connects)
 * clears a number by itself; the front desk may also dismiss one.
 */
import { z } from 'zod';
import { callbacksInput, type CallbackList } from './callbacks';
import { request, type RequestMap } from './request';

export const callbacksApi = {
  'calls/to-call-back': request(callbacksInput).reads('calls.read').returns<CallbackList>(),
  /**
   * Takes a number off the list without calling it (wrong number, came in person): its missed calls
   * count as dealt with from now on; a later missed call puts it back. 'not_found' when the number has
   * nothing to call back.
   */
  'calls/dismiss-callback': request(z.object({ numberKey: z.string().min(1).max(40) }))
    .writes('calls.write')
    .returns<{ dismissed: number }>(),
} satisfies RequestMap;

export type CallbacksEvents = {
  /** A number was dismissed (calls that change the list send 'call/incoming' and 'call/updated'). */
  'calls/callbacks-changed': { numberKey: string };
};
