/**
 * The screens other than the phonebook, in one script chunk of their own (the build splits on this
 * dynamic import of other-screens.ts): the window loads and runs only the phonebook's code before its first paint, and a
 * screen's code is fetched the first time the screen is shown (ShownWhen lazy, or the conditional
 * screens in app.tsx). The chunks sit beside app.js, so they load under the CSP's script-src 'self' in
 * the browser and from app://monshi/ in the shell. Until a chunk arrives the screen is empty (a few
 * milliseconds from the local server), as it was while its first data loaded.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType, type ReactNode } from 'react';

// The props are those of the real screen, so app.tsx type-checks against it as before.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any screen's props; ComponentProps<C> keeps the real ones
function screen<C extends ComponentType<any>>(load: () => Promise<C>): ComponentType<ComponentProps<C>> {
  const Lazy = lazy(async () => ({ default: await load() }));
  return function LazyScreen(props: ComponentProps<C>): ReactNode {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

export const DashboardScreen = screen(async () => (await import('./other-screens')).DashboardScreen);
export const CallsScreen = screen(async () => (await import('./other-screens')).CallsScreen);
export const RemindersScreen = screen(async () => (await import('./other-screens')).RemindersScreen);
export const ChequesSection = screen(async () => (await import('./other-screens')).ChequesSection);
export const ChequesScreen = screen(async () => (await import('./other-screens')).ChequesScreen);
export const PeopleScreen = screen(async () => (await import('./other-screens')).PeopleScreen);
export const AttendanceScreen = screen(async () => (await import('./other-screens')).AttendanceScreen);
export const IvrScreen = screen(async () => (await import('./other-screens')).IvrScreen);
export const VoicemailInbox = screen(async () => (await import('./other-screens')).VoicemailInbox);
export const LinesScreen = screen(async () => (await import('./other-screens')).LinesScreen);
export const FaxScreen = screen(async () => (await import('./other-screens')).FaxScreen);
export const FaxLogScreen = screen(async () => (await import('./other-screens')).FaxLogScreen);
export const FaxRoutesScreen = screen(async () => (await import('./other-screens')).FaxRoutesScreen);
export const AuditScreen = screen(async () => (await import('./other-screens')).AuditScreen);
export const SettingsScreen = screen(async () => (await import('./other-screens')).SettingsScreen);
