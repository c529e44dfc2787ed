/** The reminders migration: STRICT tables, cascades both ways, and the indexes its hot queries rely on. */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_reminders')) + 1;

describe('migration: reminders', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it('exists, and its tables are STRICT', () => {
    expect(upTo).toBeGreaterThan(0);
    const db = openDatabase(path.join(dir, 'a.sqlite'), { migrations: all.slice(0, upTo) });
    const tables = db
      .prepare(
        "SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name IN ('reminder_groups', 'reminders', 'reminder_participants', 'alarms', " +
          "'alarm_state')",
      )
      .all();
    expect(tables).toHaveLength(5);
    expect(tables.every((t) => (t as { strict: number }).strict === 1)).toBe(true);
    db.close();
  });

  it('a deleted contact drops out of reminders; a deleted reminder takes its participants; a deleted group leaves its reminders', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'), { migrations: all.slice(0, upTo) });
    const now = '2026-11-21T00:00:00.000Z';
    db.prepare("INSERT INTO contacts (id, display_name, sort_key, created_at, updated_at) VALUES (1, 'a', 'a', ?, ?), (2, 'b', 'b', ?, ?)").run(
      now,
      now,
      now,
      now,
    );
    db.prepare("INSERT INTO reminder_groups (id, name, name_key, color) VALUES (1, 'g', 'g', '#000000')").run();
    db.prepare(
      "INSERT INTO reminders (id, kind, subject, group_id, date, time, created_at, updated_at) VALUES (1, 'task', 's', 1, '2026-11-21', '08:00', ?, ?), (2, " +
        "'task', 't', NULL, '2026-11-21', '08:00', ?, ?)",
    ).run(now, now, now, now);
    db.prepare('INSERT INTO reminder_participants (reminder_id, contact_id, position) VALUES (1, 1, 0), (1, 2, 1), (2, 2, 0)').run();
    db.prepare('DELETE FROM contacts WHERE id = 2').run();
    expect(db.prepare('SELECT reminder_id, contact_id FROM reminder_participants ORDER BY reminder_id').all()).toEqual([{ reminder_id: 1, contact_id: 1 }]);
    db.prepare('DELETE FROM reminder_groups WHERE id = 1').run();
    expect(db.prepare('SELECT group_id FROM reminders WHERE id = 1').pluck().get()).toBeNull();
    db.prepare('DELETE FROM reminders WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM reminder_participants').pluck().get()).toBe(0);
    expect(() =>
      db
        .prepare(
          "INSERT INTO reminders (kind, subject, date, time, until, created_at, updated_at) VALUES ('task', 's', '2026-11-21', '08:00', '2026-11-01', ?, ?)",
        )
        .run(now, now),
    ).toThrow(/CHECK/);
    db.close();
  });

  it('birthdays by month-day use the partial index; alarm keys are unique', () => {
    const db = openDatabase(path.join(dir, 'a.sqlite'), { migrations: all.slice(0, upTo) });
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE birth_date IS NOT NULL AND substr(birth_date, 6) BETWEEN '03-17' AND '03-25'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX contacts_by_birthday/);
    const insert = db.prepare(
      "INSERT INTO alarms (key, source, ref_id, title, occurs_at, fired_at, late) VALUES ('reminder:1:x', 'reminder', 1, 't', 0, 0, 0)",
    );
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    db.close();
  });
});
