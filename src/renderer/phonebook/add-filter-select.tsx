import { useCatalog } from '../app/catalog-context';
import { useT } from '../i18n/use-t';
import { newFilter, type FilterDraft } from '../lib/filter-drafts';

type Props = { filters: FilterDraft[]; onChange: (filters: FilterDraft[]) => void };

/** A select that adds a filter on the chosen field. */
export function AddFilterSelect({ filters, onChange }: Props) {
  const t = useT();
  const { fields, fieldById } = useCatalog();
  return (
    <select
      className="input"
      value=""
      disabled={fields.length === 0}
      title={fields.length === 0 ? t.filters.noFields : t.filters.add}
      aria-label={t.filters.add}
      onChange={(e) => {
        const field = fieldById.get(Number(e.target.value));
        if (field) onChange([...filters, newFilter(field)]);
      }}
      data-testid="add-filter"
    >
      <option value="">+ {t.filters.add}</option>
      {fields.map((f) => (
        <option key={f.id} value={f.id}>
          {f.name}
        </option>
      ))}
    </select>
  );
}
