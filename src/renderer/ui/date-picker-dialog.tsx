import { DayPicker as GregorianDayPicker } from 'react-day-picker';
import { enUS as gregorianEn, faIR as gregorianFa } from 'react-day-picker/locale';
import { DayPicker as JalaliDayPicker, enUS as jalaliEn, faIR as jalaliFa } from 'react-day-picker/persian';
import { isoDateOf } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';
import { Dialog } from './dialog';

type Props = {
  /** The date shown as chosen (ISO 'YYYY-MM-DD'), or null when the field is empty or unreadable. */
  value: string | null;
  /** The field's label, repeated in the title so a screen reader knows which date is being picked. */
  label: string;
  onPick: (iso: string) => void;
  onClose: () => void;
};

const localDate = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d);
};

/**
 * A month grid to pick a date from, in the calendar the user chose (Jalali months and weeks that start
 * on Saturday, or Gregorian), with the UI's digits and direction. react-day-picker does the grid and its
 * keyboard (arrows move a day or a week, PageUp/PageDown a month, Shift with them a year, Home/End the
 * week, Enter picks); its Jalali arithmetic is date-fns-jalali, an implementation independent of the
 * jalaali-js the rest of the app converts with — the end-to-end test checks that both agree.
 */
export function DatePickerDialog({ value, label, onPick, onClose }: Props) {
  const { t, calendar, lang } = useLocale();
  const selected = value ? localDate(value) : undefined;
  const today = new Date();
  const common = {
    mode: 'single' as const,
    selected,
    defaultMonth: selected ?? today,
    captionLayout: 'dropdown' as const,
    // Birth dates reach back a century; due dates and reminders a few years ahead.
    startMonth: new Date(today.getFullYear() - 110, 0, 1),
    endMonth: new Date(today.getFullYear() + 20, 11, 31),
    autoFocus: true,
    required: false,
    onSelect: (d: Date | undefined) => {
      if (d) onPick(isoDateOf(d));
    },
    numerals: lang === 'fa' ? ('arabext' as const) : ('latn' as const),
    dir: lang === 'fa' ? ('rtl' as const) : ('ltr' as const),
  };
  return (
    <Dialog
      title={t.form.pickDateTitle(label)}
      onClose={onClose}
      size="small"
      testId="date-picker"
      footer={
        <>
          <button type="button" className="button" onClick={() => onPick(isoDateOf(today))} data-testid="date-picker-today">
            {t.form.pickToday}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t.common.cancel}
          </button>
        </>
      }
    >
      <div className="date-picker">
        {calendar === 'jalali' ? (
          <JalaliDayPicker {...common} locale={lang === 'fa' ? jalaliFa : jalaliEn} />
        ) : (
          <GregorianDayPicker {...common} locale={lang === 'fa' ? gregorianFa : gregorianEn} />
        )}
      </div>
    </Dialog>
  );
}
