import { useCatalog } from '../app/catalog-context';
import { useT } from '../i18n/use-t';
import type { FilterDraft } from '../lib/filter-drafts';
import { FieldFilterRow } from './field-filter-row';

type Props = { filters: FilterDraft[]; onChange: (filters: FilterDraft[]) => void };

/** The active filters on user-defined fields (the "add filter" picker is in the search bar). */
export function FieldFilters({ filters, onChange }: Props) {
  const t = useT();
  const { fieldById } = useCatalog();
  const rows = filters.flatMap((d) => {
    const field = fieldById.get(d.fieldId);
    return field ? [{ d, field }] : [];
  });
  if (rows.length === 0) return null;
  return (
    <div className="filters" data-testid="filters">
      {rows.map(({ d, field }, i) => (
        <FieldFilterRow
          key={d.key}
          draft={d}
          field={field}
          index={i}
          onChange={(next) => onChange(filters.map((x) => (x.key === d.key ? next : x)))}
          onRemove={() => onChange(filters.filter((x) => x.key !== d.key))}
        />
      ))}
      <button type="button" className="link-button" onClick={() => onChange([])} data-testid="filters-clear">
        {t.filters.clearAll}
      </button>
    </div>
  );
}
