import { useEffect, useState } from 'react';
import { useT } from '../i18n/use-t';
import { useClient } from './client';

/** "Disconnected — reconnecting…" while the link to the engine is down (browser mode). */
export function ConnectionBanner() {
  const t = useT();
  const client = useClient();
  const [status, setStatus] = useState(client.status());
  useEffect(() => client.onStatus(setStatus), [client]);
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      {t.conn.reconnecting}
    </div>
  );
}
