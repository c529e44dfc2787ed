import { useState } from 'react';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { AudioPlayer } from '../ivr/audio-player';
import { RecordingDialog } from '../recordings/recording-dialog';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';

/**
 * On a call's page: the conversation's recording, played in place with the app's audio player; its
 * note shown, and the recording's own window (keep, note, save the file, delete) a click away.
 */
export function CallRecordingSection({ recordingId }: { recordingId: number }) {
  const { t } = useLocale();
  const v = t.calls.view;
  const client = useClient();
  const toast = useToast();
  const rec = useQuery('recordings/get', { id: recordingId }, { reloadOn: ['recordings/changed'] });
  const [open, setOpen] = useState(false);
  return (
    <section className="call-section" data-testid="call-recording" data-recording-id={recordingId}>
      <h3 className="detail-section-title">{v.recording}</h3>
      {rec.error && <LoadError message={rec.error} onRetry={rec.reload} />}
      {rec.data && (
        <>
          <AudioPlayer
            load={async () => {
              const x = await client.call('recordings/audio', { id: recordingId });
              if (!x.ok) toast.show('error', x.error.message);
              return x.ok ? x.value : null;
            }}
            durationMs={rec.data.durationMs}
            testId="call-rec-player"
          />
          {rec.data.note && (
            <p className="call-rec-note" dir="auto" data-testid="call-rec-note">
              {rec.data.note}
            </p>
          )}
          <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="call-rec-open">
            {v.openRecording}
          </button>
        </>
      )}
      {open && <RecordingDialog recordingId={recordingId} onClose={() => setOpen(false)} />}
    </section>
  );
}
