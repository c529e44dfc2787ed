import { CHEQUE_FIELD_KINDS, type ChequeField, type ChequeFieldKind } from '../../shared/contract/cheque-print';
import { useLocale } from '../i18n/use-t';

type Props = {
  fields: ChequeField[];
  selected: number | null;
  onSelect: (index: number) => void;
  onAdd: (kind: ChequeFieldKind) => void;
};

/** The template's fields in order with their place in mm; pick one to edit, or add a field of any kind. */
export function FieldList({ fields, selected, onSelect, onAdd }: Props) {
  const { t, digits } = useLocale();
  const m = t.chequeTemplates;
  const mm = (v: number) => digits(String(Math.round(v * 10) / 10));
  return (
    <section className="cheque-panel" aria-label={m.fields}>
      <header className="cheque-panel-head">
        <h3>{m.fields}</h3>
        <select
          className="input small cheque-add-field"
          value=""
          aria-label={m.addField}
          onChange={(e) => e.target.value && onAdd(e.target.value as ChequeFieldKind)}
          data-testid="field-add"
        >
          <option value="">+ {m.addField}</option>
          {CHEQUE_FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {m.kinds[k]}
            </option>
          ))}
        </select>
      </header>
      {fields.length === 0 && <p className="muted">{m.noFields}</p>}
      <ul className="cheque-field-list">
        {fields.map((f, i) => (
          <li key={`${i}-${f.kind}`}>
            <button
              type="button"
              className={`cheque-field-item${selected === i ? ' active' : ''}`}
              aria-pressed={selected === i}
              onClick={() => onSelect(i)}
              data-testid={`field-item-${i}`}
            >
              <span>
                {digits(i + 1)}. {m.kinds[f.kind]}
              </span>
              <span className="muted cheque-field-pos">{m.position(mm(f.xMm), mm(f.yMm), mm(f.widthMm))}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
