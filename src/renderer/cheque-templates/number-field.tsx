import { useEffect, useId, useState } from 'react';
import { useLocale } from '../i18n/use-t';
import { parseMm } from './template-draft';

type Props = {
  /** data-testid and name. */
  name: string;
  label: string;
  value: number;
  onChange: (value: number) => void;
  /** Unit shown after the box ('mm', 'pt'). */
  unit?: string;
  min?: number;
  max?: number;
  error?: string;
};

/**
 * A number typed in any digits ('۲۰٫۵', '20.5'), shown in the UI language's digits. The value
 * follows outside changes (a field dragged on the canvas) unless the box is being typed in.
 */
export function NumberField({ name, label, value, onChange, unit, min, max, error }: Props) {
  const { digits, lang } = useLocale();
  const id = useId();
  const show = (v: number) => {
    const s = digits(String(Math.round(v * 100) / 100));
    return lang === 'fa' ? s.replace('.', '\u066b') : s;
  };
  const [text, setText] = useState(() => show(value));
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setText(show(value));
    // `show` depends only on the language, which is listed.
  }, [value, editing, lang]);
  const parsed = parseMm(text);
  const bad = parsed === null || (min !== undefined && parsed < min) || (max !== undefined && parsed > max);
  return (
    <div className="form-field number-field">
      <label htmlFor={id}>{label}</label>
      <div className="number-field-box">
        <input
          id={id}
          name={name}
          className={`input small${bad || error ? ' invalid' : ''}`}
          dir="ltr"
          inputMode="decimal"
          value={text}
          aria-invalid={bad || error ? true : undefined}
          data-testid={name}
          onFocus={() => setEditing(true)}
          onBlur={() => setEditing(false)}
          onChange={(e) => {
            setText(e.target.value);
            const v = parseMm(e.target.value);
            if (v !== null && (min === undefined || v >= min) && (max === undefined || v <= max)) onChange(v);
          }}
        />
        {unit && <span className="number-field-unit">{unit}</span>}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
