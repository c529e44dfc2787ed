/**
 * What a contact's page says about their cheques, from the report's totals by status: how many each
 * way, what is still open each way (received: on hand or deposited for collection; paid: issued and
 * not yet cleared — the same statuses that get the due-date warning), and the count per status in the
 * order the statuses follow each other. Pure.
 */
import { CHEQUE_STATUSES, OPEN_STATUSES, type ChequeDirection, type ChequeReport, type ChequeStatus } from '../../shared/contract/cheques';

type Side = { count: number; openCount: number; openAmount: number };
export type ContactChequeSummary = {
  all: number;
  received: Side;
  paid: Side;
  /** Received first, then paid; statuses in their lifecycle order; only those with cheques. */
  byStatus: { direction: ChequeDirection; status: ChequeStatus; count: number }[];
};

export function contactChequeSummary(byStatus: ChequeReport['byStatus']): ContactChequeSummary {
  const side = (d: ChequeDirection): Side => {
    const rows = byStatus.filter((r) => r.direction === d);
    const open = rows.filter((r) => OPEN_STATUSES.includes(r.status));
    return {
      count: rows.reduce((a, r) => a + r.count, 0),
      openCount: open.reduce((a, r) => a + r.count, 0),
      openAmount: open.reduce((a, r) => a + r.amount, 0),
    };
  };
  const received = side('received');
  const paid = side('paid');
  const order = (d: ChequeDirection) => (d === 'received' ? 0 : 1);
  const sorted = byStatus
    .filter((r) => r.count > 0)
    .map(({ direction, status, count }) => ({ direction, status, count }))
    .sort((a, b) => order(a.direction) - order(b.direction) || CHEQUE_STATUSES.indexOf(a.status) - CHEQUE_STATUSES.indexOf(b.status));
  return { all: received.count + paid.count, received, paid, byStatus: sorted };
}
