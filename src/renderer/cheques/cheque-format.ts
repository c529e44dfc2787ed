/** How cheques read on screen: status names by direction, bank names, amounts in rials (and toman). */
import { bankName } from '../../shared/contract/banks';
import type { ChequeDirection, ChequeStatus } from '../../shared/contract/cheques';
import { formatRials, formatToman } from '../../shared/text/amount';
import type { Lang } from '../../shared/text/calendar';
import type { Messages } from '../i18n/messages';

export const statusName = (t: Messages, direction: ChequeDirection, status: ChequeStatus) => t.cheques.statuses[direction][status];

export const bankLabel = (code: string | null, typed: string, lang: Lang) => bankName(code, typed, lang);

/**
 * '۱۲٬۵۰۰٬۰۰۰ ریال', with '۱٬۲۵۰٬۰۰۰ تومان' beside it when toman is chosen. Cheques are written in
 * rials, so rials stay the headline everywhere; toman is the small print that helps people who think in it.
 */
export function amountText(rials: number, lang: Lang, t: Messages, toman: boolean): { main: string; second: string | null } {
  const r = `${formatRials(rials, lang)} ${t.cheques.rials}`;
  return { main: r, second: toman ? `${formatToman(rials, lang)} ${t.cheques.toman}` : null };
}

/** Status colours: where the money is (green: in, red: trouble, grey: closed). */
export function statusTone(status: ChequeStatus): 'open' | 'good' | 'bad' | 'closed' | 'moving' {
  switch (status) {
    case 'on_hand':
    case 'issued':
      return 'open';
    case 'deposited':
    case 'endorsed':
      return 'moving';
    case 'cashed':
    case 'cleared':
    case 'settled':
      return 'good';
    case 'bounced':
    case 'lost':
      return 'bad';
    default:
      return 'closed';
  }
}
