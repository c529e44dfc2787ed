import { useState } from 'react';
import type { OperatorWaiting } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';

/**
 * Callers the IVR put through to the front desk, each with a Take button, as bars in the call strip
 * under the header: in the header itself the banner crowded the tabs and the language switch (a long
 * caller name ran over them), and a waiting caller is a call, so it sits where calls are shown.
 */
export function OperatorWaitingBars() {
  const { t, digits, dir } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [waiting, setWaiting] = useState<OperatorWaiting[]>([]);
  // One bar per waiting caller: a line with several channels may have several callers waiting.
  const same = (a: OperatorWaiting, b: OperatorWaiting) => a.lineId === b.lineId && a.callId === b.callId;
  useEvent('ivr/operator', (p) => setWaiting((w) => [...w.filter((x) => !same(x, p)), ...(p.waiting ? [p] : [])]));
  const take = async (c: OperatorWaiting) => {
    const r = await client.call('ivr/take', c.callId !== null ? { lineId: c.lineId, callId: c.callId } : { lineId: c.lineId });
    if (!r.ok) toast.show('error', r.error.message);
    setWaiting((w) => w.filter((x) => !same(x, c)));
  };
  return (
    <>
      {waiting.map((w) => (
        <div key={`${w.lineId}/${w.callId ?? ''}`} className="call-bar ivr-waiting" role="alert" dir={dir} data-testid="operator-waiting">
          <span className="call-bar-main">{t.ivr.callerWaiting(w.callerName || digits(w.numberDisplay) || t.ivr.unknownCaller)}</span>
          <button type="button" className="button small primary" onClick={() => void take(w)} data-testid="operator-take">
            {t.ivr.take}
          </button>
        </div>
      ))}
    </>
  );
}
