import { useState } from 'react';
import { formatDateLong, parseDateInput } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { TextField } from './text-field';

type Props = { name: string; label: string; value: string; onChange: (v: string) => void; error?: string; className?: string };

/**
 * A date typed in the chosen calendar ('۱۳۶۹/۰۲/۱۱'; Persian, Arabic or ASCII digits). Checked when
 * the field is left; a readable date is echoed with its month name so a typo is easy to see.
 */
export function DateInput({ name, label, value, onChange, error, className }: Props) {
  const { t, calendar, lang, dir } = useLocale();
  const [touched, setTouched] = useState(false);
  const example = calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;
  const iso = value.trim() ? parseDateInput(value, calendar) : null;
  const localError = touched && value.trim() && !iso ? t.form.invalidDate(example) : undefined;
  return (
    <TextField
      name={name}
      label={label}
      value={value}
      onChange={(v) => {
        setTouched(false);
        onChange(v);
      }}
      onBlur={() => setTouched(true)}
      placeholder={example}
      dir={dir}
      className={className}
      error={error ?? localError}
      hint={iso ? formatDateLong(iso, calendar, lang) : undefined}
    />
  );
}
