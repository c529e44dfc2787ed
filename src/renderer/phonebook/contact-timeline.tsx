import { useState } from 'react';
import type { Contact } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';

type Props = { contact: Contact; onChanged: (c: Contact) => void };

/** Notes on a contact, newest first, with a box to add one (Ctrl+Enter) and delete with confirmation. */
export function ContactTimeline({ contact, onChanged }: Props) {
  const { t, instant } = useLocale();
  const client = useClient();
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
      {contact.timeline.length === 0 ? (
        <p className="muted">{t.timeline.empty}</p>
      ) : (
        <ol className="notes">
          {contact.timeline.map((n) => (
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
              <p className="note-body" dir="auto">{n.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
