import { useEffect, useRef, useState } from 'react';
import { CallBar } from '../calls/call-bar';
import { CallsScreen } from '../calls/calls-screen';
import { PhonebookScreen } from '../phonebook/phonebook-screen';
import { SettingsScreen } from '../settings/settings-screen';
import { anyModalOpen } from '../ui/modal-stack';
import { AppHeader, type Screen } from './app-header';
import { ConnectionBanner } from './connection-banner';

/**
 * The main window. The phonebook stays mounted while Settings is shown, so its search, scroll and
 * open contact are where the user left them. Ctrl+F (by key position, so it works on a Persian
 * keyboard layout too) goes to the phonebook's search box from anywhere.
 */
export function App() {
  const [screen, setScreen] = useState<Screen>('phonebook');
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyF' && !anyModalOpen()) {
        e.preventDefault();
        setScreen('phonebook');
        requestAnimationFrame(() => {
          searchRef.current?.focus();
          searchRef.current?.select();
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="app">
      <AppHeader screen={screen} onScreen={setScreen} />
      <ConnectionBanner />
      <CallBar />
      <main className="app-main">
        <div className="screen" hidden={screen !== 'phonebook'}>
          <PhonebookScreen searchRef={searchRef} />
        </div>
        <div className="screen" hidden={screen !== 'calls'}>
          <CallsScreen onOpenContact={() => setScreen('phonebook')} onAddContact={() => setScreen('phonebook')} />
        </div>
        {screen === 'settings' && (
          <div className="screen screen-scroll">
            <SettingsScreen />
          </div>
        )}
      </main>
    </div>
  );
}
