import type { CustomField } from '../../shared/contract/contacts';
import { useLocale } from '../i18n/use-t';
import { BOOL_NO, BOOL_YES } from '../lib/field-values';
import { badDate, opsFor, type FilterDraft, type FilterOp } from '../lib/filter-drafts';

type Props = {
  draft: FilterDraft;
  field: CustomField;
  index: number;
  onChange: (d: FilterDraft) => void;
  onRemove: () => void;
};

/** One filter: field name, operator, and the value input(s) its kind needs. */
export function FieldFilterRow({ draft, field, index, onChange, onRemove }: Props) {
  const { t, calendar } = useLocale();
  const set = (patch: Partial<FilterDraft>) => onChange({ ...draft, ...patch });
  const datePlaceholder = t.form.datePattern;
  const opLabel: Record<FilterOp, string> = {
    contains: t.filters.contains,
    eq: t.filters.eq,
    range: t.filters.range,
    set: t.filters.set,
    unset: t.filters.unset,
  };
  const tid = `filter-${index}`;

  const valueInput = () => {
    if (field.kind === 'bool') return null;
    if (draft.op === 'set' || draft.op === 'unset') return null;
    if (draft.op === 'range') {
      const isDate = field.kind === 'date';
      const bad = (s: string) => isDate && badDate(s, calendar);
      return (
        <>
          <input
            className={`input small${bad(draft.min) ? ' invalid' : ''}`}
            value={draft.min}
            placeholder={isDate ? datePlaceholder : t.filters.from}
            aria-label={t.filters.from}
            title={bad(draft.min) ? t.filters.invalidDate : undefined}
            inputMode={isDate ? undefined : 'decimal'}
            onChange={(e) => set({ min: e.target.value })}
            data-testid={`${tid}-min`}
          />
          <span className="filter-dash">{t.filters.to}</span>
          <input
            className={`input small${bad(draft.max) ? ' invalid' : ''}`}
            value={draft.max}
            placeholder={isDate ? datePlaceholder : t.filters.to}
            aria-label={t.filters.to}
            title={bad(draft.max) ? t.filters.invalidDate : undefined}
            inputMode={isDate ? undefined : 'decimal'}
            onChange={(e) => set({ max: e.target.value })}
            data-testid={`${tid}-max`}
          />
        </>
      );
    }
    if (field.kind === 'choice') {
      return (
        <select
          className="input small"
          value={draft.value}
          onChange={(e) => set({ value: e.target.value })}
          aria-label={t.filters.value}
          data-testid={`${tid}-value`}
        >
          <option value="">{t.filters.anyChoice}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
    }
    return (
      <input
        className="input small"
        value={draft.value}
        placeholder={t.filters.value}
        aria-label={t.filters.value}
        inputMode={field.kind === 'number' ? 'decimal' : undefined}
        onChange={(e) => set({ value: e.target.value })}
        data-testid={`${tid}-value`}
      />
    );
  };

  // Yes/no is one select: yes, no, or not filled in.
  const boolSelect = (
    <select
      className="input small"
      value={draft.op === 'unset' ? 'unset' : draft.value === BOOL_NO ? BOOL_NO : BOOL_YES}
      onChange={(e) => (e.target.value === 'unset' ? set({ op: 'unset' }) : set({ op: 'eq', value: e.target.value }))}
      aria-label={t.filters.value}
      data-testid={`${tid}-op`}
    >
      <option value={BOOL_YES}>{t.filters.yes}</option>
      <option value={BOOL_NO}>{t.filters.no}</option>
      <option value="unset">{t.filters.unset}</option>
    </select>
  );

  return (
    <div className="filter-row" data-testid="filter-row">
      <span className="filter-field">{field.name}</span>
      {field.kind === 'bool' ? (
        boolSelect
      ) : (
        <select
          className="input small"
          value={draft.op}
          onChange={(e) => set({ op: e.target.value as FilterOp })}
          aria-label={field.name}
          data-testid={`${tid}-op`}
        >
          {opsFor(field.kind).map((op) => (
            <option key={op} value={op}>
              {opLabel[op]}
            </option>
          ))}
        </select>
      )}
      {valueInput()}
      <button type="button" className="icon-button" onClick={onRemove} aria-label={t.filters.remove} title={t.filters.remove} data-testid={`${tid}-remove`}>
        ×
      </button>
    </div>
  );
}
