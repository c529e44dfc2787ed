import { Fragment, useState, type ReactNode } from 'react';
import type { Result } from '../../shared/contract/errors';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from './confirm-context';
import { LoadError } from './load-error';
import { useToast } from './toast-context';

/** A written note as every notes list shows it: when, who, what. */
export type NoteItem = { id: number; createdAt: string; author: string; body: string };
/** A list entry: a note, or an `<li>` the screen puts among the notes (a recorded call on the timeline). */
export type NotesEntry = { note: NoteItem } | { key: string; element: ReactNode };

type Props = {
  /** The entries in the order shown; null while they load (then neither the list nor the empty state shows). */
  entries: readonly NotesEntry[] | null;
  /** Why the entries could not be loaded, shown in place with Try again just above the list. */
  loadError?: { message: string; retry: () => void } | null;
  texts: { placeholder: string; add: string; addHint?: string; empty: string };
  testIds: { input: string; add: string; note: string; delete?: string };
  /** The box above the list (newest first) or below it (oldest first, as a conversation). */
  compose: 'above' | 'below';
  /** Sends a new note; a failure stays on the box (inline) or comes as a toast, and the text is kept either way. */
  onAdd: (body: string) => Promise<Result<unknown>>;
  addFailure?: 'inline' | 'toast';
  /** When given, each note has a × that asks first, then deletes; a failure comes as a toast. */
  remove?: { title: string; body: string; run: (id: number) => Promise<Result<unknown>> };
};

/**
 * The notes of a record (a call's notes, a contact's timeline, an applicant's interviews): the list, its
 * empty state, a box to add one (Ctrl+Enter) and the failed request's message. The section around it
 * (heading, test id) stays with the screen.
 */
export function NotesList({ entries, loadError, texts, testIds, compose, onAdd, addFailure = 'inline', remove }: Props) {
  const { t, instant } = useLocale();
  const toast = useToast();
  const confirm = useConfirm();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const add = async () => {
    if (!body.trim() || busy) return;
    setBusy(true);
    const r = await onAdd(body);
    setBusy(false);
    if (!r.ok) {
      if (addFailure === 'toast') toast.show('error', r.error.message);
      else setError(r.error.message);
      return;
    }
    setError(null);
    setBody('');
  };
  const del = async (id: number) => {
    if (!remove) return;
    if (!(await confirm({ title: remove.title, body: remove.body, confirmLabel: t.common.delete, danger: true }))) return;
    const r = await remove.run(id);
    if (!r.ok) toast.show('error', r.error.message);
  };

  const box = (
    <>
      <div className="note-compose">
        <textarea
          className={`input note-input${error ? ' invalid' : ''}`}
          rows={2}
          value={body}
          placeholder={texts.placeholder}
          aria-label={texts.placeholder}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void add();
            }
          }}
          data-testid={testIds.input}
        />
        <button type="button" className="button" disabled={busy || !body.trim()} onClick={() => void add()} title={texts.addHint} data-testid={testIds.add}>
          {texts.add}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );

  const list =
    entries &&
    (entries.length === 0 ? (
      <p className="muted">{texts.empty}</p>
    ) : (
      <ol className="notes">
        {entries.map((e) => {
          if ('element' in e) return <Fragment key={e.key}>{e.element}</Fragment>;
          const n = e.note;
          return (
            <li key={n.id} className="note" data-testid={testIds.note}>
              <div className="note-meta">
                <time dateTime={n.createdAt}>{instant(n.createdAt)}</time>
                <span className="note-author">
                  <bdi>{n.author || t.timeline.unknownAuthor}</bdi>
                </span>
                {remove && (
                  <button
                    type="button"
                    className="icon-button note-delete"
                    aria-label={remove.title}
                    title={remove.title}
                    onClick={() => void del(n.id)}
                    data-testid={testIds.delete}
                  >
                    ×
                  </button>
                )}
              </div>
              <p className="note-body" dir="auto">
                {n.body}
              </p>
            </li>
          );
        })}
      </ol>
    ));

  return (
    <>
      {compose === 'above' && box}
      {loadError && <LoadError message={loadError.message} onRetry={loadError.retry} />}
      {list}
      {compose === 'below' && box}
    </>
  );
}
