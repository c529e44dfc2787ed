/** SQL of the reminder book: reminders, their participants, reminder groups, and birthdays of contacts. */
import type { Db } from '../db/database';

export type ReminderRow = {
  id: number;
  kind: 'appointment' | 'meeting' | 'task';
  subject: string;
  note: string;
  place: string;
  group_id: number | null;
  date: string;
  time: string;
  repeat: string;
  until: string | null;
  alarm_minutes_before: number | null;
  created_at: string;
  updated_at: string;
};
export type ReminderColumns = Omit<ReminderRow, 'id' | 'created_at' | 'updated_at'>;
export type ReminderGroupRow = { id: number; name: string; color: string; count: number };
export type ParticipantRow = { reminder_id: number; contact_id: number; display_name: string };
export type BirthdayRow = { id: number; display_name: string; birth_date: string; updated_at: string };

const COLUMNS = ['kind', 'subject', 'note', 'place', 'group_id', 'date', 'time', 'repeat', 'until', 'alarm_minutes_before'] as const;

export type RemindersRepo = ReturnType<typeof createRemindersRepo>;

export function createRemindersRepo(db: Db) {
  const s = {
    insert: db.prepare(`INSERT INTO reminders (${COLUMNS.join(', ')}, created_at, updated_at) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`),
    update: db.prepare(`UPDATE reminders SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    delete: db.prepare<[number]>('DELETE FROM reminders WHERE id = ?'),
    get: db.prepare<[number], ReminderRow>('SELECT * FROM reminders WHERE id = ?'),
    /**
     * Reminders that may occur between two local dates: one-offs on those days, repeats that started
     * by the end and did not end before the start.
     */
    inRange: db.prepare<{ from: string; to: string }, ReminderRow>(
      `SELECT * FROM reminders WHERE date <= @to AND (until IS NULL OR until >= @from)
         AND (json_extract(repeat, '$.kind') <> 'none' OR date >= @from) ORDER BY id`,
    ),
    insertParticipant: db.prepare('INSERT OR IGNORE INTO reminder_participants (reminder_id, contact_id, position) VALUES (?, ?, ?)'),
    deleteParticipants: db.prepare<[number]>('DELETE FROM reminder_participants WHERE reminder_id = ?'),
    participants: db.prepare<[string], ParticipantRow>(
      `SELECT p.reminder_id, p.contact_id, c.display_name FROM reminder_participants p JOIN contacts c ON c.id = p.contact_id
        WHERE p.reminder_id IN (SELECT value FROM json_each(?)) ORDER BY p.reminder_id, p.position`,
    ),
    contactExists: db.prepare<[number], number>('SELECT 1 FROM contacts WHERE id = ?'),
    groupList: db.prepare<[], ReminderGroupRow>(
      'SELECT g.id, g.name, g.color, (SELECT COUNT(*) FROM reminders r WHERE r.group_id = g.id) AS count FROM reminder_groups g ORDER BY g.name_key',
    ),
    groupGet: db.prepare<[number], ReminderGroupRow>(
      'SELECT g.id, g.name, g.color, (SELECT COUNT(*) FROM reminders r WHERE r.group_id = g.id) AS count FROM reminder_groups g WHERE g.id = ?',
    ),
    groupByKey: db.prepare<[string], number>('SELECT id FROM reminder_groups WHERE name_key = ?'),
    groupInsert: db.prepare('INSERT INTO reminder_groups (name, name_key, color) VALUES (?, ?, ?)'),
    groupUpdate: db.prepare('UPDATE reminder_groups SET name = ?, name_key = ?, color = ? WHERE id = ?'),
    groupDelete: db.prepare<[number]>('DELETE FROM reminder_groups WHERE id = ?'),
    /** Contacts whose birth month-day (Gregorian 'MM-DD') is in [lo, hi]; uses contacts_by_birthday. */
    birthdaysOn: db.prepare<[string], BirthdayRow>(
      'SELECT id, display_name, birth_date, updated_at FROM contacts WHERE birth_date IS NOT NULL AND substr(birth_date, 6) = ?',
    ),
    birthdays: db.prepare<[string, string], BirthdayRow>(
      `SELECT id, display_name, birth_date, updated_at FROM contacts
        WHERE birth_date IS NOT NULL AND substr(birth_date, 6) BETWEEN ? AND ?`,
    ),
  };

  return {
    get: (id: number) => s.get.get(id),
    inRange: (from: string, to: string) => s.inRange.all({ from, to }),
    insert: (cols: ReminderColumns, participantIds: number[], now: string): number =>
      db.transaction(() => {
        const id = Number(s.insert.run({ ...cols, now }).lastInsertRowid);
        participantIds.forEach((c, i) => s.insertParticipant.run(id, c, i));
        return id;
      })(),
    update: (id: number, cols: ReminderColumns, participantIds: number[], now: string): void =>
      db.transaction(() => {
        s.update.run({ ...cols, id, now });
        s.deleteParticipants.run(id);
        participantIds.forEach((c, i) => s.insertParticipant.run(id, c, i));
      })(),
    delete: (id: number) => s.delete.run(id).changes > 0,
    /** Participants of these reminders (deleted contacts have already dropped out), in order. */
    participantsOf: (ids: number[]): ParticipantRow[] => (ids.length === 0 ? [] : s.participants.all(JSON.stringify(ids))),
    contactExists: (id: number) => s.contactExists.pluck().get(id) !== undefined,
    groups: {
      list: () => s.groupList.all(),
      get: (id: number) => s.groupGet.get(id),
      idByKey: (key: string) => (s.groupByKey.pluck().get(key) as number | undefined) ?? null,
      insert: (name: string, key: string, color: string) => Number(s.groupInsert.run(name, key, color).lastInsertRowid),
      update: (id: number, name: string, key: string, color: string) => s.groupUpdate.run(name, key, color, id).changes > 0,
      delete: (id: number) => s.groupDelete.run(id).changes > 0,
    },
    /** Birth dates whose 'MM-DD' lies in [lo, hi] (both 'MM-DD'; lo > hi never matches). */
    birthdaysBetween: (lo: string, hi: string) => s.birthdays.all(lo, hi),
    /** Birth dates on one 'MM-DD'. */
    birthdaysOnMonthDay: (md: string) => s.birthdaysOn.all(md),
  };
}
