import { useCallback, useState } from 'react';
import { useClient } from '../app/client';
import { useT } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { trackCall } from './active-calls.store';

export type Dialer = {
  /**
   * Dials `number` on the first idle line (the engine chooses) and hands the call to the call bar.
   * Resolves true when the modem started dialing; false after showing the engine's error (in the
   * user's language) as a toast — no line, line busy, bad number.
   */
  dial: (number: string, contactId?: number | null) => Promise<boolean>;
  /** The number being sent to the engine right now, or null. */
  pending: string | null;
};

/** Dialing from the PC, for any number on screen. */
export function useDial(): Dialer {
  const client = useClient();
  const toast = useToast();
  const t = useT();
  const [pending, setPending] = useState<string | null>(null);

  const dial = useCallback(
    async (number: string, contactId: number | null = null) => {
      setPending(number);
      const r = await client.call('calls/dial', { number, contactId, lineId: null });
      setPending(null);
      if (r.ok) {
        trackCall(r.value);
        return true;
      }
      toast.show('error', r.error.message || t.calls.dialFailed);
      return false;
    },
    [client, toast, t],
  );
  return { dial, pending };
}
