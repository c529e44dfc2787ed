/**
 * The attendance book: clocking in and out at the front desk, manual entries, managers' corrections
 * (the old times and the reason are kept, never overwritten), leave and missions, work schedules,
 * the holiday table and the monthly report. Every change emits 'attendance/changed'.
 */
import { actorName } from '../kernel/actor';
import type {
  Absence,
  AttendanceRecord,
  ClockResult,
  Holiday,
  LocalMoment,
  MonthlyReport,
  PersonReport,
  RosterEntry,
  Schedule,
  Shift,
} from '../../shared/contract/attendance';
import type { ParsedInputOf } from '../../shared/contract/api';
import { formatDate, formatInstant, isIsoDate, type Lang } from '../../shared/text/calendar';
import { normalizeInput } from '../../shared/text/normalize';
import { createHolidaysRepo } from '../calendar/holidays.repo';
import { officialHolidays } from '../calendar/official-holidays';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { PeopleService } from '../people/people.service';
import { createAttendanceRepo, type AbsenceRow, type EditRow, type RecordRow } from './attendance.repo';
import { addDays, jalaliMonthRange, localMs, minutesOf } from './local-time';
import { computeMonth } from './month-report';

const HOUR = 3_600_000;
/** A record left open longer than this is a forgotten exit: clocking again starts a new day. */
const OPEN_LIMIT_MS = 20 * HOUR;

export type AttendanceService = ReturnType<typeof createAttendanceService>;

export function createAttendanceService(db: Db, ctx: EngineContext, people: PeopleService) {
  const repo = createAttendanceRepo(db);
  const holidays = createHolidaysRepo(db);
  const nowMs = () => ctx.clock().getTime();
  const changed = () => ctx.emit('attendance/changed', {});
  const user = () => actorName(ctx);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const fmt = (ms: number, lang: Lang) => formatInstant(new Date(ms).toISOString(), ctx.settings.get().calendar, lang);
  const fmtDate = (d: string, lang: Lang) => formatDate(d, ctx.settings.get().calendar, lang);

  function staffFile(fileId: number, field = 'fileId') {
    const f = people.repo.get(fileId);
    if (!f) throw new AppError('not_found', 'not_found.file', {}, field);
    if (f.kind !== 'staff') throw validationError('validation.not_staff', field);
    return f;
  }

  const editOf = (e: EditRow) => ({
    action: e.action,
    oldStart: iso(e.old_start),
    oldEnd: iso(e.old_end),
    newStart: iso(e.new_start),
    newEnd: iso(e.new_end),
    reason: e.reason,
    by: e.by_user,
    at: new Date(e.at).toISOString(),
  });

  function toRecords(rows: RecordRow[]): AttendanceRecord[] {
    const edits = repo.editsOf(rows.map((r) => r.id));
    return rows.map((r) => ({
      id: r.id,
      fileId: r.file_id,
      displayName: r.display_name,
      start: iso(r.start_at)!,
      end: iso(r.end_at),
      source: r.source,
      note: r.note,
      deleted: r.deleted_at !== null,
      history: edits.filter((e) => e.record_id === r.id).map(editOf),
    }));
  }

  /** Checks the times of a record and that it overlaps no other record of the person. */
  function checkTimes(fileId: number, start: LocalMoment, end: LocalMoment | null, exceptId: number): { a: number; b: number | null } {
    if (!isIsoDate(start.date)) throw validationError('validation.field_date', 'start.date', { field: 'date', value: start.date });
    const a = localMs(start.date, start.time);
    let b: number | null = null;
    if (end) {
      if (!isIsoDate(end.date)) throw validationError('validation.field_date', 'end.date', { field: 'date', value: end.date });
      b = localMs(end.date, end.time);
      if (b <= a) throw validationError('validation.end_before_start', 'end');
      if (b - a > 24 * HOUR) throw validationError('validation.record_too_long', 'end');
    }
    if (a > nowMs() + 60_000) throw validationError('validation.in_future', 'start');
    const other = repo.overlapping(fileId, a, b ?? a + 1, exceptId)[0];
    if (other)
      throw new AppError(
        'conflict',
        'conflict.record_overlap',
        { from: (lang) => fmt(other.start_at, lang), to: (lang) => (other.end_at ? fmt(other.end_at, lang) : '…') },
        'start',
      );
    return { a, b };
  }

  const toAbsence = (r: AbsenceRow): Absence => ({
    id: r.id,
    fileId: r.file_id,
    displayName: r.display_name,
    category: r.category,
    leaveType: r.leave_type,
    unit: r.unit,
    from: r.from_date,
    to: r.to_date,
    start: r.start,
    end: r.end,
    note: r.note,
    createdAt: r.created_at,
  });

  function toSchedule(id: number): Schedule {
    const r = repo.schedule(id);
    if (!r) throw new AppError('not_found', 'not_found.schedule', {}, 'id');
    const shifts = repo.shifts(id);
    const weeklyMinutes = shifts.reduce((n, s) => n + ((minutesOf(s.end) - minutesOf(s.start) + 1440) % 1440 || 1440), 0);
    return { id: r.id, name: r.name, graceMinutes: r.grace_minutes, shifts, weeklyMinutes, staffCount: r.staff_count };
  }

  function cleanShifts(shifts: Shift[]): Shift[] {
    const seen = new Set<number>();
    shifts.forEach((s, i) => {
      if (seen.has(s.weekday)) throw validationError('validation.shift_weekday', `shifts.${i}.weekday`);
      if (s.start === s.end) throw validationError('validation.shift_empty', `shifts.${i}.end`);
      seen.add(s.weekday);
    });
    return [...shifts].sort((x, y) => x.weekday - y.weekday);
  }

  function personReport(fileId: number, from: string, to: string): PersonReport {
    const f = staffFile(fileId);
    const summary = people.repo.summary(fileId)!;
    const schedule = f.schedule_id === null ? null : toSchedule(f.schedule_id);
    const records = repo.recordsBetween(fileId, localMs(addDays(from, -1), '00:00'), localMs(addDays(to, 2), '00:00'), false);
    const absences = repo.absencesBetween(fileId, from, to);
    const { days, totals } = computeMonth({
      from,
      to,
      now: nowMs(),
      shifts: schedule?.shifts ?? null,
      graceMinutes: schedule?.graceMinutes ?? 0,
      holidays: holidays.mapBetween(from, to),
      employedFrom: f.registered_on,
      records: records.map((r) => ({ start: r.start_at, end: r.end_at })),
      absences: absences.map((a) => ({
        category: a.category,
        leaveType: a.leave_type,
        unit: a.unit,
        from: a.from_date,
        to: a.to_date,
        start: a.start,
        end: a.end,
      })),
    });
    return { fileId, fileNo: f.file_no, displayName: summary.display_name, scheduleName: schedule?.name ?? null, days, totals };
  }

  return {
    holidays,
    roster(): RosterEntry[] {
      return people.repo.activeStaff().map((s) => {
        const open = repo.openRecord(s.id);
        const inSince = open && nowMs() - open.start_at < OPEN_LIMIT_MS ? iso(open.start_at) : null;
        return { fileId: s.id, fileNo: s.file_no, displayName: s.display_name, hasPin: s.pin_hash !== null, hasPhoto: s.has_photo === 1, inSince };
      });
    },
    /** Entry when the person is out, exit when in. 'auth' for a wrong PIN; 'conflict' twice within a minute. */
    clock(fileId: number, pin: string): ClockResult {
      const f = staffFile(fileId);
      if (f.active !== 1) throw validationError('validation.not_active', 'fileId');
      people.checkPin(fileId, pin);
      const now = nowMs();
      const open = repo.openRecord(fileId);
      const name = people.repo.summary(fileId)!.display_name;
      if (open && now - open.start_at < OPEN_LIMIT_MS) {
        if (now - open.start_at < 60_000) throw new AppError('conflict', 'conflict.just_clocked', {}, 'fileId');
        repo.setTimes(open.id, open.start_at, now);
        changed();
        return { action: 'out', at: iso(now)!, displayName: name };
      }
      repo.insertRecord(fileId, now, null, 'clock', '');
      changed();
      return { action: 'in', at: iso(now)!, displayName: name };
    },
    records(q: ParsedInputOf<'attendance/records'>): AttendanceRecord[] {
      if (q.fileId !== null) staffFile(q.fileId);
      return toRecords(repo.recordsBetween(q.fileId, localMs(q.from, '00:00'), localMs(addDays(q.to, 1), '00:00'), q.includeDeleted));
    },
    addRecord(q: ParsedInputOf<'attendance/record-add'>): AttendanceRecord {
      staffFile(q.fileId);
      const { a, b } = checkTimes(q.fileId, q.start, q.end, 0);
      const id = db.transaction(() => {
        const rid = repo.insertRecord(q.fileId, a, b, 'manual', normalizeInput(q.note));
        repo.addEdit({
          record_id: rid,
          action: 'create',
          old_start: null,
          old_end: null,
          new_start: a,
          new_end: b,
          reason: normalizeInput(q.note),
          by_user: user(),
          at: nowMs(),
        });
        return rid;
      })();
      changed();
      return toRecords([repo.record(id)!])[0]!;
    },
    correctRecord(q: ParsedInputOf<'attendance/record-correct'>): AttendanceRecord {
      const r = repo.record(q.id);
      if (!r || r.deleted_at !== null) throw new AppError('not_found', 'not_found.record', {}, 'id');
      const { a, b } = checkTimes(r.file_id, q.start, q.end, r.id);
      db.transaction(() => {
        repo.addEdit({
          record_id: r.id,
          action: 'correct',
          old_start: r.start_at,
          old_end: r.end_at,
          new_start: a,
          new_end: b,
          reason: normalizeInput(q.reason),
          by_user: user(),
          at: nowMs(),
        });
        repo.setTimes(r.id, a, b);
      })();
      changed();
      return toRecords([repo.record(r.id)!])[0]!;
    },
    deleteRecord(id: number, reason: string): AttendanceRecord {
      const r = repo.record(id);
      if (!r || r.deleted_at !== null) throw new AppError('not_found', 'not_found.record', {}, 'id');
      db.transaction(() => {
        repo.addEdit({
          record_id: id,
          action: 'delete',
          old_start: r.start_at,
          old_end: r.end_at,
          new_start: null,
          new_end: null,
          reason: normalizeInput(reason),
          by_user: user(),
          at: nowMs(),
        });
        repo.markDeleted(id, nowMs());
      })();
      changed();
      return toRecords([repo.record(id)!])[0]!;
    },
    absences(q: ParsedInputOf<'attendance/absences'>): Absence[] {
      if (q.fileId !== null) staffFile(q.fileId);
      return repo.absencesBetween(q.fileId, q.from, q.to).map(toAbsence);
    },
    addAbsence(q: ParsedInputOf<'attendance/absence-add'>): Absence {
      staffFile(q.fileId);
      if (!isIsoDate(q.from)) throw validationError('validation.field_date', 'from', { field: 'from', value: q.from });
      if (q.category === 'leave' && q.leaveType === null) throw validationError('validation.leave_type', 'leaveType');
      const leaveType = q.category === 'leave' ? q.leaveType : null;
      let to = q.from;
      let start: string | null = null;
      let end: string | null = null;
      if (q.unit === 'day') {
        to = q.to ?? q.from;
        if (!isIsoDate(to)) throw validationError('validation.field_date', 'to', { field: 'to', value: to });
        if (to < q.from) throw validationError('validation.range_reversed', 'to', { field: 'to' });
        if (to > addDays(q.from, 365)) throw validationError('validation.range_too_long', 'to', { field: 'to', max: 366 });
      } else {
        if (q.start === null) throw validationError('validation.generic', 'start', { field: 'start' });
        if (q.end === null || q.end <= q.start) throw validationError('validation.end_before_start', 'end');
        start = q.start;
        end = q.end;
      }
      for (const o of repo.absencesOverlapping(q.fileId, q.from, to)) {
        const clash = q.unit === 'day' || o.unit === 'day' || (o.start! < end! && start! < o.end!);
        if (clash) {
          throw new AppError(
            'conflict',
            'conflict.absence_overlap',
            { what: (lang) => absenceName(lang, o.category), from: (lang) => fmtDate(o.from_date, lang), to: (lang) => fmtDate(o.to_date, lang) },
            'from',
          );
        }
      }
      const id = repo.insertAbsence({
        fileId: q.fileId,
        category: q.category,
        leaveType,
        unit: q.unit,
        from: q.from,
        to,
        start,
        end,
        note: normalizeInput(q.note),
        now: ctx.clock().toISOString(),
      });
      changed();
      return toAbsence(repo.absence(id)!);
    },
    deleteAbsence(id: number): { id: number } {
      if (!repo.deleteAbsence(id)) throw new AppError('not_found', 'not_found.absence', {}, 'id');
      changed();
      return { id };
    },
    schedules: (): Schedule[] => repo.schedules().map((s) => toSchedule(s.id)),
    createSchedule(q: ParsedInputOf<'schedules/create'>): Schedule {
      const id = repo.insertSchedule(normalizeInput(q.name), q.graceMinutes, cleanShifts(q.shifts));
      changed();
      return toSchedule(id);
    },
    updateSchedule(id: number, q: ParsedInputOf<'schedules/create'>): Schedule {
      toSchedule(id);
      repo.updateSchedule(id, normalizeInput(q.name), q.graceMinutes, cleanShifts(q.shifts));
      changed();
      return toSchedule(id);
    },
    deleteSchedule(id: number): { id: number } {
      if (!repo.deleteSchedule(id)) throw new AppError('not_found', 'not_found.schedule', {}, 'id');
      changed();
      return { id };
    },
    listHolidays: (from: string, to: string): Holiday[] => holidays.between(from, to),
    setHoliday(date: string, title: string): Holiday {
      if (!isIsoDate(date)) throw validationError('validation.field_date', 'date', { field: 'date', value: date });
      holidays.set(date, normalizeInput(title));
      ctx.emit('holidays/changed', {});
      changed();
      return holidays.get(date)!;
    },
    deleteHoliday(date: string): { date: string } {
      if (!holidays.delete(date)) throw new AppError('not_found', 'not_found.holiday', {}, 'date');
      ctx.emit('holidays/changed', {});
      changed();
      return { date };
    },
    addOfficialHolidays(year: number, lang: Lang): { added: number } {
      const added = holidays.addMissing(officialHolidays(year, lang));
      ctx.emit('holidays/changed', {});
      changed();
      return { added };
    },
    report(q: ParsedInputOf<'attendance/report'>): MonthlyReport {
      const { from, to } = jalaliMonthRange(q.year, q.month);
      const ids = q.fileId !== null ? [q.fileId] : people.repo.activeStaff().map((s) => s.id);
      return { year: q.year, month: q.month, from, to, people: ids.map((id) => personReport(id, from, to)) };
    },
  };
}

function absenceName(lang: Lang, category: 'leave' | 'mission'): string {
  return category === 'leave' ? (lang === 'fa' ? 'مرخصی' : 'leave') : lang === 'fa' ? 'ماموریت' : 'a mission';
}
