/**
 * The numbers to call back, read from the partial index of missed calls nobody returned
 * (calls_unreturned_by_day covers every column this needs), and the front desk's dismissals.
 */
import type { Db } from '../db/database';

export type CallbackGroupDb = {
  number_key: string;
  missed: number;
  first_at: number;
  last_at: number;
  last_id: number;
};

export function createCallbacksRepo(db: Db) {
  const UNRETURNED = "outcome = 'missed' AND returned_at IS NULL AND started_at >= ?";
  const groups = db.prepare<[number, number], CallbackGroupDb>(
    `SELECT number_key, COUNT(*) AS missed, MIN(started_at) AS first_at, MAX(started_at) AS last_at, MAX(id) AS last_id
     FROM calls INDEXED BY calls_unreturned_by_day WHERE ${UNRETURNED} AND number_key <> ''
     GROUP BY number_key ORDER BY last_at DESC, last_id DESC LIMIT ?`,
  );
  const numbers = db
    .prepare<[number], number>(`SELECT COUNT(DISTINCT number_key) FROM calls INDEXED BY calls_unreturned_by_day WHERE ${UNRETURNED} AND number_key <> ''`)
    .pluck();
  const withheld = db
    .prepare<[number], number>(`SELECT COUNT(*) FROM calls INDEXED BY calls_unreturned_by_day WHERE ${UNRETURNED} AND number_key = ''`)
    .pluck();
  const dismissCalls = db.prepare<[number, string, number]>(
    "UPDATE calls SET returned_at = ? WHERE number_key = ? AND outcome = 'missed' AND returned_at IS NULL AND started_at <= ?",
  );
  const addDismissal = db.prepare<[string, number, string, number]>(
    'INSERT INTO callback_dismissals (number_key, dismissed_at, by_name, calls) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET calls = calls + excluded.calls',
  );
  const dismissal = db.prepare<[string, number], number>('SELECT 1 FROM callback_dismissals WHERE number_key = ? AND dismissed_at = ?').pluck();

  return {
    groups: (since: number, limit: number) => groups.all(since, limit),
    numbers: (since: number) => numbers.get(since) ?? 0,
    withheld: (since: number) => withheld.get(since) ?? 0,
    /** Marks the number's unreturned missed calls as dealt with at `at`; how many there were (0: nothing done). */
    dismiss: db.transaction((numberKey: string, at: number, by: string): number => {
      const n = dismissCalls.run(at, numberKey, at).changes;
      if (n > 0) addDismissal.run(numberKey, at, by, n);
      return n;
    }),
    /** Whether a call's returned_at is a dismissal of its number rather than a call back. */
    wasDismissed: (numberKey: string, returnedAt: number) => dismissal.get(numberKey, returnedAt) === 1,
  };
}

export type CallbacksRepo = ReturnType<typeof createCallbacksRepo>;
