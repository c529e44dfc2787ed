/**
 * The monthly attendance figures of one person, computed from their records, leave, missions, work
 * schedule and the holiday table. Pure: everything, "now" included, is passed in, so the rules below
 * are tested exactly.
 *
 * Rules (written down because offices argue about them):
 * - A work day is a weekday with a shift that is not a holiday. A night shift (end not after start)
 *   ends the next morning and belongs to the day it started: a record from 22:00 on the last day of
 *   the month to 06:00 the next morning counts in this month, and a record that ended at 06:00 on the
 *   first day belongs to the month before.
 * - Each record belongs to the shift it overlaps most (of the day it started and the day before);
 *   one that overlaps no shift is extra work on the day it started.
 * - Lateness: minutes from the shift start to the first entry; early leave: from the last exit to
 *   the shift end. Hourly leave or missions in those minutes excuse them; so does the schedule's
 *   grace (a day within the grace has no lateness at all).
 * - Overtime: minutes worked outside the shift, and all work on days off and holidays.
 * - Leave by the day counts work days only (a holiday inside a week's leave is not leave); missions
 *   by the day count every day they cover.
 * - Days before the file's registration date (the first day at work) count for nothing unless
 *   something was recorded on them.
 * - A record without an exit that started more than 20 hours before now is "open": the day counts as
 *   present but its minutes are unknown until a manager corrects it.
 */
import type { DayStatus, LeaveType, ReportDay, ReportTotals, Shift } from '../../shared/contract/attendance';
import { addDays, datesBetween, iranWeekday, localMs, localTime } from './local-time';

const MINUTE = 60_000;
const OPEN_AFTER_MS = 20 * 60 * MINUTE;

export type ReportRecord = { start: number; end: number | null };
export type ReportAbsence = {
  category: 'leave' | 'mission';
  leaveType: LeaveType | null;
  unit: 'day' | 'hour';
  from: string;
  to: string;
  start: string | null;
  end: string | null;
};
export type ReportInput = {
  from: string;
  to: string;
  now: number;
  /** The person's weekly shifts; null = no schedule (no work days: everything worked is extra). */
  shifts: Shift[] | null;
  graceMinutes: number;
  holidays: Map<string, string>;
  /** The person's first day (the file's registration date): earlier days are neither work days nor absences. */
  employedFrom?: string | null;
  records: ReportRecord[];
  absences: ReportAbsence[];
};

type Span = { a: number; b: number };
type Instance = { date: string; S: number; E: number };

const overlap = (x: Span, y: Span) => Math.max(0, Math.min(x.b, y.b) - Math.max(x.a, y.a));

/** Length of `span` not covered by any of `cover` (which may overlap each other). */
function uncovered(span: Span, cover: Span[]): number {
  if (span.b <= span.a) return 0;
  const parts = cover
    .map((c) => ({ a: Math.max(c.a, span.a), b: Math.min(c.b, span.b) }))
    .filter((c) => c.b > c.a)
    .sort((p, q) => p.a - q.a);
  let covered = 0;
  let cursor = span.a;
  for (const p of parts) {
    if (p.b <= cursor) continue;
    covered += p.b - Math.max(p.a, cursor);
    cursor = p.b;
  }
  return span.b - span.a - covered;
}

const toMinutes = (ms: number) => Math.round(ms / MINUTE);

export function emptyTotals(): ReportTotals {
  return {
    workDays: 0,
    presentDays: 0,
    absentDays: 0,
    holidays: 0,
    lateDays: 0,
    lateMinutes: 0,
    earlyDays: 0,
    earlyMinutes: 0,
    overtimeMinutes: 0,
    workedMinutes: 0,
    leaveDays: { entitled: 0, sick: 0, unpaid: 0 },
    leaveMinutes: { entitled: 0, sick: 0, unpaid: 0 },
    missionDays: 0,
    missionMinutes: 0,
    openRecords: 0,
  };
}

export function computeMonth(input: ReportInput): { days: ReportDay[]; totals: ReportTotals } {
  const { now } = input;
  const shiftOf = new Map((input.shifts ?? []).map((s) => [s.weekday, s]));
  const instanceOf = (date: string): Instance | null => {
    const s = shiftOf.get(iranWeekday(date));
    if (!s || input.holidays.has(date)) return null;
    const S = localMs(date, s.start);
    const E = s.end > s.start ? localMs(date, s.end) : localMs(addDays(date, 1), s.end);
    return { date, S, E };
  };
  const dayAbsence = (date: string) => input.absences.find((x) => x.unit === 'day' && x.from <= date && date <= x.to) ?? null;
  const hourAbsences = (date: string) => input.absences.filter((x) => x.unit === 'hour' && x.from === date);
  const spanOf = (x: ReportAbsence): Span => ({ a: localMs(x.from, x.start ?? '00:00'), b: localMs(x.from, x.end ?? '00:00') });

  // Records → the day they belong to.
  const byDay = new Map<string, { span: Span; open: boolean; start: number; end: number | null }[]>();
  for (const r of input.records) {
    const ongoing = r.end === null && now - r.start < OPEN_AFTER_MS;
    const end = r.end ?? (ongoing ? Math.max(r.start, now) : r.start);
    const span = { a: r.start, b: end };
    const d0 = new Date(r.start);
    const startDate = `${d0.getFullYear()}-${String(d0.getMonth() + 1).padStart(2, '0')}-${String(d0.getDate()).padStart(2, '0')}`;
    let best: { date: string; ov: number } | null = null;
    for (const date of [addDays(startDate, -1), startDate]) {
      const inst = instanceOf(date);
      if (!inst) continue;
      // An open record is matched by its start.
      const ov = r.end === null && !ongoing ? (r.start >= inst.S - 4 * 60 * MINUTE && r.start < inst.E ? 1 : 0) : overlap(span, { a: inst.S, b: inst.E });
      if (ov > 0 && (!best || ov > best.ov)) best = { date, ov };
    }
    const day = best?.date ?? startDate;
    const list = byDay.get(day) ?? [];
    list.push({ span, open: r.end === null && !ongoing, start: r.start, end: r.end });
    byDay.set(day, list);
  }

  const totals = emptyTotals();
  const days: ReportDay[] = [];
  for (const date of datesBetween(input.from, input.to)) {
    const holiday = input.holidays.get(date) ?? null;
    const weekdayShift = shiftOf.get(iranWeekday(date)) ?? null;
    const inst = instanceOf(date);
    const recs = byDay.get(date) ?? [];
    const hours = hourAbsences(date);
    const leaveMinutes = hours.filter((h) => h.category === 'leave').reduce((n, h) => n + toMinutes(spanOf(h).b - spanOf(h).a), 0);
    const missionMinutes = hours.filter((h) => h.category === 'mission').reduce((n, h) => n + toMinutes(spanOf(h).b - spanOf(h).a), 0);
    for (const h of hours) {
      const m = toMinutes(spanOf(h).b - spanOf(h).a);
      if (h.category === 'mission') totals.missionMinutes += m;
      else if (h.leaveType) totals.leaveMinutes[h.leaveType] += m;
    }
    const whole = dayAbsence(date);
    const worked = recs.reduce((n, r) => n + (r.span.b - r.span.a), 0);
    const open = recs.some((r) => r.open);
    const closed = recs.filter((r) => r.end !== null || !r.open);
    const day: ReportDay = {
      date,
      status: 'off',
      holiday,
      shift: weekdayShift ? { start: weekdayShift.start, end: weekdayShift.end } : null,
      firstIn: recs.length ? localTime(Math.min(...recs.map((r) => r.start))) : null,
      lastOut: closed.length && !open && recs.every((r) => r.end !== null) ? localTime(Math.max(...recs.map((r) => r.end ?? r.start))) : null,
      workedMinutes: toMinutes(worked),
      lateMinutes: 0,
      earlyMinutes: 0,
      overtimeMinutes: 0,
      leaveMinutes,
      missionMinutes,
      openRecord: open,
      leaveType: null,
    };
    if (holiday) totals.holidays++;
    if (open) totals.openRecords++;
    totals.workedMinutes += day.workedMinutes;

    let status: DayStatus;
    const employed = !input.employedFrom || date >= input.employedFrom;
    if (!employed && recs.length === 0 && !whole && hours.length === 0) {
      day.status = 'none';
      days.push(day);
      continue;
    }
    if (whole?.category === 'mission') {
      status = 'mission';
      totals.missionDays++;
    } else if (!input.shifts && recs.length > 0) {
      // No schedule says which days are work days, but a day with time clocked was worked: it is not a
      // day off. Work days, absence, lateness and overtime stay uncounted until a schedule is assigned.
      status = 'present';
      totals.presentDays++;
    } else if (!inst) {
      status = holiday ? 'holiday' : 'off';
    } else if (whole) {
      status = 'leave';
      day.leaveType = whole.leaveType;
      if (whole.leaveType) totals.leaveDays[whole.leaveType]++;
    } else if (recs.length === 0) {
      const cover = hours.map(spanOf);
      if (uncovered({ a: inst.S, b: inst.E }, cover) === 0) status = hours.some((h) => h.category === 'leave') ? 'leave' : 'mission';
      else status = inst.E > now ? 'future' : 'absent';
      day.leaveType = status === 'leave' ? (hours.find((h) => h.category === 'leave')?.leaveType ?? null) : null;
    } else {
      status = 'present';
    }
    if (inst) totals.workDays++;

    if (status === 'present' && inst) {
      const cover = hours.map(spanOf);
      const firstIn = Math.min(...recs.map((r) => r.start));
      const late = toMinutes(uncovered({ a: inst.S, b: Math.min(firstIn, inst.E) }, cover));
      day.lateMinutes = late > input.graceMinutes ? late : 0;
      if (!open && inst.E <= now) {
        const lastOut = Math.max(...recs.map((r) => r.span.b));
        const early = toMinutes(uncovered({ a: Math.max(lastOut, inst.S), b: inst.E }, cover));
        day.earlyMinutes = early > input.graceMinutes ? early : 0;
      }
      day.overtimeMinutes = toMinutes(recs.reduce((n, r) => n + (r.span.b - r.span.a) - overlap(r.span, { a: inst.S, b: inst.E }), 0));
      totals.presentDays++;
      if (day.lateMinutes > 0) totals.lateDays++;
      if (day.earlyMinutes > 0) totals.earlyDays++;
      totals.lateMinutes += day.lateMinutes;
      totals.earlyMinutes += day.earlyMinutes;
    } else if (recs.length > 0) {
      // Work on a day off, a holiday, or during leave or a mission: all of it is extra.
      day.overtimeMinutes = input.shifts ? day.workedMinutes : 0;
    }
    if (status === 'absent') totals.absentDays++;
    totals.overtimeMinutes += day.overtimeMinutes;
    day.status = status;
    days.push(day);
  }
  return { days, totals };
}
