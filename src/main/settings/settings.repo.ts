import type { Db } from '../db/database';

/** Settings are stored one JSON value per key. */
export function createSettingsRepo(db: Db) {
  const all = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const put = db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  return {
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
