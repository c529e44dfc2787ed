import { useRef, type KeyboardEvent } from 'react';
import type { FaxDocument } from '../../shared/contract/fax';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';

type Props = {
  library: FaxDocument[];
  chosen: number[];
  onChange: (ids: number[]) => void;
  /** A file picked here goes into the library first (the form adds it to the list when it is there). */
  onFile: (file: File) => void;
  adding: string | null;
  error?: string;
};

// What the file picker offers; the engine tells the kind by the content, so a wrong ending is still refused by name.
const ACCEPT = 'application/pdf,image/png,image/jpeg,text/plain,.pdf,.png,.jpg,.jpeg,.txt';

const moved = (ids: number[], at: number, by: -1 | 1): number[] => {
  const to = at + by;
  if (to < 0 || to >= ids.length) return ids;
  const out = ids.slice();
  [out[at], out[to]] = [out[to]!, out[at]!];
  return out;
};

/**
 * The documents of a fax, in the order they are sent: picked from the library or added from a file,
 * moved with buttons or Alt+↑/↓ on a name (the focus follows the document), the first page previewed.
 */
export function FaxSendDocuments({ library, chosen, onChange, onFile, adding, error }: Props) {
  const { t, num } = useLocale();
  const fileRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const byId = new Map(library.map((d) => [d.id, d]));
  const first = chosen[0] ?? null;
  const preview = useQuery('fax/document-page', { id: first ?? 1, page: 1 }, { skip: first === null });

  const move = (at: number, by: -1 | 1, focus = false) => {
    const next = moved(chosen, at, by);
    onChange(next);
    // Keyboard moves keep the focus on the document that moved.
    if (focus && next !== chosen) requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>('.fax-send-doc-name')[at + by]?.focus());
  };
  const onKey = (e: KeyboardEvent, at: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(at, e.key === 'ArrowUp' ? -1 : 1, true);
  };
  const available = library.filter((d) => !chosen.includes(d.id));

  return (
    <fieldset className="fax-send-part" data-testid="fax-send-documents">
      <legend>{t.faxOut.documents}</legend>
      <div className="fax-add">
        <label className="fax-option">
          <span>{t.faxOut.pickDocument}</span>
          <select className="input" value="" onChange={(e) => e.target.value && onChange([...chosen, Number(e.target.value)])} data-testid="fax-send-pick">
            <option value="">{t.faxOut.pickPlaceholder}</option>
            {available.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} — {t.faxOut.pagesCount(num(d.pages))}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={adding !== null} onClick={() => fileRef.current?.click()} data-testid="fax-send-add-file">
          {t.faxOut.addFile}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={ACCEPT}
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) onFile(f);
            e.target.value = '';
          }}
          data-testid="fax-send-file"
        />
        {adding !== null && (
          <span className="muted" aria-live="polite">
            {t.fax.adding.replace('{name}', adding)}
          </span>
        )}
      </div>
      <FieldErrorText id="fax-send-documents-err" message={error} />
      <div className="fax-send-docs">
        {chosen.length === 0 ? (
          <p className="muted">{t.faxOut.noDocuments}</p>
        ) : (
          <ol ref={listRef} className="fax-send-list" aria-describedby="fax-send-reorder" data-testid="fax-send-list">
            {chosen.map((id, i) => {
              const name = byId.get(id)?.name ?? `#${id}`;
              return (
                <li key={id} data-testid="fax-send-doc" data-id={id}>
                  <span className="fax-send-doc-name" tabIndex={0} onKeyDown={(e) => onKey(e, i)} data-testid="fax-send-doc-name">
                    <bdi>{name}</bdi>
                  </span>
                  <span className="muted">{t.faxOut.pagesCount(num(byId.get(id)?.pages ?? 0))}</span>
                  <button type="button" className="button small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t.faxOut.moveUp(name)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button small"
                    disabled={i === chosen.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={t.faxOut.moveDown(name)}
                    data-testid="fax-send-down"
                  >
                    ↓
                  </button>
                  <button type="button" className="button small" onClick={() => onChange(chosen.filter((x) => x !== id))} aria-label={t.faxOut.remove(name)}>
                    ×
                  </button>
                </li>
              );
            })}
          </ol>
        )}
        {first !== null && preview.data && (
          <figure className="fax-send-preview">
            <img
              src={`data:image/png;base64,${preview.data.png}`}
              alt={t.faxOut.firstPageAlt(byId.get(first)?.name ?? '')}
              data-testid="fax-send-preview"
              data-document={first}
            />
            <figcaption className="muted">{t.faxOut.firstPage}</figcaption>
          </figure>
        )}
      </div>
      <p id="fax-send-reorder" className="field-hint">
        {t.faxOut.reorderHint}
      </p>
    </fieldset>
  );
}
