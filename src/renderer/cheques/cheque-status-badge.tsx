import type { ChequeDirection, ChequeStatus } from '../../shared/contract/cheques';
import { useT } from '../i18n/use-t';
import { statusName, statusTone } from './cheque-format';

/** A cheque's status as a coloured badge (the name depends on the direction: «عودت» reads differently). */
export function ChequeStatusBadge({ direction, status }: { direction: ChequeDirection; status: ChequeStatus }) {
  const t = useT();
  return (
    <span className={`badge cheque-status tone-${statusTone(status)}`} data-testid="cheque-status" data-status={status}>
      {statusName(t, direction, status)}
    </span>
  );
}
