/**
 * A line's status as the UI is shown it (the contract's `LineStatus`), from the status telephony
 * reports. Today they name the same states; the map keeps the two apart (telephony imports nothing of
 * the contract) and makes the compiler name any state added on either side.
 */
import type { LineStatus as ShownStatus } from '../../shared/contract/calls';
import type { LineStatus } from '../../telephony';

const SHOWN = {
  disconnected: 'disconnected',
  initialising: 'initialising',
  idle: 'idle',
  ringing: 'ringing',
  dialing: 'dialing',
  'in-call': 'in-call',
  closed: 'closed',
} as const satisfies Record<LineStatus, ShownStatus>;

export function shownStatus(status: LineStatus): ShownStatus {
  return SHOWN[status];
}
