import type { Db } from '../db/database';

/** Settings are stored one JSON value per key. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const put = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const one = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  return {
    /** A bookkeeping value the engine keeps beside the settings (an `internal.` key: no screen shows it, load ignores it). */
    internal(key: `internal.${string}`): unknown {
      const row = one.get(key);
      return row ? JSON.parse(row.value) : undefined;
    },
    readAll(): Record<string, unknown> {
      const out: Record<string, unknown> = {};
      for (const row of all.all()) out[row.key] = JSON.parse(row.value);
      return out;
    },
    writeMany: db.transaction((values: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(values)) put.run(k, JSON.stringify(v));
    }),
  };
}

/**
 * One stored value read before any service exists (the start-failure message reads the language from a
 * read-only connection); undefined when the user never changed it.
 */
export function readStoredSetting(db: Db, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  return row ? JSON.parse(row.value) : undefined;
}
