import type { CSSProperties } from 'react';
import { useCatalog } from '../app/catalog-context';
import { useT } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';

type Props = { value: number[]; onChange: (ids: number[]) => void; error?: string };

/** The contact's groups as toggle chips in the groups' colours. */
export function GroupPicker({ value, onChange, error }: Props) {
  const t = useT();
  const { groups } = useCatalog();
  if (groups.length === 0) return <p className="muted">{t.form.noGroups}</p>;
  const on = new Set(value);
  return (
    <div>
      <div className="chips" role="group" aria-label={t.form.sectionGroups} data-testid="groupIds">
        {groups.map((g) => (
          <button
            key={g.id}
            type="button"
            className={`group-toggle${on.has(g.id) ? ' on' : ''}`}
            aria-pressed={on.has(g.id)}
            onClick={() => onChange(on.has(g.id) ? value.filter((x) => x !== g.id) : [...value, g.id])}
            style={{ '--group-color': g.color } as CSSProperties}
            data-testid={`group-toggle-${g.id}`}
          >
            <span className="group-dot" style={{ background: g.color }} aria-hidden="true" />
            {g.name}
          </button>
        ))}
      </div>
      <FieldErrorText id="groupIds-err" message={error} />
    </div>
  );
}
