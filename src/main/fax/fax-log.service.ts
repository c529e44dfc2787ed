/**
 * The fax log: the writer the outbox calls when a sent fax ends (`record`), the receiving side that keeps
 * a received fax (`receive`: its pages as TIFF Class F in the data folder's fax/received/, a row, the popup
 * event), and what the UI reads (list, one entry, a page as a picture, the TIFF, the printout, the report,
 * the rotation kept per fax). A received fax's file is written under a temporary name and renamed before
 * its row is inserted, and removed again if the insert fails: no row ever names a half-written file.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTiffF, writeTiffF } from '../../fax';
import type { FaxPagePreview } from '../../shared/contract/fax';
import type { FaxFailureReason, FaxLogDetail, FaxLogRow, FaxRotation } from '../../shared/contract/fax-log';
import type { FaxRouteTarget } from '../../shared/contract/fax-routes';
import type { ParsedInputOf } from '../../shared/contract/api';
import type { FileOut } from '../../shared/contract/io';
import { formatPhone, looksLikePhone, normalizePhone, phoneDigits } from '../../shared/text/phone';
import { localDayHour } from '../calls/calls.service';
import type { ContactsService } from '../contacts/contacts.service';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { FaxCallFailure, FaxCallReport, FaxLogEntry, FaxLogWriter, ReceivedFax } from './fax-calls';
import { createFaxLogRepo, type FaxLogFilter, type MatchedDbRow } from './fax-log.repo';
import { bilevelPng } from './pages/bilevel-png';
import { repeatRows, turnPage } from './pages/turn-page';

// The contract's list of reasons must be the seam's: a reason added to one and not the other fails to compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameReasons: Same<FaxCallFailure, FaxFailureReason> = true;
void sameReasons;

/** The trace kept per fax (the report already caps it at 300 lines). */
const MAX_TRACE = 300;
const RECEIVED_DIR = path.join('fax', 'received');

export type FaxLogService = ReturnType<typeof createFaxLogService>;

export type FaxLogDeps = {
  dataDir: string;
  contacts: ContactsService;
  /** Who a received fax is for (the routing rules), decided once as it is kept; null when no rule matched. */
  route?(fax: { callerNumber: string | null; remoteId: string; lineId: string }): FaxRouteTarget | null;
};

export function createFaxLogService(db: Db, ctx: EngineContext, deps: FaxLogDeps) {
  const repo = createFaxLogRepo(db);
  const region = () => ctx.settings.phoneRegion();
  const keyOf = (raw: string) => (raw && looksLikePhone(raw) ? (normalizePhone(raw, region())?.key ?? '') : '');
  const display = (raw: string) => {
    const n = raw ? normalizePhone(raw, region()) : null;
    return n ? formatPhone(n, region()) : raw;
  };
  /** A path the log names, inside the data folder (a path from outside it is never read). */
  const fileOf = (rel: string) => {
    const file = path.resolve(deps.dataDir, rel);
    return file.startsWith(path.resolve(deps.dataDir) + path.sep) ? file : null;
  };

  function toRow(r: MatchedDbRow): FaxLogRow {
    return {
      id: r.id,
      direction: r.direction,
      startedAt: new Date(r.started_at).toISOString(),
      durationMs: r.duration_ms,
      lineId: r.line_id,
      lineName: r.line_name,
      remoteNumber: r.remote_number,
      numberDisplay: display(r.remote_number),
      remoteId: r.remote_id,
      contactId: r.contact_id,
      contactName: r.contact_name,
      matchedBy: r.matched_by,
      pagesTotal: r.pages_total,
      pagesDone: r.pages_done,
      bps: r.bps,
      ecm: r.ecm === 1,
      fine: r.fine === 1,
      ok: r.ok === 1,
      reason: r.reason as FaxFailureReason | null,
      attempts: r.attempts,
      hasPages: r.tiff !== null,
      rotation: r.rotation as FaxRotation,
      jobId: r.job_id,
      callId: r.call_id,
      routedTo: r.routed_kind && r.routed_id !== null ? { kind: r.routed_kind, id: r.routed_id, name: r.routed_name } : null,
    };
  }

  function insert(direction: 'in' | 'out', e: Omit<FaxLogEntry, 'direction'>, routed: FaxRouteTarget | null = null): number {
    const rep: FaxCallReport = e.report;
    const number = (e.remoteNumber ?? '').trim();
    const remoteId = rep.remoteId.trim();
    return repo.insert({
      direction,
      started_at: rep.startedAt,
      local_day: localDayHour(rep.startedAt).day,
      duration_ms: Math.max(0, Math.round(rep.durationMs)),
      line_id: e.lineId,
      line_name: repo.lineName(e.lineId),
      remote_number: number,
      number_key: keyOf(number),
      remote_id: remoteId,
      remote_id_key: keyOf(remoteId),
      pages_total: e.pagesTotal,
      pages_done: rep.pages,
      bps: rep.bps,
      ecm: rep.ecm ? 1 : 0,
      fine: rep.fine ? 1 : 0,
      ok: rep.ok ? 1 : 0,
      reason: rep.ok ? null : (rep.reason ?? 'modem-error'),
      attempts: e.attempts,
      tiff: e.tiffPath,
      job_id: e.jobId,
      // The call-log row may have gone (deleted with old calls): the fax is kept without it.
      call_id: e.callId !== null && repo.callExists(e.callId) ? e.callId : null,
      trace: rep.trace.slice(-MAX_TRACE).join('\n'),
      routed_kind: routed?.kind ?? null,
      routed_id: routed?.id ?? null,
      routed_name: routed?.name ?? '',
      routed_at: routed ? ctx.clock().getTime() : null,
    });
  }

  const found = (id: number) => {
    const r = repo.get(id);
    if (!r) throw new AppError('not_found', 'not_found.fax_log', {}, 'id');
    return r;
  };
  const pagesOf = (r: MatchedDbRow) => {
    const file = r.tiff === null ? null : fileOf(r.tiff);
    if (!file || !existsSync(file)) throw new AppError('not_found', 'not_found.fax_log_file');
    return readTiffF(readFileSync(file));
  };

  const writer: FaxLogWriter = {
    record(entry) {
      const id = insert(entry.direction, entry);
      ctx.emit('fax/log-changed', { id });
      return { id };
    },
  };

  return {
    writer,
    toRow,
    /** A number as the office writes it ('021 8888 1234'); any other text as it came. */
    display,

    /** Keeps a received fax (the pages it got, even when cut short), logs it and pops it up. */
    receive(fax: ReceivedFax): { id: number; routed: boolean } {
      let rel: string | null = null;
      let file: string | null = null;
      if (fax.pages.length > 0) {
        const tiff = writeTiffF(fax.pages.map((p) => ({ bitmap: p.bitmap, compression: 'mr', fillBits: true, yResolution: p.fine ? 196 : 98 })));
        const dir = path.join(deps.dataDir, RECEIVED_DIR);
        mkdirSync(dir, { recursive: true });
        const name = `${randomUUID()}.tif`;
        rel = path.join(RECEIVED_DIR, name).split(path.sep).join('/');
        file = path.join(dir, name);
        const temp = path.join(dir, `.${name}.part`);
        try {
          writeFileSync(temp, tiff);
          renameSync(temp, file);
        } catch (err) {
          rmSync(temp, { force: true });
          throw err;
        }
      }
      // A rule that cannot be read (a damaged row) must not lose the fax: it is kept unrouted.
      let routed: FaxRouteTarget | null = null;
      try {
        routed = deps.route?.({ callerNumber: fax.callerNumber, remoteId: fax.report.remoteId.trim(), lineId: fax.lineId }) ?? null;
      } catch {
        routed = null;
      }
      let id: number;
      try {
        id = insert(
          'in',
          {
            lineId: fax.lineId,
            remoteNumber: fax.callerNumber,
            report: { ...fax.report, pages: fax.pages.length },
            pagesTotal: fax.pages.length,
            tiffPath: rel,
            jobId: null,
            callId: fax.callId,
            attempts: 1,
          },
          routed,
        );
      } catch (err) {
        if (file) rmSync(file, { force: true });
        throw err;
      }
      const row = toRow(found(id));
      ctx.emit('fax/log-changed', { id });
      ctx.emit('fax/received', {
        id,
        numberDisplay: row.numberDisplay,
        contactId: row.contactId,
        contactName: row.contactName,
        remoteId: row.remoteId,
        pages: row.pagesDone,
        ok: row.ok,
        lineId: row.lineId,
        lineName: row.lineName,
        routedTo: row.routedTo,
      });
      return { id, routed: routed !== null };
    },

    filterOf(q: Omit<ParsedInputOf<'fax/log'>, 'offset' | 'limit'>): FaxLogFilter {
      const text = q.text.trim();
      const phone = text !== '' && looksLikePhone(text);
      let digits = '';
      if (phone) {
        const n = normalizePhone(text, region());
        digits = n?.national ?? phoneDigits(text).digits;
      }
      const contactIds: number[] = [];
      if (text && !phone) for (const id of deps.contacts.matchingIds({ text, groupId: null, filters: [] })) if (contactIds.push(id) >= 500) break;
      const routedTo = q.routedTo;
      return { direction: q.direction, fromDay: q.from, toDay: q.to, contactId: q.contactId, digits, text: phone ? '' : text, contactIds, routedTo };
    },

    list(input: ParsedInputOf<'fax/log'>) {
      const { rows, total } = repo.list(this.filterOf(input), input.offset, input.limit);
      return { rows: rows.map(toRow), total };
    },

    get(id: number): FaxLogDetail {
      const r = found(id);
      return { ...toRow(r), trace: r.trace ? r.trace.split('\n') : [] };
    },

    page(id: number, page: number): FaxPagePreview {
      const r = found(id);
      const pages = pagesOf(r);
      const p = pages[page - 1];
      if (!p) throw new AppError('not_found', 'not_found.fax_log_page', { page }, 'page');
      const shown = turnPage(repeatRows(p.bitmap, p.yResolution < 150 ? 2 : 1), r.rotation as FaxRotation);
      return { page, pages: pages.length, width: shown.width, height: shown.height, png: bilevelPng(shown).toString('base64') };
    },

    tiff(id: number): FileOut {
      const r = found(id);
      const file = r.tiff === null ? null : fileOf(r.tiff);
      if (!file || !existsSync(file)) throw new AppError('not_found', 'not_found.fax_log_file');
      const who = (r.remote_id || r.remote_number || 'fax').replace(/[^\p{L}\p{N}+-]+/gu, '_');
      const day = r.local_day;
      return { fileName: `fax-${r.direction}-${day}-${who}.tif`, mime: 'image/tiff', base64: readFileSync(file).toString('base64'), count: r.pages_done };
    },

    rotate(id: number, rotation: FaxRotation): FaxLogRow {
      found(id);
      repo.rotate(id, rotation);
      ctx.emit('fax/log-changed', { id });
      return toRow(found(id));
    },

    repo,
  };
}
