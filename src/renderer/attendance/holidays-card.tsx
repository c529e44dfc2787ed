import { useState } from 'react';
import { toJalaali } from 'jalaali-js';
import { formatDateLong, parseDateInput } from '../../shared/text/calendar';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { jalaliMonthBounds } from '../lib/jalali-month';
import { useConfirm } from '../ui/confirm-context';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { useAttData } from './use-att-data';

/** The shared holiday table of a Jalali year: list, add (any date), delete, and add the fixed-date official holidays. */
export function HolidaysCard() {
  const { t, calendar, lang, digits, num } = useLocale();
  const m = t.attendance;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [year, setYear] = useState(() => {
    const d = new Date();
    return toJalaali(d.getFullYear(), d.getMonth() + 1, d.getDate()).jy;
  });
  const [date, setDate] = useState('');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const range = { from: jalaliMonthBounds(year, 1).from, to: jalaliMonthBounds(year, 12).to };
  const { value: holidays } = useAttData('holidays/list', range);

  const add = async () => {
    const iso = parseDateInput(date, calendar);
    if (!iso)
      return setError({ field: 'date', message: t.form.invalidDate(calendar === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian) });
    const r = await client.call('holidays/set', { date: iso, title });
    if (!r.ok) return setError({ field: r.error.field ?? 'title', message: r.error.message });
    setDate('');
    setTitle('');
    setError(null);
  };
  const official = async () => {
    const r = await client.call('holidays/add-official', { year });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.addedOfficial(num(r.value.added)));
  };
  const remove = async (d: string, name: string) => {
    if (!(await confirm({ title: m.holidayDeleteTitle, body: m.holidayDeleteBody(name), confirmLabel: m.remove, danger: true }))) return;
    const r = await client.call('holidays/delete', { date: d });
    if (!r.ok) toast.show('error', r.error.message);
  };

  return (
    <section className="card setup-card" data-testid="holidays">
      <div className="section-head">
        <h2>{m.holidaysOf(digits(year))}</h2>
        <select className="input year-select" value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label={m.year}>
          {Array.from({ length: 7 }, (_, i) => year - 3 + i).map((y) => (
            <option key={y} value={y}>
              {digits(y)}
            </option>
          ))}
        </select>
        <span className="toolbar-spacer" />
        <button type="button" className="button" onClick={() => void official()} data-testid="holidays-official">
          {m.addOfficial}
        </button>
      </div>
      <div className="holiday-add">
        <DateInput
          name="date"
          label={m.holidayDate}
          value={date}
          onChange={(v) => {
            setDate(v);
            setError(null);
          }}
          error={error?.field === 'date' ? error.message : undefined}
        />
        <TextField
          name="title"
          label={m.holidayTitle}
          value={title}
          onChange={(v) => {
            setTitle(v);
            setError(null);
          }}
          error={error && error.field !== 'date' ? error.message : undefined}
        />
        <button type="button" className="button" onClick={() => void add()} data-testid="holiday-add">
          + {m.addHoliday}
        </button>
      </div>
      {holidays && holidays.length === 0 && <p className="muted">{m.holidaysEmpty}</p>}
      <ul className="plain-list holiday-list">
        {holidays?.map((h) => (
          <li key={h.date} className="holiday" data-testid="holiday">
            <span className="holiday-date">{formatDateLong(h.date, calendar, lang)}</span>
            <bdi>{h.title}</bdi>
            <button
              type="button"
              className="icon-button"
              aria-label={m.holidayDeleteTitle}
              title={m.holidayDeleteTitle}
              onClick={() => void remove(h.date, h.title)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
