import { useState } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import type { RecordingRow } from '../../shared/contract/recordings';
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
  const { t, instant, digits } = useLocale();
  const client = useClient();
  const recordingsQuery = useQuery('recordings/list', { contactId: contact.id, limit: RECORDINGS_SHOWN }, { reloadOn: ['recordings/changed'] });
  const recordings = (recordingsQuery.data?.rows ?? []).filter((x) => x.endedAt !== null);
  const [openRecording, setOpenRecording] = useState<number | null>(null);
  type Entry = { kind: 'note'; at: string; note: Contact['timeline'][number] } | { kind: 'recording'; at: string; rec: RecordingRow };
  const entries: Entry[] = [
    ...contact.timeline.map((note): Entry => ({ kind: 'note', at: note.createdAt, note })),
    ...recordings.map((rec): Entry => ({ kind: 'recording', at: rec.startedAt, rec })),
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

  return (
    <section className="timeline" data-testid="timeline">
      <h3 className="detail-section-title">{t.timeline.title}</h3>
      <NotesList
        entries={entries.map((e): NotesEntry => (e.kind === 'note' ? { note: e.note } : { key: `rec-${e.rec.id}`, element: recordingItem(e.rec) }))}
        loadError={recordingsQuery.error ? { message: recordingsQuery.error, retry: recordingsQuery.reload } : null}
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
