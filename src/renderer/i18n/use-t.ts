import { useContext } from 'react';
import { LocaleContext, type Locale } from './locale';
import type { Messages } from './messages';

/** The messages of the current UI language. Every visible string comes from here. */
export function useT(): Messages {
  return useContext(LocaleContext).t;
}

/** Messages plus digit and date formatting for the current language and calendar. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}
