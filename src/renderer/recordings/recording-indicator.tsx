import { useEvent } from '../hooks/use-event';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import { useRecordingState } from './use-recordings';

/**
 * In the header: a red mark while any call is being recorded, and a warning the front desk cannot
 * miss when the disk holding the recordings is getting full (it opens the Recordings tab). A recording
 * that stopped for lack of disk space or at its maximum length is also said in a toast.
 */
export function RecordingIndicator({ onOpen }: { onOpen: () => void }) {
  const { t, num } = useLocale();
  const toast = useToast();
  const { active, usage } = useRecordingState();
  useEvent('recordings/stopped', (p) => toast.show('error', p.reason === 'disk-low' ? t.recordings.stoppedDisk : t.recordings.stoppedMax));
  return (
    <>
      {active.length > 0 && (
        <span className="rec-mark header-rec" role="status" data-testid="header-recording">
          <span className="rec-dot" aria-hidden="true" />
          {t.recordings.recording}
          {active.length > 1 && ` (${num(active.length)})`}
        </span>
      )}
      {usage?.warnings.includes('disk-low') && (
        <button type="button" className="rec-disk-warning" onClick={onOpen} role="alert" data-testid="header-disk-warning">
          ⚠ {t.recordings.headerWarn}
        </button>
      )}
    </>
  );
}
