/**
 * Call recording: conversations recorded on lines that can (a voice modem whose line modes let it
 * listen while a person talks), automatically on lines set to record every answered call or by a
 * button during the call. The storage rules (a total limit, a retention period, a free-disk warning)
 * remove the oldest recordings nobody chose to keep.
 */
import { z } from 'zod';

const id = z.number().int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export type RecordingRow = {
  id: number;
  callId: number;
  lineId: number;
  lineName: string;
  startedAt: string;
  /** null while the call is still being recorded. */
  endedAt: string | null;
  durationMs: number;
  bytes: number;
  startedBy: 'auto' | 'button';
  keep: boolean;
  note: string;
  direction: 'in' | 'out';
  numberDisplay: string;
  callerName: string;
  contactId: number | null;
  contactName: string | null;
};

export const recordingQuery = z.object({
  from: isoDate.nullable().default(null),
  to: isoDate.nullable().default(null),
  /** The calls of one contact. */
  contactId: id.nullable().default(null),
  keptOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type RecordingQuery = z.input<typeof recordingQuery>;

export type RecordingSettings = {
  /** Total size of all recordings, MB; beyond it the oldest unkept ones are removed. */
  limitMb: number;
  /** Unkept recordings older than this are removed; 0 = only the limit removes them. */
  retentionDays: number;
  /** Warn when the data folder's disk has less free space than this, MB. */
  warnFreeMb: number;
};

export const recordingSettingsInput = z.object({
  limitMb: z.number().int().min(50).max(1_000_000),
  retentionDays: z.number().int().min(0).max(3650),
  warnFreeMb: z.number().int().min(50).max(1_000_000),
});

/** Storage as it is now, and what the front desk must be told. */
export type RecordingUsage = {
  count: number;
  bytes: number;
  keptBytes: number;
  limitBytes: number;
  /** Free space on the disk holding the data folder (null when it cannot be read). */
  diskFreeBytes: number | null;
  /**
   * 'disk-low': less free space than the warning threshold (new recordings stop when it is under a
   * tenth of it); 'kept-over-limit': recordings marked "keep" alone exceed the limit.
   */
  warnings: ('disk-low' | 'kept-over-limit')[];
};

export type RecordingList = { rows: RecordingRow[]; total: number; usage: RecordingUsage };

/** A recording running on a line now. */
export type ActiveRecording = { lineId: number; callId: number; recordingId: number; startedAt: string; startedBy: 'auto' | 'button' };

/** Why a recording could not start or stopped early (error code details / event). */
export type RecordingStopReason = 'hangup' | 'button' | 'max-length' | 'disk-low' | 'line-busy' | 'failed';
