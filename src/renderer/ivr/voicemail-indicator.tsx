import { useEffect, useState } from 'react';
import type { OperatorWaiting } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';

/**
 * In the header, impossible to miss: new voicemail (a red, pulsing count that opens the inbox), and
 * callers the IVR put through to the front desk, each with a Take button.
 */
export function VoicemailIndicator({ onOpen }: { onOpen: () => void }) {
  const { t, num, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [unheard, setUnheard] = useState(0);
  const [waiting, setWaiting] = useState<OperatorWaiting[]>([]);
  useEffect(() => {
    void client.call('voicemail/unheard', {}).then((r) => r.ok && setUnheard(r.value.unheard));
  }, [client]);
  useEvent('voicemail/changed', (p) => setUnheard(p.unheard));
  useEvent('ivr/operator', (p) => setWaiting((w) => [...w.filter((x) => x.lineId !== p.lineId), ...(p.waiting ? [p] : [])]));
  const take = async (lineId: number) => {
    const r = await client.call('ivr/take', { lineId });
    if (!r.ok) toast.show('error', r.error.message);
    setWaiting((w) => w.filter((x) => x.lineId !== lineId));
  };
  return (
    <>
      {waiting.map((w) => (
        <span key={w.lineId} className="ivr-waiting" role="alert" data-testid="operator-waiting">
          {t.ivr.callerWaiting(w.callerName || digits(w.numberDisplay) || t.ivr.unknownCaller)}
          <button type="button" className="button small" onClick={() => void take(w.lineId)} data-testid="operator-take">
            {t.ivr.take}
          </button>
        </span>
      ))}
      {unheard > 0 && (
        <button type="button" className="vm-indicator" onClick={onOpen} aria-live="polite" data-testid="voicemail-indicator">
          <span aria-hidden="true">✉</span> {t.ivr.newVoicemail(num(unheard), unheard)}
        </button>
      )}
    </>
  );
}
