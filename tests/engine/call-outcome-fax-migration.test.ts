/**
 * The call log learns the outcome 'fax' (the migration that rebuilds `calls` with the wider CHECK): an
 * older log keeps every call, its notes and IVR runs, the day and hour statistics keep counting (the
 * triggers came back), the indexes the log's queries use are still there, and a 'fax' call is accepted.
 */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const at = all.findIndex((m) => m.name.endsWith('_fax_on_lines'));

let dir: string;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

const objects = (db: ReturnType<typeof openDatabase>) =>
  db.prepare<[], { type: string; name: string }>("SELECT type, name FROM sqlite_schema WHERE tbl_name = 'calls' ORDER BY type, name").all();

it('keeps an older log, its notes and statistics, its indexes and triggers, and then takes a fax call', () => {
  expect(at).toBeGreaterThan(0);
  const file = path.join(dir, 'monshi.db');
  const old = openDatabase(file, { migrations: all.slice(0, at) });
  old.exec("INSERT INTO lines (name, kind, created_at) VALUES ('L', 'demo', 'x')");
  const insert = old.prepare(
    'INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, duration_s, number_raw, number_key) ' +
      'VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  insert.run('L', 'in', 'answered', 1000, '1403-05-10', 9, 60, '0912', '+98912');
  insert.run('L', 'in', 'missed', 2000, '1403-05-10', 9, 0, '0912', '+98912');
  old.exec("INSERT INTO call_notes (call_id, body, created_at) VALUES (1, 'called back', 'x')");
  const before = objects(old);
  const stats = () => old.prepare('SELECT in_calls, in_answered, in_missed, talk_s FROM call_day_stats').all();
  expect(stats()).toEqual([{ in_calls: 2, in_answered: 1, in_missed: 1, talk_s: 60 }]);
  old.close();

  const db = openDatabase(file, { migrations: all });
  expect(objects(db)).toEqual(before);
  expect(db.prepare('SELECT id, outcome FROM calls ORDER BY id').all()).toEqual([
    { id: 1, outcome: 'answered' },
    { id: 2, outcome: 'missed' },
  ]);
  expect(db.prepare('SELECT call_id, body FROM call_notes').all()).toEqual([{ call_id: 1, body: 'called back' }]);
  db.prepare(
    'INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, duration_s, number_raw, number_key) ' +
      'VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run('L', 'in', 'fax', 3000, '1403-05-10', 9, 40, '0912', '+98912');
  // The statistics triggers are back: the fax call is counted (a call in, neither answered nor missed).
  expect(db.prepare('SELECT in_calls, in_answered, in_missed, talk_s FROM call_day_stats').all()).toEqual([
    { in_calls: 3, in_answered: 1, in_missed: 1, talk_s: 100 },
  ]);
  expect(db.prepare('SELECT calls FROM call_numbers').all()).toEqual([{ calls: 3 }]);
  expect(() => db.exec("UPDATE calls SET outcome = 'nonsense' WHERE id = 1")).toThrow(/CHECK/);
  db.close();
});
