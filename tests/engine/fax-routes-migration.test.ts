/**
 * Migration faxroute_rules: the alarms table is rebuilt to allow source 'fax' — alarms already rung (a carrier
 * and a row merged into it, snoozed or dismissed) come through as they were, with their indexes and the
 * carrier's cascade; a fax log row gains empty routing; a rule's target is exactly one of staff or group.
 */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_faxroute_rules')) + 1;

let dir = '';
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

test('alarms rung before come through the rebuild unchanged; a fax alarm and a routed fax can be stored', () => {
  expect(upTo).toBeGreaterThan(0);
  const file = path.join(dir, 'a.sqlite');
  const before = openDatabase(file, { migrations: all.slice(0, upTo - 1) });
  before.exec(`INSERT INTO alarms (id, key, source, ref_id, title, occurs_at, fired_at, late, snoozed_until, missed_count, first_occurs_at)
      VALUES (1, 'reminder:1:a', 'reminder', 1, 'carrier', 10, 20, 1, 99, 2, 5);
    INSERT INTO alarms (id, key, source, ref_id, title, occurs_at, fired_at, late, merged_into)
      VALUES (2, 'reminder:1:b', 'reminder', 1, 'merged', 5, 20, 1, 1);
    INSERT INTO alarms (id, key, source, ref_id, title, occurs_at, fired_at, late, dismissed_at) VALUES (3, 'cheque:4:x', 'cheque', 4, 'gone', 7, 8, 0, 9);`);
  const rows = before.prepare('SELECT * FROM alarms ORDER BY id').all();
  const faxAlarm = "INSERT INTO alarms (key, source, ref_id, title, occurs_at, fired_at, late) VALUES ('fax:1', 'fax', 1, 't', 1, 1, 0)";
  expect(() => before.prepare(faxAlarm).run()).toThrow(/CHECK/);
  before.close();

  const db = openDatabase(file, { migrations: all.slice(0, upTo) });
  expect(db.prepare('SELECT * FROM alarms ORDER BY id').all()).toEqual(rows);
  db.prepare(faxAlarm).run();
  expect(() => db.prepare(faxAlarm.replace("'fax:1', 'fax'", "'x', 'nope'")).run()).toThrow(/CHECK/);
  const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
  expect(plan('SELECT id FROM alarms WHERE merged_into = 1')).toMatch(/INDEX alarms_merged/);
  expect(plan("SELECT id FROM alarms WHERE source = 'fax' AND ref_id = 1")).toMatch(/INDEX alarms_by_ref/);
  expect(plan('SELECT id FROM fax_log WHERE routed_at > 1 AND routed_at <= 2')).toMatch(/INDEX fax_log_routed_at/);
  // The carrier still takes its merged row with it.
  db.prepare('DELETE FROM alarms WHERE id = 1').run();
  expect(db.prepare('SELECT id FROM alarms ORDER BY id').pluck().all()).toEqual([3, 4]);
  // A rule names exactly one of a staff file or a group.
  expect(() => db.prepare('INSERT INTO fax_route_rules (position) VALUES (1)').run()).toThrow(/CHECK/);
  db.close();
});
