/** What is printed on a paid cheque's leaf, from the cheque as the list or the cheque window has it. */
import { bankName } from '../../shared/contract/banks';
import type { ChequeRow } from '../../shared/contract/cheques';
import type { PrintItem } from './print-on-cheque-dialog';

type Printable = Pick<ChequeRow, 'direction' | 'status' | 'dueDate' | 'amount' | 'partyName' | 'partyId' | 'purpose' | 'sayadId' | 'bankCode' | 'bankName'>;

/** Only paid cheques not yet cleared or cancelled are printed onto a leaf. */
export const printable = (c: Pick<ChequeRow, 'direction' | 'status'>) => c.direction === 'paid' && c.status === 'issued';

export function printItemOf(c: Printable): PrintItem {
  return {
    date: c.dueDate,
    amountRials: c.amount,
    payee: c.partyName,
    nationalId: c.partyId,
    purpose: c.purpose,
    sayadId: c.sayadId,
    // Both names, so a template named for the bank in either language is found.
    bank: `${bankName(c.bankCode, c.bankName, 'fa')} ${bankName(c.bankCode, c.bankName, 'en')}`,
  };
}
