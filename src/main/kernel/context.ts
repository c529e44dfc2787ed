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

/** One audit entry for many rows written at once (an import): what, and the counts as fields. */
export type BulkNote = { recordType: string; recordName: string; changes: { field: string; old: null; new: number | string }[] };

/** What every domain service receives: the injected clock, settings, and the event emitter. */
export type EngineContext = {
  clock: () => Date;
  settings: SettingsReader;
  emit<E extends EventName>(name: E, payload: EventMap[E]): void;
  /**
   * Writes many rows as one audit entry (the audit trail, src/main/audit): `fn`'s rows are not recorded
   * one by one. Absent where nothing is audited (unit tests of a service alone).
   */
  bulk?: <T>(fn: () => T, note: (result: T) => BulkNote) => T;
};

/** `ctx.bulk` when there is a trail, else just `fn`. */
export function bulkWrite<T>(ctx: EngineContext, fn: () => T, note: (result: T) => BulkNote): T {
  return ctx.bulk ? ctx.bulk(fn, note) : fn();
}
