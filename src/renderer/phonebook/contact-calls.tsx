import { useEffect, useRef, useState } from 'react';
import type { CallQuery, CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { formatDuration } from '../calls/call-format';
import { CallKind } from '../calls/call-kind';
import { CallLink } from '../calls/call-link';
import { CallNumber } from '../calls/call-number';
import { useDial } from '../calls/use-dial';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';
import { IvrRunButton } from '../ivr/ivr-run-button';
import { IvrRunDialog } from '../ivr/ivr-run-dialog';
import { RecordingDialog, RecordingPlayButton } from '../recordings/recording-dialog';

const RECENT = 5;
const REFRESH_DEBOUNCE_MS = 300;
/** The engine stops counting here. */
const COUNT_CAP = 10_000;

type Counts = { all: number; incoming: number; outgoing: number; missed: number };
type State = { recent: CallRow[]; counts: Counts } | null;

/** The contact's last calls and how many calls there were in all, each way, and missed. */
export function ContactCalls({ contactId }: { contactId: number }) {
  const { t, num, digits, instant } = useLocale();
  const client = useClient();
  const { dial } = useDial();
  const [state, setState] = useState<State>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [tick, setTick] = useState(0);
  const [recording, setRecording] = useState<number | null>(null);
  const [ivrCall, setIvrCall] = useState<CallRow | null>(null);

  useEffect(() => {
    let stop = false;
    const base: CallQuery = { contactId };
    const count = (q: CallQuery) => client.call('calls/list', { ...base, ...q, limit: 1 });
    void (async () => {
      const r = await client.call('calls/list', { ...base, limit: RECENT });
      const [incoming, outgoing, missed] = await Promise.all([count({ direction: 'in' }), count({ direction: 'out' }), count({ outcome: 'missed' })]);
      if (stop) return;
      if (!r.ok || !incoming.ok || !outgoing.ok || !missed.ok)
        return setLoadError([r, incoming, outgoing, missed].flatMap((x) => (x.ok ? [] : [x.error.message]))[0] ?? null);
      setLoadError(null);
      setState({
        recent: r.value.rows,
        counts: { all: r.value.total, incoming: incoming.value.total, outgoing: outgoing.value.total, missed: missed.value.total },
      });
    })();
    return () => {
      stop = true;
    };
  }, [client, contactId, tick, attempt]);

  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useEvent('call/updated', ({ call }) => {
    if (call.contactId !== contactId && call.contactId !== null) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setTick((x) => x + 1), REFRESH_DEBOUNCE_MS);
  });

  if (!state) return loadError ? <LoadError message={loadError} onRetry={() => setAttempt((n) => n + 1)} /> : null;
  const { recent, counts } = state;
  const c = t.calls;
  return (
    <section className="detail-section contact-calls" data-testid="contact-calls">
      <h3 className="detail-section-title">{c.contactCalls}</h3>
      {counts.all === 0 ? (
        <p className="muted">{c.contactNoCalls}</p>
      ) : (
        <>
          <p className="contact-call-counts" data-testid="contact-call-counts">
            {counts.all > COUNT_CAP
              ? c.contactCountsMore(num(COUNT_CAP))
              : c.contactCounts(num(counts.all), num(counts.incoming), num(counts.outgoing), num(counts.missed))}
          </p>
          <ul className="plain-list contact-call-list">
            {recent.map((call) => (
              <li key={call.id} className="contact-call" data-testid="contact-call" data-call-id={call.id}>
                <CallLink id={call.id} className="muted">
                  {instant(call.startedAt)}
                </CallLink>
                <CallKind direction={call.direction} outcome={call.outcome} unreturned={call.outcome === 'missed' && call.returnedAt === null} />
                <CallNumber call={call} onDial={(n) => void dial(n, contactId)} />
                <span className="contact-call-end">
                  {call.recordingId !== null && <RecordingPlayButton onOpen={() => setRecording(call.recordingId)} />}
                  {call.outcome === 'ivr' && <IvrRunButton onOpen={() => setIvrCall(call)} />}
                  <bdi dir="ltr" className="muted">
                    {call.answeredAt !== null || call.durationS > 0 ? digits(formatDuration(call.durationS)) : ''}
                  </bdi>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {recording !== null && <RecordingDialog recordingId={recording} onClose={() => setRecording(null)} />}
      {ivrCall !== null && <IvrRunDialog call={ivrCall} onClose={() => setIvrCall(null)} />}
    </section>
  );
}
