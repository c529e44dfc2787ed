import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Settings } from '../../shared/contract/settings';
import type { ShellConnection } from '../connection/connection-status';
import { LocaleContext, makeLocale } from '../i18n/locale';
import { ConfirmProvider } from '../ui/confirm-provider';
import { ToastProvider } from '../ui/toast-provider';
import { parsePopupRoute, PopupWindowApp } from '../popup/popup-window-app';
import { FaxPopupWindowApp, parseFaxPopupRoute } from '../popup/fax-popup-window-app';
import { App } from './app';
import { CatalogProvider } from './catalog-provider';
import { ClientContext, createClient } from './client';
import { SettingsContext, type SettingsState } from './settings-context';
import { StartScreen } from './start-screen';
import type { SessionState } from '../../shared/contract/accounts';
import type { Method } from '../../shared/contract/api';
import { SessionContext, type Session } from '../accounts/session-context';
import { SignInScreen } from '../accounts/sign-in-screen';
import { useIdleLock } from '../accounts/use-idle-lock';

const RETRY_MS = 2000;

/**
 * Loads the settings (language, calendar) before anything else is drawn, then provides the client,
 * the locale and the shared state to the app. The page's direction and language follow the setting.
 */
export function Root({ conn }: { conn: ShellConnection }) {
  const langRef = useRef<Settings['language']>('fa');
  const client = useMemo(() => createClient(conn, () => langRef.current), [conn]);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Accounts (issue 18): who this browser or window is, loaded first; the settings only once someone may read them.
  const [session, setSession] = useState<SessionState | null>(null);
  const inside = session !== null && (session.mode === 'open' || (session.user !== null && !session.locked));
  // The desktop app's caller-ID popup window loads this page at '#popup?callId=…'.
  const [popup] = useState(() => parsePopupRoute(window.location.hash));
  // …and a received fax's popup window '#fax-popup?faxId=…'.
  const [faxPopup] = useState(() => parseFaxPopupRoute(window.location.hash));

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      void client.call('accounts/state', {}).then((r) => {
        if (stop) return;
        if (r.ok) return setSession(r.value);
        setFailure(r.error.message);
        timer = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [client]);

  useEffect(() => {
    if (!inside) return;
    let stop = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      void client.call('settings/get', {}).then((r) => {
        if (stop) return;
        if (r.ok) {
          setSettings(r.value);
          setFailure(null);
        } else {
          setFailure(r.error.message);
          timer = setTimeout(load, RETRY_MS);
        }
      });
    };
    load();
    const off = client.subscribe('settings/changed', setSettings);
    return () => {
      stop = true;
      clearTimeout(timer);
      off();
    };
  }, [client, inside]);
  useIdleLock(client, inside && session?.mode === 'accounts' ? session.idleLockMinutes : 0, setSession);

  const lang = settings?.language ?? session?.language ?? 'fa';
  langRef.current = lang;
  const locale = useMemo(() => makeLocale(lang, settings?.calendar ?? 'jalali'), [lang, settings?.calendar]);

  useEffect(() => {
    document.documentElement.lang = locale.lang;
    document.documentElement.dir = locale.dir;
    document.title = locale.t.app.name;
  }, [locale]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      // The language and calendar are anyone's to switch; the other settings are the manager's.
      const preference = Object.keys(patch).every((k) => k === 'language' || k === 'calendar');
      if (preference && session?.mode === 'accounts') {
        const pref = await client.call('accounts/preferences', patch as { language?: 'fa' | 'en'; calendar?: 'jalali' | 'gregorian' });
        if (!pref.ok) return pref;
        const r = await client.call('settings/get', {});
        if (r.ok) setSettings(r.value);
        return r;
      }
      const r = await client.call('settings/update', patch);
      if (r.ok) setSettings(r.value);
      return r;
    },
    [client, session?.mode],
  );
  const sessionValue = useMemo<Session | null>(() => {
    if (!session) return null;
    const allowed = new Set(session.allowed);
    return { state: session, set: setSession, may: (m: Method) => allowed.has(m) };
  }, [session]);
  const settingsState = useMemo<SettingsState | null>(() => (settings ? { settings, update } : null), [settings, update]);

  return (
    <LocaleContext.Provider value={locale}>
      <ClientContext.Provider value={client}>
        {session && !inside ? (
          <SignInScreen key={`${session.locked}-${session.user?.id ?? 0}`} state={session} onState={setSession} />
        ) : settingsState && sessionValue ? (
          <SessionContext.Provider value={sessionValue}>
            <SettingsContext.Provider value={settingsState}>
              <ToastProvider>
                <ConfirmProvider>
                  {popup ? (
                    <PopupWindowApp callId={popup.callId} />
                  ) : faxPopup ? (
                    <FaxPopupWindowApp faxId={faxPopup.faxId} />
                  ) : (
                    <CatalogProvider>
                      <App />
                    </CatalogProvider>
                  )}
                </ConfirmProvider>
              </ToastProvider>
            </SettingsContext.Provider>
          </SessionContext.Provider>
        ) : (
          <StartScreen messages={[failure ?? locale.t.app.loading]} failed={failure !== null} />
        )}
      </ClientContext.Provider>
    </LocaleContext.Provider>
  );
}
