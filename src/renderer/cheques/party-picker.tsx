import { useEffect, useId, useState } from 'react';
import type { SearchResult } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useDebounced } from '../hooks/use-debounced';
import { useT } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';

type Person = { id: number; displayName: string };
type Props = {
  label: string;
  name: string;
  contact: Person | null;
  onChange: (v: { name: string; contact: Person | null }) => void;
  error?: string;
};

/**
 * The payer or payee: typing a name searches the phonebook and offers its matches; picking one links
 * the cheque to that contact (the name stays editable: it is what is written on the cheque). Without
 * a pick, the name is kept as typed.
 */
export function PartyPicker({ label, name, contact, onChange, error }: Props) {
  const t = useT();
  const m = t.cheques;
  const client = useClient();
  const id = useId();
  const [focused, setFocused] = useState(false);
  const q = useDebounced(name.trim(), 150);
  const [results, setResults] = useState<SearchResult['items'] | null>(null);

  useEffect(() => {
    if (!q || contact) return setResults(null);
    let stop = false;
    void client.call('contacts/search', { text: q, limit: 6 }).then((r) => !stop && setResults(r.ok ? r.value.items : []));
    return () => {
      stop = true;
    };
  }, [client, q, contact]);

  const pick = (p: Person) => {
    onChange({ name: p.displayName, contact: p });
    setResults(null);
  };
  const showResults = focused && results !== null && !contact;

  return (
    <div className="form-field party-picker">
      <label htmlFor={id}>{label}</label>
      <div className="party-input-row">
        <input
          id={id}
          className={`input${error ? ' invalid' : ''}`}
          value={name}
          dir="auto"
          placeholder={m.partySearch}
          onChange={(e) => onChange({ name: e.target.value, contact })}
          onFocus={() => setFocused(true)}
          // A click on a result lands before the blur hides the list.
          onBlur={() => setTimeout(() => setFocused(false), 150)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && showResults && results?.[0]) {
              e.preventDefault();
              pick({ id: results[0].id, displayName: results[0].displayName });
            }
          }}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          data-testid="partyName"
        />
        {contact && (
          <span className="party-chip" data-testid="party-contact" title={m.partyFromPhonebook}>
            <span aria-hidden="true">👤</span> <bdi>{contact.displayName}</bdi>
            <button
              type="button"
              className="chip-x"
              aria-label={m.partyUnlink}
              title={m.partyUnlink}
              onClick={() => onChange({ name, contact: null })}
              data-testid="party-unlink"
            >
              ×
            </button>
          </span>
        )}
      </div>
      <FieldErrorText id={`${id}-err`} message={error} />
      {showResults && (
        <ul className="participant-results" role="listbox">
          {results.length === 0 && <li className="muted">{m.partyNone}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="participant-result"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick({ id: r.id, displayName: r.displayName })}
                data-testid="party-result"
              >
                <bdi>{r.displayName}</bdi>
                {r.company && <span className="muted">{r.company}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
