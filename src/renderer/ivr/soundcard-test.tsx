import { useEffect, useRef, useState } from 'react';
import { DTMF_KEYS, type IvrTreeRow } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { playFailure, startRecording, wavAudio, type WavAudio } from './audio-utils';
import { pathText } from './ivr-steps';

/**
 * The sound-card test: a tree runs in the engine as on a telephone line, with this PC as the caller —
 * prompts on the speakers, keys on the on-screen keypad, the message into the microphone.
 */
export function SoundCardTest({ trees }: { trees: IvrTreeRow[] }) {
  const locale = useLocale();
  const { t, digits } = locale;
  const client = useClient();
  const toast = useToast();
  const [treeId, setTreeId] = useState<number | null>(null);
  const [session, setSession] = useState<number | null>(null);
  const [steps, setSteps] = useState<string[]>([]);
  const [recording, setRecording] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const player = useRef<WavAudio | null>(null);
  const rec = useRef<Awaited<ReturnType<typeof startRecording>> | null>(null);
  const recTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /**
   * The engine starts the run before 'ivr/soundcard-start' answers, so the first step and prompt
   * arrive before the session number does: while a start is on its way, the first session heard is ours.
   */
  const live = useRef<{ session: number | null; starting: boolean; ended: number | null }>({ session: null, starting: false, ended: null });
  const id = treeId ?? trees[0]?.id ?? null;

  const stopPlayer = () => {
    player.current?.release();
    player.current = null;
  };
  const finishRecording = async (s: number) => {
    if (recTimer.current) clearTimeout(recTimer.current);
    const r = rec.current;
    rec.current = null;
    setRecording(false);
    if (!r) return;
    const base64 = await r.stop().catch(() => '');
    await client.call('ivr/soundcard-audio', { session: s, base64 });
  };
  useEffect(
    () => () => {
      stopPlayer();
      rec.current?.cancel();
    },
    [],
  );

  useEvent('ivr/soundcard', (e) => {
    if (live.current.starting && live.current.session === null) {
      live.current.session = e.session;
      setSession(e.session);
    }
    if (e.session !== live.current.session) return;
    if (e.kind === 'play') {
      stopPlayer();
      const a = wavAudio(e.base64);
      player.current = a;
      // A prompt that cannot sound is said, once per prompt: the caller's side of the test would be silent.
      a.el.onerror = () => toast.show('error', t.ivr.playFailed);
      void a.el.play().catch((err: unknown) => {
        const why = playFailure(err);
        if (why === 'blocked') toast.show('error', t.ivr.playBlocked);
      });
    } else if (e.kind === 'stop') stopPlayer();
    else if (e.kind === 'step') setSteps((x) => [...x, e.step]);
    else if (e.kind === 'waiting') setWaiting(e.waiting);
    else if (e.kind === 'record') {
      void startRecording().then(
        (r) => {
          rec.current = r;
          setRecording(true);
          recTimer.current = setTimeout(() => void finishRecording(e.session), e.maxMs);
        },
        () => {
          toast.show('error', t.ivr.noMicrophone);
          void client.call('ivr/soundcard-audio', { session: e.session, base64: '' });
        },
      );
    } else if (e.kind === 'stop-record') void finishRecording(e.session);
    else if (e.kind === 'ended') {
      stopPlayer();
      live.current = { ...live.current, session: null, ended: e.session };
      setSession(null);
      setWaiting(false);
    }
  });

  const start = async () => {
    if (id === null) return;
    setSteps([]);
    live.current = { session: null, starting: true, ended: null };
    const r = await client.call('ivr/soundcard-start', { treeId: id });
    live.current.starting = false;
    if (!r.ok) return toast.show('error', r.error.message);
    if (live.current.ended === r.value.session) return; // a run that ended before its start was answered
    live.current.session = r.value.session;
    setSession(r.value.session);
  };
  return (
    <section className="card ivr-demo" aria-label={t.ivr.soundcardTitle} data-testid="soundcard-test">
      <h3>{t.ivr.soundcardTitle}</h3>
      <p className="muted">{t.ivr.soundcardHint}</p>
      <div className="ivr-row">
        <select className="input" value={id ?? ''} onChange={(e) => setTreeId(Number(e.target.value))} disabled={session !== null} aria-label={t.ivr.trees}>
          {trees.map((tr) => (
            <option key={tr.id} value={tr.id}>
              {tr.name}
            </option>
          ))}
        </select>
        {session === null ? (
          <button type="button" className="button primary" disabled={id === null} onClick={() => void start()} data-testid="soundcard-start">
            {t.ivr.soundcardStart}
          </button>
        ) : (
          <button
            type="button"
            className="button danger-outline"
            onClick={() => void client.call('ivr/soundcard-hang-up', { session })}
            data-testid="soundcard-hangup"
          >
            {t.ivr.callerHangsUp}
          </button>
        )}
      </div>
      {session !== null && (
        <>
          <div className="ivr-keypad" dir="ltr" role="group" aria-label={t.ivr.keypad}>
            {DTMF_KEYS.map((k) => (
              <button key={k} type="button" className="button" onClick={() => void client.call('ivr/soundcard-key', { session, key: k })}>
                {digits(k)}
              </button>
            ))}
          </div>
          {waiting && (
            <div className="ivr-row ivr-waiting-row" role="alert">
              <span>{t.ivr.soundcardWaiting}</span>
              <button
                type="button"
                className="button small primary"
                onClick={() =>
                  void client.call('ivr/soundcard-take', { session }).then((r) => {
                    if (!r.ok) toast.show('error', r.error.message);
                  })
                }
                data-testid="soundcard-take"
              >
                {t.ivr.take}
              </button>
            </div>
          )}
          {recording && (
            <div className="ivr-row">
              <span className="rec-dot">{t.ivr.recordingNow}</span>
              <button type="button" className="button small" onClick={() => void finishRecording(session)}>
                {t.ivr.doneSpeaking}
              </button>
            </div>
          )}
        </>
      )}
      {steps.length > 0 && (
        <p className="muted" data-testid="soundcard-path">
          {pathText(steps, trees.find((x) => x.id === id)?.tree.nodes ?? [], locale)}
        </p>
      )}
    </section>
  );
}
