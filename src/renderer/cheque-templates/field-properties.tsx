import { CHEQUE_FIELD_KINDS, CHEQUE_GUARDS, type ChequeField, type ChequeFont } from '../../shared/contract/cheque-print';
import { isNumericField } from '../../shared/text/cheque-field-text';
import { useT } from '../i18n/use-t';
import { NumberField } from './number-field';

type Props = {
  field: ChequeField;
  index: number;
  fonts: ChequeFont[];
  leaf: { widthMm: number; heightMm: number };
  onChange: (field: ChequeField) => void;
  onDelete: () => void;
  /** The engine's message for a property of this field ('xMm', 'font'…), when the last save failed on it. */
  errorOf: (prop: string) => string | undefined;
};

/** Everything about the selected field: what it prints, where (mm, editable), font, size, alignment, shrink, guards, fill. */
export function FieldProperties({ field, index, fonts, leaf, onChange, onDelete, errorOf }: Props) {
  const t = useT();
  const m = t.chequeTemplates;
  const set = (patch: Partial<ChequeField>) => onChange({ ...field, ...patch });
  return (
    <section className="cheque-panel" aria-label={m.fieldPanel} data-testid="field-properties">
      <header className="cheque-panel-head">
        <h3>
          {index + 1}. {m.kinds[field.kind]}
        </h3>
        <button type="button" className="button small danger-outline" onClick={onDelete} data-testid="field-delete">
          {m.deleteField}
        </button>
      </header>
      <div className="grid cols-2">
        <div className="form-field span-2">
          <label htmlFor="cheque-field-kind">{m.kind}</label>
          <select
            id="cheque-field-kind"
            className="input small"
            value={field.kind}
            onChange={(e) => set({ kind: e.target.value as ChequeField['kind'] })}
            data-testid="field-kind"
          >
            {CHEQUE_FIELD_KINDS.map((k) => (
              <option key={k} value={k}>
                {m.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        {field.kind === 'text' && (
          <div className="form-field span-2">
            <label htmlFor="cheque-field-text">{m.text}</label>
            <input
              id="cheque-field-text"
              className={`input small${errorOf('text') ? ' invalid' : ''}`}
              dir="auto"
              value={field.text}
              onChange={(e) => set({ text: e.target.value })}
              data-testid="field-text"
            />
            {errorOf('text') && <p className="field-error">{errorOf('text')}</p>}
          </div>
        )}
        <NumberField
          name="field-xMm"
          label={m.x}
          unit={m.mm}
          value={field.xMm}
          min={0}
          max={leaf.widthMm}
          onChange={(xMm) => set({ xMm })}
          error={errorOf('xMm')}
        />
        <NumberField
          name="field-yMm"
          label={m.y}
          unit={m.mm}
          value={field.yMm}
          min={0}
          max={leaf.heightMm}
          onChange={(yMm) => set({ yMm })}
          error={errorOf('yMm')}
        />
        <NumberField
          name="field-widthMm"
          label={m.width}
          unit={m.mm}
          value={field.widthMm}
          min={2}
          max={leaf.widthMm}
          onChange={(widthMm) => set({ widthMm })}
          error={errorOf('widthMm')}
        />
        <NumberField
          name="field-sizePt"
          label={m.size}
          unit={m.pt}
          value={field.sizePt}
          min={4}
          max={72}
          onChange={(sizePt) => set({ sizePt })}
          error={errorOf('sizePt')}
        />
        <div className="form-field span-2">
          <label htmlFor="cheque-field-font">{m.font}</label>
          <select
            id="cheque-field-font"
            className={`input small${errorOf('font') ? ' invalid' : ''}`}
            value={field.font}
            onChange={(e) => set({ font: e.target.value as ChequeField['font'] })}
            data-testid="field-font"
          >
            {fonts.map((f) => (
              <option key={f.key} value={f.key}>
                {f.builtIn ? (m.builtinFonts[f.key as keyof typeof m.builtinFonts] ?? f.name) : f.name}
              </option>
            ))}
          </select>
          {errorOf('font') && <p className="field-error">{errorOf('font')}</p>}
        </div>
        <div className="form-field span-2">
          <span className="label">{m.align}</span>
          <div className="segmented" role="radiogroup" aria-label={m.align}>
            {(['right', 'center', 'left'] as const).map((a) => (
              <button
                key={a}
                type="button"
                role="radio"
                aria-checked={field.align === a}
                className={`segment${field.align === a ? ' active' : ''}`}
                onClick={() => set({ align: a })}
                data-testid={`field-align-${a}`}
              >
                {m.aligns[a]}
              </button>
            ))}
          </div>
        </div>
        <div className="form-field">
          <label htmlFor="cheque-field-guard">{m.guard}</label>
          <select
            id="cheque-field-guard"
            className="input small"
            value={field.guard}
            onChange={(e) => set({ guard: e.target.value as ChequeField['guard'] })}
            data-testid="field-guard"
          >
            {CHEQUE_GUARDS.map((g) => (
              <option key={g} value={g}>
                {m.guards[g]}
              </option>
            ))}
          </select>
        </div>
        {isNumericField(field.kind) && (
          <div className="form-field">
            <label htmlFor="cheque-field-digits">{m.digits}</label>
            <select
              id="cheque-field-digits"
              className="input small"
              value={field.digits}
              onChange={(e) => set({ digits: e.target.value as ChequeField['digits'] })}
              data-testid="field-digits"
            >
              <option value="fa">{m.digitsFa}</option>
              <option value="latin">{m.digitsLatin}</option>
            </select>
          </div>
        )}
        <div className={`form-field${isNumericField(field.kind) ? ' span-2' : ''}`}>
          <label htmlFor="cheque-field-suffix">{m.suffix}</label>
          <input
            id="cheque-field-suffix"
            className="input small"
            dir="auto"
            value={field.suffix}
            placeholder={m.suffixPlaceholder}
            onChange={(e) => set({ suffix: e.target.value })}
            data-testid="field-suffix"
          />
        </div>
        <label className="cheque-check span-2">
          <input type="checkbox" checked={field.shrink} onChange={(e) => set({ shrink: e.target.checked })} data-testid="field-shrink" />
          {m.shrink}
        </label>
        <label className="cheque-check span-2">
          <input type="checkbox" checked={field.fill} onChange={(e) => set({ fill: e.target.checked })} data-testid="field-fill" />
          {m.fill}
        </label>
      </div>
      <p className="field-hint">{m.baselineHint}</p>
    </section>
  );
}
