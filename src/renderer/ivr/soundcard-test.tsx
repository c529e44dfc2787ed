import { useEffect, useRef, useState } from 'react';
import { DTMF_KEYS, type IvrTreeRow } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { startRecording, wavUrl } from './audio-utils';

/**
 * The sound-card test: a tree runs in the engine as on a telephone line, with this PC as the caller —
 * prompts on the speakers, keys on the on-screen keypad, the message into the microphone.
 */
export function SoundCardTest({ trees }: { trees: IvrTreeRow[] }) {
  const { t, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [treeId, setTreeId] = useState<number | null>(null);
  const [session, setSession] = useState<number | null>(null);
  const [steps, setSteps] = useState<string[]>([]);
  const [recording, setRecording] = useState(false);
  const player = useRef<HTMLAudioElement | null>(null);
  const rec = useRef<Awaited<ReturnType<typeof startRecording>> | null>(null);
  const recTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = treeId ?? trees[0]?.id ?? null;

  const stopPlayer = () => {
    player.current?.pause();
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
  useEffect(() => () => {
    stopPlayer();
    rec.current?.cancel();
  }, []);

  useEvent('ivr/soundcard', (e) => {
    if (e.session !== session) return;
    if (e.kind === 'play') {
      stopPlayer();
      const a = new Audio(wavUrl(e.base64));
      player.current = a;
      void a.play().catch(() => undefined);
    } else if (e.kind === 'stop') stopPlayer();
    else if (e.kind === 'step') setSteps((x) => [...x, e.step]);
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
      setSession(null);
    }
  });

  const start = async () => {
    if (id === null) return;
    setSteps([]);
    const r = await client.call('ivr/soundcard-start', { treeId: id });
    if (!r.ok) return toast.show('error', r.error.message);
    setSession(r.value.session);
  };
  const names = (s: string) => (s.startsWith('key:') ? `${t.ivr.keyPress} ${digits(s.slice(4))}` : s === 'timeout' ? t.ivr.stepTimeout : s.startsWith('office:') ? '' : (trees.find((x) => x.id === id)?.tree.nodes.find((n) => n.id === s)?.label || s));

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
          <button type="button" className="button danger-outline" onClick={() => void client.call('ivr/soundcard-hang-up', { session })} data-testid="soundcard-hangup">
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
      {steps.length > 0 && <p className="muted" data-testid="soundcard-path">{steps.map(names).filter(Boolean).join(' ← ')}</p>}
    </section>
  );
}
