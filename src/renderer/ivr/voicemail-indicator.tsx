import { useEffect, useState } from 'react';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';

/**
 * In the header, impossible to miss: new voicemail (a red, pulsing count that opens the inbox). Callers
 * waiting for the front desk are in the call strip below (operator-waiting.tsx).
 */
export function VoicemailIndicator({ onOpen }: { onOpen: () => void }) {
  const { t, num } = useLocale();
  const client = useClient();
  const [unheard, setUnheard] = useState(0);
  useEffect(() => {
    void client.call('voicemail/unheard', {}).then((r) => r.ok && setUnheard(r.value.unheard));
  }, [client]);
  useEvent('voicemail/changed', (p) => setUnheard(p.unheard));
  if (unheard === 0) return null;
  return (
    <button type="button" className="vm-indicator" onClick={onOpen} aria-live="polite" data-testid="voicemail-indicator">
      <span aria-hidden="true">✉</span> {t.ivr.newVoicemail(num(unheard), unheard)}
    </button>
  );
}
