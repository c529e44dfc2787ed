/**
 * The IVR's view of the shared holiday table (migration 0005, edited on the attendance screen and
 * by 'holidays/*'). Read through its own statement so the IVR depends on the table, not on the
 * attendance module's code; a database without the table has no holidays.
 */
import type { Db } from '../db/database';
import type { HolidayCalendar } from './office-hours';

export function holidayCalendar(db: Db): HolidayCalendar {
  const exists = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'holidays'").get()?.n === 1;
  if (!exists) return { isHoliday: () => false };
  const get = db.prepare<[string], { date: string }>('SELECT date FROM holidays WHERE date = ?');
  return { isHoliday: (date) => get.get(date) !== undefined };
}
