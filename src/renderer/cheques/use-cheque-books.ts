import { useCallback, useEffect, useState } from 'react';
import type { ChequeBook } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The own cheque books with their counts and next leaf, kept current by 'cheque-books/changed'. */
export function useChequeBooks(): ChequeBook[] | null {
  const client = useClient();
  const [books, setBooks] = useState<ChequeBook[] | null>(null);
  const load = useCallback(() => {
    void client.call('cheque-books/list', {}).then((r) => r.ok && setBooks(r.value));
  }, [client]);
  useEffect(load, [load]);
  useEvent('cheque-books/changed', load);
  return books;
}
