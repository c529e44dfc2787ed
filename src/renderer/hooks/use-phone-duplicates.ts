import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhoneMatch } from '../../shared/contract/contacts';
import { toAsciiDigits } from '../../shared/text/digits';
import { useClient } from '../app/client';

const PAUSE_MS = 700;
const MIN_DIGITS = 5;

/**
 * Other contacts that already have this number (in any format), looked up when the user pauses
 * typing or leaves the field. `check` runs the lookup at once (on blur).
 */
export function usePhoneDuplicates(number: string, excludeId: number | null): { matches: PhoneMatch[]; check: () => void } {
  const client = useClient();
  const [matches, setMatches] = useState<PhoneMatch[]>([]);
  const latest = useRef('');

  const check = useCallback(() => {
    const n = number.trim();
    latest.current = n;
    if (toAsciiDigits(n).replace(/\D/g, '').length < MIN_DIGITS) {
      setMatches([]);
      return;
    }
    void client.call('contacts/find-by-phone', { number: n, excludeId }).then((r) => {
      if (latest.current !== n) return;
      setMatches(r.ok ? r.value : []);
    });
  }, [client, number, excludeId]);

  useEffect(() => {
    const t = setTimeout(check, PAUSE_MS);
    return () => clearTimeout(t);
  }, [check]);

  return { matches, check };
}
