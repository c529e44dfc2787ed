import { useState } from 'react';
import { useT } from '../i18n/use-t';
import { CallLogView } from './call-log-view';
import { CallReportView } from './call-report-view';

type Tab = 'log' | 'report';

export type CallsScreenProps = {
  /** Opens the contact in the phonebook (the app switches screens). */
  onOpenContact: (id: number) => void;
  /** Starts a new contact with this number filled in. */
  onAddContact: (number: string) => void;
};

/**
 * The Calls screen: the call log and the reports as two tabs. The log stays mounted while the
 * reports are shown, so its filters and scroll are kept.
 */
export function CallsScreen({ onOpenContact, onAddContact }: CallsScreenProps) {
  const t = useT();
  const [tab, setTab] = useState<Tab>('log');
  const tabs: { id: Tab; label: string }[] = [
    { id: 'log', label: t.calls.tabLog },
    { id: 'report', label: t.calls.tabReport },
  ];
  return (
    <div className="calls-screen" data-testid="calls-screen">
      <div className="tabs calls-tabs" role="tablist" aria-label={t.calls.tabsLabel}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            aria-selected={tab === x.id}
            className={`tab${tab === x.id ? ' active' : ''}`}
            onClick={() => setTab(x.id)}
            data-testid={`calls-tab-${x.id}`}
          >
            {x.label}
          </button>
        ))}
      </div>
      <div className="calls-panel" role="tabpanel" hidden={tab !== 'log'}>
        <CallLogView onOpenContact={onOpenContact} onAddContact={onAddContact} />
      </div>
      {tab === 'report' && (
        <div className="calls-panel calls-panel-scroll" role="tabpanel">
          <CallReportView onOpenContact={onOpenContact} onAddContact={onAddContact} />
        </div>
      )}
    </div>
  );
}
