import { useId } from 'react';
import { useT } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { passwordStrength } from './password-strength';

type Props = { name: string; label: string; value: string; onChange: (v: string) => void; error?: string; strength?: boolean; autoFocus?: boolean };

/** A password (or PIN) input, as TextField looks, with its error and, when asked, a strength hint under it. */
export function PasswordField({ name, label, value, onChange, error, strength, autoFocus }: Props) {
  const t = useT().accounts;
  const id = useId();
  const score = passwordStrength(value);
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="password"
        dir="ltr"
        className={`input${error ? ' invalid' : ''}`}
        value={value}
        autoFocus={autoFocus}
        autoComplete={strength ? 'new-password' : 'current-password'}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        data-testid={name}
      />
      {strength && value !== '' && !error && (
        <p className={`field-hint strength-${score}`} data-testid={`${name}-strength`}>
          {t.strengthLabel}: {t.strength[score]}
        </p>
      )}
      <FieldErrorText id={`${id}-err`} message={error} />
    </div>
  );
}
