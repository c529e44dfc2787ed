import { useEvent } from '../hooks/use-event';
import { useFailureToast } from '../hooks/use-failure-toast';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';

/**
 * In the header, impossible to miss: new voicemail (a red, pulsing count that opens the inbox). Callers
 * waiting for the front desk are in the call strip below (operator-waiting.tsx).
 */
export function VoicemailIndicator({ onOpen }: { onOpen: () => void }) {
  const { t, num } = useLocale();
  const q = useQuery('voicemail/unheard', {});
  useFailureToast(q.error);
  useEvent('voicemail/changed', (p) => q.setData(() => ({ unheard: p.unheard })));
  const unheard = q.data?.unheard ?? 0;
  if (unheard === 0) return null;
  return (
    <button type="button" className="vm-indicator" onClick={onOpen} aria-live="polite" data-testid="voicemail-indicator">
      <span aria-hidden="true">✉</span> {t.ivr.newVoicemail(num(unheard), unheard)}
    </button>
  );
}
