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
import { NotesList, type NotesEntry } from '../ui/notes-list';

type Props = { contact: Contact; onChanged: (c: Contact) => void };

/** How many of the contact's recorded calls the timeline shows among the notes. */
const RECORDINGS_SHOWN = 50;

/**
 * Notes on a contact and its recorded calls, newest first, with a box to add a note (Ctrl+Enter) and
 * delete with confirmation (ui/notes-list.tsx); a recorded call plays from here.
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
  const recordingItem = (rec: RecordingRow) => (
    <li className="note note-recording" data-testid="timeline-recording" data-recording-id={rec.id}>
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

  const faxItem = (fax: FaxLogRow) => (
    <li className="note note-fax" data-testid="timeline-fax" data-fax-id={fax.id}>
      <div className="note-meta">
        <time dateTime={fax.startedAt}>{instant(fax.startedAt)}</time>
        <span className="note-author">{fax.direction === 'in' ? t.faxLog.timelineIn : t.faxLog.timelineOut}</span>
      </div>
      <p className="note-body">
        <a href={href({ screen: 'fax-log-entry', id: fax.id })} data-testid="timeline-fax-open">
          {t.faxLog.popupPages(num(fax.pagesDone))}
        </a>{' '}
        {fax.remoteId && <bdi dir="ltr">{fax.remoteId}</bdi>} {!fax.ok && fax.reason && <span className="muted">{t.faxLog.reasons[fax.reason]}</span>}
      </p>
    </li>
  );

  return (
    <section className="timeline" data-testid="timeline">
      <h3 className="detail-section-title">{t.timeline.title}</h3>
      <NotesList
        entries={entries.map((e): NotesEntry =>
          e.kind === 'note'
            ? { note: e.note }
            : e.kind === 'fax'
              ? { key: `fax-${e.fax.id}`, element: faxItem(e.fax) }
              : { key: `rec-${e.rec.id}`, element: recordingItem(e.rec) },
        )}
        loadError={
          recordingsQuery.error
            ? { message: recordingsQuery.error, retry: recordingsQuery.reload }
            : faxQuery.error
              ? { message: faxQuery.error, retry: faxQuery.reload }
              : null
        }
        texts={{ placeholder: t.timeline.placeholder, add: t.timeline.add, addHint: t.timeline.addHint, empty: t.timeline.empty }}
        testIds={{ input: 'note-input', add: 'add-note', note: 'note', delete: 'delete-note' }}
        compose="above"
        onAdd={async (body) => {
          const r = await client.call('contacts/add-note', { contactId: contact.id, body });
          if (r.ok) onChanged(r.value);
          return r;
        }}
        remove={{
          title: t.timeline.deleteTitle,
          body: t.timeline.deleteBody,
          run: async (id) => {
            const r = await client.call('contacts/delete-note', { id });
            if (r.ok) onChanged(r.value);
            return r;
          },
        }}
      />
      {openRecording !== null && <RecordingDialog recordingId={openRecording} onClose={() => setOpenRecording(null)} />}
    </section>
  );
}
