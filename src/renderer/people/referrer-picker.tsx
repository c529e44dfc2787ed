import { useEffect, useId, useState } from 'react';
import { FILE_KINDS, type FileSummary } from '../../shared/contract/people';
import { useClient } from '../app/client';
import { useDebounced } from '../hooks/use-debounced';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';

export type Referrer = { id: number; name: string; fileNo: string } | null;
type Props = { value: Referrer; text: string; onChange: (value: Referrer, text: string) => void; error?: string; excludeId: number | null };

/** The referrer: someone on file (any kind), picked by name, or a name typed freely. */
export function ReferrerPicker({ value, text, onChange, error, excludeId }: Props) {
  const { t, digits } = useLocale();
  const m = t.people;
  const client = useClient();
  const id = useId();
  const q = useDebounced(value ? '' : text.trim(), 150);
  const [results, setResults] = useState<FileSummary[]>([]);
  useEffect(() => {
    if (!q) return setResults([]);
    let stop = false;
    void Promise.all(FILE_KINDS.map((kind) => client.call('people/search', { kind, text: q, limit: 5 }))).then((rs) => {
      if (!stop) setResults(rs.flatMap((r) => (r.ok ? r.value.items : [])).filter((f) => f.id !== excludeId));
    });
    return () => {
      stop = true;
    };
  }, [client, q, excludeId]);

  if (value) {
    return (
      <div className="form-field">
        <span className="label">{m.referrer}</span>
        <div className="picked">
          <bdi data-testid="referrer-picked">{m.referrerPicked(value.name, digits(value.fileNo))}</bdi>
          <button type="button" className="icon-button" aria-label={m.referrerClear} title={m.referrerClear} onClick={() => onChange(null, '')}>
            ×
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="form-field picker">
      <label htmlFor={id}>{m.referrer}</label>
      <input
        id={id}
        name="referrerText"
        className={`input${error ? ' invalid' : ''}`}
        value={text}
        onChange={(e) => onChange(null, e.target.value)}
        autoComplete="off"
        dir="auto"
        data-testid="referrer"
      />
      {error ? <FieldErrorText id={`${id}-err`} message={error} /> : <p className="field-hint">{m.referrerHint}</p>}
      {results.length > 0 && (
        <ul className="participant-results" role="listbox">
          {results.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="participant-result"
                onClick={() => onChange({ id: r.id, name: r.displayName, fileNo: r.fileNo }, '')}
                data-testid="referrer-pick"
              >
                <bdi>{r.displayName}</bdi>
                <span className="muted">
                  {m.kindOne[r.kind]} {digits(r.fileNo)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
