import type { Voicemail } from '../../shared/contract/ivr';
import { useClient } from '../app/client';
import { useQuery } from '../hooks/use-query';
import { useLocale } from '../i18n/use-t';
import { AudioPlayer } from '../ivr/audio-player';
import { LoadError } from '../ui/load-error';
import { useToast } from '../ui/toast-context';

/**
 * On a call's page: the voicemail the caller left (and its forwarded copies), each playing in place
 * and marked heard once it really sounds, as in the inbox. Nothing is shown for a call that left none.
 */
export function CallVoicemailSection({ callId }: { callId: number }) {
  const { t } = useLocale();
  const v = t.calls.view;
  const list = useQuery('voicemail/list', { callId, limit: 20 }, { reloadOn: ['voicemail/changed'] });
  if (list.error) return <LoadError message={list.error} onRetry={list.reload} />;
  if (!list.data || list.data.length === 0) return null;
  return (
    <section className="call-section" data-testid="call-voicemail">
      <h3 className="detail-section-title">{v.voicemail}</h3>
      {list.data.map((m) => (
        <Message key={m.id} m={m} />
      ))}
    </section>
  );
}

function Message({ m }: { m: Voicemail }) {
  const { t } = useLocale();
  const client = useClient();
  const toast = useToast();
  return (
    <div className="call-voicemail" data-testid="call-voicemail-item" data-voicemail-id={m.id}>
      <span className="badge">{m.mailboxName}</span>
      {!m.heard && <span className="muted"> {t.ivr.unheard}</span>}
      <AudioPlayer
        testId="call-vm-player"
        durationMs={m.durationMs}
        load={async () => {
          const r = await client.call('voicemail/audio', { id: m.id });
          if (!r.ok) toast.show('error', r.error.message);
          return r.ok ? r.value : null;
        }}
        onHeard={() => {
          if (m.heard) return;
          void client.call('voicemail/mark', { id: m.id, heard: true }).then((r) => (r.ok ? undefined : toast.show('error', r.error.message)));
        }}
      />
      {m.note && (
        <p className="call-rec-note" dir="auto">
          {m.note}
        </p>
      )}
    </div>
  );
}
