/** All SQL of the call log and the lines table. */
import type { CallDirection, CallOutcome, LineData } from '../../shared/contract/calls';
import type { Db } from '../db/database';

export type CallDbRow = {
  id: number;
  line_id: number;
  line_name: string;
  direction: CallDirection;
  outcome: CallOutcome;
  started_at: number;
  local_day: string;
  local_hour: number;
  ring_ms: number;
  answered_at: number | null;
  ended_at: number | null;
  duration_s: number;
  number_raw: string;
  number_key: string;
  caller_name: string;
  absence: 'private' | 'unavailable' | 'none' | null;
  returned_at: number | null;
};

export type LineDbRow = {
  id: number;
  name: string;
  kind: 'modem' | 'demo';
  port: string;
  enabled: number;
  caller_id_mode: LineData['callerIdMode'];
  rings_before_answer: number;
  extra_init: string;
  record_calls: number;
  fax_mode: LineData['faxMode'];
  fax_rings: number;
  created_at: string;
};

export type CallsRepo = ReturnType<typeof createCallsRepo>;

export function createCallsRepo(db: Db) {
  const s = {
    insert: db.prepare<[number, string, CallDirection, CallOutcome, number, string, number, string, string, string, string | null]>(
      `INSERT INTO calls (line_id, line_name, direction, outcome, started_at, local_day, local_hour, number_raw, number_key, caller_name, absence)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    get: db.prepare<[number], CallDbRow>('SELECT * FROM calls WHERE id = ?'),
    setCaller: db.prepare<[string, string, string, string | null, number]>(
      'UPDATE calls SET number_raw = ?, number_key = ?, caller_name = ?, absence = ? WHERE id = ?',
    ),
    setOutcome: db.prepare<[CallOutcome, number]>('UPDATE calls SET outcome = ? WHERE id = ?'),
    answered: db.prepare<[CallOutcome, number, number, number]>('UPDATE calls SET outcome = ?, answered_at = ?, ring_ms = ? - started_at WHERE id = ?'),
    ended: db.prepare<[CallOutcome, number, number, number, number]>(
      `UPDATE calls SET outcome = ?, ended_at = ?,
         ring_ms = CASE WHEN answered_at IS NULL THEN ? - started_at ELSE ring_ms END,
         duration_s = CASE WHEN answered_at IS NULL THEN 0 ELSE CAST((? - answered_at) / 1000 AS INTEGER) END
       WHERE id = ?`,
    ),
    returned: db.prepare<[number, string, number]>(
      `UPDATE calls SET returned_at = ? WHERE number_key = ? AND outcome = 'missed' AND returned_at IS NULL AND started_at < ?`,
    ),
    // Calls left "in progress" by a crash or power cut: closed at the next start.
    orphans: db.prepare<[], CallDbRow>(`SELECT * FROM calls WHERE ended_at IS NULL AND outcome IN ('ringing', 'dialing', 'connected', 'answered', 'ivr')`),

    lines: db.prepare<[], LineDbRow>('SELECT * FROM lines ORDER BY id'),
    line: db.prepare<[number], LineDbRow>('SELECT * FROM lines WHERE id = ?'),
    deleteLine: db.prepare<[number]>('DELETE FROM lines WHERE id = ?'),
    lineByPort: db.prepare<[string], LineDbRow>("SELECT * FROM lines WHERE port = ? AND kind = 'modem'"),
  };
  // The line writes are prepared on first use: the call-statistics tests log calls with this repo on
  // databases from before the lines' fax columns (to test the migrations that fill the totals).
  let lineWrites: ReturnType<typeof prepareLineWrites> | null = null;
  const lw = () => (lineWrites ??= prepareLineWrites(db));
  return {
    insert: (r: {
      lineId: number;
      lineName: string;
      direction: CallDirection;
      outcome: CallOutcome;
      startedAt: number;
      day: string;
      hour: number;
      numberRaw: string;
      numberKey: string;
      callerName: string;
      absence: string | null;
    }) =>
      Number(
        s.insert.run(r.lineId, r.lineName, r.direction, r.outcome, r.startedAt, r.day, r.hour, r.numberRaw, r.numberKey, r.callerName, r.absence)
          .lastInsertRowid,
      ),
    get: (id: number) => s.get.get(id),
    setCaller: (id: number, raw: string, key: string, name: string, absence: string | null) => s.setCaller.run(raw, key, name, absence, id),
    setOutcome: (id: number, outcome: CallOutcome) => s.setOutcome.run(outcome, id),
    answered: (id: number, outcome: CallOutcome, at: number) => s.answered.run(outcome, at, at, id),
    ended: (id: number, outcome: CallOutcome, at: number) => s.ended.run(outcome, at, at, at, id),
    markReturned: (numberKey: string, at: number) => (numberKey ? s.returned.run(at, numberKey, at).changes : 0),
    orphans: () => s.orphans.all(),
    lines: () => s.lines.all(),
    line: (id: number) => s.line.get(id),
    lineByPort: (port: string) => s.lineByPort.get(port),
    insertLine: (d: LineData, createdAt: string) =>
      Number(
        lw().insertLine.run(
          d.name,
          d.kind,
          d.port,
          d.enabled ? 1 : 0,
          d.callerIdMode,
          d.ringsBeforeAnswer,
          d.extraInit,
          d.recordCalls ? 1 : 0,
          d.faxMode,
          d.faxRings,
          createdAt,
        ).lastInsertRowid,
      ),
    updateLine: (id: number, d: LineData) =>
      lw().updateLine.run(
        d.name,
        d.kind,
        d.port,
        d.enabled ? 1 : 0,
        d.callerIdMode,
        d.ringsBeforeAnswer,
        d.extraInit,
        d.recordCalls ? 1 : 0,
        d.faxMode,
        d.faxRings,
        id,
      ),
    deleteLine: (id: number) => s.deleteLine.run(id),
  };
}

function prepareLineWrites(db: Db) {
  return {
    insertLine: db.prepare<[string, string, string, number, string, number, string, number, string, number, string]>(
      'INSERT INTO lines (name, kind, port, enabled, caller_id_mode, rings_before_answer, extra_init, record_calls, fax_mode, fax_rings, created_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    updateLine: db.prepare<[string, string, string, number, string, number, string, number, string, number, number]>(
      'UPDATE lines SET name = ?, kind = ?, port = ?, enabled = ?, caller_id_mode = ?, rings_before_answer = ?, extra_init = ?, record_calls = ?, ' +
        'fax_mode = ?, fax_rings = ? WHERE id = ?',
    ),
  };
}
