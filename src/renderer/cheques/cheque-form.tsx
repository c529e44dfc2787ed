import { useState, type KeyboardEvent } from 'react';
import type { Cheque, ChequeBook, ChequeDirection } from '../../shared/contract/cheques';
import { parseAmount } from '../../shared/text/amount';
import { checkPartyId } from '../../shared/text/national-id';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { DateInput } from '../ui/date-input';
import { Dialog } from '../ui/dialog';
import { TextField } from '../ui/text-field';
import { useToast } from '../ui/toast-context';
import { AmountField } from './amount-field';
import { AmountWordsView } from './amount-words-view';
import { BankSelect } from './bank-select';
import { bankLabel } from './cheque-format';
import { buildChequeInput, draftFromCheque, emptyChequeDraft, type ChequeDraft, type DraftError } from './cheque-draft';
import { PartyPicker } from './party-picker';
import { useChequeSettings } from './use-cheque-settings';

type Props = {
  /** null for a new cheque. */
  cheque: Cheque | null;
  direction: ChequeDirection;
  /** A new paid cheque written from this book (the user may still switch). */
  bookId?: number | null;
  books: ChequeBook[];
  onClose: () => void;
  onSaved: (c: Cheque) => void;
};

const KNOWN = [
  'amount',
  'dueDate',
  'issueDate',
  'guarantee',
  'sayadId',
  'bankCode',
  'bankName',
  'branch',
  'account',
  'series',
  'serial',
  'partyName',
  'contactId',
  'partyId',
  'purpose',
  'note',
  'bookId',
];

/**
 * Register a received cheque, write a paid one (on the next blank leaf of a cheque book, or typed in),
 * or edit one. Amount and identity numbers in any digits (the amount read back in words under it, as the
 * cheque will say it); dates in the chosen calendar. Ctrl+S saves;
 * a mistake shows under its field, whether the form or the engine found it.
 */
export function ChequeForm({ cheque, direction, bookId = null, books, onClose, onSaved }: Props) {
  const { t, calendar, lang, dir, digits } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const { showToman } = useChequeSettings();
  const usable = books.filter((b) => b.nextLeaf !== null);
  const [draft, setDraft] = useState<ChequeDraft>(() =>
    cheque ? draftFromCheque(cheque, calendar, lang) : emptyChequeDraft(direction, bookId ?? (direction === 'paid' ? (usable[0]?.id ?? null) : null)),
  );
  const [error, setError] = useState<DraftError | null>(null);
  const [saving, setSaving] = useState(false);

  const update = (patch: Partial<ChequeDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };
  const errorOf = (f: string) => (error && error.field === f ? error.message : undefined);
  const book = draft.bookId === null ? null : (books.find((b) => b.id === draft.bookId) ?? null);
  const fromBook = cheque ? cheque.leaf !== null : book !== null;
  // A cheque with history keeps its amount and parties unless corrected with a reason (the cheque's page).
  const locked = cheque !== null && !cheque.canDelete;

  const save = async () => {
    const built = buildChequeInput(draft, calendar, t, lang);
    if (!built.ok) return setError(built.error);
    setSaving(true);
    const r = cheque ? await client.call('cheques/update', { id: cheque.id, data: built.input }) : await client.call('cheques/create', built.input);
    setSaving(false);
    if (!r.ok) return setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.saved);
    onSaved(r.value);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.code === 'KeyS') {
      e.preventDefault();
      void save();
    }
  };

  const amount = parseAmount(draft.amount);
  const party = draft.partyId.trim() ? checkPartyId(draft.partyId) : null;
  const banner = error && !KNOWN.includes(error.field) ? error.message : null;
  const title = cheque ? m.editTitle : direction === 'received' ? m.newReceivedTitle : m.newPaidTitle;

  return (
    <Dialog
      title={title}
      onClose={onClose}
      onKeyDown={onKeyDown}
      size="large"
      testId="cheque-form"
      footer={
        <>
          <span className="shortcut-hint">{t.common.shortcutSave}</span>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          <button type="button" className="button primary" onClick={() => void save()} disabled={saving} data-testid="cheque-save">
            {m.save}
          </button>
        </>
      }
    >
      <div className="cheque-form" data-direction={draft.direction}>
        {banner && (
          <p className="form-banner error" role="alert" data-testid="form-banner">
            {banner}
          </p>
        )}
        {!cheque && direction === 'paid' && (
          <div className="form-field">
            <label htmlFor="cheque-source">{m.source}</label>
            <select
              id="cheque-source"
              className={`input${errorOf('bookId') ? ' invalid' : ''}`}
              value={draft.bookId ?? ''}
              onChange={(e) => update({ bookId: e.target.value ? Number(e.target.value) : null })}
              data-testid="bookId"
            >
              {books.map((b) => (
                <option key={b.id} value={b.id} disabled={b.nextLeaf === null}>
                  {m.sourceBook(bankLabel(b.bankCode, b.bankName, lang), digits(b.account), b.nextLeaf ? digits(b.nextLeaf.serial) : m.bookFull)}
                </option>
              ))}
              <option value="">{m.sourceTyped}</option>
            </select>
            {errorOf('bookId') && (
              <p className="field-error" role="alert" data-testid="field-error">
                {errorOf('bookId')}
              </p>
            )}
          </div>
        )}
        {cheque?.leaf && <p className="cheque-leaf-note">{m.fromLeaf(digits(cheque.leaf.serial))}</p>}

        {locked && (
          <p className="form-banner info" data-testid="money-locked">
            {m.moneyLocked}
          </p>
        )}
        <div className="form-row">
          <AmountField
            name="amount"
            label={m.amount}
            value={draft.amount}
            onChange={(v) => update({ amount: v })}
            dir={dir}
            hint={amount !== null ? <AmountWordsView rials={amount} toman={showToman} /> : undefined}
            error={errorOf('amount')}
            readOnly={locked}
            autoFocus={!locked}
          />
          <DateInput name="dueDate" label={m.dueDate} value={draft.dueDate} onChange={(v) => update({ dueDate: v })} error={errorOf('dueDate')} />
          <DateInput name="issueDate" label={m.issueDate} value={draft.issueDate} onChange={(v) => update({ issueDate: v })} error={errorOf('issueDate')} />
        </div>
        <label className="checkbox-row">
          <input type="checkbox" checked={draft.guarantee} onChange={(e) => update({ guarantee: e.target.checked })} data-testid="guarantee" />
          {m.guaranteeCheck}
        </label>

        {locked ? (
          <dl className="cheque-dl" data-testid="money-locked-party">
            <div className="cheque-dl-row">
              <dt>{draft.direction === 'received' ? m.payer : m.payee}</dt>
              <dd>
                <bdi>{draft.partyName || draft.contact?.displayName}</bdi>
              </dd>
            </div>
            {draft.partyId && (
              <div className="cheque-dl-row">
                <dt>{m.partyId}</dt>
                <dd>
                  <bdi dir="ltr">{digits(draft.partyId)}</bdi>
                </dd>
              </div>
            )}
          </dl>
        ) : (
          <div className="form-row">
            <PartyPicker
              label={draft.direction === 'received' ? m.payer : m.payee}
              name={draft.partyName}
              contact={draft.contact}
              onChange={({ name, contact }) => update({ partyName: name, contact })}
              error={errorOf('partyName') ?? errorOf('contactId')}
            />
            <TextField
              name="partyId"
              label={m.partyId}
              value={draft.partyId}
              onChange={(v) => update({ partyId: v })}
              inputMode="numeric"
              dir="ltr"
              hint={party?.ok ? `✓ ${m.partyIdKind[party.kind]}` : m.partyIdHint}
              error={errorOf('partyId')}
            />
          </div>
        )}

        {!fromBook && (
          <div className="form-row">
            <BankSelect
              value={draft.bank}
              name={draft.bankName}
              onChange={({ bank, name }) => update({ bank, bankName: name })}
              error={errorOf('bankCode')}
              nameError={errorOf('bankName')}
            />
            <TextField name="branch" label={m.branch} value={draft.branch} onChange={(v) => update({ branch: v })} error={errorOf('branch')} />
            <TextField name="account" label={m.account} value={draft.account} onChange={(v) => update({ account: v })} dir="ltr" error={errorOf('account')} />
          </div>
        )}
        <div className="form-row">
          {!fromBook && (
            <>
              <TextField name="series" label={m.series} value={draft.series} onChange={(v) => update({ series: v })} dir="ltr" error={errorOf('series')} />
              <TextField name="serial" label={m.serial} value={draft.serial} onChange={(v) => update({ serial: v })} dir="ltr" error={errorOf('serial')} />
            </>
          )}
          <TextField
            name="sayadId"
            label={m.sayadId}
            value={draft.sayadId}
            onChange={(v) => update({ sayadId: v })}
            inputMode="numeric"
            dir="ltr"
            className="sayad-field"
            error={errorOf('sayadId')}
          />
        </div>
        <label className="checkbox-row">
          <input
            type="checkbox"
            checked={draft.sayadRegistered}
            onChange={(e) => update({ sayadRegistered: e.target.checked })}
            data-testid="sayadRegistered"
          />
          {m.sayadRegistered}
        </label>
        <TextField name="purpose" label={m.purpose} value={draft.purpose} onChange={(v) => update({ purpose: v })} error={errorOf('purpose')} />
        <TextField name="note" label={m.note} value={draft.note} onChange={(v) => update({ note: v })} multiline rows={2} error={errorOf('note')} />
      </div>
    </Dialog>
  );
}
