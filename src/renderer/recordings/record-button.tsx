import { useState } from 'react';
import type { CallRow } from '../../shared/contract/calls';
import { useClient } from '../app/client';
import { formatDuration } from '../calls/call-format';
import { useNow } from '../calls/use-now';
import { useLocale } from '../i18n/use-t';
import { useToast } from '../ui/toast-context';
import type { ActiveRecording } from '../../shared/contract/recordings';

/**
 * On the call bar during a conversation: "Record" on a line that can record, or the red recording
 * mark with its running time and "Stop recording".
 */
export function RecordButton({ call, canRecord, active }: { call: CallRow; canRecord: boolean; active: ActiveRecording | null }) {
  const { t, digits } = useLocale();
  const client = useClient();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const now = useNow(active !== null);
  if (!active && !canRecord) return null;

  const toggle = async () => {
    setBusy(true);
    // By call: a line with several channels may have several calls, each recorded on its own.
    const which = { lineId: call.lineId, callId: call.id };
    const r = active ? await client.call('recordings/stop', which) : await client.call('recordings/start', which);
    setBusy(false);
    if (!r.ok) toast.show('error', r.error.message);
    else if (active) toast.show('success', t.recordings.stopped);
  };

  if (active) {
    const s = Math.max(0, (now - Date.parse(active.startedAt)) / 1000);
    return (
      <span className="rec-control">
        <span className="rec-mark" role="status" data-testid="rec-mark">
          <span className="rec-dot" aria-hidden="true" />
          {t.recordings.recordingSince(`\u2066${digits(formatDuration(s))}\u2069`)}
        </span>
        <button type="button" className="button small" onClick={() => void toggle()} disabled={busy} data-testid="rec-stop">
          ■ {t.recordings.stop}
        </button>
      </span>
    );
  }
  return (
    <button
      type="button"
      className="button small rec-start"
      onClick={() => void toggle()}
      disabled={busy}
      title={t.recordings.recordTitle}
      data-testid="rec-start"
    >
      <span className="rec-dot" aria-hidden="true" /> {t.recordings.record}
    </button>
  );
}
