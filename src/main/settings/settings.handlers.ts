import type { settingsApi } from '../../shared/contract/settings.api';
import type { Handlers } from '../kernel/handlers';
import type { SettingsService } from './settings.service';
import type { EngineContext } from '../kernel/context';

export type SettingsDeps = { settings: SettingsService; ctx: EngineContext };

/** The handlers of `settingsApi` (src/shared/contract/settings.api.ts). */
export function settingsHandlers({ settings, ctx }: SettingsDeps): Handlers<typeof settingsApi> {
  return {
    'settings/get': () => settings.get(),
    'settings/update': (patch) => {
      const next = settings.update(patch);
      ctx.emit('settings/changed', next);
      return next;
    },
  };
}
