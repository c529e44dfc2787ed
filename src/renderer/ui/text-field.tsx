import { useId, type HTMLAttributes, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { FieldErrorText } from './field-error';

type Props = {
  /** Form field name as the engine names it; also the input's name and data-testid. */
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  dir?: 'ltr' | 'rtl' | 'auto';
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  type?: 'text' | 'email' | 'tel';
  className?: string;
  onBlur?: () => void;
  onKeyDown?: (e: ReactKeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  autoFocus?: boolean;
  /** A control after the input, inside the field (e.g. the date picker's calendar button). */
  trailing?: ReactNode;
};

/** A labelled text input (or textarea) with its error message under it. */
export function TextField(p: Props) {
  const id = useId();
  const errId = `${id}-err`;
  const common = {
    id,
    name: p.name,
    value: p.value,
    placeholder: p.placeholder,
    dir: p.dir ?? 'auto',
    className: `input${p.error ? ' invalid' : ''}`,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': p.error ? errId : undefined,
    'data-testid': p.name,
    'data-autofocus': p.autoFocus ? true : undefined,
    onBlur: p.onBlur,
    onKeyDown: p.onKeyDown,
  };
  const input = <input {...common} type={p.type ?? 'text'} inputMode={p.inputMode} autoComplete="off" onChange={(e) => p.onChange(e.target.value)} />;
  return (
    <div className={`form-field ${p.className ?? ''}`}>
      <label htmlFor={id}>{p.label}</label>
      {p.multiline ? (
        <textarea {...common} rows={p.rows ?? 3} onChange={(e) => p.onChange(e.target.value)} />
      ) : p.trailing ? (
        <div className="input-with-trailing">
          {input}
          {p.trailing}
        </div>
      ) : (
        input
      )}
      {p.hint && !p.error && <p className="field-hint">{p.hint}</p>}
      <FieldErrorText id={errId} message={p.error} />
    </div>
  );
}
