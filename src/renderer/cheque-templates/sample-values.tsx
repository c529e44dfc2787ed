import { parseDateInput, formatDate } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { MAX_WORDS_AMOUNT } from '../../shared/text/persian-words';
import type { ChequeValuesData } from '../../shared/text/cheque-field-text';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { TextField } from '../ui/text-field';

/** Whole rials typed with any digits and separators; null when it is not one. */
function parseRials(text: string): number | null {
  const s = toAsciiDigits(text).replace(/[\s,\u066c\u060c'_]/g, '');
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) && n <= MAX_WORDS_AMOUNT ? n : null;
}

export type SampleDraft = { amount: string; date: string; payee: string };

export function sampleDraftOf(v: ChequeValuesData, lang: 'fa' | 'en', calendar: 'jalali' | 'gregorian', digits: (s: string | number) => string): SampleDraft {
  return { amount: digits(v.amountRials), date: v.date ? formatDate(v.date, calendar, lang) : '', payee: v.payee };
}

/** The sample the designer and the preview print: typed values where they read, the standard sample elsewhere. */
export function sampleOf(d: SampleDraft, base: ChequeValuesData, calendar: 'jalali' | 'gregorian'): ChequeValuesData {
  return {
    ...base,
    amountRials: parseRials(d.amount) ?? base.amountRials,
    date: d.date.trim() === '' ? null : (parseDateInput(d.date, calendar) ?? base.date),
    payee: d.payee,
  };
}

/** Values to try the template with: a long amount shows shrinking, an empty date a guarantee cheque. */
export function SampleValues({ value, onChange }: { value: SampleDraft; onChange: (v: SampleDraft) => void }) {
  const { t } = useLocale();
  const m = t.chequeTemplates;
  return (
    <section className="cheque-panel" aria-label={m.sample}>
      <h3>{m.sample}</h3>
      <div className="grid">
        <TextField
          name="sample-amount"
          label={m.sampleAmount}
          value={value.amount}
          inputMode="numeric"
          dir="ltr"
          onChange={(amount) => onChange({ ...value, amount })}
        />
        <DateInput name="sample-date" label={m.sampleDate} value={value.date} onChange={(date) => onChange({ ...value, date })} />
        <TextField name="sample-payee" label={m.samplePayee} value={value.payee} onChange={(payee) => onChange({ ...value, payee })} />
      </div>
    </section>
  );
}
