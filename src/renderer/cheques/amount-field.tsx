import { useId, useLayoutEffect, useRef, type ChangeEvent, type ReactNode } from 'react';
import { groupAmountInput } from '../../shared/text/amount';
import { FieldErrorText } from '../ui/field-error';

type Props = {
  /** As the engine names the field ('amount'); also the input's name and data-testid. */
  name: string;
  label: string;
  /** The text as typed and grouped; parseAmount reads the rials from it. */
  value: string;
  onChange: (value: string) => void;
  dir: 'ltr' | 'rtl';
  error?: string;
  hint?: ReactNode;
  readOnly?: boolean;
  autoFocus?: boolean;
};

/**
 * An amount in rials, its thousands grouped as it is typed or pasted (Persian or Latin digits, the
 * caret kept after the same digit). The text stays the draft; the value saved is parsed from it.
 */
export function AmountField(p: Props) {
  const id = useId();
  const errId = `${id}-err`;
  const ref = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);

  // React writes the regrouped text after the change and the browser puts the caret at the end: put it back.
  useLayoutEffect(() => {
    const el = ref.current;
    if (caret.current === null || !el || document.activeElement !== el) return;
    el.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.target;
    const inputType = (e.nativeEvent as InputEvent).inputType ?? '';
    const r = groupAmountInput(p.value, el.value, el.selectionStart ?? el.value.length, inputType);
    caret.current = r.caret;
    p.onChange(r.text);
  };

  return (
    <div className="form-field amount-field">
      <label htmlFor={id}>{p.label}</label>
      <input
        ref={ref}
        id={id}
        name={p.name}
        value={p.value}
        dir={p.dir}
        className={`input${p.error ? ' invalid' : ''}`}
        inputMode="numeric"
        autoComplete="off"
        readOnly={p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errId : undefined}
        data-testid={p.name}
        data-autofocus={p.autoFocus ? true : undefined}
        onChange={onChange}
      />
      {p.hint && !p.error && <p className="field-hint">{p.hint}</p>}
      <FieldErrorText id={errId} message={p.error} />
    </div>
  );
}
