import { useState } from 'react';
import { formatDate, formatDateLong, parseDateInput } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { DatePickerDialog } from './date-picker-dialog';
import { TextField } from './text-field';

type Props = { name: string; label: string; value: string; onChange: (v: string) => void; error?: string; className?: string };

/**
 * A date typed in the chosen calendar ('۱۳۶۹/۰۲/۱۱'; Persian, Arabic or ASCII digits) or picked from a
 * month grid (the calendar button, or Alt+↓ in the field). Checked when the field is left; a readable
 * date is echoed with its month name so a typo is easy to see. The placeholder shows the pattern
 * («سال/ماه/روز», yyyy/mm/dd), not a date, so an empty field never looks filled in.
 */
export function DateInput({ name, label, value, onChange, error, className }: Props) {
  const { t, calendar, lang, dir } = useLocale();
  const [touched, setTouched] = useState(false);
  const [picking, setPicking] = useState(false);
  const example = calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;
  const iso = value.trim() ? parseDateInput(value, calendar) : null;
  const localError = touched && value.trim() && !iso ? t.form.invalidDate(example) : undefined;
  return (
    <>
      <TextField
        name={name}
        label={label}
        value={value}
        onChange={(v) => {
          setTouched(false);
          onChange(v);
        }}
        onBlur={() => setTouched(true)}
        onKeyDown={(e) => {
          if (e.altKey && e.key === 'ArrowDown') {
            e.preventDefault();
            setPicking(true);
          }
        }}
        placeholder={t.form.datePattern}
        dir={dir}
        className={className}
        error={error ?? localError}
        hint={iso ? formatDateLong(iso, calendar, lang) : undefined}
        trailing={
          <button
            type="button"
            className="icon-button date-picker-button"
            aria-label={t.form.pickDate(label)}
            title={t.form.pickDate(label)}
            onClick={() => setPicking(true)}
            data-testid={`${name}-pick`}
          >
            <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.6">
              <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" />
              <path d="M3 8.5h14M7 3v3M13 3v3" />
            </svg>
          </button>
        }
      />
      {picking && (
        <DatePickerDialog
          value={iso}
          label={label}
          onClose={() => setPicking(false)}
          onPick={(picked) => {
            setPicking(false);
            setTouched(false);
            onChange(formatDate(picked, calendar, lang));
          }}
        />
      )}
    </>
  );
}
