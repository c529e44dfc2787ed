import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_CHEQUE_SETTINGS, type ChequeSettings } from '../../shared/contract/cheques';
import { useClient } from '../app/client';
import { useEvent } from '../hooks/use-event';

/** The cheque settings (warning days and time, toman display), kept current when they change anywhere. */
export function useChequeSettings(): ChequeSettings {
  const client = useClient();
  const [settings, setSettings] = useState<ChequeSettings>(DEFAULT_CHEQUE_SETTINGS);
  const load = useCallback(() => {
    void client.call('cheques/settings', {}).then((r) => r.ok && setSettings(r.value));
  }, [client]);
  useEffect(load, [load]);
  useEvent('cheques/changed', (p) => p.ids === null && load());
  return settings;
}
