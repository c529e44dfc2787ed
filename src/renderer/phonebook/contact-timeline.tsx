import { useState } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import type { FaxLogRow } from '../../shared/contract/fax-log';
import type { RecordingRow } from '../../shared/contract/recordings';
import { href } from '../app/router';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { clock } from '../ivr/audio-player';
import { RecordingDialog, RecordingPlayButton } from '../recordings/recording-dialog';
import { useConfirm } from '../ui/confirm-context';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';

type Props = { contact: Contact; onChanged: (c: Contact) => void };

/** How many of the contact's recorded calls the timeline shows among the notes. */
const RECORDINGS_SHOWN = 50;

/**
 * Notes on a contact and its recorded calls, newest first, with a box to add a note (Ctrl+Enter) and
 * delete with confirmation; a recorded call plays from here.
 */
export function ContactTimeline({ contact, onChanged }: Props) {
  const { t, instant, digits, num } = useLocale();
  const client = useClient();
  const recordingsQuery = useQuery('recordings/list', { contactId: contact.id, limit: RECORDINGS_SHOWN }, { reloadOn: ['recordings/changed'] });
  const recordings = (recordingsQuery.data?.rows ?? []).filter((x) => x.endedAt !== null);
  // Faxes in and out matched to this contact (by number or fax ID), each a link to its page.
  const faxQuery = useQuery('fax/log', { contactId: contact.id, limit: RECORDINGS_SHOWN }, { reloadOn: ['fax/log-changed'] });
  const [openRecording, setOpenRecording] = useState<number | null>(null);
  type Entry =
    | { kind: 'note'; at: string; note: Contact['timeline'][number] }
    | { kind: 'recording'; at: string; rec: RecordingRow }
    | { kind: 'fax'; at: string; fax: FaxLogRow };
  const entries: Entry[] = [
    ...contact.timeline.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
    ...recordings.map((rec): Entry => ({ kind: 'recording', at: rec.startedAt, rec })),
    ...(faxQuery.data?.rows ?? []).map((fax): Entry => ({ kind: 'fax', at: fax.startedAt, fax })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const toast = useToast();
  const confirm = useConfirm();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const r = await client.call('contacts/add-note', { contactId: contact.id, body });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.message);
      return;
    }
    setError(null);
    setBody('');
    onChanged(r.value);
  };

  const remove = async (noteId: number) => {
    const ok = await confirm({ title: t.timeline.deleteTitle, body: t.timeline.deleteBody, confirmLabel: t.common.delete, danger: true });
    if (!ok) return;
    const r = await client.call('contacts/delete-note', { id: noteId });
    if (r.ok) onChanged(r.value);
    else toast.show('error', r.error.message);
  };

  return (
    <section className="timeline" data-testid="timeline">
      <h3 className="detail-section-title">{t.timeline.title}</h3>
      <div className="note-compose">
        <textarea
          className={`input note-input${error ? ' invalid' : ''}`}
          rows={2}
          value={body}
          placeholder={t.timeline.placeholder}
          aria-label={t.timeline.placeholder}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
          data-testid="note-input"
        />
        <button type="button" className="button" disabled={busy || !body.trim()} onClick={() => void add()} title={t.timeline.addHint} data-testid="add-note">
          {t.timeline.add}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {recordingsQuery.error && <LoadError message={recordingsQuery.error} onRetry={recordingsQuery.reload} />}
      {faxQuery.error && <LoadError message={faxQuery.error} onRetry={faxQuery.reload} />}
      {entries.length === 0 ? (
        <p className="muted">{t.timeline.empty}</p>
      ) : (
        <ol className="notes">
          {entries.map((e) => {
            if (e.kind === 'fax') {
              const fax = e.fax;
              return (
                <li key={`fax-${fax.id}`} className="note note-fax" data-testid="timeline-fax" data-fax-id={fax.id}>
                  <div className="note-meta">
                    <time dateTime={fax.startedAt}>{instant(fax.startedAt)}</time>
                    <span className="note-author">{fax.direction === 'in' ? t.faxLog.timelineIn : t.faxLog.timelineOut}</span>
                  </div>
                  <p className="note-body">
                    <a href={href({ screen: 'fax-log-entry', id: fax.id })} data-testid="timeline-fax-open">
                      {t.faxLog.popupPages(num(fax.pagesDone))}
                    </a>{' '}
                    {fax.remoteId && <bdi dir="ltr">{fax.remoteId}</bdi>}{' '}
                    {!fax.ok && fax.reason && <span className="muted">{t.faxLog.reasons[fax.reason]}</span>}
                  </p>
                </li>
              );
            }
            if (e.kind === 'recording') {
              const rec = e.rec;
              return (
                <li key={`rec-${rec.id}`} className="note note-recording" data-testid="timeline-recording" data-recording-id={rec.id}>
                  <div className="note-meta">
                    <time dateTime={rec.startedAt}>{instant(rec.startedAt)}</time>
                    <span className="note-author">{rec.direction === 'in' ? t.recordings.timelineIn : t.recordings.timelineOut}</span>
                  </div>
                  <p className="note-body">
                    <RecordingPlayButton onOpen={() => setOpenRecording(rec.id)} />
                    <bdi dir="ltr">{digits(clock(rec.durationMs))}</bdi>
                    {rec.keep && <span className="rec-kept">{t.recordings.kept}</span>} <span dir="auto">{rec.note}</span>
                  </p>
                </li>
              );
            }
            const n = e.note;
            return (
              <li key={n.id} className="note" data-testid="note">
                <div className="note-meta">
                  <time dateTime={n.createdAt}>{instant(n.createdAt)}</time>
                  <span className="note-author">{n.author || t.timeline.unknownAuthor}</span>
                  <button
                    type="button"
                    className="icon-button note-delete"
                    aria-label={t.timeline.deleteTitle}
                    title={t.timeline.deleteTitle}
                    onClick={() => void remove(n.id)}
                    data-testid="delete-note"
                  >
                    ×
                  </button>
                </div>
                <p className="note-body" dir="auto">
                  {n.body}
                </p>
              </li>
            );
          })}
        </ol>
      )}
      {openRecording !== null && <RecordingDialog recordingId={openRecording} onClose={() => setOpenRecording(null)} />}
    </section>
  );
}
