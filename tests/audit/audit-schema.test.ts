/**
 * The schema walk: every data table of the newest schema is known to the audit trail (a record, a part
 * of one, or derived data), and every table that is not derived has its three capture triggers. A
 * migration that adds a table without saying how it is audited fails here; a table added later still
 * gets its triggers at the next start.
 */
import Database from 'better-sqlite3';
import { AUDIT_OWN_TABLES, dataTables, TABLE_RULES } from '../../src/main/audit/audit-tables';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const triggersOf = (db: Database.Database, table: string) =>
  db
    .prepare<[string], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name GLOB 'audit_capture_*' ORDER BY name")
    .pluck()
    .all(table);

test('every data table is known to the trail, and every audited one has its insert, update and delete triggers', async () => {
  const dir = tempDir();
  const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
  try {
    const tables = dataTables(e.db);
    expect(tables.length).toBeGreaterThan(40);
    expect(tables.filter((t) => !TABLE_RULES[t])).toEqual([]);
    // A rule for a table no longer there is a stale rule.
    expect(Object.keys(TABLE_RULES).filter((t) => !tables.includes(t))).toEqual([]);
    for (const t of tables) {
      const want = TABLE_RULES[t]!.kind === 'derived' ? [] : ['delete', 'insert', 'update'].map((op) => `audit_capture_${t}_${op}`);
      expect({ t, triggers: triggersOf(e.db, t) }).toEqual({ t, triggers: want });
    }
    for (const t of AUDIT_OWN_TABLES) expect(triggersOf(e.db, t)).toEqual([]);
    // Children name a parent that is a record.
    for (const [t, rule] of Object.entries(TABLE_RULES))
      if (rule.kind === 'child') expect({ t, parent: TABLE_RULES[rule.parent]?.kind }).toEqual({ t, parent: 'record' });
  } finally {
    await e.close();
    removeDir(dir);
  }
});

test('a table added behind the rules gets its triggers at the next start and fails the walk until it has a rule', async () => {
  const dir = tempDir();
  let e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
  const file = e.db.name;
  await e.close();
  const other = new Database(file);
  other.exec('CREATE TABLE gadgets (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  other.close();
  e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
  try {
    expect(triggersOf(e.db, 'gadgets')).toEqual(['audit_capture_gadgets_delete', 'audit_capture_gadgets_insert', 'audit_capture_gadgets_update']);
    expect(dataTables(e.db).filter((t) => !TABLE_RULES[t])).toEqual(['gadgets']);
  } finally {
    await e.close();
    removeDir(dir);
  }
});
