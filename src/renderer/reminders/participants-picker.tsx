import { useEffect, useId, useState } from 'react';
import type { SearchResult } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useDebounced } from '../hooks/use-debounced';
import { useT } from '../i18n/use-t';

type Person = { id: number; displayName: string };
type Props = { value: Person[]; onChange: (v: Person[]) => void; error?: string };

/** Participants from the phonebook: type a name, pick from the matches; chips to remove. */
export function ParticipantsPicker({ value, onChange, error }: Props) {
  const t = useT();
  const client = useClient();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 120);
  const [results, setResults] = useState<SearchResult['items'] | null>(null);

  useEffect(() => {
    if (!q) return setResults(null);
    let stop = false;
    void client.call('contacts/search', { text: q, limit: 8 }).then((r) => !stop && setResults(r.ok ? r.value.items : []));
    return () => {
      stop = true;
    };
  }, [client, q]);

  const add = (p: Person) => {
    if (!value.some((x) => x.id === p.id)) onChange([...value, p]);
    setText('');
    setResults(null);
  };

  return (
    <div className="form-field participants">
      <label htmlFor={id}>{t.reminders.participants}</label>
      {value.length > 0 && (
        <div className="chips" data-testid="participants">
          {value.map((p) => (
            <span key={p.id} className="participant-chip">
              {p.displayName}
              <button
                type="button"
                className="chip-x"
                aria-label={t.reminders.removeParticipant(p.displayName)}
                onClick={() => onChange(value.filter((x) => x.id !== p.id))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
      )}
      <input
        id={id}
        className={`input${error ? ' invalid' : ''}`}
        value={text}
        placeholder={t.reminders.participantsSearch}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results?.[0]) {
            e.preventDefault();
            add({ id: results[0].id, displayName: results[0].displayName });
          }
        }}
        autoComplete="off"
        data-testid="participant-search"
      />
      {error && (
        <p className="field-error" role="alert" data-testid="field-error">
          {error}
        </p>
      )}
      {results && (
        <ul className="participant-results" role="listbox">
          {results.length === 0 && <li className="muted">{t.reminders.participantsNone}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="participant-result"
                onClick={() => add({ id: r.id, displayName: r.displayName })}
                data-testid="participant-result"
              >
                <span>{r.displayName}</span>
                {r.company && <span className="muted">{r.company}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
