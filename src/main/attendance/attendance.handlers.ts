import type { attendanceApi } from '../../shared/contract/attendance.api';
import type { Handlers } from '../kernel/handlers';
import type { SettingsService } from '../settings/settings.service';
import type { EngineContext } from '../kernel/context';
import type { AttendanceService } from './attendance.service';
import { patched } from '../kernel/patch-update';
import { exportAttendance } from './attendance.export';
import { scheduleInput } from '../../shared/contract/attendance';

export type AttendanceDeps = { settings: SettingsService; ctx: EngineContext; attendance: AttendanceService };

/** The handlers of `attendanceApi` (src/shared/contract/attendance.api.ts). */
export function attendanceHandlers({ settings, ctx, attendance }: AttendanceDeps): Handlers<typeof attendanceApi> {
  return {
    'attendance/roster': () => attendance.roster(),
    'attendance/clock': ({ fileId, pin }) => attendance.clock(fileId, pin),
    'attendance/records': (q) => attendance.records(q),
    'attendance/record-add': (q) => attendance.addRecord(q),
    'attendance/record-correct': (q) => attendance.correctRecord(q),
    'attendance/record-delete': ({ id, reason }) => attendance.deleteRecord(id, reason),
    'attendance/absences': (q) => attendance.absences(q),
    'attendance/absence-add': (q) => attendance.addAbsence(q),
    'attendance/absence-delete': ({ id }) => attendance.deleteAbsence(id),
    'attendance/report': (q) => attendance.report(q),
    'attendance/report-export': (q, hc) =>
      exportAttendance(attendance.report(q), q.format, { lang: hc.lang, calendar: settings.get().calendar, printedAt: ctx.clock() }),
    'schedules/list': () => attendance.schedules(),
    'schedules/create': (data) => attendance.createSchedule(data),
    'schedules/update': ({ id, data }) =>
      attendance.updateSchedule(
        id,
        patched(
          scheduleInput,
          attendance.schedules().find((x) => x.id === id),
          data,
        ),
      ),
    'schedules/delete': ({ id }) => attendance.deleteSchedule(id),
    'holidays/list': ({ from, to }) => attendance.listHolidays(from, to),
    'holidays/set': ({ date, title }) => attendance.setHoliday(date, title),
    'holidays/delete': ({ date }) => attendance.deleteHoliday(date),
    'holidays/add-official': ({ year }, hc) => attendance.addOfficialHolidays(year, hc.lang),
  };
}
