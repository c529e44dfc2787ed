import type { Db } from '../db/database';

type SettingsRow = { folder: string; daily_at: string; at_exit: number; keep: number; password: string };

/** The backup settings (one row) and the log of attempts (backup_runs), in SQL. */
export function createBackupRepo(db: Db) {
  const get = db.prepare<[], SettingsRow>('SELECT folder, daily_at, at_exit, keep, password FROM backup_settings WHERE id = 1');
  const put = db.prepare<[string, string, number, number, string]>(
    'UPDATE backup_settings SET folder = ?, daily_at = ?, at_exit = ?, keep = ?, password = ? WHERE id = 1',
  );
  const add = db.prepare<[number, string, number, number, string]>('INSERT INTO backup_runs (at, file, ok, bytes, error) VALUES (?, ?, ?, ?, ?)');
  const lastGood = db.prepare<[], { at: number }>('SELECT max(at) AS at FROM backup_runs WHERE ok = 1');
  const lastFail = db.prepare<[], { at: number; error: string }>('SELECT at, error FROM backup_runs WHERE ok = 0 ORDER BY at DESC, id DESC LIMIT 1');
  const lastAny = db.prepare<[], { at: number }>('SELECT max(at) AS at FROM backup_runs');
  return {
    settings() {
      const r = get.get() ?? { folder: '', daily_at: '', at_exit: 0, keep: 7, password: '' };
      return { folder: r.folder, dailyAt: r.daily_at, atExit: r.at_exit === 1, keep: r.keep, password: r.password };
    },
    /** `password` undefined keeps the one stored. */
    saveSettings(s: { folder: string; dailyAt: string; atExit: boolean; keep: number; password?: string }) {
      const password = s.password ?? get.get()?.password ?? '';
      put.run(s.folder, s.dailyAt, s.atExit ? 1 : 0, s.keep, password);
    },
    addRun(r: { at: number; file: string; ok: boolean; bytes: number; error: string }) {
      add.run(r.at, r.file, r.ok ? 1 : 0, r.bytes, r.error);
    },
    lastGoodAt: (): number | null => lastGood.get()?.at ?? null,
    lastRunAt: (): number | null => lastAny.get()?.at ?? null,
    lastFailure: () => lastFail.get() ?? null,
  };
}
