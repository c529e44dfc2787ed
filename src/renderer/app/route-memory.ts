import type { Screen } from './app-header';
import { HOME, type Route } from './router';

/** The header tab a route belongs to. */
export function screenOf(route: Route): Screen {
  switch (route.screen) {
    case 'contact':
    case 'new-contact':
      return 'phonebook';
    case 'call':
    case 'recording':
      return 'calls';
    case 'reminder':
      return 'reminders';
    case 'file':
      return 'people';
    case 'cheque':
    case 'cheque-books':
    case 'templates':
    case 'template':
      return 'cheques';
    case 'ivr-tree':
      return 'ivr';
    case 'line':
      return 'lines';
    case 'fax-document':
    case 'fax-send':
    case 'fax-job':
    case 'fax-log':
    case 'fax-log-entry':
    case 'fax-routes':
      return 'fax';
    case 'audit':
      return 'settings';
    case 'duplicates':
      return 'phonebook';
    default:
      return route.screen;
  }
}

/**
 * Where a header tab goes back to when the user left it at this route; null: where it was before (the
 * new-contact form opens over whatever the phonebook showed, and closes back to it; so does one call's page over
 * the Calls tab it was opened from). The screens kept mounted keep what
 * was open in place (a contact beside the list, a people file, a tab of Calls or a cheque sub-tab), as they
 * did before the router; a record that opens in a dialog is not opened again by the tab, and a screen drawn
 * afresh each time starts on its first tab.
 */
export function tabRoute(route: Route): Route | null {
  switch (route.screen) {
    case 'new-contact':
    case 'call':
      return null;
    case 'recording':
      return { screen: 'calls', tab: 'recordings' };
    case 'reminder':
      return { screen: 'reminders' };
    case 'cheque':
    case 'cheques':
    case 'cheque-books':
      return { screen: 'cheques', contactId: null };
    case 'attendance':
      return { screen: 'attendance', tab: 'clock' };
    case 'ivr':
    case 'ivr-tree':
      return { screen: 'ivr', tab: 'trees' };
    case 'line':
      return { screen: 'lines' };
    case 'fax-document':
    case 'fax-send':
    case 'fax-job':
      return { screen: 'fax' };
    case 'fax-log-entry':
    case 'fax-routes':
      return { screen: 'fax-log' };
    default:
      return route;
  }
}

/** Each tab's place to return to, first the tab's own home. */
export const TAB_HOMES: Record<Screen, Route> = {
  dashboard: { screen: 'dashboard' },
  phonebook: HOME,
  calls: { screen: 'calls', tab: 'log' },
  reminders: { screen: 'reminders' },
  people: { screen: 'people', kind: 'staff' },
  attendance: { screen: 'attendance', tab: 'clock' },
  cheques: { screen: 'cheques', contactId: null },
  ivr: { screen: 'ivr', tab: 'trees' },
  voicemail: { screen: 'voicemail' },
  lines: { screen: 'lines' },
  fax: { screen: 'fax' },
  settings: { screen: 'settings' },
};
