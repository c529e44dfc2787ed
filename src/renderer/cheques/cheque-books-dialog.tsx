import { useState } from 'react';
import type { ChequeBook } from '../../shared/contract/cheques';
import { useT } from '../i18n/use-t';
import { Dialog } from '../ui/dialog';
import { ChequeBookCard } from './cheque-book-card';
import { ChequeBookForm } from './cheque-book-form';

type Props = { books: ChequeBook[]; toman: boolean; onWrite: (bookId: number) => void; onOpenCheque: (id: number) => void; onClose: () => void };

/** The office's own cheque books: define one by its first leaf and leaf count, see every leaf, write a cheque from one. */
export function ChequeBooksDialog({ books, toman, onWrite, onOpenCheque, onClose }: Props) {
  const t = useT();
  const m = t.cheques;
  const [adding, setAdding] = useState(books.length === 0);
  return (
    <Dialog title={m.booksTitle} onClose={onClose} size="large" testId="cheque-books">
      <div className="cheque-books">
        {books.length === 0 && <p className="muted">{m.noBooksYet}</p>}
        {adding ? (
          <ChequeBookForm onCreated={() => setAdding(false)} />
        ) : (
          <button type="button" className="button" onClick={() => setAdding(true)} data-testid="cheque-book-new">
            + {m.newBook}
          </button>
        )}
        <ul className="cheque-book-list">
          {books.map((b) => (
            <ChequeBookCard key={b.id} book={b} toman={toman} onWrite={onWrite} onOpenCheque={onOpenCheque} />
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
