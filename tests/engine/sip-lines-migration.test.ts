/**
 * Migration sipline_lines: the lines table is rebuilt to allow kind 'sip' — lines already configured (a
 * modem recording every call with fax after rings, a disabled demo line) come through with every column
 * and id as they were, the IVR's per-line trees still point at them and still go with a deleted line.
 */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_sipline_lines')) + 1;

let dir = '';
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => removeDir(dir));

test('existing lines keep every column and id; a SIP line with its settings can be stored; CHECKs hold', () => {
  expect(upTo).toBeGreaterThan(0);
  const file = path.join(dir, 'a.sqlite');
  const before = openDatabase(file, { migrations: all.slice(0, upTo - 1) });
  before.exec(`INSERT INTO lines (id, name, kind, port, enabled, caller_id_mode, rings_before_answer, extra_init, created_at, record_calls, fax_mode, fax_rings)
      VALUES (3, 'Front desk', 'modem', '/dev/ttyACM0', 1, 'unformatted', 4, 'AT+GCI=B5', '2026-01-01T00:00:00.000Z', 1, 'after-rings', 6);
    INSERT INTO lines (id, name, kind, enabled, created_at) VALUES (7, 'Demo', 'demo', 0, '2026-02-01T00:00:00.000Z');
    INSERT INTO ivr_trees (id, name, tree, updated_at) VALUES (1, 'Main', '{}', 'now');
    INSERT INTO ivr_line_trees (line_id, office_tree_id) VALUES (3, 1);
    INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour)
      VALUES (3, 'Front desk', 'in', 'missed', 1, '2026-01-01', 9);`);
  const rows = before.prepare('SELECT * FROM lines ORDER BY id').all();
  const sip = "INSERT INTO lines (name, kind, created_at) VALUES ('PBX', 'sip', 'now')";
  expect(() => before.prepare(sip).run()).toThrow(/CHECK/);
  before.close();

  const db = openDatabase(file, { migrations: all.slice(0, upTo) });
  const after = db.prepare('SELECT * FROM lines ORDER BY id').all() as Record<string, unknown>[];
  // Every old column as it was, and the SIP columns at their defaults.
  expect(after.map((r) => Object.fromEntries(Object.keys(rows[0] as object).map((k) => [k, r[k]])))).toEqual(rows);
  expect(after[0]).toMatchObject({
    sip_transport: 'udp',
    sip_codecs: 'PCMU,PCMA',
    sip_channels: 2,
    rtp_port_min: 10000,
    rtp_port_max: 20000,
    sip_password_sealed: '',
  });
  db.prepare(sip).run();
  expect(() => db.prepare("INSERT INTO lines (name, kind, created_at, sip_transport) VALUES ('x', 'sip', 'now', 'sctp')").run()).toThrow(/CHECK/);
  expect(() => db.prepare("INSERT INTO lines (name, kind, created_at, rtp_port_min, rtp_port_max) VALUES ('x', 'sip', 'now', 20000, 10000)").run()).toThrow(
    /CHECK/,
  );
  expect(() => db.prepare("INSERT INTO lines (name, kind, created_at) VALUES ('x', 'fax', 'now')").run()).toThrow(/CHECK/);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // The IVR's trees of the line still go with it.
  db.prepare('DELETE FROM lines WHERE id = 3').run();
  expect(db.prepare('SELECT COUNT(*) FROM ivr_line_trees').pluck().get()).toBe(0);
  db.close();
});
