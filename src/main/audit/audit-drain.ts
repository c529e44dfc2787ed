/**
 * Turning caught row changes into entries: the rows of one request are grouped by the record they
 * belong to (a contact's phones belong to the contact), and each record becomes one entry that lists
 * its fields' old and new values. A part rewritten as it was (a contact's phones deleted and written
 * again on every save) cancels out, so the entry says only what really changed.
 */
import type { AuditChange, AuditValue } from '../../shared/contract/audit';
import type { Db } from '../db/database';
import { isNoiseColumn, isSecretColumn, TABLE_RULES, type RecordTable, type Row } from './audit-tables';
import { BLOB_MARK } from './audit-triggers';

export type CaughtChange = { tbl: string; op: 'insert' | 'update' | 'delete'; old: string | null; new: string | null };

export type Draft = {
  recordType: string;
  recordId: string;
  recordName: string;
  action: 'insert' | 'update' | 'delete' | 'bulk';
  changes: AuditChange[];
};

/** Texts longer than this are kept as their start and length (a note pasted from a letter). */
const LONG_TEXT = 300;

type Group = {
  table: string;
  rule: RecordTable;
  id: string;
  action: 'insert' | 'update' | 'delete';
  first: Row | null;
  last: Row | null;
  deleted: boolean;
  parts: Map<string, { olds: string[]; news: string[] }>;
};

function value(v: unknown): AuditValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  const s = String(v);
  const blob = new RegExp(`^${BLOB_MARK}(\\d+)$`).exec(s);
  if (blob) return { bytes: Number(blob[1]) };
  if (s.includes(BLOB_MARK)) return value(s.replaceAll(BLOB_MARK, '').replace(/(\d+)/g, '$1 B'));
  return s.length > LONG_TEXT ? { text: s.slice(0, 80), length: s.length } : s;
}

function setting(v: unknown): AuditValue {
  if (typeof v !== 'string') return value(v);
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'string' || typeof parsed === 'number' ? value(parsed) : value(JSON.stringify(parsed));
  } catch {
    return value(v);
  }
}

const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

/** Records' ids: the `id` column, else the primary key's columns joined by '/'. */
function idOf(row: Row, pk: string[]): string {
  if ('id' in row) return String(row.id);
  return pk.map((c) => String(row[c] ?? '')).join('/');
}

export function draftEntries(db: Db, changes: CaughtChange[], primaryKey: (table: string) => string[]): Draft[] {
  const groups = new Map<string, Group>();
  const groupOf = (table: string, id: string): Group => {
    const key = `${table}\u0000${id}`;
    let g = groups.get(key);
    if (!g) {
      const rule = TABLE_RULES[table];
      const recordRule: RecordTable = rule?.kind === 'record' ? rule : { kind: 'record', type: table, name: () => '' };
      g = { table, rule: recordRule, id, action: 'update', first: null, last: null, deleted: false, parts: new Map() };
      groups.set(key, g);
    }
    return g;
  };
  for (const c of changes) {
    const rule = TABLE_RULES[c.tbl];
    if (rule?.kind === 'derived') continue;
    const oldRow = c.old ? (JSON.parse(c.old) as Row) : null;
    const newRow = c.new ? (JSON.parse(c.new) as Row) : null;
    const row = (newRow ?? oldRow)!;
    if (rule?.kind === 'child') {
      const g = groupOf(rule.parent, String(row[rule.via]));
      const part = g.parts.get(rule.field) ?? { olds: [], news: [] };
      g.parts.set(rule.field, part);
      if (oldRow) part.olds.push(rule.show(oldRow));
      if (newRow) part.news.push(rule.show(newRow));
      continue;
    }
    const g = groupOf(c.tbl, idOf(row, primaryKey(c.tbl)));
    if (!g.first && !g.last) {
      g.first = oldRow;
      g.action = c.op;
    }
    if (c.op === 'delete') g.deleted = true;
    g.last = newRow ?? g.last;
  }
  const drafts: Draft[] = [];
  for (const g of groups.values()) {
    const action = g.deleted ? 'delete' : g.action;
    const fields = fieldChanges(g, action);
    for (const [field, { olds, news }] of g.parts) {
      // A part written again as it was (same text) is no change: cancel pairs.
      const left = [...olds];
      const added: string[] = [];
      for (const n of news) {
        const i = left.indexOf(n);
        if (i >= 0) left.splice(i, 1);
        else added.push(n);
      }
      if (left.length || added.length)
        fields.push({ field, old: left.length ? value(left.join('، ')) : null, new: added.length ? value(added.join('، ')) : null });
    }
    if (fields.length === 0 && action === 'update') continue;
    const named = g.last ?? g.first ?? current(db, g.table, g.id, g.rule);
    drafts.push({ recordType: g.rule.type, recordId: g.id, recordName: named ? g.rule.name(named, db) : '', action, changes: fields });
  }
  return drafts;
}

function fieldChanges(g: Group, action: Draft['action']): AuditChange[] {
  const out: AuditChange[] = [];
  const before = action === 'insert' ? {} : (g.first ?? {});
  const after = action === 'delete' ? {} : (g.last ?? {});
  const columns = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const c of columns) {
    if (isNoiseColumn(c)) continue;
    const o = before[c];
    const n = after[c];
    if (same(o, n)) continue;
    // A new record's empty fields and a deleted record's are not worth a line each.
    if ((action === 'insert' && (n === '' || n === null)) || (action === 'delete' && (o === '' || o === null))) continue;
    // A setting is stored as JSON under its key: said as the setting's value.
    if (isSecretColumn(c)) out.push({ field: c, old: o ? '••••' : null, new: n ? '••••' : null });
    else if (g.table === 'settings' && c === 'value') out.push({ field: String((g.last ?? g.first)?.key ?? c), old: setting(o), new: setting(n) });
    else out.push({ field: c, old: value(o), new: value(n) });
  }
  return out;
}

/** The record as it stands, for an entry whose own row did not change (only a part of it did). */
function current(db: Db, table: string, id: string, rule: RecordTable): Row | null {
  if (!/^\d+$/.test(id) || !rule) return null;
  try {
    return db.prepare<[number], Row>(`SELECT * FROM "${table}" WHERE id = ?`).get(Number(id)) ?? null;
  } catch {
    return null; // a table without an id column: the entry goes without a name rather than failing the request
  }
}
