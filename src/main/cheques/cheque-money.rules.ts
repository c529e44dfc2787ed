/**
 * The money rules of a cheque. While a cheque has no event but its registration it is a mistaken entry
 * at worst: anything may be edited and it may be deleted. Once anything else happened to it (a status
 * change, an edit, an image, a correction) someone may rely on what it said: its amount and parties
 * change only through a correction with a reason, and it is voided instead of deleted.
 */
import { MONEY_FIELDS, type ChequeData, type ChequeEvent } from '../../shared/contract/cheques';
import type { ChequeColumns, ChequeRowDb } from './cheques.repo';

/** Fields whose change an 'edited' or 'corrected' event records (as stored: ASCII digits, ISO dates, bank code or name). */
const TRACKED = {
  amount: 'amount',
  due_date: 'dueDate',
  issue_date: 'issueDate',
  party_name: 'partyName',
  party_id: 'partyId',
  sayad_id: 'sayadId',
  sayad_registered: 'sayadRegistered',
  series: 'series',
  serial: 'serial',
  bank_code: 'bankCode',
  bank_name: 'bankName',
  branch: 'branch',
  account: 'account',
  purpose: 'purpose',
  guarantee: 'guarantee',
  note: 'note',
  contact_id: 'contactId',
} as const satisfies Partial<Record<keyof ChequeColumns, string>>;

export type Changes = ChequeEvent['changes'];

/** Each tracked field that differs, in a fixed order (amount first), with its old and new stored value. */
export function diff(before: ChequeRowDb, after: ChequeColumns): Changes {
  const out: Changes = [];
  for (const [col, field] of Object.entries(TRACKED) as [keyof typeof TRACKED, string][]) {
    const a = before[col];
    const b = after[col];
    if (a !== b) out.push({ field, from: a === null ? '' : String(a), to: b === null ? '' : String(b) });
  }
  return out;
}

const isMoney = (field: string) => (MONEY_FIELDS as readonly string[]).includes(field);
export const moneyChanges = (changes: Changes): Changes => changes.filter((c) => isMoney(c.field));

/** The cheque as a save would send it: the base of a correction, which replaces only the money fields. */
export function dataOf(r: ChequeRowDb): ChequeData {
  return {
    direction: r.direction,
    guarantee: r.guarantee === 1,
    sayadId: r.sayad_id,
    sayadRegistered: r.sayad_registered === 1,
    series: r.series,
    serial: r.serial,
    bankCode: r.bank_code as ChequeData['bankCode'],
    bankName: r.bank_name,
    branch: r.branch,
    account: r.account,
    amount: r.amount,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    contactId: r.contact_id,
    partyName: r.party_name,
    partyId: r.party_id,
    purpose: r.purpose,
    note: r.note,
    bookId: null,
  };
}
