import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { NotesList } from '../ui/notes-list';

/** Interview notes of an applicant, newest first, with a box to add one (Ctrl+Enter). */
export function InterviewsSection({ file, onChanged }: { file: PersonFile; onChanged: (f: PersonFile) => void }) {
  const { t } = useLocale();
  const m = t.people;
  const client = useClient();

  return (
    <div className="interviews" data-testid="interviews">
      <h4 className="detail-section-title">{m.interviews}</h4>
      <NotesList
        entries={file.interviews.map((note) => ({ note }))}
        texts={{ placeholder: m.interviewPlaceholder, add: m.interviewAdd, empty: m.interviewsEmpty }}
        testIds={{ input: 'interview-input', add: 'interview-add', note: 'interview' }}
        compose="above"
        addFailure="toast"
        onAdd={async (body) => {
          const r = await client.call('people/add-interview', { fileId: file.id, body });
          if (r.ok) onChanged(r.value);
          return r;
        }}
        remove={{
          title: m.interviewDeleteTitle,
          body: m.interviewDeleteBody,
          run: async (id) => {
            const r = await client.call('people/delete-interview', { id });
            if (r.ok) onChanged(r.value);
            return r;
          },
        }}
      />
    </div>
  );
}
