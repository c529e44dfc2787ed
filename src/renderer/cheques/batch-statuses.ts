/** What a selection of cheques can change to together, and how to say what they are when nothing fits. */
import { nextStatuses, type ChequeDirection, type ChequeRow, type ChequeStatus } from '../../shared/contract/cheques';

type Picked = Pick<ChequeRow, 'direction' | 'status'>;

/** The statuses every picked cheque may take now, in the order the first cheque's table lists them. */
export function commonStatuses(rows: readonly Picked[]): ChequeStatus[] {
  if (rows.length === 0) return [];
  const [first, ...rest] = rows;
  return nextStatuses(first!.direction, first!.status).filter((s) => rest.every((r) => nextStatuses(r.direction, r.status).includes(s)));
}

/** How many of the picked cheques are in each type and status (in the order first met), to explain an empty choice. */
export function statusCounts(rows: readonly Picked[]): { direction: ChequeDirection; status: ChequeStatus; count: number }[] {
  const out: { direction: ChequeDirection; status: ChequeStatus; count: number }[] = [];
  for (const r of rows) {
    const hit = out.find((x) => x.direction === r.direction && x.status === r.status);
    if (hit) hit.count++;
    else out.push({ direction: r.direction, status: r.status, count: 1 });
  }
  return out;
}
