/** Names of cheque types and statuses in the engine's messages (errors, alarms, reports). */
import type { ChequeDirection, ChequeStatus } from '../../shared/contract/cheques';
import { message, type Lang, type MessageKey } from '../i18n/messages';

/** 'returned' reads differently by direction: returned to the drawer (received) or to us (paid). */
export function statusLabel(direction: ChequeDirection, status: ChequeStatus, lang: Lang): string {
  const key = status === 'returned' ? `cheques.status_returned_${direction}` : `cheques.status_${status}`;
  return message(lang, key as MessageKey);
}

export const directionLabel = (direction: ChequeDirection, lang: Lang) => message(lang, `cheques.direction_${direction}`);
