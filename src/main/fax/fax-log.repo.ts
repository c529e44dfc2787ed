/**
 * The SQL of the fax log (migration fax_log). The contact of a fax is matched when read, as the call log
 * does: the contact with the caller's (or dialled) number first, else the one with a number equal to the
 * TSI/CSI; `MATCHED` is that rule, used by the list, the per-contact list and the report alike.
 */
import type { Db } from '../db/database';

export type FaxLogDbRow = {
  id: number;
  direction: 'in' | 'out';
  started_at: number;
  local_day: string;
  duration_ms: number;
  line_id: string;
  line_name: string;
  remote_number: string;
  number_key: string;
  remote_id: string;
  remote_id_key: string;
  pages_total: number;
  pages_done: number;
  bps: number | null;
  ecm: number;
  fine: number;
  ok: number;
  reason: string | null;
  attempts: number;
  tiff: string | null;
  job_id: number | null;
  call_id: number | null;
  trace: string;
  rotation: number;
  /** Who a received fax was routed to when it came (migration faxroute_rules), else nulls and ''. */
  routed_kind: 'staff' | 'group' | null;
  routed_id: number | null;
  routed_name: string;
  routed_at: number | null;
};

export type MatchedDbRow = FaxLogDbRow & { contact_id: number | null; matched_by: 'number' | 'remote-id' | null; contact_name: string | null };
export type NewFaxLogRow = Omit<FaxLogDbRow, 'id' | 'rotation'>;

const contactBy = (column: string) =>
  `(SELECT p.contact_id FROM contact_phones p JOIN contacts c ON c.id = p.contact_id
    WHERE f.${column} <> '' AND p.phone_key = f.${column} ORDER BY c.sort_key, c.id LIMIT 1)`;
/** Every row with its matched contact: by number, else by TSI/CSI. */
const MATCHED = `(SELECT f.*, COALESCE(${contactBy('number_key')}, ${contactBy('remote_id_key')}) AS contact_id,
  CASE WHEN ${contactBy('number_key')} IS NOT NULL THEN 'number' WHEN ${contactBy('remote_id_key')} IS NOT NULL THEN 'remote-id' END AS matched_by
  FROM fax_log f)`;
const SELECT = `SELECT m.*, c.display_name AS contact_name FROM ${MATCHED} m LEFT JOIN contacts c ON c.id = m.contact_id`;

export type FaxLogFilter = {
  direction: 'in' | 'out' | null;
  fromDay: string | null;
  toDay: string | null;
  contactId: number | null;
  /** Digits to find in the number or the TSI/CSI (their keys or as written). */
  digits: string;
  /** Text to find in the TSI/CSI, and contacts whose names hold it. */
  text: string;
  contactIds: number[];
  /** Only the faxes routed to this staff member or group. */
  routedTo: { kind: 'staff' | 'group'; id: number } | null;
};

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(f: FaxLogFilter): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (f.direction) add('m.direction = ?', f.direction);
  if (f.fromDay) add('m.local_day >= ?', f.fromDay);
  if (f.toDay) add('m.local_day <= ?', f.toDay);
  if (f.contactId !== null) add('m.contact_id = ?', f.contactId);
  if (f.routedTo) add('m.routed_kind = ? AND m.routed_id = ?', f.routedTo.kind, f.routedTo.id);
  if (f.digits) {
    const d = like(f.digits);
    add(
      `(m.number_key LIKE ? ESCAPE '\\' OR m.remote_id_key LIKE ? ESCAPE '\\' OR m.remote_number LIKE ? ESCAPE '\\' OR m.remote_id LIKE ? ESCAPE '\\')`,
      d,
      d,
      d,
      d,
    );
  }
  if (f.text) {
    add(
      `(m.remote_id LIKE ? ESCAPE '\\' OR m.line_name LIKE ? ESCAPE '\\' OR m.contact_id IN (SELECT value FROM json_each(?)))`,
      like(f.text),
      like(f.text),
      JSON.stringify(f.contactIds),
    );
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function createFaxLogRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO fax_log (direction, started_at, local_day, duration_ms, line_id, line_name, remote_number, number_key, remote_id, remote_id_key,
        pages_total, pages_done, bps, ecm, fine, ok, reason, attempts, tiff, job_id, call_id, trace, routed_kind, routed_id, routed_name, routed_at)
       VALUES (@direction, @started_at, @local_day, @duration_ms, @line_id, @line_name, @remote_number, @number_key, @remote_id, @remote_id_key,
        @pages_total, @pages_done, @bps, @ecm, @fine, @ok, @reason, @attempts, @tiff, @job_id, @call_id, @trace,
        @routed_kind, @routed_id, @routed_name, @routed_at)`,
    ),
    get: db.prepare<[number], MatchedDbRow>(`${SELECT} WHERE m.id = ?`),
    rotate: db.prepare<[number, number]>('UPDATE fax_log SET rotation = ? WHERE id = ?'),
    // The name the user gave the line in Lines, else its port: what the fax log shows as the fax's line.
    lineName: db.prepare<[string], string>("SELECT COALESCE(NULLIF(name, ''), port) FROM lines WHERE CAST(id AS TEXT) = ?").pluck(),
    callExists: db.prepare<[number], number>('SELECT 1 FROM calls WHERE id = ?').pluck(),
    routedBetween: db.prepare<[number, number], MatchedDbRow>(`${SELECT} WHERE m.routed_at > ? AND m.routed_at <= ? ORDER BY m.routed_at, m.id`),
  };
  return {
    insert: (r: NewFaxLogRow) => Number(s.insert.run(r).lastInsertRowid),
    get: (id: number) => s.get.get(id),
    rotate: (id: number, rotation: number) => s.rotate.run(rotation, id).changes > 0,
    lineName: (lineId: string) => s.lineName.get(lineId) ?? '',
    callExists: (id: number) => s.callExists.get(id) === 1,
    /** Received faxes routed to someone at an instant in (from, to] (their alarms). */
    routedBetween: (from: number, to: number) => s.routedBetween.all(from, to),
    list(f: FaxLogFilter, offset: number, limit: number): { rows: MatchedDbRow[]; total: number } {
      const w = where(f);
      const rows = db
        .prepare<unknown[], MatchedDbRow>(`${SELECT} ${w.sql} ORDER BY m.started_at DESC, m.id DESC LIMIT ? OFFSET ?`)
        .all(...w.params, limit, offset);
      const total =
        db
          .prepare<unknown[], number>(`SELECT count(*) FROM ${MATCHED} m ${w.sql}`)
          .pluck()
          .get(...w.params) ?? 0;
      return { rows, total };
    },
    perDay: (from: string, to: string) =>
      db
        .prepare<[string, string], { day: string; direction: 'in' | 'out'; faxes: number; pages: number; failed: number }>(
          `SELECT local_day AS day, direction, count(*) AS faxes, sum(pages_done) AS pages, sum(1 - ok) AS failed
           FROM fax_log WHERE local_day BETWEEN ? AND ? GROUP BY local_day, direction`,
        )
        .all(from, to),
    perContact: (from: string, to: string) =>
      db
        .prepare<
          [string, string],
          { contact_id: number | null; contact_name: string | null; number: string; direction: 'in' | 'out'; faxes: number; pages: number }
        >(
          `SELECT m.contact_id, c.display_name AS contact_name,
             CASE WHEN m.contact_id IS NULL THEN COALESCE(NULLIF(m.remote_number, ''), m.remote_id) ELSE '' END AS number,
             m.direction, count(*) AS faxes, sum(m.pages_done) AS pages
           FROM ${MATCHED} m LEFT JOIN contacts c ON c.id = m.contact_id
           WHERE m.local_day BETWEEN ? AND ? GROUP BY m.contact_id, number, m.direction`,
        )
        .all(from, to),
  };
}

export type FaxLogRepo = ReturnType<typeof createFaxLogRepo>;
