import { useEffect } from 'react';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';

/** In the header: a warning when a backup schedule is set and the last good backup is missing or older than it allows (opens Settings). */
export function BackupWarning({ onOpen }: { onOpen: () => void }) {
  const { t } = useLocale();
  // Looked at again after each backup, and every ten minutes (a day can pass with the app open).
  const q = useQuery('backup/status', {}, { reloadOn: ['backup/changed'] });
  const { reload } = q;
  useEffect(() => {
    const h = setInterval(reload, 10 * 60_000);
    return () => clearInterval(h);
  }, [reload]);
  const warning = q.data?.warning;
  if (!warning) return null;
  return (
    <button type="button" className="rec-disk-warning" onClick={onOpen} role="alert" data-testid="header-backup-warning">
      ⚠ {warning === 'never' ? t.backup.headerNever : t.backup.headerOld}
    </button>
  );
}
