import { useEffect, useState } from 'react';
import type { RecordingRow } from '../../shared/contract/recordings';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { AudioPlayer } from '../ivr/audio-player';
import { saveFile } from '../lib/download';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { formatSize } from './use-recordings';

/**
 * One recorded conversation: who, when, on which line; play it with its waveform, keep it from the
 * storage rules, a note, save the WAV, delete it. Opened from the call log, the contact's calls and
 * the Recordings tab.
 */
export function RecordingDialog({ recordingId, onClose, onOpenContact }: { recordingId: number; onClose: () => void; onOpenContact?: (id: number) => void }) {
  const { t, num, digits, instant } = useLocale();
  const r = t.recordings;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [rec, setRec] = useState<RecordingRow | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void client.call('recordings/get', { id: recordingId }).then((x) => {
      if (!x.ok) return setError(x.error.message);
      setRec(x.value);
      setNote(x.value.note);
    });
  }, [client, recordingId]);

  const keep = async (k: boolean) => {
    // Shown at once; put back if the engine refuses.
    setRec((old) => old && { ...old, keep: k });
    const x = await client.call('recordings/keep', { id: recordingId, keep: k });
    if (x.ok) setRec(x.value);
    else {
      setRec((old) => old && { ...old, keep: !k });
      toast.show('error', x.error.message);
    }
  };
  const saveNote = async () => {
    const x = await client.call('recordings/note', { id: recordingId, note });
    if (!x.ok) return toast.show('error', x.error.message);
    setRec(x.value);
    toast.show('success', r.noteSaved);
  };
  const download = async () => {
    const x = await client.call('recordings/file', { id: recordingId });
    if (x.ok) saveFile(x.value);
    else toast.show('error', x.error.message);
  };
  const remove = async () => {
    if (!(await confirm({ title: r.delete, body: r.confirmDelete, confirmLabel: r.delete, danger: true }))) return;
    const x = await client.call('recordings/delete', { id: recordingId });
    if (!x.ok) return toast.show('error', x.error.message);
    toast.show('success', r.deleted);
    onClose();
  };

  const who = rec ? (rec.contactName ?? rec.callerName ?? '') : '';
  return (
    <Dialog
      title={r.dialogTitle}
      onClose={onClose}
      testId="recording-dialog"
      footer={
        <>
          {rec && (
            <button type="button" className="button danger" onClick={() => void remove()} data-testid="rec-delete">
              {r.delete}
            </button>
          )}
          {rec && (
            <button type="button" className="button" onClick={() => void download()} data-testid="rec-save-file">
              {r.saveFile}
            </button>
          )}
          <button type="button" className="button primary" onClick={onClose}>
            {t.common.close}
          </button>
        </>
      }
    >
      {error && (
        <p className="form-banner error" role="alert">
          {error}
        </p>
      )}
      {rec && (
        <div className="recording-detail">
          <dl className="rec-facts">
            <dt>{r.who}</dt>
            <dd data-testid="rec-who">
              <span className="rec-dir">{rec.direction === 'in' ? r.incoming : r.outgoing}</span> {who && <bdi>{who}</bdi>}{' '}
              {rec.numberDisplay ? <bdi dir="ltr">{digits(rec.numberDisplay)}</bdi> : !who && r.unknown}
              {rec.contactId !== null && onOpenContact && (
                <button type="button" className="link-button rec-open-contact" onClick={() => onOpenContact(rec.contactId!)}>
                  {r.openContact}
                </button>
              )}
            </dd>
            <dt>{r.when}</dt>
            <dd>{instant(rec.startedAt)}</dd>
            <dt>{r.line}</dt>
            <dd>
              <bdi>{rec.lineName}</bdi> · {rec.startedBy === 'auto' ? r.byAuto : r.byButton}
            </dd>
            <dt>{r.size}</dt>
            <dd>{formatSize(rec.bytes, num, r, digits)}</dd>
          </dl>
          <AudioPlayer
            load={async () => {
              const x = await client.call('recordings/audio', { id: recordingId });
              if (!x.ok) toast.show('error', x.error.message);
              return x.ok ? x.value : null;
            }}
            durationMs={rec.durationMs}
            testId="rec-player"
          />
          <label className="checkbox-row" title={r.keepHint}>
            <input type="checkbox" checked={rec.keep} onChange={(e) => void keep(e.target.checked)} data-testid="rec-keep" />
            {r.keep}
            <span className="muted field-hint">{r.keepHint}</span>
          </label>
          <div className="form-field">
            <label htmlFor="rec-note">{r.note}</label>
            <textarea
              id="rec-note"
              className="input"
              rows={2}
              value={note}
              placeholder={r.notePlaceholder}
              onChange={(e) => setNote(e.target.value)}
              data-testid="rec-note"
            />
            {note.trim() !== rec.note && (
              <button type="button" className="button small" onClick={() => void saveNote()} data-testid="rec-note-save">
                {r.save}
              </button>
            )}
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** A small ▶ in a list row that opens the recording. */
export function RecordingPlayButton({ onOpen }: { onOpen: () => void }) {
  const { t } = useLocale();
  return (
    <button type="button" className="rec-play" onClick={onOpen} title={t.recordings.play} aria-label={t.recordings.play} data-testid="rec-play">
      ▶
    </button>
  );
}
