/** SQL of the attendance book: presence records and their edit history, leave and missions, schedules. */
import type { LeaveType, Shift } from '../../shared/contract/attendance';
import type { Db } from '../db/database';

export type RecordRow = {
  id: number;
  file_id: number;
  start_at: number;
  end_at: number | null;
  source: 'clock' | 'manual';
  note: string;
  deleted_at: number | null;
  display_name: string;
};
export type EditRow = {
  id: number;
  record_id: number;
  action: 'create' | 'correct' | 'delete';
  old_start: number | null;
  old_end: number | null;
  new_start: number | null;
  new_end: number | null;
  reason: string;
  by_user: string;
  at: number;
};
export type AbsenceRow = {
  id: number;
  file_id: number;
  category: 'leave' | 'mission';
  leave_type: LeaveType | null;
  unit: 'day' | 'hour';
  from_date: string;
  to_date: string;
  start: string | null;
  end: string | null;
  note: string;
  created_at: string;
  display_name: string;
};
export type ScheduleRow = { id: number; name: string; grace_minutes: number; staff_count: number };

const RECORD = 'SELECT r.*, c.display_name FROM attendance_records r JOIN person_files f ON f.id = r.file_id JOIN contacts c ON c.id = f.contact_id';
const ABSENCE = 'SELECT a.*, c.display_name FROM absences a JOIN person_files f ON f.id = a.file_id JOIN contacts c ON c.id = f.contact_id';

export type AttendanceRepo = ReturnType<typeof createAttendanceRepo>;

export function createAttendanceRepo(db: Db) {
  const s = {
    record: db.prepare<[number], RecordRow>(`${RECORD} WHERE r.id = ?`),
    open: db.prepare<[number], RecordRow>(`${RECORD} WHERE r.file_id = ? AND r.end_at IS NULL AND r.deleted_at IS NULL ORDER BY r.start_at DESC LIMIT 1`),
    /** Records of a person that overlap [a, b) (open ones reach to the end of time). */
    overlapping: db.prepare<[number, number, number, number], RecordRow>(
      `${RECORD} WHERE r.file_id = ? AND r.deleted_at IS NULL AND r.id <> ? AND r.start_at < ? AND COALESCE(r.end_at, 9e15) > ?`,
    ),
    insert: db.prepare('INSERT INTO attendance_records (file_id, start_at, end_at, source, note) VALUES (?, ?, ?, ?, ?)'),
    setTimes: db.prepare('UPDATE attendance_records SET start_at = ?, end_at = ? WHERE id = ?'),
    markDeleted: db.prepare('UPDATE attendance_records SET deleted_at = ? WHERE id = ?'),
    edit: db.prepare(
      'INSERT INTO attendance_edits (record_id, action, old_start, old_end, new_start, new_end, reason, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    edits: db.prepare<[string], EditRow>('SELECT * FROM attendance_edits WHERE record_id IN (SELECT value FROM json_each(?)) ORDER BY record_id, id'),
    absence: db.prepare<[number], AbsenceRow>(`${ABSENCE} WHERE a.id = ?`),
    absenceInsert: db.prepare(
      'INSERT INTO absences (file_id, category, leave_type, unit, from_date, to_date, start, "end", note, created_at) VALUES (@fileId, @category, ' +
        '@leaveType, @unit, @from, @to, @start, @end, @note, @now)',
    ),
    absenceDelete: db.prepare<[number]>('DELETE FROM absences WHERE id = ?'),
    absencesOfFileOn: db.prepare<[number, string, string], AbsenceRow>(`${ABSENCE} WHERE a.file_id = ? AND a.from_date <= ? AND a.to_date >= ?`),
    schedules: db.prepare<[], ScheduleRow>(
      `SELECT s.id, s.name, s.grace_minutes, (SELECT COUNT(*) FROM person_files f WHERE f.schedule_id = s.id AND f.kind = 'staff') AS staff_count
         FROM work_schedules s ORDER BY s.name, s.id`,
    ),
    schedule: db.prepare<[number], ScheduleRow>(
      `SELECT s.id, s.name, s.grace_minutes, (SELECT COUNT(*) FROM person_files f WHERE f.schedule_id = s.id AND f.kind = 'staff') AS staff_count
         FROM work_schedules s WHERE s.id = ?`,
    ),
    shifts: db.prepare<[number], Shift>('SELECT weekday, start, "end" FROM work_shifts WHERE schedule_id = ? ORDER BY weekday'),
    scheduleInsert: db.prepare('INSERT INTO work_schedules (name, grace_minutes) VALUES (?, ?)'),
    scheduleUpdate: db.prepare('UPDATE work_schedules SET name = ?, grace_minutes = ? WHERE id = ?'),
    scheduleDelete: db.prepare<[number]>('DELETE FROM work_schedules WHERE id = ?'),
    shiftsDelete: db.prepare<[number]>('DELETE FROM work_shifts WHERE schedule_id = ?'),
    shiftInsert: db.prepare('INSERT INTO work_shifts (schedule_id, weekday, start, "end") VALUES (?, ?, ?, ?)'),
  };

  const fileClause = (fileId: number | null) => (fileId === null ? '' : ' AND r.file_id = @fileId');

  return {
    record: (id: number) => s.record.get(id),
    openRecord: (fileId: number) => s.open.get(fileId),
    overlapping: (fileId: number, a: number, b: number, exceptId = 0) => s.overlapping.all(fileId, exceptId, b, a),
    insertRecord: (fileId: number, start: number, end: number | null, source: 'clock' | 'manual', note: string) =>
      Number(s.insert.run(fileId, start, end, source, note).lastInsertRowid),
    setTimes: (id: number, start: number, end: number | null) => void s.setTimes.run(start, end, id),
    markDeleted: (id: number, at: number) => void s.markDeleted.run(at, id),
    addEdit: (e: Omit<EditRow, 'id'>) => void s.edit.run(e.record_id, e.action, e.old_start, e.old_end, e.new_start, e.new_end, e.reason, e.by_user, e.at),
    editsOf: (ids: number[]): EditRow[] => (ids.length ? s.edits.all(JSON.stringify(ids)) : []),
    /** Records starting in [a, b), by person (or everyone), oldest first. */
    recordsBetween(fileId: number | null, a: number, b: number, includeDeleted: boolean): RecordRow[] {
      const del = includeDeleted ? '' : ' AND r.deleted_at IS NULL';
      return db
        .prepare(`${RECORD} WHERE r.start_at >= @a AND r.start_at < @b${fileClause(fileId)}${del} ORDER BY r.start_at, r.id`)
        .all({ a, b, fileId }) as RecordRow[];
    },
    absence: (id: number) => s.absence.get(id),
    insertAbsence: (a: {
      fileId: number;
      category: string;
      leaveType: string | null;
      unit: string;
      from: string;
      to: string;
      start: string | null;
      end: string | null;
      note: string;
      now: string;
    }) => Number(s.absenceInsert.run(a).lastInsertRowid),
    deleteAbsence: (id: number) => s.absenceDelete.run(id).changes > 0,
    /** A person's leave and missions touching [from, to]. */
    absencesOverlapping: (fileId: number, from: string, to: string) => s.absencesOfFileOn.all(fileId, to, from),
    absencesBetween(fileId: number | null, from: string, to: string): AbsenceRow[] {
      const f = fileId === null ? '' : ' AND a.file_id = @fileId';
      return db
        .prepare(`${ABSENCE} WHERE a.from_date <= @to AND a.to_date >= @from${f} ORDER BY a.from_date, a.start, a.id`)
        .all({ from, to, fileId }) as AbsenceRow[];
    },
    schedules: () => s.schedules.all(),
    schedule: (id: number) => s.schedule.get(id),
    shifts: (id: number) => s.shifts.all(id),
    insertSchedule: (name: string, grace: number, shifts: Shift[]) =>
      db.transaction(() => {
        const id = Number(s.scheduleInsert.run(name, grace).lastInsertRowid);
        for (const sh of shifts) s.shiftInsert.run(id, sh.weekday, sh.start, sh.end);
        return id;
      })(),
    updateSchedule: (id: number, name: string, grace: number, shifts: Shift[]) =>
      db.transaction(() => {
        s.scheduleUpdate.run(name, grace, id);
        s.shiftsDelete.run(id);
        for (const sh of shifts) s.shiftInsert.run(id, sh.weekday, sh.start, sh.end);
      })(),
    deleteSchedule: (id: number) => s.scheduleDelete.run(id).changes > 0,
  };
}
