import { DEFAULT_CHEQUE_SETTINGS, type ChequeSettings } from '../../shared/contract/cheques';
import { useEvent } from '../hooks/use-event';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';

/** The cheque settings (warning days and time, toman display), kept current when they change anywhere. */
export function useChequeSettings(): ChequeSettings {
  const q = useQuery('cheques/settings', {});
  // 'cheques/changed' without ids is the settings' change; with ids it is about cheques.
  useEvent('cheques/changed', (p) => p.ids === null && q.reload());
  useFailureToast(q.error);
  return q.data ?? DEFAULT_CHEQUE_SETTINGS;
}
