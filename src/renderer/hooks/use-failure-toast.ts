import { useEffect } from 'react';
import { useToast } from '../ui/toast-context';

/**
 * For data that many parts of the window share and no one panel owns (the groups, the schedules, the
 * alarms…): a failed load is said in a toast, once per failure, instead of leaving a list that looks
 * empty. A load a screen owns shows ui/load-error.tsx in place instead.
 */
export function useFailureToast(error: string | null): void {
  const toast = useToast();
  useEffect(() => {
    if (error) toast.show('error', error);
  }, [error, toast]);
}
