import { useState } from 'react';
import type { Cheque } from '../../shared/contract/cheques';
import { parseAmount } from '../../shared/text/amount';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { AmountField } from './amount-field';
import { AmountWordsView } from './amount-words-view';
import { PartyPicker } from './party-picker';

type Props = { cheque: Cheque; toman: boolean; onClose: () => void; onDone: (c: Cheque) => void };
type FieldError = { field: string; message: string } | null;

/**
 * "Correct amount/party" of a cheque with history: the new amount, payer/payee and national ID, and
 * the reason, which is required. The engine records old → new, the user and the reason in the history.
 */
export function ChequeCorrectionDialog({ cheque: c, toman, onClose, onDone }: Props) {
  const { t, lang, dir } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const [amount, setAmount] = useState(() => formatInteger(c.amount, lang));
  const [party, setParty] = useState<{ name: string; contact: { id: number; displayName: string } | null }>({ name: c.partyName, contact: c.contact });
  const [partyId, setPartyId] = useState(() => localDigits(c.partyId, lang));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<FieldError>(null);
  const [busy, setBusy] = useState(false);
  const errorOf = (f: string) => (error?.field === f ? error.message : undefined);
  const rials = parseAmount(amount);

  const save = async () => {
    if (rials === null) return setError({ field: 'amount', message: amount.trim() ? m.invalidAmount : m.amountRequired });
    if (!reason.trim()) return setError({ field: 'reason', message: m.correctionReasonRequired });
    setBusy(true);
    const r = await client.call('cheques/correct', { id: c.id, amount: rials, contactId: party.contact?.id ?? null, partyName: party.name, partyId, reason });
    setBusy(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.corrected);
    onDone(r.value);
  };

  const known = ['amount', 'partyName', 'contactId', 'partyId', 'reason'];
  return (
    <Dialog
      title={m.correctTitle}
      onClose={onClose}
      testId="cheque-correction"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={busy} data-testid="correction-save">
            {m.correctSave}
          </button>
        </>
      }
    >
      <div className="cheque-correction">
        <p className="muted">{m.correctIntro}</p>
        {error && !known.includes(error.field) && (
          <p className="form-banner" role="alert" data-testid="form-banner">
            {error.message}
          </p>
        )}
        <AmountField
          name="amount"
          label={m.amount}
          value={amount}
          onChange={(v) => {
            setAmount(v);
            setError(null);
          }}
          dir={dir}
          hint={rials !== null ? <AmountWordsView rials={rials} toman={toman} /> : undefined}
          error={errorOf('amount')}
          autoFocus
        />
        <div className="form-row">
          <PartyPicker
            label={c.direction === 'received' ? m.payer : m.payee}
            name={party.name}
            contact={party.contact}
            onChange={(v) => {
              setParty(v);
              setError(null);
            }}
            error={errorOf('partyName') ?? errorOf('contactId')}
          />
          <TextField name="partyId" label={m.partyId} value={partyId} onChange={setPartyId} inputMode="numeric" dir="ltr" error={errorOf('partyId')} />
        </div>
        <TextField
          name="reason"
          label={m.correctionReason}
          value={reason}
          onChange={(v) => {
            setReason(v);
            setError(null);
          }}
          multiline
          rows={2}
          error={errorOf('reason')}
        />
      </div>
    </Dialog>
  );
}
