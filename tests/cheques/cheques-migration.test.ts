/** The cheques migration: STRICT tables, the rules the database itself keeps, and the indexes the alarms and search rely on. */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_cheques')) + 1;
const now = '2026-11-21T00:00:00.000Z';

describe('migration: cheques', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));
  const open = () => openDatabase(path.join(dir, 'a.sqlite'), { migrations: all.slice(0, upTo) });
  /** Inserts a cheque row: a valid one, changed by `extra`. */
  const insert = (db: ReturnType<typeof open>, extra: Record<string, string | number | null> = {}) => {
    const row = {
      direction: 'received',
      status: 'on_hand',
      guarantee: 0,
      sayad_id: '',
      amount: 1000,
      due_date: '2026-12-01',
      bank_code: 'melli',
      bank_name: '',
      party_name: 'x',
      party_id: '',
      created_at: now,
      created_on: '2026-11-21',
      updated_at: now,
      alarm_base_at: now,
      ...extra,
    };
    const cols = Object.keys(row);
    return Number(db.prepare(`INSERT INTO cheques (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`).run(row).lastInsertRowid);
  };

  it('exists, and its tables are STRICT', () => {
    expect(upTo).toBeGreaterThan(0);
    const db = open();
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name LIKE 'cheque%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.map((t) => t.name).sort()).toEqual(['cheque_books', 'cheque_events', 'cheque_images', 'cheque_leaves', 'cheques']);
    expect(tables.every((t) => t.strict === 1)).toBe(true);
    db.close();
  });

  it('refuses what the engine never writes: a status of the other direction, a bad Sayad ID, a dated-less non-guarantee, a duplicate Sayad ID', () => {
    const db = open();
    const run = (extra: Record<string, string | number | null>) => insert(db, extra);
    run({});
    expect(() => run({ status: 'cleared' })).toThrow(/CHECK/);
    expect(() => run({ sayad_id: '12345' })).toThrow(/CHECK/);
    expect(() => run({ due_date: null })).toThrow(/CHECK/);
    run({ due_date: null, guarantee: 1 });
    expect(() => run({ party_id: '123' })).toThrow(/CHECK/);
    expect(() => run({ bank_code: null })).toThrow(/CHECK/);
    run({ sayad_id: '1234567890123456' });
    expect(() => run({ sayad_id: '1234567890123456' })).toThrow(/UNIQUE/);
    db.close();
  });

  it('open cheques by due date use the partial index; a deleted cheque takes its history and images', () => {
    const db = open();
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM cheques WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL AND due_date BETWEEN " +
          "'2026-11-01' AND '2026-11-30'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX cheques_open_by_due/);
    const id = insert(db);
    db.prepare("INSERT INTO cheque_events (cheque_id, kind, to_status, date, recorded_at) VALUES (?, 'created', 'on_hand', '2026-11-21', ?)").run(id, now);
    db.prepare("INSERT INTO cheque_images (cheque_id, file_name, mime, size, stored_as, added_at) VALUES (?, 'a.png', 'image/png', 1, 'a', ?)").run(id, now);
    db.prepare('DELETE FROM cheques WHERE id = ?').run(id);
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM cheque_events) + (SELECT COUNT(*) FROM cheque_images)').pluck().get()).toBe(0);
    db.close();
  });

  it('0014 (money rules) keeps every cheque and event, lets a received cheque be void, and refuses a correction without a reason', () => {
    const file = path.join(dir, 'b.sqlite');
    const before = all.findIndex((m) => m.name.endsWith('_cheque_corrections'));
    expect(before).toBeGreaterThan(0);
    let db = openDatabase(file, { migrations: all.slice(0, before) });
    const id = insert(db, { sayad_id: '1234567890123456' });
    db.prepare("INSERT INTO cheque_events (cheque_id, kind, to_status, date, note, recorded_at) VALUES (?, 'created', 'on_hand', '2026-11-21', 'n', ?)").run(
      id,
      now,
    );
    db.close();
    db = openDatabase(file, { migrations: all });
    expect(db.prepare('SELECT amount, sayad_id FROM cheques WHERE id = ?').get(id)).toEqual({ amount: 1000, sayad_id: '1234567890123456' });
    expect(db.prepare('SELECT kind, note, recorded_by FROM cheque_events WHERE cheque_id = ?').all(id)).toEqual([
      { kind: 'created', note: 'n', recorded_by: '' },
    ]);
    db.prepare("UPDATE cheques SET status = 'void' WHERE id = ?").run(id);
    const event = db.prepare("INSERT INTO cheque_events (cheque_id, kind, date, note, recorded_at) VALUES (?, 'corrected', '2026-11-21', ?, ?)");
    expect(() => event.run(id, '', now)).toThrow(/CHECK/);
    event.run(id, 'typo', now);
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT * FROM cheques WHERE status IN ('on_hand', 'deposited', 'issued') AND due_date IS NOT NULL AND due_date BETWEEN " +
          "'2026-11-01' AND '2026-11-30'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX cheques_open_by_due/);
    db.prepare('DELETE FROM cheques WHERE id = ?').run(id);
    expect(db.prepare('SELECT COUNT(*) FROM cheque_events').pluck().get()).toBe(0); // the history still goes with its cheque
    db.close();
  });
});
