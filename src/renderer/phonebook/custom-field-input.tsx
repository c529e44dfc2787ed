import type { CustomField } from '../../shared/contract/contacts';
import { useT } from '../i18n/use-t';
import { BOOL_NO, BOOL_YES } from '../lib/field-values';
import { DateInput } from '../ui/date-input';
import { FieldErrorText } from '../ui/field-error';
import { TextField } from '../ui/text-field';

type Props = { field: CustomField; value: string; error?: string; onChange: (v: string) => void };

/** A user-defined field's input, by its kind. The engine names its errors 'fields.<id>'. */
export function CustomFieldInput({ field, value, error, onChange }: Props) {
  const t = useT();
  const name = `fields.${field.id}`;
  switch (field.kind) {
    case 'text':
      return <TextField name={name} label={field.name} value={value} onChange={onChange} error={error} />;
    case 'number':
      return <TextField name={name} label={field.name} value={value} onChange={onChange} error={error} inputMode="decimal" />;
    case 'date':
      return <DateInput name={name} label={field.name} value={value} onChange={onChange} error={error} />;
    case 'bool':
      return (
        <div className="form-field checkbox-field">
          <label>
            <input
              type="checkbox"
              name={name}
              checked={value === BOOL_YES}
              onChange={(e) => onChange(e.target.checked ? BOOL_YES : BOOL_NO)}
              data-testid={name}
            />
            <span>{field.name}</span>
          </label>
          <FieldErrorText id={`${name}-err`} message={error} />
        </div>
      );
    case 'choice':
      return (
        <div className="form-field">
          <label htmlFor={name}>{field.name}</label>
          <select
            id={name}
            name={name}
            className={`input${error ? ' invalid' : ''}`}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={name}
          >
            <option value="">{t.form.chooseOption}</option>
            {/* A value no longer among the options is kept visible rather than silently dropped. */}
            {value && !field.options.includes(value) && <option value={value}>{value}</option>}
            {field.options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          <FieldErrorText id={`${name}-err`} message={error} />
        </div>
      );
  }
}
