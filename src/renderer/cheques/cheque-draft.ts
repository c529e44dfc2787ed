/**
 * The cheque form's state as typed (amount and numbers in any digits, dates in the chosen calendar)
 * and its translation to the contract's ChequeInput. A mistake found here is reported on the field
 * the engine would name, so both kinds of error show in the same place. Pure: no React.
 */
import type { BankCode } from '../../shared/contract/banks';
import type { Cheque, ChequeDirection, ChequeInput } from '../../shared/contract/cheques';
import { parseAmount } from '../../shared/text/amount';
import { formatDate, parseDateInput, type CalendarSystem, type Lang } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { checkPartyId, idDigits } from '../../shared/text/national-id';
import { checkSayadId, groupSayadId } from '../../shared/text/sayad-id';
import type { Messages } from '../i18n/messages';

export type ChequeDraft = {
  direction: ChequeDirection;
  /** A paid cheque written on the next leaf of this book; null = typed in. */
  bookId: number | null;
  amount: string;
  dueDate: string;
  issueDate: string;
  guarantee: boolean;
  sayadId: string;
  sayadRegistered: boolean;
  /** '' = not chosen, 'other' = typed in `bankName`. */
  bank: BankCode | 'other' | '';
  bankName: string;
  branch: string;
  account: string;
  series: string;
  serial: string;
  contact: { id: number; displayName: string } | null;
  partyName: string;
  partyId: string;
  purpose: string;
  note: string;
};

export type DraftError = { field: string; message: string };

export function emptyChequeDraft(direction: ChequeDirection, bookId: number | null = null): ChequeDraft {
  return {
    direction,
    bookId,
    amount: '',
    dueDate: '',
    issueDate: '',
    guarantee: false,
    sayadId: '',
    sayadRegistered: false,
    bank: '',
    bankName: '',
    branch: '',
    account: '',
    series: '',
    serial: '',
    contact: null,
    partyName: '',
    partyId: '',
    purpose: '',
    note: '',
  };
}

export function draftFromCheque(c: Cheque, cal: CalendarSystem, lang: Lang): ChequeDraft {
  const d = (s: string) => localDigits(s, lang);
  return {
    direction: c.direction,
    bookId: null,
    amount: formatInteger(c.amount, lang),
    dueDate: c.dueDate ? formatDate(c.dueDate, cal, lang) : '',
    issueDate: c.issueDate ? formatDate(c.issueDate, cal, lang) : '',
    guarantee: c.guarantee,
    sayadId: d(groupSayadId(c.sayadId)),
    sayadRegistered: c.sayadRegistered,
    bank: c.bankCode ?? 'other',
    bankName: c.bankName,
    branch: c.branch,
    account: d(c.account),
    series: d(c.series),
    serial: d(c.serial),
    contact: c.contact,
    partyName: c.partyName,
    partyId: d(c.partyId),
    purpose: c.purpose,
    note: c.note,
  };
}

/** The input for the engine, or the first mistake with the field the engine would name. */
export function buildChequeInput(
  d: ChequeDraft,
  cal: CalendarSystem,
  t: Messages,
  lang: Lang,
): { ok: true; input: ChequeInput } | { ok: false; error: DraftError } {
  const m = t.cheques;
  const fail = (field: string, message: string) => ({ ok: false as const, error: { field, message } });
  const example = cal === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;
  if (!d.amount.trim()) return fail('amount', m.amountRequired);
  const amount = parseAmount(d.amount);
  if (amount === null) return fail('amount', m.invalidAmount);
  let dueDate: string | null = null;
  if (d.dueDate.trim()) {
    dueDate = parseDateInput(d.dueDate, cal);
    if (!dueDate) return fail('dueDate', t.form.invalidDate(example));
  } else if (!d.guarantee) return fail('dueDate', m.dueRequired);
  let issueDate: string | null = null;
  if (d.issueDate.trim()) {
    issueDate = parseDateInput(d.issueDate, cal);
    if (!issueDate) return fail('issueDate', t.form.invalidDate(example));
  }
  if (d.sayadId.trim()) {
    const s = checkSayadId(d.sayadId);
    if (!s.ok) return fail('sayadId', s.problem === 'placeholder' ? m.sayadPlaceholder : m.sayadInvalid(localDigits(idDigits(d.sayadId).length, lang)));
  }
  if (d.bookId === null && d.bank === '') return fail('bankCode', m.bankRequired);
  if (!d.contact && !d.partyName.trim()) return fail('partyName', m.partyRequired);
  if (d.partyId.trim()) {
    const p = checkPartyId(d.partyId);
    if (!p.ok) return fail('partyId', p.problem === 'checksum' ? m.partyIdInvalid : p.problem === 'not_issued' ? m.partyIdNotIssued : m.partyIdLength);
  }
  const typedBank = d.bank === 'other' || d.bank === '';
  return {
    ok: true,
    input: {
      direction: d.direction,
      bookId: d.bookId,
      amount,
      dueDate,
      issueDate,
      guarantee: d.guarantee,
      sayadId: d.sayadId,
      sayadRegistered: d.sayadRegistered,
      bankCode: typedBank ? null : (d.bank as BankCode),
      bankName: typedBank ? d.bankName : '',
      branch: d.branch,
      account: d.account,
      series: d.series,
      serial: d.serial,
      contactId: d.contact?.id ?? null,
      partyName: d.partyName,
      partyId: d.partyId,
      purpose: d.purpose,
      note: d.note,
    },
  };
}
