/** Names of cheque types and statuses in the engine's messages (errors, alarms, reports). */
import type { ChequeDirection, ChequeStatus } from '../../shared/contract/cheques';
import { message, type Lang, type MessageKey } from '../i18n/messages';

/**
 * 'returned' reads differently by direction: returned to the drawer (received) or to us (paid); so does
 * 'void': a received cheque's record is cancelled («باطل شده»), a paid one is «ابطالی».
 */
export function statusLabel(direction: ChequeDirection, status: ChequeStatus, lang: Lang): string {
  const key =
    status === 'returned'
      ? `cheques.status_returned_${direction}`
      : status === 'void' && direction === 'received'
        ? 'cheques.status_void_received'
        : `cheques.status_${status}`;
  return message(lang, key as MessageKey);
}

export const directionLabel = (direction: ChequeDirection, lang: Lang) => message(lang, `cheques.direction_${direction}`);
