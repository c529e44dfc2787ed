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
  kind: LineData['kind'];
  port: string;
  enabled: number;
  caller_id_mode: LineData['callerIdMode'];
  rings_before_answer: number;
  extra_init: string;
  record_calls: number;
  fax_mode: LineData['faxMode'];
  fax_rings: number;
  created_at: string;
  sip_server: string;
  sip_user: string;
  sip_auth_user: string;
  sip_display_name: string;
  sip_transport: LineData['sipTransport'];
  sip_outbound_proxy: string;
  /** 'PCMU,PCMA': the codecs in the order offered. */
  sip_codecs: string;
  sip_channels: number;
  rtp_port_min: number;
  rtp_port_max: number;
  /** AES-GCM sealed (secret-box.ts); '' when none. Never leaves the engine. */
  sip_password_sealed: string;
};

/** The SIP columns of a line, in the order the writes below name them. */
const SIP_COLUMNS =
  'sip_server, sip_user, sip_auth_user, sip_display_name, sip_transport, sip_outbound_proxy, sip_codecs, sip_channels, rtp_port_min, rtp_port_max';
type SipValues = [string, string, string, string, string, string, string, number, number, number];
const sipValues = (d: LineData): SipValues => [
  d.sipServer,
  d.sipUser,
  d.sipAuthUser,
  d.sipDisplayName,
  d.sipTransport,
  d.sipOutboundProxy,
  d.sipCodecs.join(','),
  d.sipChannels,
  d.rtpPortMin,
  d.rtpPortMax,
];

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
    /** `sealedPassword`: the sealed password ('' for none). */
    insertLine: (d: LineData, createdAt: string, sealedPassword = '') =>
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
          ...sipValues(d),
          sealedPassword,
        ).lastInsertRowid,
      ),
    /** `sealedPassword`: a new sealed password ('' clears it); null keeps the stored one. */
    updateLine: (id: number, d: LineData, sealedPassword: string | null = null) => {
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
        ...sipValues(d),
        id,
      );
      if (sealedPassword !== null) lw().setPassword.run(sealedPassword, id);
    },
    deleteLine: (id: number) => s.deleteLine.run(id),
  };
}

function prepareLineWrites(db: Db) {
  return {
    insertLine: db.prepare<[string, string, string, number, string, number, string, number, string, number, string, ...SipValues, string]>(
      'INSERT INTO lines (name, kind, port, enabled, caller_id_mode, rings_before_answer, extra_init, record_calls, fax_mode, fax_rings, created_at, ' +
        `${SIP_COLUMNS}, sip_password_sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateLine: db.prepare<[string, string, string, number, string, number, string, number, string, number, ...SipValues, number]>(
      'UPDATE lines SET name = ?, kind = ?, port = ?, enabled = ?, caller_id_mode = ?, rings_before_answer = ?, extra_init = ?, record_calls = ?, ' +
        `fax_mode = ?, fax_rings = ?, ${SIP_COLUMNS.split(', ')
          .map((c) => `${c} = ?`)
          .join(', ')} WHERE id = ?`,
    ),
    setPassword: db.prepare<[string, number]>('UPDATE lines SET sip_password_sealed = ? WHERE id = ?'),
  };
}
