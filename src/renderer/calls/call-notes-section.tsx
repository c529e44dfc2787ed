import { useState } from 'react';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { LoadError } from '../ui/load-error';

/** On a call's page: the notes written on this call, oldest first, and a box to add one (Ctrl+Enter). */
export function CallNotesSection({ callId }: { callId: number }) {
  const { t, instant } = useLocale();
  const v = t.calls.view;
  const client = useClient();
  const notes = useQuery('calls/notes', { callId });
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const r = await client.call('calls/add-note', { callId, body });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setBody('');
    notes.setData(() => r.value);
  };

  return (
    <section className="call-section call-notes" data-testid="call-notes">
      <h3 className="detail-section-title">{v.notes}</h3>
      {notes.error && <LoadError message={notes.error} onRetry={notes.reload} />}
      {notes.data &&
        (notes.data.length === 0 ? (
          <p className="muted">{v.notesEmpty}</p>
        ) : (
          <ol className="notes">
            {notes.data.map((n) => (
              <li key={n.id} className="note" data-testid="call-note">
                <div className="note-meta">
                  <time dateTime={n.createdAt}>{instant(n.createdAt)}</time>
                  <span className="note-author">
                    <bdi>{n.author || t.timeline.unknownAuthor}</bdi>
                  </span>
                </div>
                <p className="note-body" dir="auto">
                  {n.body}
                </p>
              </li>
            ))}
          </ol>
        ))}
      <div className="note-compose">
        <textarea
          className={`input note-input${error ? ' invalid' : ''}`}
          rows={2}
          value={body}
          placeholder={v.notePlaceholder}
          aria-label={v.notePlaceholder}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
          data-testid="call-note-input"
        />
        <button type="button" className="button" disabled={busy || !body.trim()} onClick={() => void add()} title={v.addNoteHint} data-testid="call-note-add">
          {v.addNote}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
