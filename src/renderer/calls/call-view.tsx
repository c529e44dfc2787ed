import type { CallRow } from '../../shared/contract/calls';
import { href, navigate, newContactRoute } from '../app/router';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { endingOf, formatDuration, isUnreturnedMiss } from './call-format';
import { CallIvrSection } from './call-ivr-section';
import { CallKind } from './call-kind';
import { CallNotesSection } from './call-notes-section';
import { CallDisposition } from '../followups/call-disposition';
import { CallNumber } from './call-number';
import { CallRecordingSection } from './call-recording-section';
import { CallVoicemailSection } from './call-voicemail-section';
import { DialButton } from './dial-button';
import { useCall } from './use-call';

/**
 * One call on a page of its own (#/call/12), opened from the log, a contact's calls, the popup, the
 * reports or a recording: when, on which line, which way, the number and who it matched, how it went
 * and ended in words (the answering service's own ending under its path), how long it rang and lasted,
 * the voicemail left and the recording with their players, the notes written on it, and Call back. It
 * follows the call while it goes on. A call the engine does not know says so in words, with the way
 * back to the log.
 */
export function CallView({ id }: { id: number }) {
  const { t, dir } = useLocale();
  const v = t.calls.view;
  const { state, reload } = useCall(id);
  return (
    <div className="call-view" data-testid="call-view" data-call-id={id} data-state={state.kind}>
      <nav className="call-view-nav">
        <a className="link-button call-view-back" href={href({ screen: 'calls', tab: 'log' })} data-testid="call-view-back">
          {dir === 'rtl' ? '→' : '←'} {v.back}
        </a>
      </nav>
      {state.kind === 'loading' && <p className="muted">{v.loading}</p>}
      {state.kind === 'missing' && (
        <p className="form-banner error call-view-missing" role="alert" data-testid="call-not-found">
          {v.notFound}
        </p>
      )}
      {state.kind === 'error' && <LoadError message={state.message} onRetry={reload} testId="call-view-error" />}
      {state.kind === 'call' && <CallDetail call={state.call} />}
    </div>
  );
}

function CallDetail({ call }: { call: CallRow }) {
  const { t, digits, instant } = useLocale();
  const v = t.calls.view;
  const number = call.numberDisplay || call.numberRaw;
  const who = call.contactName || call.callerName || (number ? digits(number) : t.calls.absence[call.absence ?? 'none']);
  const talked = call.answeredAt !== null || call.durationS > 0;
  return (
    <article className="call-detail" data-testid="call-detail" data-outcome={call.outcome} data-direction={call.direction}>
      <header className="call-detail-head">
        <h2 className="call-detail-who" dir="auto" data-testid="call-detail-who">
          {who}
        </h2>
        <CallKind direction={call.direction} outcome={call.outcome} unreturned={isUnreturnedMiss(call)} />
        {call.numberKey && <DialButton number={call.numberRaw || number} contactId={call.contactId} label={t.calls.callBack} className="call-back" />}
      </header>
      <dl className="call-facts">
        <dt>{v.when}</dt>
        <dd data-testid="call-detail-when">
          <time dateTime={call.startedAt}>{instant(call.startedAt)}</time>
        </dd>
        <dt>{v.line}</dt>
        <dd data-testid="call-detail-line">
          <bdi>{call.lineName}</bdi>
        </dd>
        <dt>{v.direction}</dt>
        <dd data-testid="call-detail-direction">{call.direction === 'in' ? t.calls.dirIn : t.calls.dirOut}</dd>
        <dt>{v.number}</dt>
        <dd data-testid="call-detail-number">
          <CallNumber call={call} />
        </dd>
        <dt>{v.contact}</dt>
        <dd data-testid="call-detail-contact">
          {call.contactId !== null ? (
            <a className="link-button" href={href({ screen: 'contact', id: call.contactId })} data-testid="call-detail-contact-link">
              <bdi>{call.contactName || t.row.noName}</bdi>
            </a>
          ) : (
            <>
              <span className="muted">{v.noContact}</span>{' '}
              {call.numberKey && (
                <button
                  type="button"
                  className="button subtle small"
                  onClick={() => navigate(newContactRoute(call.numberRaw || number))}
                  data-testid="add-contact"
                >
                  + {t.calls.addToPhonebook}
                </button>
              )}
            </>
          )}
        </dd>
        {call.callerName && (
          <>
            <dt>{v.callerName}</dt>
            <dd data-testid="call-detail-caller-name">
              <bdi>{call.callerName}</bdi>
            </dd>
          </>
        )}
        <dt>{v.ending}</dt>
        <dd data-testid="call-detail-ending">{t.calls.view.endings[endingOf(call)]}</dd>
        {call.ringMs >= 500 && (
          <>
            <dt>{v.ring}</dt>
            <dd>{v.seconds(digits(Math.round(call.ringMs / 1000)))}</dd>
          </>
        )}
        <dt>{v.duration}</dt>
        <dd data-testid="call-detail-duration">
          <bdi dir="ltr">{talked ? digits(formatDuration(call.durationS)) : t.common.none}</bdi>
        </dd>
        {call.outcome === 'missed' && (
          <>
            <dt>{v.returned}</dt>
            <dd data-testid="call-detail-returned">{call.returnedAt ? t.calls.returnedAt(instant(call.returnedAt)) : t.calls.notReturned}</dd>
          </>
        )}
      </dl>
      {call.recordingId !== null && <CallRecordingSection recordingId={call.recordingId} />}
      {call.outcome === 'ivr' && <CallIvrSection call={call} />}
      {call.outcome === 'ivr' && <CallVoicemailSection callId={call.id} />}
      <CallDisposition callId={call.id} />
      <CallNotesSection callId={call.id} />
    </article>
  );
}
