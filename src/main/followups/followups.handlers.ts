import type { followupsApi } from '../../shared/contract/followups.api';
import type { Handlers } from '../kernel/handlers';
import type { FollowupsService } from './followups.service';

/** The handlers of `followupsApi` (src/shared/contract/followups.api.ts). */
export function followupsHandlers({ followups }: { followups: FollowupsService }): Handlers<typeof followupsApi> {
  return {
    'followups/outcome-kinds': ({ all }) => followups.outcomeKinds(all),
    'followups/save-outcome-kinds': (input) => followups.saveOutcomeKinds(input),
    'followups/of-call': ({ callId }) => followups.disposition(callId),
    'followups/set-call-outcome': (input) => followups.setCallOutcome(input),
    'followups/list': (input) => followups.list(input),
    'followups/save': (input) => followups.save(input),
    'followups/set-done': ({ id, done }) => followups.setDone(id, done),
    'followups/owners': () => followups.owners(),
  };
}
