/**
 * Call outcomes and follow-ups (issue 19): the office's own list of what a call came to, set on a call;
 * and the next step with a contact — a follow-up due at a date and time, owned by a user, which rings
 * through the alarms once, shows on the follow-ups list (due today, overdue, done) and can be marked
 * done or moved. 'not_found' for a call, contact, follow-up, kind or owner that is not there.
 */
import { z } from 'zod';
import {
  followupInput,
  followupListInput,
  outcomeKindsInput,
  setCallOutcomeInput,
  type CallDisposition,
  type Followup,
  type FollowupList,
  type FollowupOwner,
  type OutcomeKind,
} from './followups';
import { id, none, request, type RequestMap } from './request';

export const followupsApi = {
  /** The list in the office's order; archived ones only with `all`. */
  'followups/outcome-kinds': request(z.object({ all: z.boolean().default(false) }))
    .reads('followups.read')
    .returns<OutcomeKind[]>(),
  /** Saves the whole list (see outcomeKindsInput); the list as saved. */
  'followups/save-outcome-kinds': request(outcomeKindsInput).writes('followups.admin').returns<OutcomeKind[]>(),
  /** A call's outcome and follow-ups. */
  'followups/of-call': request(z.object({ callId: id }))
    .reads('followups.read')
    .returns<CallDisposition>(),
  /** Sets (or with null clears) a call's outcome; the call's disposition after. An archived kind is refused. */
  'followups/set-call-outcome': request(setCallOutcomeInput).writes('followups.write').returns<CallDisposition>(),
  'followups/list': request(followupListInput).reads('followups.read').returns<FollowupList>(),
  /** Adds or changes (moves) one; a moved follow-up rings again at its new time. */
  'followups/save': request(followupInput).writes('followups.write').returns<Followup>(),
  /** Marks one done (or, with done false, open again); a done one never rings. */
  'followups/set-done': request(z.object({ id, done: z.boolean() }))
    .writes('followups.write')
    .returns<Followup>(),
  /** The users who may own one (enabled accounts); empty in the single-user mode. */
  'followups/owners': request(none).reads('followups.read').returns<FollowupOwner[]>(),
} satisfies RequestMap;

export type FollowupsEvents = {
  /** A follow-up or a call's outcome changed (lists and call pages refresh). */
  'followups/changed': { callId: number | null; followupId: number | null };
};
