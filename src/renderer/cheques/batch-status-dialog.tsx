import type { ChequeRow, ChequeStatus } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { AmountView } from './amount-view';
import { commonStatuses, statusCounts } from './batch-statuses';
import { statusName } from './cheque-format';
import { ChequeStatusBadge } from './cheque-status-badge';
import { StatusChoices, StatusFields, useStatusDraft } from './status-fields';

type Props = { rows: ChequeRow[]; toman: boolean; onClose: () => void; onDone: () => void };

/**
 * The status change of the cheque window for the cheques picked in the list: only the statuses every
 * one of them may take are offered (or why none is), with one date, note, counterparty and bounce
 * certificate for all. The engine changes all of them or none ('cheques/set-status-batch'); its
 * refusal names each cheque that cannot take the change.
 */
export function BatchStatusDialog({ rows, toman, onClose, onDone }: Props) {
  const { t, lang, num } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const draft = useStatusDraft();
  const { to, error, busy } = draft;

  const choices = commonStatuses(rows);
  const directions = [...new Set(rows.map((r) => r.direction))];
  // One type: the action as the cheque window says it; both types: each type's name of the status.
  const label = (s: ChequeStatus) =>
    directions.length === 1
      ? m.actions[directions[0]!][s] || statusName(t, directions[0]!, s)
      : [...new Set(directions.map((d) => statusName(t, d, s)))].join(' / ');
  const name = (s: ChequeStatus) => [...new Set(directions.map((d) => statusName(t, d, s)))].join(' / ');

  const apply = async () => {
    if (!to) return;
    const iso = draft.date();
    if (!iso) return;
    draft.setBusy(true);
    const r = await client.call('cheques/set-status-batch', {
      ids: rows.map((x) => x.id),
      status: to,
      date: iso,
      note: draft.note,
      counterparty: draft.counterparty,
      certificate: draft.certificate,
    });
    draft.setBusy(false);
    if (!r.ok) return draft.setError({ field: r.error.field ?? '', message: r.error.message });
    toast.show('success', m.batchChanged(num(r.value.ids.length), name(to)));
    onDone();
  };

  return (
    <Dialog
      title={m.batchTitle(num(rows.length))}
      onClose={onClose}
      size="medium"
      testId="batch-status"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {m.cancel}
          </button>
          {to && (
            <button type="button" className="button primary" onClick={() => void apply()} disabled={busy} data-testid="batch-status-apply">
              {m.batchApply(num(rows.length), name(to))}
            </button>
          )}
        </>
      }
    >
      <ul className="batch-cheques" data-testid="batch-cheques">
        {rows.map((r) => (
          <li key={r.id} className="batch-cheque" data-testid="batch-cheque">
            <bdi className="batch-cheque-party">{r.partyName}</bdi>
            <span className="num nowrap">
              <AmountView rials={r.amount} toman={toman} />
            </span>
            <ChequeStatusBadge direction={r.direction} status={r.status} />
          </li>
        ))}
      </ul>
      {choices.length === 0 ? (
        <p className="batch-none" data-testid="batch-none">
          {m.batchNone(
            statusCounts(rows)
              .map((x) => m.batchCount(m.types[x.direction], statusName(t, x.direction, x.status), num(x.count)))
              .join(lang === 'fa' ? '، ' : ', '),
          )}
        </p>
      ) : (
        <div className="status-change batch-status">
          <StatusChoices choices={choices} draft={draft} label={label} />
          {to && (
            <div className="status-form">
              <StatusFields draft={draft} dateError={error?.field === 'date' && !error.message.includes('\n') ? error.message : undefined} />
            </div>
          )}
          {/* A refused batch: one line per cheque that cannot take the change. */}
          {error && (error.field !== 'date' || error.message.includes('\n')) && (
            <p className="form-banner error batch-error" role="alert" data-testid="batch-status-error">
              {error.message}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}
