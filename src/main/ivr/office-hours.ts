/**
 * Is the office open now? The weekly hours (one span per weekday; a day without one is closed) and
 * the shared holiday table (a holiday is closed all day, whatever the weekday says). Local time.
 */
import type { OfficeHours } from '../../shared/contract/ivr';
import type { OfficeState } from './ivr.engine';

export type HolidayCalendar = { isHoliday(isoDate: string): boolean };

const pad = (n: number) => String(n).padStart(2, '0');
export const localIsoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export function officeState(at: Date, hours: OfficeHours, holidays: HolidayCalendar): OfficeState {
  if (holidays.isHoliday(localIsoDate(at))) return 'holiday';
  const span = hours.find((h) => h.weekday === at.getDay());
  if (!span) return 'closed';
  const now = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  // A span past midnight (e.g. 22:00–02:00) is open after its start or before its end.
  const open = span.open <= span.close ? now >= span.open && now < span.close : now >= span.open || now < span.close;
  return open ? 'open' : 'closed';
}

/** Iranian offices: Saturday to Wednesday 08:00–17:00, Thursday 08:00–13:00, Friday closed. */
export const DEFAULT_HOURS: OfficeHours = [
  { weekday: 6, open: '08:00', close: '17:00' },
  { weekday: 0, open: '08:00', close: '17:00' },
  { weekday: 1, open: '08:00', close: '17:00' },
  { weekday: 2, open: '08:00', close: '17:00' },
  { weekday: 3, open: '08:00', close: '17:00' },
  { weekday: 4, open: '08:00', close: '13:00' },
];
