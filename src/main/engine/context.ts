import type { EventMap, EventName } from '../../shared/contract/api';
import type { SettingsService } from '../settings/settings.service';

/** What every domain service receives: the injected clock, settings, and the event emitter. */
export type EngineContext = {
  clock: () => Date;
  settings: SettingsService;
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
};
