import { useId } from 'react';
import { IRAN_BANKS, type BankCode } from '../../shared/contract/banks';
import { useLocale } from '../i18n/use-t';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';

type Props = {
  value: BankCode | 'other' | '';
  name: string;
  onChange: (v: { bank: BankCode | 'other' | ''; name: string }) => void;
  error?: string;
  nameError?: string;
};

/** The bank: one of Iran's banks from the list, or "another bank" with its name typed in. */
export function BankSelect({ value, name, onChange, error, nameError }: Props) {
  const { t, lang } = useLocale();
  const m = t.cheques;
  const id = useId();
  return (
    <>
      <div className="form-field">
        <label htmlFor={id}>{m.bankField}</label>
        <select
          id={id}
          className={`input${error ? ' invalid' : ''}`}
          value={value}
          onChange={(e) => onChange({ bank: e.target.value as BankCode | 'other' | '', name })}
          data-testid="bankCode"
        >
          <option value="">{m.pickBank}</option>
          {IRAN_BANKS.map((b) => (
            <option key={b.code} value={b.code}>
              {b[lang]}
            </option>
          ))}
          <option value="other">{m.otherBank}</option>
        </select>
        <FieldErrorText id={`${id}-err`} message={error} />
      </div>
      {value === 'other' && (
        <TextField name="bankName" label={m.bankName} value={name} onChange={(n) => onChange({ bank: value, name: n })} error={nameError} />
      )}
    </>
  );
}
