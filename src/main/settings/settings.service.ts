import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../shared/contract/settings';
import { officeRegion, type PhoneRegion } from '../../shared/text/phone';
import type { Db } from '../db/database';
import { validationError } from '../kernel/app-error';
import { createSettingsRepo } from './settings.repo';

export type SettingsService = ReturnType<typeof createSettingsService>;

export function createSettingsService(db: Db) {
  const repo = createSettingsRepo(db);
  let current = load();

  function load(): Settings {
    const stored = repo.readAll();
    // A stored value that no longer validates (edited by hand, older version) falls back to the default.
    const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const [k, v] of Object.entries(stored)) {
      const one = settingsSchema.shape[k as keyof Settings]?.safeParse(v);
      if (one?.success) merged[k] = one.data;
    }
    return settingsSchema.parse(merged);
  }

  return {
    get: (): Settings => current,
    update(patch: Partial<Settings>): Settings {
      const next = { ...current, ...patch };
      const checked = settingsSchema.safeParse(next);
      if (!checked.success) {
        const field = String(checked.error.issues[0]?.path[0] ?? '');
        throw validationError('validation.setting', field, { field });
      }
      repo.writeMany(patch);
      current = checked.data;
      return current;
    },
    phoneRegion(): PhoneRegion {
      return officeRegion(current.phoneCountryCode, current.phoneAreaCode);
    },
  };
}
