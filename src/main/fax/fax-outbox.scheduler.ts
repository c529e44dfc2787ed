/**
 * Sends the outbox's jobs on the engine's timers: when a job is due and a line that can fax is free
 * (one fax at a time per line), it stamps the header line with the sending time, dials the number as
 * calls are dialled (dial-target.ts) and sends from the first page the far end has not confirmed.
 * After a busy line, no answer or a broken transfer it waits the delay the settings give that case; after
 * the last attempt the job fails for good. 'line-unavailable' spends no attempt: the job waits for a line.
 * Every job that ends (sent, failed for good, cancelled) is written once to the fax log.
 */
import type { FaxBitmap } from '../../fax';
import type { FaxJobProgress } from '../../shared/contract/fax-outbox.api';
import type { Timers } from '../../telephony/transport';
import type { Db } from '../db/database';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import { dialTarget } from '../lines/dial-target';
import type { FaxCallFailure, FaxCallReport, FaxLines, FaxLogWriter } from './fax-calls';
import { stampedPages } from './fax-job-pages';
import type { FaxJobDbRow, FaxOutboxRepo } from './fax-outbox.repo';

/** How often jobs that wait for a line look again (lines come and go without telling the outbox). */
export const LINE_POLL_MS = 60_000;

type SchedulerDeps = {
  repo: FaxOutboxRepo;
  faxLines: FaxLines;
  faxLog: FaxLogWriter;
  timers: Timers;
  log: Logger;
  assetsDir?: string;
  pagesOf(row: FaxJobDbRow): { bitmap: FaxBitmap; yResolution: number }[];
  tiffPath(row: FaxJobDbRow): string;
  changed(id: number): void;
  progress: Map<number, FaxJobProgress>;
};

const emptyReport = (reason: FaxCallFailure, now: number, trace: string): FaxCallReport => ({
  ok: false,
  reason,
  remoteId: '',
  pages: 0,
  bps: null,
  ecm: false,
  fine: false,
  startedAt: now,
  durationMs: 0,
  trace: [trace],
});

export function createFaxScheduler(_db: Db, ctx: EngineContext, d: SchedulerDeps) {
  const { repo } = d;
  /** Jobs being sent: the line each is on and its hang-up switch. */
  const running = new Map<number, { lineId: string; abort: AbortController }>();
  let timer: unknown = null;
  let closed = false;
  const now = () => ctx.clock().getTime();

  function record(row: FaxJobDbRow, report: FaxCallReport, lineId: string): void {
    try {
      d.faxLog.record({
        direction: 'out',
        lineId,
        remoteNumber: row.number,
        report,
        pagesTotal: row.pages,
        tiffPath: d.tiffPath(row),
        jobId: row.id,
        callId: null,
        attempts: row.attempts,
      });
    } catch (e) {
      d.log.error(`fax outbox: the fax log did not take job ${row.id}`, e);
    }
  }

  function delayMs(reason: FaxCallFailure | null): number {
    const s = repo.settings();
    if (reason === 'busy') return s.busyDelayMin * 60_000;
    if (reason === 'no-answer' || reason === 'no-dialtone') return s.noAnswerDelayMin * 60_000;
    return s.failedDelayMin * 60_000;
  }

  function finishAttempt(id: number, lineId: string, report: FaxCallReport): void {
    const row = repo.get(id);
    if (!row) return;
    const confirmed = Math.min(row.pages, row.pages_confirmed + report.pages);
    const common = { pages_confirmed: confirmed, last_bps: report.bps ?? row.last_bps, remote_id: report.remoteId || row.remote_id };
    const t = now();
    if (row.status === 'cancelled') {
      repo.update(id, { ...common, last_reason: 'cancelled' });
      record(repo.get(id)!, { ...report, pages: confirmed }, lineId);
    } else if (report.reason === 'line-unavailable') {
      // Not the fax's fault: no attempt is spent, the job waits for a line.
      repo.update(id, { status: 'queued', waiting_line: 1, next_attempt: t + LINE_POLL_MS, last_reason: 'line-unavailable' });
    } else if (report.ok || confirmed >= row.pages) {
      repo.update(id, { ...common, status: 'sent', last_reason: '', finished_at: t });
      record(repo.get(id)!, { ...report, ok: true, reason: null, pages: confirmed }, lineId);
    } else {
      const attempts = row.attempts;
      const reason = report.reason ?? 'modem-error';
      if (attempts >= repo.settings().maxAttempts) {
        repo.update(id, { ...common, status: 'failed', last_reason: reason, finished_at: t });
        record(repo.get(id)!, { ...report, pages: confirmed }, lineId);
      } else repo.update(id, { ...common, status: 'queued', last_reason: reason, next_attempt: t + delayMs(reason) });
    }
    d.changed(id);
  }

  async function attempt(row: FaxJobDbRow, lineId: string): Promise<void> {
    const abort = new AbortController();
    running.set(row.id, { lineId, abort });
    repo.update(row.id, { status: 'sending', attempts: row.attempts + 1, waiting_line: 0 });
    d.progress.set(row.id, { stage: 'dialing', page: 0, pages: row.pages, bps: null });
    d.changed(row.id);
    let report: FaxCallReport;
    try {
      const s = ctx.settings.get();
      const stored = d.pagesOf(row);
      const resolution = stored.some((p) => p.yResolution > 150) ? 'fine' : 'standard';
      const ourNumber = repo.settings().ourNumber;
      const pages = await stampedPages(
        stored.map((p) => p.bitmap),
        row.pages_confirmed,
        { lang: s.language, calendar: s.calendar, officeName: s.officeName, ourNumber, when: ctx.clock(), resolution, assetsDir: d.assetsDir },
      );
      // The engine may have stopped while the header was drawn: the job stays 'sending' and goes at the next start.
      if (closed) return;
      const dial = dialTarget(row.number, ctx.settings.phoneRegion()).atd;
      const offset = row.pages_confirmed;
      report = await d.faxLines.send({
        lineId,
        dial,
        pages,
        localId: ourNumber.slice(0, 20),
        ecm: row.ecm === 1,
        signal: abort.signal,
        onProgress: (p) => {
          if (closed || !running.has(row.id)) return;
          // The far end's page numbers count from where this attempt started; the outbox counts the whole fax.
          d.progress.set(row.id, { stage: p.stage, page: p.page === 0 ? 0 : p.page + offset, pages: row.pages, bps: p.bps });
          d.changed(row.id);
        },
      });
    } catch (e) {
      // The send itself never rejects; this is our side (the job's file gone, a number no longer dialable).
      d.log.error(`fax outbox: job ${row.id} could not be sent`, e);
      report = emptyReport('modem-error', now(), e instanceof Error ? e.message : String(e));
    }
    running.delete(row.id);
    d.progress.delete(row.id);
    // An engine closing hangs up; the job stays 'sending' and is queued again at the next start.
    if (closed) return;
    finishAttempt(row.id, lineId, report);
    wake();
  }

  /** A free line for this job: its chosen line, or any that can fax; null when none is free now. */
  function freeLine(row: FaxJobDbRow, lines: ReturnType<FaxLines['available']>): string | null {
    const taken = new Set([...running.values()].map((r) => r.lineId));
    const ok = lines.filter((l) => !l.busy && !taken.has(l.lineId) && (row.line_id === '' || l.lineId === row.line_id));
    return ok[0]?.lineId ?? null;
  }

  function wake(): void {
    if (closed) return;
    if (timer !== null) d.timers.clearTimeout(timer);
    timer = null;
    // Nothing waiting (the usual case at start): no clock reading, no look at the lines.
    const pending = repo.pending();
    if (pending.length === 0) return;
    const t = now();
    const lines = d.faxLines.available();
    let next = Infinity;
    for (const row of pending) {
      if (running.has(row.id)) continue;
      if (row.next_attempt > t) {
        next = Math.min(next, row.next_attempt);
        continue;
      }
      const line = freeLine(row, lines);
      if (line === null) {
        if (lines.length === 0 && row.waiting_line === 0) {
          repo.update(row.id, { waiting_line: 1 });
          d.changed(row.id);
        }
        next = Math.min(next, t + LINE_POLL_MS);
        continue;
      }
      void attempt(row, line);
    }
    if (next !== Infinity) timer = d.timers.setTimeout(wake, Math.max(0, next - t));
  }

  return {
    wake,
    start(): void {
      closed = false;
      for (const row of repo.interrupted()) repo.update(row.id, { status: 'queued', next_attempt: now() });
      wake();
    },
    cancel(row: FaxJobDbRow): void {
      repo.update(row.id, { status: 'cancelled', finished_at: now(), last_reason: 'cancelled' });
      const r = running.get(row.id);
      if (r)
        r.abort.abort(); // the attempt's end records it in the log, with what the far end confirmed
      else record(repo.get(row.id)!, { ...emptyReport('cancelled', now(), 'cancelled before it was sent'), pages: row.pages_confirmed }, row.line_id);
      d.changed(row.id);
      wake();
    },
    close(): void {
      closed = true;
      if (timer !== null) d.timers.clearTimeout(timer);
      timer = null;
      for (const r of running.values()) r.abort.abort();
    },
  };
}
