import { useState } from 'react';
import type { PersonFile } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';

/** Interview notes of an applicant, newest first, with a box to add one (Ctrl+Enter). */
export function InterviewsSection({ file, onChanged }: { file: PersonFile; onChanged: (f: PersonFile) => void }) {
  const { t, instant } = useLocale();
  const m = t.people;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);

  const add = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const r = await client.call('people/add-interview', { fileId: file.id, body });
    setBusy(false);
    if (!r.ok) return toast.show('error', r.error.message);
    setBody('');
    onChanged(r.value);
  };
  const remove = async (id: number) => {
    if (!(await confirm({ title: m.interviewDeleteTitle, body: m.interviewDeleteBody, confirmLabel: t.common.delete, danger: true }))) return;
    const r = await client.call('people/delete-interview', { id });
    if (r.ok) onChanged(r.value);
    else toast.show('error', r.error.message);
  };

  return (
    <div className="interviews" data-testid="interviews">
      <h4 className="detail-section-title">{m.interviews}</h4>
      <div className="note-compose">
        <textarea
          className="input note-input"
          rows={2}
          value={body}
          placeholder={m.interviewPlaceholder}
          aria-label={m.interviewPlaceholder}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
          data-testid="interview-input"
        />
        <button type="button" className="button" disabled={busy || !body.trim()} onClick={() => void add()} data-testid="interview-add">
          {m.interviewAdd}
        </button>
      </div>
      {file.interviews.length === 0 ? (
        <p className="muted">{m.interviewsEmpty}</p>
      ) : (
        <ol className="notes">
          {file.interviews.map((n) => (
            <li key={n.id} className="note" data-testid="interview">
              <div className="note-meta">
                <time dateTime={n.createdAt}>{instant(n.createdAt)}</time>
                <span className="note-author">{n.author || t.timeline.unknownAuthor}</span>
                <button
                  type="button"
                  className="icon-button note-delete"
                  aria-label={m.interviewDeleteTitle}
                  title={m.interviewDeleteTitle}
                  onClick={() => void remove(n.id)}
                >
                  ×
                </button>
              </div>
              <p className="note-body" dir="auto">
                {n.body}
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
