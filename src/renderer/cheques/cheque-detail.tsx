import { useState, type ReactNode } from 'react';
import type { Cheque } from '../../shared/contract/cheques';
import { formatDateLong } from '../../shared/text/calendar';
import { groupSayadId } from '../../shared/text/sayad-id';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { Dialog } from '../ui/dialog';
import { useToast } from '../ui/toast-context';
import { AmountView } from './amount-view';
import { AmountWordsView } from './amount-words-view';
import { ChequeCorrectionDialog } from './cheque-correction-dialog';
import { bankLabel } from './cheque-format';
import { ChequeHistory } from './cheque-history';
import { ChequeImages } from './cheque-images';
import { ChequeStatusBadge } from './cheque-status-badge';
import { ChequeVoidDialog } from './cheque-void-dialog';
import { StatusChange } from './status-change';

type Props = {
  cheque: Cheque;
  toman: boolean;
  onChanged: (c: Cheque) => void;
  onEdit: () => void;
  onClose: () => void;
  onOpenContact: (id: number) => void;
  /** Extra footer buttons (printing on the cheque, when templates exist). */
  extraActions?: ReactNode;
};

/** One cheque: its details, its status with the changes it allows, its scanned images, and its history. */
export function ChequeDetail({ cheque: c, toman, onChanged, onEdit, onClose, onOpenContact, extraActions }: Props) {
  const { t, lang, calendar, date, digits, instant } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [open, setOpen] = useState<'correct' | 'void' | null>(null);
  const done = (x: Cheque) => {
    setOpen(null);
    onChanged(x);
  };

  const remove = async () => {
    if (!(await confirm({ title: m.delete, body: m.confirmDelete, confirmLabel: m.delete, danger: true }))) return;
    const r = await client.call('cheques/delete', { id: c.id });
    if (!r.ok) return toast.show('error', r.error.message);
    toast.show('success', m.deleted);
    onClose();
  };

  const row = (label: string, value: ReactNode, testId?: string) =>
    value === null || value === '' ? null : (
      <div className="cheque-dl-row" data-testid={testId}>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </div>
    );
  const bank = [bankLabel(c.bankCode, c.bankName, lang), c.branch].filter(Boolean).join(' — ');

  return (
    <Dialog
      title={
        <span className="cheque-detail-title">
          {c.direction === 'received' ? m.receivedTitle : m.paidTitle}
          {c.guarantee && <span className="badge cheque-guarantee">{m.guarantee}</span>}
        </span>
      }
      onClose={onClose}
      size="large"
      testId="cheque-detail"
      footer={
        <>
          {c.canDelete ? (
            <button type="button" className="button danger-outline footer-start" onClick={() => void remove()} data-testid="cheque-delete">
              {m.delete}
            </button>
          ) : (
            // Why there is no Delete: a cheque with history is kept; voiding takes it out of the totals.
            <span className="muted small footer-start cheque-no-delete" data-testid="cheque-no-delete">
              {c.canVoid ? m.noDeleteWhy : null}
            </span>
          )}
          {!c.canDelete && c.canVoid && (
            <>
              <button type="button" className="button danger-outline" onClick={() => setOpen('void')} data-testid="cheque-void">
                {m.void}
              </button>
              <button type="button" className="button" onClick={() => setOpen('correct')} data-testid="cheque-correct">
                {m.correct}
              </button>
            </>
          )}
          {extraActions}
          <button type="button" className="button" onClick={onEdit} data-testid="cheque-edit">
            {m.edit}
          </button>
          <button type="button" className="button primary" onClick={onClose}>
            {m.close}
          </button>
        </>
      }
    >
      <div className="cheque-detail" data-id={c.id}>
        <div className="cheque-detail-main">
          <div className="cheque-headline">
            <AmountView rials={c.amount} toman={toman} block />
            <ChequeStatusBadge direction={c.direction} status={c.status} />
          </div>
          <p className="cheque-detail-words">
            <AmountWordsView rials={c.amount} toman={toman} />
          </p>
          <dl className="cheque-dl">
            {row(m.dueDate, c.dueDate ? `${date(c.dueDate)} — ${formatDateLong(c.dueDate, calendar, lang)}` : m.noDue, 'cheque-due')}
            {row(m.issueDate, c.issueDate ? date(c.issueDate) : null)}
            {row(
              c.direction === 'received' ? m.payer : m.payee,
              <>
                <bdi data-testid="cheque-detail-party">{c.partyName}</bdi>
                {c.contact && (
                  <button
                    type="button"
                    className="link-button cheque-contact-link"
                    onClick={() => onOpenContact(c.contact!.id)}
                    data-testid="cheque-open-contact"
                  >
                    {m.openContact}
                  </button>
                )}
              </>,
            )}
            {row(m.partyId, c.partyId ? <bdi dir="ltr">{digits(c.partyId)}</bdi> : null)}
            {row(m.bankField, bank)}
            {row(m.account, c.account ? <bdi dir="ltr">{digits(c.account)}</bdi> : null)}
            {row(`${m.series} / ${m.serial}`, c.series || c.serial ? <bdi dir="ltr">{digits([c.series, c.serial].filter(Boolean).join(' / '))}</bdi> : null)}
            {row(m.leaf, c.leaf ? digits(c.leaf.serial) : null)}
            {row(
              m.sayadId,
              c.sayadId ? (
                <>
                  <bdi dir="ltr" className="mono" data-testid="cheque-sayad">
                    {digits(groupSayadId(c.sayadId))}
                  </bdi>{' '}
                  <span className="muted small">({c.sayadRegistered ? m.sayadYes : m.sayadNo})</span>
                </>
              ) : null,
            )}
            {row(m.purpose, c.purpose ? <bdi>{c.purpose}</bdi> : null)}
            {row(
              m.note,
              c.note ? (
                <span className="pre-line" dir="auto">
                  {c.note}
                </span>
              ) : null,
            )}
            {row(m.registeredAt, instant(c.registeredAt))}
          </dl>
          <ChequeImages cheque={c} onChanged={onChanged} />
        </div>
        <div className="cheque-detail-side">
          <StatusChange cheque={c} onChanged={onChanged} />
          <ChequeHistory cheque={c} />
        </div>
      </div>
      {open === 'correct' && <ChequeCorrectionDialog cheque={c} toman={toman} onClose={() => setOpen(null)} onDone={done} />}
      {open === 'void' && <ChequeVoidDialog cheque={c} onClose={() => setOpen(null)} onDone={done} />}
    </Dialog>
  );
}
