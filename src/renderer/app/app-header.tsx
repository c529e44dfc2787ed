import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { LanguageSwitch } from './language-switch';

export type Screen = 'phonebook' | 'calls' | 'reminders' | 'people' | 'attendance' | 'cheques' | 'ivr' | 'voicemail' | 'lines' | 'fax' | 'settings';

/** App name, the modules that exist (only those), and the language switch. */
export function AppHeader({ screen, onScreen, end }: { screen: Screen; onScreen: (s: Screen) => void; end?: ReactNode }) {
  const t = useT();
  const tabs: { id: Screen; label: string }[] = [
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
        {tabs.map((tab) => (
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
        <LanguageSwitch />
      </div>
    </header>
  );
}
