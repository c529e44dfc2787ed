/**
 * Settings: language, calendar, the office's phone region and the other preferences.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { settingsSchema, type Settings } from './settings';
import { request, none, type RequestMap } from './request';

export const settingsApi = {
  'settings/get': request(none).reads('settings.read').returns<Settings>(),
  /** Partial update; returns the full settings. Fails with 'validation' naming the field. */
  'settings/update': request(settingsSchema.partial()).writes('settings.admin').returns<Settings>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type SettingsEvents = {
  'settings/changed': Settings;
};
