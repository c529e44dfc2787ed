/**
 * Call recording. A line set to record every answered call starts recording when a call on it is
 * answered (by the front desk) or connects (dialled from Monshi); any line that can record starts on
 * the call bar's button. Calls the IVR took are not recorded (their voicemail is). The audio is
 * written to recordings/ as it arrives; the row is finished at the hang-up or the stop button, then
 * the storage rules run: unkept recordings past the retention period go, then the oldest unkept ones
 * while the total is over the limit. The disk is watched while recording: under the warning threshold
 * the front desk is warned; under a tenth of it recordings stop rather than fill the disk.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { CallRow } from '../../shared/contract/calls';
import type { FileOut } from '../../shared/contract/io';
import type { AudioOut } from '../../shared/contract/ivr';
import type { ActiveRecording, RecordingList, RecordingRow, RecordingSettings, RecordingStopReason, RecordingUsage } from '../../shared/contract/recordings';
import { LineError, realTimers, type Line, type Timers } from '../../telephony';
import type { CallsService } from '../calls/calls.service';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { audioOut } from '../ivr/audio/audio-out';
import type { LinesService } from '../lines/lines.service';
import { createRecordingsRepo, type RecordingDbRow } from './recordings.repo';
import { defaultDiskFree, recordingView } from './recording-view';
import { repairWav, WavFileWriter, wavDurationMs } from './wav-file';

/** The longest single recording: a call left off hook must not fill the disk by itself. */
export const MAX_RECORDING_MS = 4 * 60 * 60 * 1000;
/** How often the free space is looked at while something records. */
const DISK_CHECK_MS = 30_000;
const MB = 1024 * 1024;

export type RecordingsDeps = {
  calls: CallsService;
  lines: Pick<LinesService, 'lineOf' | 'callOf' | 'call' | 'recordsCalls'>;
  log: Logger;
  dataDir: string;
  timers?: Timers;
  /** Free bytes on the disk holding `dir` (tests pass their own); null when unknown. */
  diskFree?: (dir: string) => number | null;
  /** A fax machine's tone stopped a recording: the line's fax setting takes the call (src/main/fax/fax-answer.ts). */
  faxTone?(lineId: number): boolean;
  /** Whether the line would take a call to fax on its calling tone (adaptive): only then does the tone end a recording. */
  takesFaxOnTone?(lineId: number): boolean;
};

type Active = {
  lineId: number;
  callId: number;
  recordingId: number;
  startedAt: number;
  startedBy: 'auto' | 'button';
  writer: WavFileWriter;
  line: Line;
  stopReason: RecordingStopReason | null;
  done: Promise<void>;
};

export function createRecordingsService(db: Db, ctx: EngineContext, deps: RecordingsDeps) {
  const repo = createRecordingsRepo(db);
  const dir = path.join(deps.dataDir, 'recordings');
  const timers = deps.timers ?? realTimers;
  const diskFree = () => (deps.diskFree ?? defaultDiskFree)(existsSync(dir) ? dir : deps.dataDir);
  const now = () => ctx.clock().getTime();
  /** By call id: a line with several channels may record several calls at once. */
  const active = new Map<number, Active>();
  const activeOnLine = (lineId: number): Active | undefined => [...active.values()].find((a) => a.lineId === lineId);
  let diskTimer: unknown = null;
  let lastWarnings = '';

  deps.calls.setRecordingLookup((callId) => repo.ofCall(callId));

  const fileOf = (r: RecordingDbRow) => path.join(dir, path.basename(r.file));

  // Recordings a crash or power cut interrupted: their files hold the audio up to that moment.
  for (const r of repo.unfinished()) {
    const file = fileOf(r);
    if (!existsSync(file)) {
      repo.delete(r.id);
      continue;
    }
    try {
      const bytes = repairWav(file);
      const ms = wavDurationMs(bytes);
      repo.finish(r.id, r.started_at + ms, ms, bytes);
    } catch (e) {
      deps.log.error(`recording ${r.id} could not be repaired`, e);
    }
  }

  function callUpdated(callId: number): void {
    try {
      ctx.emit('call/updated', { call: deps.calls.get(callId) });
    } catch {
      // the call is gone: nothing to refresh
    }
  }

  function usage(): RecordingUsage {
    const t = repo.totals();
    const s = repo.settings();
    const free = diskFree();
    const warnings: RecordingUsage['warnings'] = [];
    if (free !== null && free < s.warnFreeMb * MB) warnings.push('disk-low');
    if (t.kept > s.limitMb * MB) warnings.push('kept-over-limit');
    return { count: t.count, bytes: t.bytes, keptBytes: t.kept, limitBytes: s.limitMb * MB, diskFreeBytes: free, warnings };
  }

  /** Tells the UI when the warnings change (and on every change of the recordings). */
  function changed(): void {
    const u = usage();
    lastWarnings = u.warnings.join(',');
    ctx.emit('recordings/changed', { usage: u, active: activeList() });
  }

  function checkDisk(): void {
    const u = usage();
    const free = u.diskFreeBytes;
    const critical = free !== null && free < (repo.settings().warnFreeMb * MB) / 10;
    if (critical) for (const a of active.values()) stopOne(a, 'disk-low');
    if (u.warnings.join(',') !== lastWarnings) changed();
  }

  function armDiskWatch(): void {
    if (diskTimer !== null || active.size === 0) return;
    diskTimer = timers.setTimeout(() => {
      diskTimer = null;
      checkDisk();
      armDiskWatch();
    }, DISK_CHECK_MS);
  }

  function remove(r: RecordingDbRow): void {
    try {
      unlinkSync(fileOf(r));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    repo.delete(r.id);
  }

  /** The retention period, then the limit; returns how many recordings were removed. */
  function prune(): number {
    if (repo.totals().count === 0) return 0;
    const s = repo.settings();
    let removed = 0;
    if (s.retentionDays > 0) {
      for (const r of repo.olderThan(now() - s.retentionDays * 86_400_000)) {
        remove(r);
        removed++;
        callUpdated(r.call_id);
      }
    }
    const limit = s.limitMb * MB;
    let total = repo.totals().bytes + [...active.values()].reduce((n, a) => n + a.writer.dataBytes, 0);
    while (total > limit) {
      const batch = repo.oldestUnkept();
      if (batch.length === 0) break;
      for (const r of batch) {
        if (total <= limit) break;
        remove(r);
        removed++;
        total -= r.bytes;
        callUpdated(r.call_id);
      }
    }
    if (removed) deps.log.info(`recordings: ${removed} removed by the storage rules`);
    return removed;
  }

  function activeList(): ActiveRecording[] {
    return [...active.values()].map((a) => ({
      lineId: a.lineId,
      callId: a.callId,
      recordingId: a.recordingId,
      startedAt: new Date(a.startedAt).toISOString(),
      startedBy: a.startedBy,
    }));
  }

  function stopOne(a: Active, reason: RecordingStopReason): void {
    if (a.stopReason) return;
    a.stopReason = reason;
    void a.line.stopAudio();
  }

  /**
   * Starts recording call `callId` on `lineId` (without one: the line's call in progress); throws AppError with the
   * reason when it cannot.
   */
  async function start(lineId: number, startedBy: 'auto' | 'button', callId?: number): Promise<ActiveRecording> {
    const open = callId !== undefined ? deps.lines.call(callId) : null;
    if (open && open.lineId !== lineId) throw new AppError('validation', 'recording.no_call', {}, 'callId');
    const line = open ? open.line : callId === undefined ? deps.lines.lineOf(lineId) : null;
    const call = open ?? (callId === undefined ? deps.lines.callOf(lineId) : null);
    if (!line || !call || !call.answered || line.info().status !== 'in-call') throw new AppError('validation', 'recording.no_call', {}, 'lineId');
    if (active.has(call.callId)) throw new AppError('conflict', 'recording.already', {}, 'lineId');
    if (call.ivr) throw new AppError('validation', 'recording.ivr_call', {}, 'lineId');
    if (!line.info().abilities.recordCalls) throw new AppError('validation', 'recording.unsupported', {}, 'lineId');
    const free = diskFree();
    const s = repo.settings();
    if (free !== null && free < (s.warnFreeMb * MB) / 10) {
      changed();
      throw new AppError('validation', 'recording.disk_full', { free: Math.round(free / MB) }, 'lineId');
    }
    mkdirSync(dir, { recursive: true });
    const name = `call-${call.callId}-${randomBytes(4).toString('hex')}.wav`;
    const writer = new WavFileWriter(path.join(dir, name));
    const startedAt = now();
    const recordingId = repo.insert(call.callId, lineId, startedAt, name, startedBy);
    const off = line.on('audio', (e) => writer.append(e.pcm));
    let settled = false;
    let failure: unknown = null;
    let faxHeard = false;
    const a: Active = { lineId, callId: call.callId, recordingId, startedAt, startedBy, writer, line, stopReason: null, done: Promise.resolve() };
    const recording = line.recordCall({ maxMs: MAX_RECORDING_MS, stopOnFaxTone: deps.takesFaxOnTone?.(lineId) ?? false }).then(
      (r) => {
        settled = true;
        faxHeard = r.stoppedBy === 'fax';
        // A fax tone ends the voice call: the line hands it to fax, so the conversation ended as at a hang-up.
        if (!a.stopReason) a.stopReason = r.stoppedBy === 'max-length' ? 'max-length' : r.stoppedBy === 'hangup' || faxHeard ? 'hangup' : 'button';
      },
      (e: unknown) => {
        settled = true;
        failure = e;
      },
    );
    // A line that cannot record right now (audio already playing) refuses before any I/O.
    await new Promise((r) => setImmediate(r));
    if (settled && failure) {
      off();
      writer.close();
      remove(repo.get(recordingId)!);
      if (failure instanceof LineError && failure.code === 'bad-state') throw new AppError('line/busy', 'recording.line_busy', {}, 'lineId');
      if (failure instanceof LineError && failure.code === 'unsupported') throw new AppError('validation', 'recording.unsupported', {}, 'lineId');
      throw failure;
    }
    a.done = recording.then(() => {
      finish(a, off);
      // What was recorded is kept (the start of the call); the rest of the call may be a fax.
      if (faxHeard) deps.faxTone?.(lineId);
    });
    active.set(call.callId, a);
    changed();
    callUpdated(call.callId);
    armDiskWatch();
    deps.log.info(`recording call ${call.callId} on line ${lineId} (${startedBy})`);
    return activeList().find((x) => x.callId === call.callId)!;
  }

  function finish(a: Active, off: () => void): void {
    off();
    active.delete(a.callId);
    let bytes = 0;
    try {
      bytes = a.writer.close();
    } catch (e) {
      deps.log.error(`recording ${a.recordingId}: the file could not be finished`, e);
    }
    const ms = wavDurationMs(bytes);
    if (bytes === 0) {
      // Nothing was heard (hung up at once): no empty entry in the log.
      const r = repo.get(a.recordingId);
      if (r) remove(r);
    } else repo.finish(a.recordingId, a.startedAt + ms, ms, bytes);
    deps.log.info(`recording ${a.recordingId} of call ${a.callId} ended (${a.stopReason ?? 'hangup'}), ${Math.round(ms / 1000)} s`);
    try {
      prune();
    } catch (e) {
      deps.log.error('recordings: the storage rules failed', e);
    }
    if (active.size === 0 && diskTimer !== null) {
      timers.clearTimeout(diskTimer);
      diskTimer = null;
    }
    changed();
    callUpdated(a.callId);
    if (a.stopReason === 'disk-low' || a.stopReason === 'max-length')
      ctx.emit('recordings/stopped', { lineId: a.lineId, callId: a.callId, reason: a.stopReason });
  }

  function row(id: number): RecordingDbRow {
    const r = repo.get(id);
    if (!r || r.ended_at === null) throw new AppError('not_found', 'not_found.recording', {}, 'id');
    return r;
  }

  const callOrNull = (id: number): CallRow | null => {
    try {
      return deps.calls.get(id);
    } catch {
      return null;
    }
  };

  const dayStart = (d: string) => new Date(`${d}T00:00:00`).getTime();

  return {
    /** From the engine's events: a call answered on a line that records every call starts recording. */
    callUpdated(call: CallRow): void {
      if (call.endedAt !== null || call.answeredAt === null || (call.outcome !== 'answered' && call.outcome !== 'connected')) return;
      if (active.has(call.id) || !deps.lines.recordsCalls(call.lineId) || repo.anyOfCall(call.id)) return;
      const line = deps.lines.call(call.id)?.line;
      if (!line?.info().abilities.recordCalls) return;
      start(call.lineId, 'auto', call.id).catch((e: unknown) => {
        deps.log.error(`call ${call.id} on line ${call.lineId} could not be recorded`, e);
        if (e instanceof AppError && e.key === 'recording.disk_full')
          ctx.emit('recordings/stopped', { lineId: call.lineId, callId: call.id, reason: 'disk-low' });
      });
    },
    start: (lineId: number, callId?: number) => start(lineId, 'button', callId),
    /** Stops recording call `callId` (without one: the line's recording). */
    stop(lineId: number, callId?: number): { ok: true } {
      const a = callId !== undefined ? active.get(callId) : activeOnLine(lineId);
      if (!a) throw new AppError('validation', 'recording.not_recording', {}, 'lineId');
      stopOne(a, 'button');
      return { ok: true };
    },
    active: activeList,
    list(q: ParsedInputOf<'recordings/list'>): RecordingList {
      const numberKeys = q.contactId !== null ? deps.calls.phoneKeysOf(q.contactId) : null;
      const { rows, total } = repo.list(
        { fromMs: q.from ? dayStart(q.from) : null, toMs: q.to ? dayStart(q.to) + 86_400_000 : null, numberKeys, keptOnly: q.keptOnly },
        q.limit,
        q.offset,
      );
      return { rows: rows.map((r) => recordingView(r, callOrNull(r.call_id))), total, usage: usage() };
    },
    get: (id: number): RecordingRow => {
      const r = row(id);
      return recordingView(r, callOrNull(r.call_id));
    },
    audio(id: number): AudioOut {
      const r = row(id);
      const file = fileOf(r);
      if (!existsSync(file)) throw new AppError('not_found', 'not_found.recording_audio', {}, 'id');
      return audioOut(readFileSync(file));
    },
    file(id: number): FileOut {
      const r = row(id);
      const file = fileOf(r);
      if (!existsSync(file)) throw new AppError('not_found', 'not_found.recording_audio', {}, 'id');
      const stamp = new Date(r.started_at).toISOString().slice(0, 16).replace(/[T:]/g, '-');
      return { fileName: `call-${r.call_id}-${stamp}.wav`, mime: 'audio/wav', base64: readFileSync(file).toString('base64'), count: 1 };
    },
    keep(id: number, keep: boolean): RecordingRow {
      row(id);
      repo.setKeep(id, keep);
      changed();
      return this.get(id);
    },
    note(id: number, note: string): RecordingRow {
      row(id);
      repo.setNote(id, note.trim());
      changed();
      return this.get(id);
    },
    delete(id: number): { id: number } {
      const r = row(id);
      remove(r);
      changed();
      callUpdated(r.call_id);
      return { id };
    },
    settings: (): RecordingSettings => repo.settings(),
    updateSettings(s: RecordingSettings): { settings: RecordingSettings; removed: number } {
      repo.saveSettings(s);
      const removed = prune();
      changed();
      return { settings: repo.settings(), removed };
    },
    usage,
    /** Looks at the free space now (the engine does every few minutes): warns, and stops recordings when critical. */
    checkDisk,
    /** Once a day and at start: the retention period also applies when no call ends. */
    prune(): number {
      const n = prune();
      if (n) changed();
      return n;
    },
    async close(): Promise<void> {
      const all = [...active.values()];
      all.forEach((a) => stopOne(a, 'button'));
      await Promise.all(all.map((a) => a.done));
      if (diskTimer !== null) timers.clearTimeout(diskTimer);
      diskTimer = null;
    },
  };
}

export type RecordingsService = ReturnType<typeof createRecordingsService>;
