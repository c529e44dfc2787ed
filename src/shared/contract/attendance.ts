/**
 * The attendance book (دفتر حضور و غیاب, PRODUCT.md §4): entry and exit records of staff, leave and
 * missions by the hour or the day, work schedules with shifts (a night shift ends the next day), the
 * shared holiday table and the monthly (Jalali) report. Local dates are ISO 'YYYY-MM-DD' and times
 * 'HH:MM' in the office's time (Iran has no daylight saving); instants are ISO-8601 UTC.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

// ---------------------------------------------------------------- schedules

/** One weekday's shift. `end` not after `start` means the shift ends the next day (a night shift). */
export const shiftInput = z.object({
  /** Iranian week: 0 = Saturday … 6 = Friday. */
  weekday: z.number().int().min(0).max(6),
  start: hhmm,
  end: hhmm,
});
export type Shift = z.output<typeof shiftInput>;

export const scheduleInput = z.object({
  name: z.string().trim().min(1).max(60),
  /** Weekdays without a shift are days off. At most one shift per weekday ('validation', 'shifts.N.weekday'). */
  shifts: z.array(shiftInput).max(7),
  /** Minutes of lateness (and early leave) forgiven each day. */
  graceMinutes: z.number().int().min(0).max(120).default(0),
});
export type ScheduleInput = z.input<typeof scheduleInput>;
export type Schedule = z.output<typeof scheduleInput> & { id: number; weeklyMinutes: number; staffCount: number };

// ---------------------------------------------------------------- holidays

export const holidayInput = z.object({ date: isoDate, title: z.string().trim().min(1).max(100) });
export type Holiday = { date: string; title: string };

// ---------------------------------------------------------------- records

export const clockInput = z.object({
  fileId: id,
  /** Required when the person has a PIN ('auth', field 'pin', when wrong). */
  pin: z.string().max(20).default(''),
});
export type ClockResult = { action: 'in' | 'out'; at: string; displayName: string };

export type RosterEntry = {
  fileId: number;
  fileNo: string;
  displayName: string;
  hasPin: boolean;
  hasPhoto: boolean;
  /** When the open record started (the person is in), or null. */
  inSince: string | null;
};

const localMoment = z.object({ date: isoDate, time: hhmm });
export type LocalMoment = z.output<typeof localMoment>;

/** A manual entry. 'validation': 'end' not after 'start', longer than 24 hours; 'conflict': overlaps another record. */
export const recordInput = z.object({
  fileId: id,
  start: localMoment,
  /** null: still in. */
  end: localMoment.nullable().default(null),
  note: z.string().max(500).default(''),
});
/** A manager's correction: the old times are kept with the reason, never silently overwritten. */
export const recordCorrection = z.object({
  id,
  start: localMoment,
  end: localMoment.nullable(),
  reason: z.string().trim().min(1).max(500),
});
export const recordDelete = z.object({ id, reason: z.string().trim().min(1).max(500) });

export type RecordEdit = {
  action: 'create' | 'correct' | 'delete';
  oldStart: string | null;
  oldEnd: string | null;
  newStart: string | null;
  newEnd: string | null;
  reason: string;
  by: string;
  at: string;
};

export type AttendanceRecord = {
  id: number;
  fileId: number;
  displayName: string;
  start: string;
  end: string | null;
  source: 'clock' | 'manual';
  note: string;
  deleted: boolean;
  /** Every change after it was made, oldest first. */
  history: RecordEdit[];
};

// ---------------------------------------------------------------- leave and missions

export const LEAVE_TYPES = ['entitled', 'sick', 'unpaid'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/**
 * Leave or a mission, by the day (from–to, inclusive) or by the hour (one date, start–end).
 * 'validation' names 'to', 'end', 'leaveType'; 'conflict' when it overlaps another leave or mission of
 * the same person.
 */
export const absenceInput = z.object({
  fileId: id,
  category: z.enum(['leave', 'mission']),
  /** Leave only. */
  leaveType: z.enum(LEAVE_TYPES).nullable().default(null),
  unit: z.enum(['day', 'hour']),
  from: isoDate,
  /** By the day: last day; by the hour: ignored (same as from). */
  to: isoDate.nullable().default(null),
  start: hhmm.nullable().default(null),
  end: hhmm.nullable().default(null),
  note: z.string().max(500).default(''),
});
export type AbsenceInput = z.input<typeof absenceInput>;
export type Absence = z.output<typeof absenceInput> & { id: number; displayName: string; to: string; createdAt: string };

export const rangeQuery = z.object({
  fileId: id.nullable().default(null),
  from: isoDate,
  to: isoDate,
  includeDeleted: z.boolean().default(false),
});

// ---------------------------------------------------------------- the monthly report

export const reportQuery = z.object({
  /** Jalali year and month. */
  year: z.number().int().min(1300).max(1500),
  month: z.number().int().min(1).max(12),
  /** One person, or null for all active staff. */
  fileId: id.nullable().default(null),
});
export type ReportQuery = z.input<typeof reportQuery>;

export const reportExportInput = reportQuery.extend({ format: z.enum(['pdf', 'xlsx']) });

/** 'none': before the person's first day; 'future': a work day still to come. */
export type DayStatus = 'present' | 'absent' | 'off' | 'holiday' | 'leave' | 'mission' | 'future' | 'none';

export type ReportDay = {
  date: string;
  status: DayStatus;
  holiday: string | null;
  /** The shift that day, 'HH:MM'–'HH:MM' (night shifts end the next day); null on a day off. */
  shift: { start: string; end: string } | null;
  firstIn: string | null;
  lastOut: string | null;
  workedMinutes: number;
  lateMinutes: number;
  earlyMinutes: number;
  overtimeMinutes: number;
  leaveMinutes: number;
  missionMinutes: number;
  /** A record without an exit: the day's figures are incomplete until a manager corrects it. */
  openRecord: boolean;
  leaveType: LeaveType | null;
};

export type ReportTotals = {
  workDays: number;
  presentDays: number;
  absentDays: number;
  holidays: number;
  lateDays: number;
  lateMinutes: number;
  earlyDays: number;
  earlyMinutes: number;
  overtimeMinutes: number;
  workedMinutes: number;
  leaveDays: Record<LeaveType, number>;
  leaveMinutes: Record<LeaveType, number>;
  missionDays: number;
  missionMinutes: number;
  openRecords: number;
};

export type PersonReport = { fileId: number; fileNo: string; displayName: string; scheduleName: string | null; days: ReportDay[]; totals: ReportTotals };
export type MonthlyReport = { year: number; month: number; from: string; to: string; people: PersonReport[] };
