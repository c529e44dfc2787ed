import { useState } from 'react';
import type { ChequeBook } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useLocale } from '../i18n/use-t';
import { useConfirm } from '../ui/confirm-context';
import { useToast } from '../ui/toast-context';
import { bankLabel } from './cheque-format';
import { ChequeLeaves } from './cheque-leaves';

type Props = { book: ChequeBook; toman: boolean; onWrite: (bookId: number) => void; onOpenCheque: (id: number) => void };

/** One own cheque book: bank and account, its leaf range and counts, the next leaf; write from it, see its leaves. */
export function ChequeBookCard({ book: b, toman, onWrite, onOpenCheque }: Props) {
  const { t, lang, digits, num } = useLocale();
  const m = t.cheques;
  const client = useClient();
  const toast = useToast();
  const confirm = useConfirm();
  const [open, setOpen] = useState(false);

  const remove = async () => {
    if (!(await confirm({ title: m.deleteBook, body: m.confirmDeleteBook, confirmLabel: m.deleteBook, danger: true }))) return;
    const r = await client.call('cheque-books/delete', { id: b.id });
    if (!r.ok) toast.show('error', r.error.message);
  };

  return (
    <li className="cheque-book" data-testid="cheque-book" data-id={b.id}>
      <div className="cheque-book-head">
        <div className="cheque-book-title">
          <div>
            <strong>{bankLabel(b.bankCode, b.bankName, lang)}</strong>
            {b.branch && <span className="muted"> — {b.branch}</span>}
          </div>
          <div className="muted small">
            {m.account}: <bdi dir="ltr">{digits(b.account)}</bdi>
            {b.series && (
              <>
                {' · '}
                {m.series}: <bdi dir="ltr">{digits(b.series)}</bdi>
              </>
            )}
            {' · '}
            {m.bookRange(digits(b.firstSerial), digits(b.lastSerial))}
          </div>
          <div className="small" data-testid="cheque-book-counts">
            {m.bookCounts(num(b.counts.blank), num(b.counts.used), num(b.counts.void), num(b.counts.lost))}
            {' · '}
            <strong data-testid="cheque-book-next">{b.nextLeaf ? m.bookNext(digits(b.nextLeaf.serial)) : m.bookUsedUp}</strong>
          </div>
        </div>
        <div className="cheque-book-actions">
          <button type="button" className="button small primary" disabled={!b.nextLeaf} onClick={() => onWrite(b.id)} data-testid="cheque-book-write">
            {m.writeCheque}
          </button>
          <button type="button" className="button small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="cheque-book-leaves">
            {open ? m.hideLeaves : m.leaves}
          </button>
          {b.counts.used === 0 && (
            <button type="button" className="button small danger-outline" onClick={() => void remove()} data-testid="cheque-book-delete">
              {m.delete}
            </button>
          )}
        </div>
      </div>
      {open && <ChequeLeaves bookId={b.id} toman={toman} onOpenCheque={onOpenCheque} />}
    </li>
  );
}
