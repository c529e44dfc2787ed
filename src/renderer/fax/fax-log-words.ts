/** How a logged fax is said in a table cell, the popup and the timeline: the far end, the result, the duration. */
import type { FaxLogRow } from '../../shared/contract/fax-log';
import type { Locale } from '../i18n/locale';

/** The contact's name, else the number, else the TSI/CSI, else "number withheld". */
export const partyOf = (r: Pick<FaxLogRow, 'contactName' | 'numberDisplay' | 'remoteId'>, l: Locale) =>
  r.contactName || (r.numberDisplay ? l.digits(r.numberDisplay) : '') || r.remoteId || l.t.faxLog.withheld;

/** "Completed", "Busy", or for a received fax cut short "Cut short; 1 page arrived". */
export function resultOf(r: Pick<FaxLogRow, 'ok' | 'reason' | 'direction' | 'pagesDone'>, l: Locale): string {
  const m = l.t.faxLog;
  if (r.ok) return m.ok;
  const why = r.reason ? m.reasons[r.reason] : '';
  return r.direction === 'in' && r.pagesDone > 0 ? `${m.cutShort(l.num(r.pagesDone))} (${why})` : why;
}

export function durationOf(ms: number, l: Locale): string {
  const s = Math.round(ms / 1000);
  return l.digits(`${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`);
}
