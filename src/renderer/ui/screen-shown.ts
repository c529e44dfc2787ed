import { createContext } from 'react';

/**
 * Whether the screen around a component is the one shown. Screens kept mounted while hidden (the phonebook,
 * Calls, Cheques…) say false, so a dialog they had open waits, hidden and not modal, until the user comes back
 * (by Back, a link or the tab) instead of staying over another screen. Anything outside a screen is shown.
 */
export const ScreenShownContext = createContext(true);
