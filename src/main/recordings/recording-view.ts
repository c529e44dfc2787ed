/** A stored recording as the UI lists it (with its call's line, number and contact), and the disk's free space. */
import { statfsSync } from 'node:fs';
import type { CallRow } from '../../shared/contract/calls';
import type { RecordingRow } from '../../shared/contract/recordings';
import type { RecordingDbRow } from './recordings.repo';

export function recordingView(r: RecordingDbRow, call: CallRow | null): RecordingRow {
  return {
    id: r.id,
    callId: r.call_id,
    lineId: r.line_id,
    lineName: call?.lineName ?? '',
    startedAt: new Date(r.started_at).toISOString(),
    endedAt: r.ended_at === null ? null : new Date(r.ended_at).toISOString(),
    durationMs: r.duration_ms,
    bytes: r.bytes,
    startedBy: r.started_by,
    keep: r.keep === 1,
    note: r.note,
    direction: call?.direction ?? 'in',
    numberDisplay: call?.numberDisplay ?? '',
    callerName: call?.callerName ?? '',
    contactId: call?.contactId ?? null,
    contactName: call?.contactName ?? null,
  };
}

/** Free bytes on the disk holding dir, or null when the system does not say. */
export function defaultDiskFree(dir: string): number | null {
  try {
    const s = statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}
