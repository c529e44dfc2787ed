import { memo } from 'react';
import type { CallRow as Call } from '../../shared/contract/calls';
import { useLocale } from '../i18n/use-t';
import { IvrRunButton } from '../ivr/ivr-run-button';
import { RecordingPlayButton } from '../recordings/recording-dialog';
import { formatDuration, isUnreturnedMiss } from './call-format';
import { CallContact } from './call-contact';
import { CallKind } from './call-kind';
import { CallLink } from './call-link';
import { CallNumber } from './call-number';
import { CallOutcomeButton } from '../followups/call-outcome-button';

type Props = {
  call: Call | undefined;
  index: number;
  top: number;
  height: number;
  stale: boolean;
  onDial: (number: string) => void;
  onOpenContact: (id: number) => void;
  onAddContact: (number: string) => void;
  onOpenRecording: (id: number) => void;
  /** Opens what the answering service did on the call (calls it answered only). */
  onOpenIvrRun: (call: Call) => void;
};

/** One call of the log; a grey placeholder while its page loads. */
export const CallRowView = memo(function CallRowView({
  call,
  index,
  top,
  height,
  stale,
  onDial,
  onOpenContact,
  onAddContact,
  onOpenRecording,
  onOpenIvrRun,
}: Props) {
  const { t, digits, instant } = useLocale();
  const style = { transform: `translateY(${top}px)`, height };
  if (!call) {
    return (
      <div className="call-row placeholder" style={style} aria-hidden="true" data-testid="call-row-placeholder">
        <span className="skeleton skeleton-name" />
        <span className="skeleton skeleton-phone" />
      </div>
    );
  }
  const unreturned = isUnreturnedMiss(call);
  const talked = call.answeredAt !== null || call.durationS > 0;
  return (
    <div
      className={`call-row${unreturned ? ' unreturned' : ''}${call.outcome === 'missed' ? ' missed' : ''}${stale ? ' stale' : ''}`}
      style={style}
      role="row"
      aria-rowindex={index + 2}
      data-testid="call-row"
      data-index={index}
      data-call-id={call.id}
      data-outcome={call.outcome}
      data-direction={call.direction}
    >
      <span className="call-when" role="cell" data-testid="call-when">
        <CallLink id={call.id}>{instant(call.startedAt)}</CallLink>
      </span>
      <span className="call-line" role="cell" title={call.lineName}>
        <bdi>{call.lineName}</bdi>
      </span>
      <span className="call-kind-cell" role="cell">
        <CallKind direction={call.direction} outcome={call.outcome} unreturned={unreturned} />
      </span>
      <span className="call-number-cell" role="cell">
        <CallNumber call={call} onDial={onDial} />
      </span>
      <span className="call-contact-cell" role="cell">
        <CallContact
          contactId={call.contactId}
          contactName={call.contactName}
          callerName={call.callerName}
          number={call.numberKey ? call.numberDisplay || call.numberRaw : ''}
          onOpenContact={onOpenContact}
          onAddContact={onAddContact}
        />
      </span>
      <bdi
        className="call-duration"
        role="cell"
        dir="ltr"
        title={call.ringMs > 0 ? t.calls.ringFor(digits(Math.round(call.ringMs / 1000))) : undefined}
        data-testid="call-duration"
      >
        {talked ? digits(formatDuration(call.durationS)) : t.common.none}
      </bdi>
      <span className="call-returned" role="cell" data-testid="call-returned">
        {call.recordingId !== null && <RecordingPlayButton onOpen={() => onOpenRecording(call.recordingId!)} />}
        {call.outcome === 'ivr' && <IvrRunButton onOpen={() => onOpenIvrRun(call)} />}
        <CallOutcomeButton callId={call.id} />
        {call.outcome === 'missed' &&
          (call.returnedAt ? (
            call.returnDismissed ? (
              <span className="returned-mark dismissed" title={t.callbacks.returnDismissedAt(instant(call.returnedAt))}>
                {t.callbacks.returnDismissed}
              </span>
            ) : (
              <span className="returned-mark" title={t.calls.returnedAt(instant(call.returnedAt))}>
                ✓ {t.calls.returned}
              </span>
            )
          ) : (
            <span className="not-returned">{t.calls.notReturned}</span>
          ))}
      </span>
    </div>
  );
});
