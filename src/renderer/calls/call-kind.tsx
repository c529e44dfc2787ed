import type { CallDirection, CallOutcome } from '../../shared/contract/calls';
import type { Messages } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { toneOf } from './call-format';
import { CallKindIcon } from './call-kind-icon';

/** The words for a call's direction and outcome: 'Incoming', 'Missed', 'Outgoing — Busy'. */
export function callKindLabel(t: Messages, direction: CallDirection, outcome: CallOutcome): string {
  const c = t.calls;
  if (outcome === 'missed' || outcome === 'ringing' || outcome === 'dialing' || outcome === 'connected' || outcome === 'ivr' || outcome === 'fax')
    return c.outcomes[outcome];
  if (direction === 'in') return c.kindIn;
  return outcome === 'answered' ? c.kindOut : c.kindWith(c.kindOut, c.outcomes[outcome]);
}

type Props = { direction: CallDirection; outcome: CallOutcome; unreturned?: boolean };

/** Icon and label of a call's kind; missed calls in red, unreturned ones also in bold. */
export function CallKind({ direction, outcome, unreturned = false }: Props) {
  const t = useT();
  const tone = toneOf(direction, outcome);
  return (
    <span className={`call-kind tone-${tone}${unreturned ? ' unreturned' : ''}`} data-testid="call-kind" data-direction={direction} data-outcome={outcome}>
      <CallKindIcon tone={tone} />
      <span className="call-kind-label">{callKindLabel(t, direction, outcome)}</span>
    </span>
  );
}
