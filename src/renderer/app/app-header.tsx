import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import type { Method } from '../../shared/contract/api';
import { useSession } from '../accounts/session-context';
import { UserMenu } from '../accounts/user-menu';
import { LanguageSwitch } from './language-switch';

export type Screen =
  'dashboard' | 'phonebook' | 'calls' | 'reminders' | 'people' | 'attendance' | 'cheques' | 'ivr' | 'voicemail' | 'lines' | 'fax' | 'settings';

/** App name, the modules that exist (only those), and the language switch. */
/** The request a screen starts with: a tab this session may not make it for is not shown (accounts, issue 18). */
export const SCREEN_NEEDS: Record<Screen, Method> = {
  dashboard: 'calls/report',
  phonebook: 'contacts/search',
  calls: 'calls/list',
  reminders: 'reminders/occurrences',
  people: 'people/search',
  attendance: 'attendance/clock',
  cheques: 'cheques/search',
  ivr: 'ivr/tree-create',
  voicemail: 'voicemail/list',
  fax: 'fax/log',
  lines: 'lines/create',
  settings: 'settings/update',
};

export function AppHeader({ screen, onScreen, end }: { screen: Screen; onScreen: (s: Screen) => void; end?: ReactNode }) {
  const t = useT();
  const { may } = useSession();
  const tabs: { id: Screen; label: string }[] = [
    { id: 'dashboard', label: t.dashboard.nav },
    { id: 'phonebook', label: t.nav.phonebook },
    { id: 'calls', label: t.nav.calls },
    { id: 'reminders', label: t.nav.reminders },
    { id: 'people', label: t.people.nav },
    { id: 'attendance', label: t.attendance.nav },
    { id: 'cheques', label: t.cheques.nav },
    { id: 'ivr', label: t.ivr.nav },
    { id: 'voicemail', label: t.ivr.navInbox },
    { id: 'fax', label: t.fax.nav },
    { id: 'lines', label: t.nav.lines },
    { id: 'settings', label: t.nav.settings },
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">{t.app.name}</span>
        <span className="brand-tagline">{t.app.tagline}</span>
      </div>
      <nav className="app-nav" aria-label={t.nav.modules}>
        {tabs
          .filter((tab) => may(SCREEN_NEEDS[tab.id]))
          .map((tab) => (
            <button
              key={tab.id}
              type="button"
              className={`nav-tab${screen === tab.id ? ' active' : ''}`}
              aria-current={screen === tab.id ? 'page' : undefined}
              onClick={() => onScreen(tab.id)}
              data-testid={`nav-${tab.id}`}
            >
              {tab.label}
            </button>
          ))}
      </nav>
      <div className="header-end">
        {end}
        <UserMenu />
        <LanguageSwitch />
      </div>
    </header>
  );
}
