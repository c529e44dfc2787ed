import { useRef, useState } from 'react';
import type { Prompt } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { FieldErrorText } from '../ui/field-error';
import { LoadError } from '../ui/load-error';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { AudioPlayer } from './audio-player';
import { fileToWavBase64, startRecording } from './audio-utils';

type Err = { field: string; message: string } | null;

/** The prompt library: import a file, record from the microphone, make speech from text, play, rename, delete. */
export function PromptLibrary({ prompts }: { prompts: Prompt[] }) {
  const { t } = useLocale();
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [voice, setVoice] = useState<'fa' | 'en'>('fa');
  const [error, setError] = useState<Err>(null);
  const [busy, setBusy] = useState(false);
  const ttsQuery = useQuery('prompts/tts-available', {});
  const tts = ttsQuery.data?.available ?? null;
  const [recording, setRecording] = useState<Awaited<ReturnType<typeof startRecording>> | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const needName = () => {
    if (name.trim()) return false;
    setError({ field: 'name', message: t.ivr.nameRequired });
    return true;
  };
  const upload = async (base64: string, source: 'import' | 'record') => {
    const r = await client.call('prompts/import', { name: name.trim(), base64, source });
    if (!r.ok) return setError({ field: r.error.field ?? 'base64', message: r.error.message });
    setError(null);
    setName('');
    toast.show('success', t.ivr.promptSaved);
  };
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (!name.trim()) setName(file.name.replace(/\.[^.]+$/, ''));
    setBusy(true);
    try {
      const base64 = await fileToWavBase64(file);
      const r = await client.call('prompts/import', { name: name.trim() || file.name.replace(/\.[^.]+$/, ''), base64, source: 'import' });
      if (!r.ok) setError({ field: r.error.field ?? 'base64', message: r.error.message });
      else {
        setError(null);
        setName('');
        toast.show('success', t.ivr.promptSaved);
      }
    } catch {
      setError({ field: 'base64', message: t.ivr.cannotDecode });
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };
  const record = async () => {
    if (recording) {
      setRecording(null);
      setBusy(true);
      try {
        await upload(await recording.stop(), 'record');
      } catch {
        setError({ field: 'base64', message: t.ivr.cannotDecode });
      } finally {
        setBusy(false);
      }
      return;
    }
    if (needName()) return;
    try {
      setRecording(await startRecording());
      setError(null);
    } catch {
      setError({ field: 'base64', message: t.ivr.noMicrophone });
    }
  };
  const speak = async () => {
    if (needName()) return;
    setBusy(true);
    const r = await client.call('prompts/tts', { name: name.trim(), text, voice });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? 'text', message: r.error.message });
    setError(null);
    setName('');
    setText('');
    toast.show('success', t.ivr.promptSaved);
  };
  const remove = async (p: Prompt) => {
    if (!(await confirm({ title: t.ivr.deletePromptTitle, body: p.name, confirmLabel: t.common.delete, danger: true }))) return;
    const r = await client.call('prompts/delete', { id: p.id });
    if (!r.ok) toast.show('error', r.error.message);
  };
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const rename = async () => {
    if (!editing) return;
    const r = await client.call('prompts/rename', { id: editing.id, name: editing.name });
    if (!r.ok) return toast.show('error', r.error.message);
    setEditing(null);
  };
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);

  return (
    <div className="ivr-section" data-testid="prompt-library">
      <section className="card ivr-new-prompt">
        <h3>{t.ivr.newPrompt}</h3>
        <TextField name="prompt-name" label={t.ivr.promptName} value={name} onChange={setName} error={errorOf('name')} />
        <div className="ivr-row">
          <button type="button" className="button" disabled={busy || !!recording} onClick={() => fileRef.current?.click()} data-testid="prompt-import">
            {t.ivr.importFile}
          </button>
          <input
            ref={fileRef}
            type="file"
            accept="audio/*,.wav,.mp3,.ogg,.opus,.m4a,.flac"
            hidden
            onChange={(e) => void onFile(e.target.files?.[0])}
            data-testid="prompt-file"
          />
          <button type="button" className={`button${recording ? ' danger' : ''}`} disabled={busy} onClick={() => void record()} data-testid="prompt-record">
            {recording ? t.ivr.stopRecording : t.ivr.record}
          </button>
          {recording && (
            <span className="rec-dot" aria-live="polite">
              {t.ivr.recordingNow}
            </span>
          )}
        </div>
        <p className="muted">{t.ivr.importHint}</p>
        <FieldErrorText id="prompt-file-error" message={errorOf('base64')} />
        <div className="ivr-tts">
          <TextField name="prompt-text" label={t.ivr.ttsText} value={text} onChange={setText} multiline rows={2} error={errorOf('text')} />
          <div className="ivr-row">
            <select className="input" value={voice} onChange={(e) => setVoice(e.target.value as 'fa' | 'en')} aria-label={t.ivr.ttsVoice}>
              <option value="fa">{t.ivr.voiceFa}</option>
              <option value="en">{t.ivr.voiceEn}</option>
            </select>
            <button type="button" className="button" disabled={busy || !tts || !text.trim()} onClick={() => void speak()} data-testid="prompt-tts">
              {t.ivr.ttsMake}
            </button>
            {tts === false && <span className="muted">{t.ivr.ttsMissing}</span>}
            {ttsQuery.error && <LoadError message={ttsQuery.error} onRetry={ttsQuery.reload} />}
          </div>
        </div>
      </section>
      {prompts.length === 0 ? (
        <p className="ivr-empty">{t.ivr.noPrompts}</p>
      ) : (
        <ul className="ivr-list" aria-label={t.ivr.prompts}>
          {prompts.map((p) => (
            <li key={p.id} className="ivr-list-item" data-testid="prompt-item">
              <div className="ivr-item-head">
                {editing?.id === p.id ? (
                  <form
                    className="ivr-row"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void rename();
                    }}
                  >
                    <input
                      className="input"
                      value={editing.name}
                      onChange={(e) => setEditing({ id: p.id, name: e.target.value })}
                      aria-label={t.ivr.promptName}
                      autoFocus
                    />
                    <button type="submit" className="button small primary">
                      {t.common.save}
                    </button>
                    <button type="button" className="button small" onClick={() => setEditing(null)}>
                      {t.common.cancel}
                    </button>
                  </form>
                ) : (
                  <strong>{p.name}</strong>
                )}
                <span className="badge">{t.ivr.sources[p.source]}</span>
              </div>
              {p.text && <p className="muted">{p.text}</p>}
              <div className="ivr-row">
                <AudioPlayer
                  load={async () => {
                    const r = await client.call('prompts/audio', { id: p.id });
                    if (!r.ok) toast.show('error', r.error.message);
                    return r.ok ? r.value : null;
                  }}
                  durationMs={p.durationMs}
                />
                <button type="button" className="button subtle small" onClick={() => setEditing({ id: p.id, name: p.name })}>
                  {t.ivr.rename}
                </button>
                <button type="button" className="button danger-outline small" onClick={() => void remove(p)}>
                  {t.common.delete}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
