/**
 * The shared holiday table: official holidays and office closures by local date. Any module that
 * counts working days (attendance, cheque due dates, reminders) reads it through `isHoliday` or
 * `between`; the UI edits it through 'holidays/*'.
 */
import type { Holiday } from '../../shared/contract/attendance';
import type { Db } from '../db/database';

export type HolidaysRepo = ReturnType<typeof createHolidaysRepo>;

export function createHolidaysRepo(db: Db) {
  const s = {
    between: db.prepare<[string, string], Holiday>('SELECT date, title FROM holidays WHERE date BETWEEN ? AND ? ORDER BY date'),
    get: db.prepare<[string], Holiday>('SELECT date, title FROM holidays WHERE date = ?'),
    upsert: db.prepare('INSERT INTO holidays (date, title) VALUES (?, ?) ON CONFLICT (date) DO UPDATE SET title = excluded.title'),
    insertIfMissing: db.prepare('INSERT OR IGNORE INTO holidays (date, title) VALUES (?, ?)'),
    delete: db.prepare<[string]>('DELETE FROM holidays WHERE date = ?'),
  };
  return {
    /** Holidays from `from` to `to` (inclusive), in date order. */
    between: (from: string, to: string): Holiday[] => s.between.all(from, to),
    /** A map date → title for quick lookups over a range. */
    mapBetween: (from: string, to: string): Map<string, string> => new Map(s.between.all(from, to).map((h) => [h.date, h.title])),
    get: (date: string): Holiday | undefined => s.get.get(date),
    isHoliday: (date: string): boolean => s.get.get(date) !== undefined,
    set: (date: string, title: string) => void s.upsert.run(date, title),
    /** Adds each holiday whose date is free; returns how many were added. */
    addMissing: (list: Holiday[]): number => db.transaction(() => list.reduce((n, h) => n + s.insertIfMissing.run(h.date, h.title).changes, 0))(),
    delete: (date: string): boolean => s.delete.run(date).changes > 0,
  };
}
