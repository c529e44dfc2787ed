import { useCallback, useEffect, useRef, useState } from 'react';
import { AlarmCenter } from '../alarms/alarm-center';
import { CallBar } from '../calls/call-bar';
import { CallsScreen } from '../calls/calls-screen';
import { ChequesSection } from '../cheque-templates/cheques-section';
import { ChequesScreen, type ChequeRequest } from '../cheques/cheques-screen';
import { LinesScreen } from '../lines/lines-screen';
import { IvrScreen } from '../ivr/ivr-screen';
import { OperatorWaitingBars } from '../ivr/operator-waiting';
import { VoicemailIndicator } from '../ivr/voicemail-indicator';
import { RecordingIndicator } from '../recordings/recording-indicator';
import { VoicemailInbox } from '../ivr/voicemail-inbox';
import { PhonebookScreen, type PhonebookRequest } from '../phonebook/phonebook-screen';
import { RemindersScreen, type ReminderRequest } from '../reminders/reminders-screen';
import { PeopleScreen, type PeopleRequest } from '../people/people-screen';
import { AttendanceScreen } from '../attendance/attendance-screen';
import { CallerPopups } from '../popup/caller-popups';
import { SettingsScreen } from '../settings/settings-screen';
import { anyModalOpen } from '../ui/modal-stack';
import { AppHeader, type Screen } from './app-header';
import { ConnectionBanner } from './connection-banner';
import { parseAppRoute } from './routes';

/**
 * The main window. The phonebook stays mounted while other screens are shown, so its search, scroll
 * and open contact are where the user left them. Ctrl+F (by key position, so it works on a Persian
 * keyboard layout too) goes to the phonebook's search box from anywhere. '#contact=12' and
 * '#new-contact=0912…' (from the desktop app's popup window, or a link) open the phonebook there;
 * '#voicemail' opens the voicemail inbox; '#cheque=5' opens a cheque and '#cheques?contact=12' the cheque
 * book filtered to a contact (both from the contact's list of cheques).
 */
export function App() {
  const [screen, setScreen] = useState<Screen>('phonebook');
  const [showRecordings, setShowRecordings] = useState(0);
  const [request, setRequest] = useState<PhonebookRequest | null>(null);
  const seq = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);

  const openContact = useCallback((id: number) => {
    setScreen('phonebook');
    setRequest({ seq: ++seq.current, kind: 'open', id });
  }, []);
  const addContact = useCallback((number: string) => {
    setScreen('phonebook');
    setRequest({ seq: ++seq.current, kind: 'new', number });
  }, []);
  const [reminderRequest, setReminderRequest] = useState<ReminderRequest | null>(null);
  const openReminder = useCallback((id: number) => {
    setScreen('reminders');
    setReminderRequest({ seq: ++seq.current, id });
  }, []);
  const [chequeRequest, setChequeRequest] = useState<ChequeRequest | null>(null);
  const openCheque = useCallback((id: number) => {
    setScreen('cheques');
    setChequeRequest({ seq: ++seq.current, kind: 'open', id });
  }, []);
  const openContactCheques = useCallback((contactId: number) => {
    setScreen('cheques');
    setChequeRequest({ seq: ++seq.current, kind: 'contact', contactId });
  }, []);

  const [peopleRequest, setPeopleRequest] = useState<PeopleRequest | null>(null);
  // Where the alarm bell goes in the header (the alarm centre renders it there through a portal).
  const [bellSlot, setBellSlot] = useState<HTMLElement | null>(null);
  const openFile = useCallback((id: number) => {
    setScreen('people');
    setPeopleRequest({ seq: ++seq.current, fileId: id });
  }, []);

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

  useEffect(() => {
    const follow = () => {
      const route = parseAppRoute(window.location.hash);
      if (!route) return;
      window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
      if (route.kind === 'contact') openContact(route.id);
      else if (route.kind === 'file') openFile(route.id);
      else if (route.kind === 'voicemail') setScreen('voicemail');
      else if (route.kind === 'lines') setScreen('lines');
      else if (route.kind === 'cheque') openCheque(route.id);
      else if (route.kind === 'contact-cheques') openContactCheques(route.contactId);
      else addContact(route.number);
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [openContact, addContact, openFile, openCheque, openContactCheques]);

  return (
    <div className="app">
      <AppHeader
        screen={screen}
        onScreen={setScreen}
        end={
          <>
            <span ref={setBellSlot} className="header-slot" />
            <RecordingIndicator
              onOpen={() => {
                setScreen('calls');
                setShowRecordings((n) => n + 1);
              }}
            />
            <VoicemailIndicator onOpen={() => setScreen('voicemail')} />
          </>
        }
      />
      <ConnectionBanner />
      <CallBar>
        <OperatorWaitingBars />
      </CallBar>
      <main className="app-main">
        <div className="screen" hidden={screen !== 'phonebook'}>
          <PhonebookScreen searchRef={searchRef} request={request} onOpenReminder={openReminder} onShowReminders={() => setScreen('reminders')} />
        </div>
        <div className="screen" hidden={screen !== 'calls'}>
          <CallsScreen onOpenContact={openContact} onAddContact={addContact} showRecordings={showRecordings} />
        </div>
        <div className="screen" hidden={screen !== 'reminders'}>
          <RemindersScreen onOpenContact={openContact} request={reminderRequest} />
        </div>
        <div className="screen" hidden={screen !== 'cheques'}>
          {/* Sub-tabs: the cheque book and the print templates (designer). */}
          <ChequesSection bookRequest={chequeRequest} book={<ChequesScreen onOpenContact={openContact} request={chequeRequest} />} />
        </div>
        <div className="screen" hidden={screen !== 'people'}>
          <PeopleScreen onOpenContact={openContact} request={peopleRequest} />
        </div>
        {screen === 'attendance' && (
          <div className="screen">
            <AttendanceScreen />
          </div>
        )}
        {screen === 'ivr' && (
          <div className="screen screen-scroll">
            <IvrScreen />
          </div>
        )}
        {screen === 'voicemail' && (
          <div className="screen screen-scroll">
            <VoicemailInbox onOpenContact={openContact} />
          </div>
        )}
        {screen === 'lines' && (
          <div className="screen screen-scroll">
            <LinesScreen />
          </div>
        )}
        {screen === 'settings' && (
          <div className="screen screen-scroll">
            <SettingsScreen />
          </div>
        )}
      </main>
      <CallerPopups onOpenContact={openContact} onOpenFile={openFile} onAddContact={addContact} />
      <AlarmCenter onOpenReminder={openReminder} onOpenContact={openContact} onOpenCheque={openCheque} bellSlot={bellSlot} />
    </div>
  );
}
