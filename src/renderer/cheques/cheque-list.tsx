import type { ChequeRow } from '../../shared/contract/cheques';
import { useLocale } from '../i18n/use-t';
import { AmountView } from './amount-view';
import { bankLabel } from './cheque-format';
import { ChequeStatusBadge } from './cheque-status-badge';

type Props = {
  rows: ChequeRow[];
  today: string;
  toman: boolean;
  onOpen: (id: number) => void;
  /** Cheques picked to print on their leaves (paid, not cleared) or to change status together (any). */
  selected: ReadonlySet<number>;
  onSelect: (id: number, on: boolean) => void;
};

/**
 * The cheques as a table: due date (overdue open cheques marked), type, payer or payee, bank, series
 * and serial, amount, status. A row opens the cheque (click or Enter).
 */
export function ChequeList({ rows, today, toman, onOpen, selected, onSelect }: Props) {
  const { t, lang, date, digits } = useLocale();
  const m = t.cheques;
  return (
    <table className="cheque-table" data-testid="cheque-list">
      <thead>
        <tr>
          <th className="pick" aria-label={m.selectRow} />
          <th>{m.cols.due}</th>
          <th>{m.cols.type}</th>
          <th>{m.cols.party}</th>
          <th>{m.cols.bank}</th>
          <th>{m.cols.serial}</th>
          <th className="num">{m.cols.amount}</th>
          <th>{m.cols.status}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const overdue = r.dueDate !== null && r.dueDate < today && (r.status === 'on_hand' || r.status === 'deposited' || r.status === 'issued');
          return (
            <tr
              key={r.id}
              tabIndex={0}
              className={`cheque-row dir-${r.direction}${overdue ? ' overdue' : ''}`}
              onClick={() => onOpen(r.id)}
              onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && onOpen(r.id)}
              data-testid="cheque-row"
              data-id={r.id}
            >
              <td className="pick" onClick={(e) => e.stopPropagation()}>
                <input
                  type="checkbox"
                  checked={selected.has(r.id)}
                  onChange={(e) => onSelect(r.id, e.target.checked)}
                  aria-label={m.selectRow}
                  title={m.selectRow}
                  data-testid="cheque-pick"
                />
              </td>
              <td className="nowrap">
                {r.dueDate ? date(r.dueDate) : <span className="muted">{m.noDue}</span>}
                {overdue && <span className="badge warn cheque-overdue">{m.overdueBadge}</span>}
              </td>
              <td className="nowrap">
                <span className={`cheque-dir dir-${r.direction}`} aria-hidden="true">
                  {r.direction === 'received' ? '↓' : '↑'}
                </span>{' '}
                {m.types[r.direction]}
                {r.guarantee && <span className="badge cheque-guarantee">{m.guarantee}</span>}
              </td>
              <td>
                <bdi className="cheque-party" data-testid="cheque-party">
                  {r.partyName}
                </bdi>
                {r.purpose && (
                  <span className="muted cheque-purpose">
                    {' '}
                    — <bdi>{r.purpose}</bdi>
                  </span>
                )}
              </td>
              <td>{bankLabel(r.bankCode, r.bankName, lang)}</td>
              <td className="nowrap">
                <bdi dir="ltr">{digits([r.series, r.serial].filter(Boolean).join('/'))}</bdi>
                {r.imageCount > 0 && (
                  <span className="cheque-has-image" title={m.images(digits(r.imageCount))} aria-label={m.images(digits(r.imageCount))}>
                    {' '}
                    🖼
                  </span>
                )}
              </td>
              <td className="num nowrap">
                <AmountView rials={r.amount} toman={toman} />
              </td>
              <td>
                <ChequeStatusBadge direction={r.direction} status={r.status} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
