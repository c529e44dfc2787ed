import { navigate, type CallsTab } from '../app/router';
import { useT } from '../i18n/use-t';
import { ShownWhen } from '../ui/shown-when';
import { CallLogView } from './call-log-view';
import { CallView } from './call-view';
import { CallReportView } from './call-report-view';
import { CallbacksView } from './callbacks-view';
import { RecordingsView } from '../recordings/recordings-view';
import { FollowupsView } from '../followups/followups-view';

type Tab = CallsTab;

export type CallsScreenProps = {
  /** The tab shown, from the route ('#/calls/report'); a tab's button navigates. */
  tab: Tab;
  /** The recording open in its player over the Recordings tab, from the route ('#/recording/9'). */
  recordingId: number | null;
  /** One call open on its page over the tabs, from the route ('#/call/12'); the tab under it stays as it was. */
  callId: number | null;
  /** Opens the contact in the phonebook (the app switches screens). */
  onOpenContact: (id: number) => void;
  /** Starts a new contact with this number filled in. */
  onAddContact: (number: string) => void;
};

/**
 * The Calls screen: the call log, the numbers to call back, the reports and the call recordings as tabs. The log stays mounted while the
 * reports are shown, so its filters and scroll are kept; so it is while one call's page is open over it, so
 * Back returns to the log as it was.
 */
export function CallsScreen({ tab, recordingId, callId, onOpenContact, onAddContact }: CallsScreenProps) {
  const t = useT();
  const tabs: { id: Tab; label: string }[] = [
    { id: 'log', label: t.calls.tabLog },
    { id: 'callbacks', label: t.callbacks.tab },
    { id: 'followups', label: t.followups.tab },
    { id: 'report', label: t.calls.tabReport },
    { id: 'recordings', label: t.recordings.tab },
  ];
  return (
    <div className="calls-screen" data-testid="calls-screen">
      <div className="tabs calls-tabs" role="tablist" aria-label={t.calls.tabsLabel}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            aria-selected={callId === null && tab === x.id}
            className={`tab${callId === null && tab === x.id ? ' active' : ''}`}
            onClick={() => navigate({ screen: 'calls', tab: x.id })}
            data-testid={`calls-tab-${x.id}`}
          >
            {x.label}
          </button>
        ))}
      </div>
      {callId !== null && (
        <div className="calls-panel calls-panel-scroll">
          <CallView id={callId} />
        </div>
      )}
      <div className="calls-panel" role="tabpanel" hidden={callId !== null || tab !== 'log'}>
        <ShownWhen when={callId === null && tab === 'log'}>
          <CallLogView onOpenContact={onOpenContact} onAddContact={onAddContact} />
        </ShownWhen>
      </div>
      {callId === null && tab === 'callbacks' && (
        <div className="calls-panel calls-panel-scroll" role="tabpanel">
          <CallbacksView onOpenContact={onOpenContact} onAddContact={onAddContact} />
        </div>
      )}
      {callId === null && tab === 'followups' && (
        <div className="calls-panel calls-panel-scroll" role="tabpanel">
          <FollowupsView />
        </div>
      )}
      {callId === null && tab === 'report' && (
        <div className="calls-panel calls-panel-scroll" role="tabpanel">
          <CallReportView onOpenContact={onOpenContact} onAddContact={onAddContact} />
        </div>
      )}
      {callId === null && tab === 'recordings' && (
        <div className="calls-panel calls-panel-scroll" role="tabpanel">
          <RecordingsView open={recordingId} onOpenContact={onOpenContact} />
        </div>
      )}
    </div>
  );
}
