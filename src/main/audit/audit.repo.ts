/** The audit trail's SQL (migration audit_trail). */
import type { AuditChange } from '../../shared/contract/audit';
import type { Db } from '../db/database';
import type { StoredEntry } from './audit-chain';
import type { CaughtChange } from './audit-drain';

export type EntryRow = StoredEntry & { hash: string };

export type ListQuery = {
  actorKind: 'person' | 'system' | null;
  person: string;
  recordType: string;
  record: string;
  fromMs: number | null;
  toMs: number | null;
  before: number | null;
  limit: number;
};

export function createAuditRepo(db: Db) {
  const s = {
    anyChange: db.prepare<[], number>('SELECT 1 FROM audit_changes LIMIT 1').pluck(),
    changes: db.prepare<[], CaughtChange & { seq: number }>('SELECT seq, tbl, op, old, new FROM audit_changes ORDER BY seq'),
    clearChanges: db.prepare<[number]>('DELETE FROM audit_changes WHERE seq <= ?'),
    last: db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
    insert: db.prepare(
      `INSERT INTO audit_log (id, at, actor_kind, user_id, actor_name, pc, request, record_type, record_id, record_name, action, changes, prev_hash, hash)
       VALUES (@id, @at, @actor_kind, @user_id, @actor_name, @pc, @request, @record_type, @record_id, @record_name, @action, @changes, @prev_hash, @hash)`,
    ),
    capture: db.prepare<[number]>('UPDATE audit_state SET capture = ? WHERE id = 1'),
    capturing: db.prepare<[], number>('SELECT capture FROM audit_state WHERE id = 1').pluck(),
    all: db.prepare<[], EntryRow>('SELECT * FROM audit_log ORDER BY id'),
    people: db.prepare<[], string>("SELECT DISTINCT actor_name FROM audit_log WHERE actor_kind = 'person' ORDER BY actor_name").pluck(),
    types: db.prepare<[], string>('SELECT DISTINCT record_type FROM audit_log ORDER BY record_type').pluck(),
  };
  return {
    hasChanges: () => s.anyChange.get() === 1,
    changes: () => s.changes.all(),
    clearChanges: (upTo: number) => s.clearChanges.run(upTo),
    last: () => s.last.get() ?? null,
    insert: (row: EntryRow) => s.insert.run(row),
    setCapture: (on: boolean) => s.capture.run(on ? 1 : 0),
    capturing: () => s.capturing.get() === 1,
    all: () => s.all.iterate(),
    people: () => s.people.all(),
    recordTypes: () => s.types.all(),
    list(q: ListQuery): EntryRow[] {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (sql: string, ...values: unknown[]) => {
        where.push(sql);
        params.push(...values);
      };
      if (q.actorKind) add('actor_kind = ?', q.actorKind);
      if (q.person) add('actor_name = ?', q.person);
      if (q.recordType) add('record_type = ?', q.recordType);
      if (q.record) add("(record_name LIKE ? ESCAPE '\\' OR record_id = ?)", `%${q.record.replace(/[\\%_]/g, '\\$&')}%`, q.record);
      if (q.fromMs !== null) add('at >= ?', q.fromMs);
      if (q.toMs !== null) add('at < ?', q.toMs);
      if (q.before !== null) add('id < ?', q.before);
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
      return db.prepare<unknown[], EntryRow>(sql).all(...params, q.limit);
    },
  };
}

export const parseChanges = (json: string): AuditChange[] => JSON.parse(json) as AuditChange[];
