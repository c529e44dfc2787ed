import { useEffect, useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { RecordButton } from '../recordings/record-button';
import { useRecordingState } from '../recordings/use-recordings';
import { forgetCall } from './active-calls.store';
import { formatDuration } from './call-format';
import { PhoneIcon } from './phone-icon';
import { useLines } from './use-lines';
import { useNow } from './use-now';

/** How long an ended call stays on the bar, so the user sees how it ended. */
const ENDED_SHOWN_MS = 4000;

/** One call on the call bar: who, the state, the ticking duration, and Hang up. */
export function CallBarItem({ call }: { call: CallRow }) {
  const { t, digits, dir } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [hangingUp, setHangingUp] = useState(false);
  const live = call.endedAt === null;
  const connected = live && (call.outcome === 'connected' || call.outcome === 'answered');
  const now = useNow(connected);
  const lines = useLines();
  const { active } = useRecordingState();
  const recording = active.find((a) => a.callId === call.id) ?? null;
  const canRecord = connected && !!lines?.find((l) => l.id === call.lineId)?.abilities.recordCalls;

  useEffect(() => {
    if (live) return;
    const timer = setTimeout(() => forgetCall(call.id), ENDED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [live, call.id]);

  const who = call.contactName ?? (call.numberDisplay || call.numberRaw);
  // A caller not in the phonebook is named as the caller ID names it (several calls at once on a SIP line
  // are told apart by it), with the number beside it.
  const cidName = !call.contactName && call.callerName ? `\u2068${call.callerName}\u2069 ` : '';
  const whoText = `${cidName}\u2068${call.contactName ? who : digits(who)}\u2069`;
  const since = Date.parse(call.answeredAt ?? call.startedAt);
  const seconds = live ? (now - since) / 1000 : call.durationS;

  const hangUp = async () => {
    setHangingUp(true);
    const r = await client.call('calls/hang-up', { lineId: call.lineId, callId: call.id });
    setHangingUp(false);
    if (!r.ok) toast.show('error', r.error.message);
  };

  let text: string;
  if (!live) text = t.calls.callEnded(t.calls.outcomes[call.outcome]);
  else if (connected) text = call.direction === 'out' ? t.calls.inCall(whoText) : t.calls.incomingInCall(whoText);
  else text = t.calls.dialing(whoText);

  return (
    <div
      className={`call-bar ${live ? (connected ? 'connected' : 'dialing') : 'ended'}`}
      role="status"
      dir={dir}
      data-testid="call-bar"
      data-state={live ? call.outcome : 'ended'}
      data-call-id={call.id}
    >
      <PhoneIcon size={18} className="call-bar-icon" />
      <div className="call-bar-text">
        <span className="call-bar-main">{text}</span>
        <span className="call-bar-sub">
          {live && call.direction === 'out' && <span className="call-bar-hint">{t.calls.liftHandset}</span>}
          <span>{t.calls.onLine(call.lineName)}</span>
        </span>
      </div>
      {(connected || !live) && (
        <bdi className="call-bar-duration" dir="ltr" data-testid="call-bar-duration">
          {digits(formatDuration(seconds))}
        </bdi>
      )}
      {connected && <RecordButton call={call} canRecord={canRecord} active={recording} />}
      {live ? (
        <button type="button" className="button danger" onClick={() => void hangUp()} disabled={hangingUp} data-testid="hang-up">
          {hangingUp ? t.calls.hangingUp : t.calls.hangUp}
        </button>
      ) : (
        <button type="button" className="icon-button" onClick={() => forgetCall(call.id)} aria-label={t.calls.dismiss} title={t.calls.dismiss}>
          ×
        </button>
      )}
    </div>
  );
}
