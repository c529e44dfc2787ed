/**
 * What the cheque book says when a status change is refused (same status, a final status, a transition
 * not allowed, a status of the other direction, a date before the last event), how a refusal names one
 * cheque in a batch, and an event row as the contract's event.
 */
import { nextStatuses, PAID_STATUSES, RECEIVED_STATUSES, type ChequeEvent, type ChequeStatus } from '../../shared/contract/cheques';
import { formatDate, type CalendarSystem } from '../../shared/text/calendar';
import { formatInteger, localDigits } from '../../shared/text/digits';
import { groupSayadId } from '../../shared/text/sayad-id';
import { AppError } from '../kernel/app-error';
import { message, type Lang } from '../i18n/messages';
import { directionLabel, statusLabel } from './cheque-labels';
import type { ChequeRowDb, EventRowDb } from './cheques.repo';

export function toEvent(e: EventRowDb): ChequeEvent {
  return {
    id: e.id,
    kind: e.kind,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    date: e.date,
    note: e.note,
    counterparty: e.counterparty,
    certificate: e.certificate === 1,
    changes: JSON.parse(e.changes) as ChequeEvent['changes'],
    recordedAt: e.recorded_at,
    by: e.recorded_by,
  };
}

export function statusError(r: ChequeRowDb, to: ChequeStatus): AppError {
  const from = (l: Lang) => statusLabel(r.direction, r.status, l);
  if (to === r.status) return new AppError('conflict', 'conflict.cheque_same', { from }, 'status');
  const allowed = nextStatuses(r.direction, r.status);
  if (allowed.length === 0) return new AppError('conflict', 'conflict.cheque_final', { from }, 'status');
  return new AppError(
    'conflict',
    'conflict.cheque_transition',
    {
      from,
      to: (l) => statusLabel(r.direction, to, l),
      allowed: (l) => allowed.map((s) => `«${statusLabel(r.direction, s, l)}»`).join(l === 'fa' ? '، ' : ', '),
    },
    'status',
  );
}

/** A status of the other type (cleared for a received cheque): said so, rather than listing what is allowed. */
export function wrongType(r: ChequeRowDb, to: ChequeStatus): AppError | null {
  const own: readonly ChequeStatus[] = r.direction === 'received' ? RECEIVED_STATUSES : PAID_STATUSES;
  if (own.includes(to)) return null;
  return new AppError(
    'conflict',
    'conflict.cheque_wrong_type',
    {
      direction: (l) => (l === 'en' ? directionLabel(r.direction, l).toLowerCase() : directionLabel(r.direction, l)),
      to: (l) => statusLabel(r.direction === 'received' ? 'paid' : 'received', to, l),
    },
    'status',
  );
}

export const dateError = (last: string, calendar: CalendarSystem) =>
  new AppError('validation', 'validation.status_before', { field: 'date', value: (l: Lang) => formatDate(last, calendar, l) }, 'date');

/** How an error names one cheque: its Sayad ID, else series/serial, else payer/payee and amount. */
export function chequeRef(r: ChequeRowDb, l: Lang): string {
  const iso = (t: string) => `\u2068${t}\u2069`;
  if (r.sayad_id) return message(l, 'cheques.ref_sayad', { value: iso(localDigits(groupSayadId(r.sayad_id), l)) });
  const serial = [r.series, r.serial].filter(Boolean).join('/');
  if (serial) return message(l, 'cheques.ref_serial', { value: iso(localDigits(serial, l)) });
  return message(l, 'cheques.ref_party', { party: iso(r.party_name), amount: formatInteger(r.amount, l) });
}
