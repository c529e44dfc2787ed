import { useEvent } from '../hooks/use-event';
import { isTracked, trackCall, useTrackedCalls } from './active-calls.store';
import { CallBarItem } from './call-bar-item';
import { isInProgress } from './call-format';

/**
 * The call in progress, across the window: 'dialing' (lift the handset) → 'connected' with the
 * duration ticking → ended, with Hang up. Follows 'call/updated' for the calls dialled here and
 * for any other call that is connected on a line. Renders nothing when there is no call.
 */
export function CallBar() {
  const calls = useTrackedCalls();
  useEvent('call/updated', ({ call }) => {
    // Ringing calls belong to the caller-ID popup; a call shows here once someone is on it.
    if (isTracked(call.id) || (isInProgress(call) && call.outcome !== 'ringing')) trackCall(call);
  });
  if (calls.length === 0) return null;
  return (
    <div className="call-bars" data-testid="call-bars">
      {calls.map((c) => (
        <CallBarItem key={c.id} call={c} />
      ))}
    </div>
  );
}
