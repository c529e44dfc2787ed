/** The SQL of call recordings and their storage settings (migration 0009). */
import type { RecordingSettings } from '../../shared/contract/recordings';
import type { Db } from '../db/database';

export type RecordingDbRow = {
  id: number;
  call_id: number;
  line_id: number;
  started_at: number;
  ended_at: number | null;
  duration_ms: number;
  bytes: number;
  file: string;
  started_by: 'auto' | 'button';
  keep: 0 | 1;
  note: string;
};

export type RecordingFilter = { fromMs: number | null; toMs: number | null; numberKeys: string[] | null; keptOnly: boolean };

export function createRecordingsRepo(db: Db) {
  const s = {
    insert: db.prepare<[number, number, number, string, string]>(
      'INSERT INTO call_recordings (call_id, line_id, started_at, file, started_by) VALUES (?, ?, ?, ?, ?)',
    ),
    finish: db.prepare<[number, number, number, number]>('UPDATE call_recordings SET ended_at = ?, duration_ms = ?, bytes = ? WHERE id = ?'),
    get: db.prepare<[number], RecordingDbRow>('SELECT * FROM call_recordings WHERE id = ?'),
    unfinished: db.prepare<[], RecordingDbRow>('SELECT * FROM call_recordings WHERE ended_at IS NULL'),
    ofCall: db.prepare<[number], number>('SELECT id FROM call_recordings WHERE call_id = ? AND ended_at IS NOT NULL ORDER BY id DESC LIMIT 1').pluck(),
    anyOfCall: db.prepare<[number], number>('SELECT id FROM call_recordings WHERE call_id = ? LIMIT 1').pluck(),
    setKeep: db.prepare<[number, number]>('UPDATE call_recordings SET keep = ? WHERE id = ?'),
    setNote: db.prepare<[string, number]>('UPDATE call_recordings SET note = ? WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM call_recordings WHERE id = ?'),
    totals: db.prepare<[], { count: number; bytes: number; kept: number }>(
      'SELECT COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes, COALESCE(SUM(CASE WHEN keep = 1 THEN bytes ELSE 0 END), 0) AS kept FROM call_recordings',
    ),
    olderThan: db.prepare<[number], RecordingDbRow>(
      'SELECT * FROM call_recordings WHERE keep = 0 AND ended_at IS NOT NULL AND started_at < ? ORDER BY started_at',
    ),
    oldestUnkept: db.prepare<[], RecordingDbRow>('SELECT * FROM call_recordings WHERE keep = 0 AND ended_at IS NOT NULL ORDER BY started_at, id LIMIT 50'),
    settings: db.prepare<[], { limit_mb: number; retention_days: number; warn_free_mb: number }>(
      'SELECT limit_mb, retention_days, warn_free_mb FROM recording_settings WHERE id = 1',
    ),
    saveSettings: db.prepare<[number, number, number]>('UPDATE recording_settings SET limit_mb = ?, retention_days = ?, warn_free_mb = ? WHERE id = 1'),
  };

  function where(f: RecordingFilter): { sql: string; params: unknown[] } {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (f.fromMs !== null) {
      parts.push('r.started_at >= ?');
      params.push(f.fromMs);
    }
    if (f.toMs !== null) {
      parts.push('r.started_at < ?');
      params.push(f.toMs);
    }
    if (f.keptOnly) parts.push('r.keep = 1');
    if (f.numberKeys) {
      if (f.numberKeys.length === 0) parts.push('0');
      else {
        parts.push(`c.number_key IN (${f.numberKeys.map(() => '?').join(',')})`);
        params.push(...f.numberKeys);
      }
    }
    return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  }

  return {
    insert: (callId: number, lineId: number, startedAt: number, file: string, by: 'auto' | 'button') =>
      Number(s.insert.run(callId, lineId, startedAt, file, by).lastInsertRowid),
    finish: (id: number, endedAt: number, durationMs: number, bytes: number) => s.finish.run(endedAt, durationMs, bytes, id),
    get: (id: number) => s.get.get(id),
    unfinished: () => s.unfinished.all(),
    ofCall: (callId: number) => s.ofCall.get(callId) ?? null,
    anyOfCall: (callId: number) => s.anyOfCall.get(callId) !== undefined,
    setKeep: (id: number, keep: boolean) => s.setKeep.run(keep ? 1 : 0, id),
    setNote: (id: number, note: string) => s.setNote.run(note, id),
    delete: (id: number) => s.delete.run(id),
    totals: () => s.totals.get()!,
    olderThan: (ms: number) => s.olderThan.all(ms),
    oldestUnkept: () => s.oldestUnkept.all(),
    list(f: RecordingFilter, limit: number, offset: number): { rows: RecordingDbRow[]; total: number } {
      const w = where(f);
      const from = 'FROM call_recordings r LEFT JOIN calls c ON c.id = r.call_id';
      const rows = db
        .prepare<unknown[], RecordingDbRow>(`SELECT r.* ${from} ${w.sql} ORDER BY r.started_at DESC, r.id DESC LIMIT ? OFFSET ?`)
        .all(...w.params, limit, offset);
      const total =
        db
          .prepare<unknown[], number>(`SELECT COUNT(*) ${from} ${w.sql}`)
          .pluck()
          .get(...w.params) ?? 0;
      return { rows, total };
    },
    settings(): RecordingSettings {
      const r = s.settings.get()!;
      return { limitMb: r.limit_mb, retentionDays: r.retention_days, warnFreeMb: r.warn_free_mb };
    },
    saveSettings: (x: RecordingSettings) => s.saveSettings.run(x.limitMb, x.retentionDays, x.warnFreeMb),
  };
}

export type RecordingsRepo = ReturnType<typeof createRecordingsRepo>;
