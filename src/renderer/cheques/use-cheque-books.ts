import type { ChequeBook } from '../../shared/contract/cheques';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';

/** The own cheque books with their counts and next leaf, kept current by 'cheque-books/changed'. */
export function useChequeBooks(): ChequeBook[] | null {
  const q = useQuery('cheque-books/list', {}, { reloadOn: ['cheque-books/changed'] });
  useFailureToast(q.error);
  return q.data;
}
