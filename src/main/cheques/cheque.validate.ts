/**
 * Checks a cheque beyond its zod schema and turns it into columns. Each problem is thrown as a
 * validation error naming its field ('sayadId', 'partyId', 'dueDate', 'bankCode', 'partyName',
 * 'contactId', 'issueDate'), so the form shows it under that field.
 */
import { IRAN_BANKS } from '../../shared/contract/banks';
import type { ChequeData } from '../../shared/contract/cheques';
import { isIsoDate } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { checkPartyId, idDigits } from '../../shared/text/national-id';
import { foldForSearch, normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import { checkSayadId } from '../../shared/text/sayad-id';
import { AppError } from '../kernel/app-error';
import type { MessageKey } from '../i18n/messages';
import type { ChequeColumns } from './cheques.repo';

const invalid = (key: MessageKey, field: string, params: Record<string, string | number> = {}) => new AppError('validation', key, { field, ...params }, field);

/** The Sayad ID as 16 ASCII digits, or '' when none was given. */
export function cleanSayad(text: string, field = 'sayadId'): string {
  if (text.trim() === '') return '';
  const r = checkSayadId(text);
  if (r.ok) return r.value;
  if (r.problem === 'length') throw invalid('validation.sayad_length', field, { count: idDigits(text).length });
  throw invalid(r.problem === 'chars' ? 'validation.sayad_chars' : 'validation.sayad_placeholder', field);
}

/** A national ID (10 digits, zero-padded) or legal ID (11 digits), or ''. */
export function cleanPartyId(text: string, field = 'partyId'): string {
  if (text.trim() === '') return '';
  const r = checkPartyId(text);
  if (r.ok) return r.value;
  const key = {
    length: 'validation.party_id_length',
    chars: 'validation.party_id_chars',
    checksum: 'validation.party_id_checksum',
    not_issued: 'validation.party_id_not_issued',
  } as const;
  throw invalid(key[r.problem], field);
}

/** Bank code and typed name: the name is kept only for a bank outside the list; one is required. */
export function cleanBank(code: string | null, name: string): { bank_code: string | null; bank_name: string; bank_key: string } {
  const typed = normalizeInput(name);
  if (code === null && typed === '') throw invalid('validation.bank_required', 'bankCode');
  const listed = code === null ? undefined : IRAN_BANKS.find((b) => b.code === code);
  const key = foldForSearch(listed ? `${listed.fa} ${listed.en} ${code}` : typed);
  return { bank_code: code, bank_name: listed ? '' : typed, bank_key: key };
}

/** Account numbers and serials keep their own separators (dashes, slashes) but use ASCII digits. */
const numberText = (s: string) => toAsciiDigits(normalizeInput(s));

export type ChequeChecks = { contactName(id: number): string | null };

export function cleanCheque(
  data: ChequeData,
  checks: ChequeChecks,
  fromBook: { series: string; serial: string; bank_code: string | null; bank_name: string; branch: string; account: string } | null,
): ChequeColumns {
  let partyName = normalizeInput(data.partyName);
  if (data.contactId !== null) {
    const name = checks.contactName(data.contactId);
    if (name === null) throw invalid('validation.cheque_contact', 'contactId');
    if (partyName === '') partyName = name;
  }
  if (partyName === '') throw invalid('validation.party_required', 'partyName');
  const sayad = cleanSayad(data.sayadId);
  if (data.issueDate !== null && !isIsoDate(data.issueDate)) throw invalid('validation.field_date', 'issueDate', { value: data.issueDate });
  if (data.dueDate !== null && !isIsoDate(data.dueDate)) throw invalid('validation.field_date', 'dueDate', { value: data.dueDate });
  if (data.dueDate === null && !data.guarantee) throw invalid('validation.due_required', 'dueDate');
  const partyId = cleanPartyId(data.partyId);
  const bank = fromBook ? cleanBank(fromBook.bank_code, fromBook.bank_name) : cleanBank(data.bankCode, data.bankName);
  const series = fromBook ? fromBook.series : numberText(data.series);
  const serial = fromBook ? fromBook.serial : numberText(data.serial);
  const branch = fromBook ? fromBook.branch : normalizeInput(data.branch);
  const account = fromBook ? fromBook.account : numberText(data.account);
  const purpose = normalizeInput(data.purpose);
  const note = normalizeMultiline(data.note);
  return {
    guarantee: data.guarantee ? 1 : 0,
    sayad_id: sayad,
    sayad_registered: data.sayadRegistered ? 1 : 0,
    series,
    serial,
    ...bank,
    branch,
    account,
    amount: data.amount,
    issue_date: data.issueDate,
    due_date: data.dueDate,
    contact_id: data.contactId,
    party_name: partyName,
    party_id: partyId,
    purpose,
    note,
    search_text: foldForSearch([partyName, partyId, purpose, note, sayad, series, serial, account, branch, bank.bank_key].join(' ')),
    party_key: foldForSearch(`${partyName} ${partyId}`),
  };
}
