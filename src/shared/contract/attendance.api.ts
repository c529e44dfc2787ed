/**
 * Attendance: clock-in, records, leave, schedules and holidays.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import {
  absenceInput,
  clockInput,
  holidayInput,
  rangeQuery,
  recordCorrection,
  recordDelete,
  recordInput,
  reportExportInput,
  reportQuery,
  scheduleInput,
  type Absence,
  type AttendanceRecord,
  type ClockResult,
  type Holiday,
  type MonthlyReport,
  type RosterEntry,
  type Schedule,
} from './attendance';
import type { FileOut } from './io';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const schedulePatch = patchOf(scheduleInput);

export const attendanceApi = {
  /** Active staff for the front-desk clock-in screen, with who is in. */
  'attendance/roster': request(none).reads('attendance.read').returns<RosterEntry[]>(),
  /** Entry when out, exit when in. 'auth' (field 'pin') for a wrong PIN. */
  'attendance/clock': request(clockInput).writes('attendance.clock.write').returns<ClockResult>(),
  /** Records starting in a date range (one person or all), with their edit history. */
  'attendance/records': request(rangeQuery).reads('attendance.read').returns<AttendanceRecord[]>(),
  /** A manual entry; 'conflict' when it overlaps another record of the person. */
  'attendance/record-add': request(recordInput).writes('attendance.write').returns<AttendanceRecord>(),
  /** A manager's correction: the old times and the reason go to the record's history. */
  'attendance/record-correct': request(recordCorrection).writes('attendance.admin').returns<AttendanceRecord>(),
  /** Marks the record deleted (it stays, with the reason, in the history). */
  'attendance/record-delete': request(recordDelete).writes('attendance.admin').returns<AttendanceRecord>(),
  'attendance/absences': request(rangeQuery).reads('attendance.read').returns<Absence[]>(),
  /** Leave or a mission; 'conflict' (field 'from') when it overlaps another of the same person. */
  'attendance/absence-add': request(absenceInput).writes('attendance.write').returns<Absence>(),
  'attendance/absence-delete': request(z.object({ id })).writes('attendance.write').returns<{ id: number }>(),
  /** The monthly (Jalali) report of one person or all active staff. */
  'attendance/report': request(reportQuery).reads('attendance.read').returns<MonthlyReport>(),
  /** The monthly report as PDF or Excel (.xlsx). */
  'attendance/report-export': request(reportExportInput).reads('attendance.read').returns<FileOut>(),
  'schedules/list': request(none).reads('attendance.read').returns<Schedule[]>(),
  'schedules/create': request(scheduleInput).writes('attendance.admin').returns<Schedule>(),
  'schedules/update': request(z.object({ id, data: schedulePatch }))
    .writes('attendance.admin')
    .returns<Schedule>(),
  /** Staff on this schedule are left without one. */
  'schedules/delete': request(z.object({ id })).writes('attendance.admin').returns<{ id: number }>(),
  /** The shared holiday table between two dates. */
  'holidays/list': request(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }))
    .reads('attendance.read')
    .returns<Holiday[]>(),
  /** Adds a holiday or renames the one on that date. */
  'holidays/set': request(holidayInput).writes('attendance.admin').returns<Holiday>(),
  'holidays/delete': request(z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }))
    .writes('attendance.admin')
    .returns<{ date: string }>(),
  /** Adds Iran's fixed-date official holidays of a Jalali year (dates already in the table are kept). */
  'holidays/add-official': request(z.object({ year: z.number().int().min(1300).max(1500) }))
    .writes('attendance.admin')
    .returns<{ added: number }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type AttendanceEvents = {
  /** Attendance records, leave, missions, schedules or holidays changed. */
  'attendance/changed': Record<string, never>;
  /** The shared holiday table changed. */
  'holidays/changed': Record<string, never>;
};
