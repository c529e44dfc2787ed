import { useCallback, useEffect, useRef, useState } from 'react';
import { AlarmCenter } from '../alarms/alarm-center';
import { CallBar } from '../calls/call-bar';
import { OperatorWaitingBars } from '../ivr/operator-waiting';
import { VoicemailIndicator } from '../ivr/voicemail-indicator';
import { RecordingIndicator } from '../recordings/recording-indicator';
import { PhonebookScreen } from '../phonebook/phonebook-screen';
import { DuplicatesScreen } from '../duplicates/duplicates-screen';
import type { PeoplePlace } from '../people/people-screen';
import { CallerPopups } from '../popup/caller-popups';
import { FaxPopups } from '../popup/fax-popups';
import { anyModalOpen } from '../ui/modal-stack';
import { ShownWhen } from '../ui/shown-when';
import { useSession } from '../accounts/session-context';
import { AppHeader, SCREEN_NEEDS, type Screen } from './app-header';
import { BackupWarning } from '../settings/backup-warning';
import { ConnectionBanner } from './connection-banner';
import {
  AttendanceScreen,
  AuditScreen,
  CallsScreen,
  DashboardScreen,
  ChequesScreen,
  ChequesSection,
  FaxScreen,
  FaxLogScreen,
  FaxRoutesScreen,
  IvrScreen,
  LinesScreen,
  PeopleScreen,
  RemindersScreen,
  SettingsScreen,
  VoicemailInbox,
} from './lazy-screens';
import { screenOf, TAB_HOMES, tabRoute } from './route-memory';
import { href, navigate, newContactRoute, parse, useRoute, type Route } from './router';

/**
 * The main window. Where the user is lives in the address's hash only (see router.ts): the header's tabs,
 * links and "open" buttons navigate, and each screen shows what the route says, so Back, Forward, a copied
 * link and a reload all land on the same screen and record. The phonebook stays mounted while other screens
 * are shown, so its search, scroll and open contact are where the user left them, and its tab returns to
 * the contact that was open. Ctrl+F (by key position, so it works on a Persian keyboard layout too) goes to
 * the phonebook's search box from anywhere.
 */
export function App() {
  const route = useRoute();
  const { may } = useSession();
  // A link to a screen this user may not use lands on the phonebook (the engine would refuse its requests).
  const screen = may(SCREEN_NEEDS[screenOf(route)]) ? screenOf(route) : 'phonebook';
  // Each tab's place to come back to (a contact open in the phonebook, the Calls tab last shown); kept in a
  // ref so a render reads it at once, and changed only by the route being shown.
  const memory = useRef<Record<Screen, Route>>({ ...TAB_HOMES });
  memory.current[screen] = tabRoute(route) ?? memory.current[screen];
  const searchRef = useRef<HTMLInputElement>(null);

  // Addresses of the first version ('#contact=12') and anything unreadable become the canonical address.
  // It reads the address as it is now: a screen's own effect in the same commit may already have moved on
  // (a deleted record's link replaced by its list), and the route this render saw would move it back.
  useEffect(() => {
    const now = parse(window.location.hash);
    if (window.location.hash !== href(now)) navigate(now, { replace: true });
  }, [route]);

  const openContact = useCallback((id: number) => navigate({ screen: 'contact', id }), []);
  const addContact = useCallback((number: string) => navigate(newContactRoute(number)), []);
  const openReminder = useCallback((id: number) => navigate({ screen: 'reminder', id }), []);
  const openCheque = useCallback((id: number) => navigate({ screen: 'cheque', id }), []);
  const openFile = useCallback((id: number) => navigate({ screen: 'file', id }), []);
  const showScreen = useCallback((s: Screen) => navigate(memory.current[s]), []);
  // Where the alarm bell goes in the header (the alarm centre renders it there through a portal).
  const [bellSlot, setBellSlot] = useState<HTMLElement | null>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyF' && !anyModalOpen()) {
        e.preventDefault();
        navigate(memory.current.phonebook);
        requestAnimationFrame(() => {
          searchRef.current?.focus();
          searchRef.current?.select();
        });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // What the kept-mounted screens show in place: from their remembered route, so they stay as left.
  const book = memory.current.phonebook;
  const calls = memory.current.calls;
  const people = memory.current.people;
  const peoplePlace: PeoplePlace = people.screen === 'file' ? { fileId: people.id } : { kind: people.screen === 'people' ? people.kind : 'staff' };
  const cheques = memory.current.cheques;
  const chequesView = cheques.screen === 'templates' || cheques.screen === 'template' ? 'templates' : 'book';

  return (
    <div className="app">
      <AppHeader
        screen={screen}
        onScreen={showScreen}
        end={
          <>
            <span ref={setBellSlot} className="header-slot" />
            <RecordingIndicator onOpen={() => navigate({ screen: 'calls', tab: 'recordings' })} />
            <VoicemailIndicator onOpen={() => navigate({ screen: 'voicemail' })} />
            <BackupWarning onOpen={() => navigate({ screen: 'settings' })} />
          </>
        }
      />
      <ConnectionBanner />
      <CallBar>
        <OperatorWaitingBars />
      </CallBar>
      <main className="app-main">
        {screen === 'dashboard' && (
          <div className="screen">
            <DashboardScreen onOpenContact={openContact} />
          </div>
        )}
        <div className="screen" hidden={screen !== 'phonebook'}>
          <ShownWhen when={screen === 'phonebook'} lazy>
            {route.screen === 'duplicates' ? (
              <DuplicatesScreen />
            ) : (
              <PhonebookScreen
                searchRef={searchRef}
                openId={book.screen === 'contact' ? book.id : null}
                newNumber={route.screen === 'new-contact' ? route.number : null}
                onOpenReminder={openReminder}
                onShowReminders={() => navigate({ screen: 'reminders' })}
              />
            )}
          </ShownWhen>
        </div>
        <div className="screen" hidden={screen !== 'calls'}>
          <ShownWhen when={screen === 'calls'} lazy>
            <CallsScreen
              tab={calls.screen === 'calls' ? calls.tab : 'recordings'}
              recordingId={route.screen === 'recording' ? route.id : null}
              callId={route.screen === 'call' ? route.id : null}
              onOpenContact={openContact}
              onAddContact={addContact}
            />
          </ShownWhen>
        </div>
        <div className="screen" hidden={screen !== 'reminders'}>
          <ShownWhen when={screen === 'reminders'} lazy>
            <RemindersScreen onOpenContact={openContact} reminderId={route.screen === 'reminder' ? route.id : null} />
          </ShownWhen>
        </div>
        <div className="screen" hidden={screen !== 'cheques'}>
          <ShownWhen when={screen === 'cheques'} lazy>
            {/* Sub-tabs: the cheque book and the print templates (designer). */}
            <ChequesSection
              view={chequesView}
              templateId={cheques.screen === 'template' ? cheques.id : null}
              book={
                <ChequesScreen
                  onOpenContact={openContact}
                  chequeId={route.screen === 'cheque' ? route.id : null}
                  contactId={route.screen === 'cheques' ? route.contactId : null}
                  booksOpen={route.screen === 'cheque-books'}
                />
              }
            />
          </ShownWhen>
        </div>
        <div className="screen" hidden={screen !== 'people'}>
          <ShownWhen when={screen === 'people'} lazy>
            <PeopleScreen onOpenContact={openContact} place={peoplePlace} />
          </ShownWhen>
        </div>
        {screen === 'attendance' && (
          <div className="screen">
            <AttendanceScreen tab={route.screen === 'attendance' ? route.tab : 'clock'} />
          </div>
        )}
        {screen === 'ivr' && (
          <div className="screen screen-scroll">
            <IvrScreen tab={route.screen === 'ivr' ? route.tab : 'trees'} treeId={route.screen === 'ivr-tree' ? route.id : null} />
          </div>
        )}
        {screen === 'voicemail' && (
          <div className="screen screen-scroll">
            <VoicemailInbox onOpenContact={openContact} />
          </div>
        )}
        {screen === 'lines' && (
          <div className="screen screen-scroll">
            <LinesScreen lineId={route.screen === 'line' ? route.id : null} />
          </div>
        )}
        {screen === 'fax' && (
          <div className="screen screen-scroll">
            {route.screen === 'fax-routes' ? (
              <FaxRoutesScreen />
            ) : route.screen === 'fax-log' || route.screen === 'fax-log-entry' ? (
              <FaxLogScreen entryId={route.screen === 'fax-log-entry' ? route.id : null} />
            ) : (
              <FaxScreen route={route} />
            )}
          </div>
        )}
        {screen === 'settings' && <div className="screen screen-scroll">{route.screen === 'audit' ? <AuditScreen /> : <SettingsScreen />}</div>}
      </main>
      <CallerPopups onOpenContact={openContact} onOpenFile={openFile} onAddContact={addContact} />
      <FaxPopups />
      <AlarmCenter onOpenReminder={openReminder} onOpenContact={openContact} onOpenCheque={openCheque} bellSlot={bellSlot} />
    </div>
  );
}
