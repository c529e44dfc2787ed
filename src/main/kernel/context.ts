import type { EventMap, EventName } from '../../shared/contract/api';
import type { Settings } from '../../shared/contract/settings';
import type { PhoneRegion } from '../../shared/text/phone';

/**
 * What services read of the settings: the current values and the office's phone region. The
 * settings service satisfies it; the kernel names only this much so it imports no domain.
 */
export type SettingsReader = {
  get(): Settings;
  phoneRegion(): PhoneRegion;
};

/** What every domain service receives: the injected clock, settings, and the event emitter. */
export type EngineContext = {
  clock: () => Date;
  settings: SettingsReader;
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
};
