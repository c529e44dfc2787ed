/** Migration 0011 (missed repeats merged): alarms already rung keep standing for one occurrence each; a merged row goes with its carrier. */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_alarms_missed')) + 1;

describe('migration: alarms missed', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  it('keeps rung alarms as single occurrences; a deleted carrier takes its merged rows; the count is at least 1', () => {
    expect(upTo).toBeGreaterThan(0);
    const file = path.join(dir, 'a.sqlite');
    const before = openDatabase(file, { migrations: all.slice(0, upTo - 1) });
    before
      .prepare("INSERT INTO alarms (id, key, source, ref_id, title, occurs_at, fired_at, late) VALUES (1, 'reminder:1:a', 'reminder', 1, 't', 10, 20, 1)")
      .run();
    before.close();

    const db = openDatabase(file, { migrations: all.slice(0, upTo) });
    expect(db.prepare('SELECT merged_into, missed_count, first_occurs_at FROM alarms WHERE id = 1').get()).toEqual({
      merged_into: null,
      missed_count: 1,
      first_occurs_at: null,
    });
    db.prepare(
      "INSERT INTO alarms (id, key, source, ref_id, title, occurs_at, fired_at, late, merged_into) VALUES (2, 'reminder:1:b', 'reminder', 1, 't', 5, 20, 1, 1)",
    ).run();
    expect(() => db.prepare('UPDATE alarms SET missed_count = 0 WHERE id = 1').run()).toThrow(/CHECK/);
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM alarms WHERE merged_into = 1').all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX alarms_merged/);
    db.prepare('DELETE FROM alarms WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) FROM alarms').pluck().get()).toBe(0);
    db.close();
  });
});
