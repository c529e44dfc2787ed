import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { NotesList } from '../ui/notes-list';

/** On a call's page: the notes written on this call, oldest first, and a box to add one (Ctrl+Enter). */
export function CallNotesSection({ callId }: { callId: number }) {
  const { t } = useLocale();
  const v = t.calls.view;
  const client = useClient();
  const notes = useQuery('calls/notes', { callId });

  return (
    <section className="call-section call-notes" data-testid="call-notes">
      <h3 className="detail-section-title">{v.notes}</h3>
      <NotesList
        entries={notes.data?.map((note) => ({ note })) ?? null}
        loadError={notes.error ? { message: notes.error, retry: notes.reload } : null}
        texts={{ placeholder: v.notePlaceholder, add: v.addNote, addHint: v.addNoteHint, empty: v.notesEmpty }}
        testIds={{ input: 'call-note-input', add: 'call-note-add', note: 'call-note' }}
        compose="below"
        onAdd={async (body) => {
          const r = await client.call('calls/add-note', { callId, body });
          if (r.ok) notes.setData(() => r.value);
          return r;
        }}
      />
    </section>
  );
}
