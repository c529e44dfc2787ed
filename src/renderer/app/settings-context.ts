import { createContext, useContext } from 'react';
import type { Result } from '../../shared/contract/errors';
import type { Settings } from '../../shared/contract/settings';

export type SettingsState = {
  settings: Settings;
  /** Saves a partial update; the returned settings are applied at once (language, calendar …). */
  update: (patch: Partial<Settings>) => Promise<Result<Settings>>;
};

export const SettingsContext = createContext<SettingsState | null>(null);

export function useSettings(): SettingsState {
  const s = useContext(SettingsContext);
  if (!s) throw new Error('useSettings outside SettingsContext');
  return s;
}
