import { useEffect, useId, useState } from 'react';
import type { ContactSummary } from '../../shared/contract/contacts';
import { useClient } from '../app/client';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';

type Props = { label: string; onPick: (c: ContactSummary) => void; error?: string };

/** Type a name or number, pick the person from the phonebook. */
export function ContactPicker({ label, onPick, error }: Props) {
  const { t, digits } = useLocale();
  const client = useClient();
  const id = useId();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 120);
  const [results, setResults] = useState<ContactSummary[] | null>(null);
  useEffect(() => {
    if (!q) return setResults(null);
    let stop = false;
    void client.call('contacts/search', { text: q, limit: 8 }).then((r) => !stop && setResults(r.ok ? r.value.items : []));
    return () => {
      stop = true;
    };
  }, [client, q]);
  return (
    <div className="form-field picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={`input${error ? ' invalid' : ''}`}
        value={text}
        placeholder={t.people.personSearch}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
        data-testid="contact-picker"
      />
      <FieldErrorText id={`${id}-err`} message={error} />
      {results && (
        <ul className="participant-results" role="listbox">
          {results.length === 0 && <li className="muted">{t.people.personNone}</li>}
          {results.map((r) => (
            <li key={r.id}>
              <button type="button" className="participant-result" onClick={() => onPick(r)} data-testid="contact-pick">
                <bdi>{r.displayName}</bdi>
                <bdi dir="ltr" className="muted">
                  {digits(r.phones[0]?.display ?? '')}
                </bdi>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
