import { useEffect } from 'react';
import type { SessionState } from '../../shared/contract/accounts';
import type { Client } from '../app/client';

/**
 * Locks the session after `minutes` without a key, a click or a touch in this window (0: never). The
 * lock itself is the engine's: from then on it refuses this session's requests until someone signs in.
 */
export function useIdleLock(client: Client, minutes: number, onState: (s: SessionState) => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void client.call('accounts/lock', {}).then((r) => {
          if (r.ok) onState(r.value);
        });
      }, minutes * 60_000);
    };
    const events = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;
    for (const e of events) window.addEventListener(e, arm, { passive: true });
    arm();
    return () => {
      clearTimeout(timer);
      for (const e of events) window.removeEventListener(e, arm);
    };
  }, [client, minutes, onState]);
}
