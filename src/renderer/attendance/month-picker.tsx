import { toJalaali } from 'jalaali-js';
import { JALALI_MONTHS_EN, JALALI_MONTHS_FA } from '../../shared/text/calendar';
import { useLocale } from '../i18n/use-t';

export type YearMonth = { year: number; month: number };

export function currentJalaliMonth(now = new Date()): YearMonth {
  const j = toJalaali(now.getFullYear(), now.getMonth() + 1, now.getDate());
  return { year: j.jy, month: j.jm };
}

/** A Jalali month: month by name and year; ‹ › step a month back and forth. */
export function MonthPicker({ value, onChange }: { value: YearMonth; onChange: (v: YearMonth) => void }) {
  const { t, lang, digits, dir } = useLocale();
  const months = lang === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN;
  const step = (d: number) => {
    const i = value.year * 12 + (value.month - 1) + d;
    onChange({ year: Math.floor(i / 12), month: (i % 12) + 1 });
  };
  const years = Array.from({ length: 11 }, (_, i) => value.year - 5 + i);
  return (
    <div className="month-picker" role="group" aria-label={t.attendance.month}>
      <button type="button" className="icon-button" onClick={() => step(-1)} aria-label="‹" data-testid="month-prev">
        {dir === 'rtl' ? '›' : '‹'}
      </button>
      <select
        className="input"
        value={value.month}
        onChange={(e) => onChange({ ...value, month: Number(e.target.value) })}
        aria-label={t.attendance.month}
        data-testid="month"
      >
        {months.map((name, i) => (
          <option key={name} value={i + 1}>
            {name}
          </option>
        ))}
      </select>
      <select
        className="input"
        value={value.year}
        onChange={(e) => onChange({ ...value, year: Number(e.target.value) })}
        aria-label={t.attendance.year}
        data-testid="year"
      >
        {years.map((y) => (
          <option key={y} value={y}>
            {digits(y)}
          </option>
        ))}
      </select>
      <button type="button" className="icon-button" onClick={() => step(1)} aria-label="›" data-testid="month-next">
        {dir === 'rtl' ? '‹' : '›'}
      </button>
    </div>
  );
}
