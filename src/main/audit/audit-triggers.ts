/**
 * The triggers that catch every row change of a data table into audit_changes (old and new row as
 * JSON). They are made from the schema at each start rather than written in migrations, so a table a
 * later migration adds is caught without anyone remembering to; a trigger already as it should be is
 * left alone (no write at all on an ordinary start).
 */
import type { Db } from '../db/database';
import { dataTables, TABLE_RULES } from './audit-tables';

/** A BLOB value stands in the JSON as this mark and its size: a recording or a scan is never copied into the trail. */
export const BLOB_MARK = '\u0001bytes:';

type Column = { name: string; type: string; pk: number };

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

function rowJson(columns: Column[], ref: 'OLD' | 'NEW'): string {
  const parts = columns.map((c) => {
    const v = `${ref}.${quote(c.name)}`;
    // BLOB and ANY columns may hold bytes, which JSON cannot: their size instead.
    const value = /BLOB|ANY|^$/i.test(c.type) ? `CASE WHEN typeof(${v}) = 'blob' THEN ${literal(BLOB_MARK)} || length(${v}) ELSE ${v} END` : v;
    return `${literal(c.name)}, ${value}`;
  });
  return `json_object(${parts.join(', ')})`;
}

/** The three triggers of one table, as SQLite stores their text. */
export function captureTriggers(table: string, columns: Column[]): { name: string; sql: string }[] {
  const ops = [
    ['insert', 'INSERT', 'NULL', rowJson(columns, 'NEW')],
    ['update', 'UPDATE', rowJson(columns, 'OLD'), rowJson(columns, 'NEW')],
    ['delete', 'DELETE', rowJson(columns, 'OLD'), 'NULL'],
  ] as const;
  return ops.map(([op, event, oldJson, newJson]) => {
    const name = `audit_capture_${table}_${op}`;
    const sql =
      `CREATE TRIGGER ${quote(name)} AFTER ${event} ON ${quote(table)} WHEN (SELECT capture FROM audit_state) BEGIN ` +
      `INSERT INTO audit_changes (tbl, op, old, new) VALUES (${literal(table)}, '${op}', ${oldJson}, ${newJson}); END`;
    return { name, sql };
  });
}

export function tableColumns(db: Db, table: string): Column[] {
  return db.pragma(`table_info(${quote(table)})`) as Column[];
}

/** The tables whose changes are audited: every data table but the derived ones. */
export function auditedTables(db: Db): string[] {
  return dataTables(db).filter((t) => TABLE_RULES[t]?.kind !== 'derived');
}

/** Makes the capture triggers match the schema; returns how many it (re)made. */
export function ensureCaptureTriggers(db: Db): number {
  const existing = new Map(
    db
      .prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'audit_capture_*'")
      .all()
      .map((t) => [t.name, t.sql]),
  );
  const wanted = auditedTables(db).flatMap((t) => captureTriggers(t, tableColumns(db, t)));
  const stale = wanted.filter((w) => existing.get(w.name) !== w.sql);
  const keep = new Set(wanted.map((w) => w.name));
  const extra = [...existing.keys()].filter((n) => !keep.has(n));
  if (stale.length === 0 && extra.length === 0) return 0;
  db.transaction(() => {
    for (const n of extra) db.exec(`DROP TRIGGER IF EXISTS ${quote(n)}`);
    for (const w of stale) {
      db.exec(`DROP TRIGGER IF EXISTS ${quote(w.name)}`);
      db.exec(w.sql);
    }
  })();
  return stale.length;
}

/** Removes the capture triggers (the benchmark's save without the trail). */
export function dropCaptureTriggers(db: Db): void {
  const names = db.prepare<[], string>("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name GLOB 'audit_capture_*'").pluck().all();
  for (const n of names) db.exec(`DROP TRIGGER ${quote(n)}`);
}
