import { useState } from 'react';
import type { BankCode } from '../../shared/contract/banks';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { BankSelect } from './bank-select';

/** Defines an own cheque book: bank, branch, account, series, first leaf number and leaf count. */
export function ChequeBookForm({ onCreated }: { onCreated: () => void }) {
  const { t, digits, dir } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const [bank, setBank] = useState<{ bank: BankCode | 'other' | ''; name: string }>({ bank: '', name: '' });
  const [f, setF] = useState({ branch: '', account: '', series: '', firstSerial: '', leafCount: digits(25), note: '' });
  const [error, setError] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => {
    setF((x) => ({ ...x, ...patch }));
    setError(null);
  };
  const err = (k: string) => (error?.field === k ? error.message : undefined);

  const create = async () => {
    if (bank.bank === '') return setError({ field: 'bankCode', message: m.bankRequired });
    const count = Number(toAsciiDigits(f.leafCount.trim()));
    if (!Number.isInteger(count) || count < 1 || count > 200)
      return setError({ field: 'leafCount', message: t.reminders.numberInvalid(digits(1), digits(200)) });
    setBusy(true);
    const r = await client.call('cheque-books/create', {
      bankCode: bank.bank === 'other' ? null : bank.bank,
      bankName: bank.bank === 'other' ? bank.name : '',
      branch: f.branch,
      account: f.account,
      series: f.series,
      firstSerial: f.firstSerial,
      leafCount: count,
      note: f.note,
    });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.bookCreated(digits(r.value.leafCount)));
    onCreated();
  };

  return (
    <fieldset className="form-section cheque-book-form" data-testid="cheque-book-form">
      <legend>{m.newBook}</legend>
      <div className="form-row">
        <BankSelect
          value={bank.bank}
          name={bank.name}
          onChange={(v) => {
            setBank(v);
            setError(null);
          }}
          error={err('bankCode')}
          nameError={err('bankName')}
        />
        <TextField name="branch" label={m.branch} value={f.branch} onChange={(branch) => set({ branch })} />
        <TextField name="account" label={m.account} value={f.account} onChange={(account) => set({ account })} dir="ltr" error={err('account')} />
      </div>
      <div className="form-row">
        <TextField name="series" label={m.series} value={f.series} onChange={(series) => set({ series })} dir="ltr" />
        <TextField
          name="firstSerial"
          label={m.bookFirst}
          value={f.firstSerial}
          onChange={(firstSerial) => set({ firstSerial })}
          inputMode="numeric"
          dir="ltr"
          error={err('firstSerial')}
        />
        <TextField
          name="leafCount"
          label={m.bookCount}
          value={f.leafCount}
          onChange={(leafCount) => set({ leafCount })}
          inputMode="numeric"
          dir={dir}
          error={err('leafCount')}
        />
      </div>
      <TextField name="bookNote" label={m.bookNote} value={f.note} onChange={(note) => set({ note })} />
      {error && !['bankCode', 'bankName', 'account', 'firstSerial', 'leafCount'].includes(error.field) && (
        <p className="form-banner error" role="alert">
          {error.message}
        </p>
      )}
      <button type="button" className="button primary" onClick={() => void create()} disabled={busy} data-testid="cheque-book-create">
        {m.bookCreate}
      </button>
    </fieldset>
  );
}
