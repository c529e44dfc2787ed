/** Migration 0013: an office that had contacts or lines before the first-run guide existed starts with the guide done; a new one sees it. */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_setup_done_for_existing')) + 1;

describe('migration: setup done for existing offices', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  const startAt = (seed: (db: ReturnType<typeof openDatabase>) => void) => {
    const db = openDatabase(path.join(dir, 'monshi.sqlite'), { migrations: all.slice(0, upTo - 1) });
    seed(db);
    db.close();
    return testEngine(dir, undefined, { noAlarms: true, noLines: true });
  };

  it('a phonebook with contacts is an office already set up', async () => {
    expect(upTo).toBeGreaterThan(0);
    const e = startAt((db) =>
      db
        .prepare(
          "INSERT INTO contacts (first_name, display_name, sort_key, search_text, created_at, updated_at) VALUES ('a', 'a', '1a', '', '2020-01-01', " +
            "'2020-01-01')",
        )
        .run(),
    );
    expect((await e.ok('settings/get', {})).setupDone).toBe(true);
    e.close();
  });

  it('an empty database is a new office: the guide shows', async () => {
    const e = startAt(() => {});
    expect((await e.ok('settings/get', {})).setupDone).toBe(false);
    e.close();
  });
});
