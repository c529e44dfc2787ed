/**
 * Fax-on-demand: an IVR fax-document node (src/shared/contract/ivr.ts) sends a library document on the
 * call it answered. The caller presses Start on a fax machine with an empty feeder, so that machine is the
 * receiver; we transmit (fax-lines.ts `sendOnCall`, FaxHandover 'switch' with send). What is sent is the
 * document's stored pages with the office's header line, as every fax we send; it is kept as TIFF Class F
 * in fax/on-demand/ and written to the fax log as a fax out to the caller's number (the log matches the
 * contact by that number, so it is on the contact's timeline), linked to the call, whose row ends 'fax'.
 *
 * `send` never rejects: 'unavailable' when nothing started (no answered call on the line, a line that
 * cannot fax, the document gone — the IVR then goes on to the node's fallback), 'sent' or 'failed' once the
 * fax call ran (the call is over either way: T.30 ends with DCN and the far machine hangs up).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTiffF, writeTiffF } from '../../fax';
import type { SendPage } from '../../fax/t30/t30-transmit';
import type { FaxDocument } from '../../shared/contract/fax';
import type { Db } from '../db/database';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import type { LinesService } from '../lines/lines.service';
import type { FaxLogWriter } from './fax-calls';
import { createFaxDocumentsRepo } from './fax-documents.repo';
import { jobPages, stampedPages, type JobPage } from './fax-job-pages';
import type { LineFaxCalls } from './fax-lines';

export type FaxOnDemandResult = 'sent' | 'failed' | 'unavailable';

export type FaxOnDemandDeps = {
  dataDir: string;
  lines: Pick<LinesService, 'faxCandidate' | 'markFax'>;
  fax: Pick<LineFaxCalls, 'sendOnCall' | 'holds'>;
  log: FaxLogWriter;
  /** The office's fax number (the outbox's settings): our TSI and the header line's number. */
  ourNumber(): string;
  logger: Logger;
  assetsDir?: string;
};

const DIR = path.posix.join('fax', 'on-demand');

export function createFaxOnDemand(db: Db, ctx: EngineContext, deps: FaxOnDemandDeps) {
  const documents = createFaxDocumentsRepo(db);
  const docDir = path.join(deps.dataDir, 'fax', 'documents');

  /** The document's stored pages, or null when it (or its file) is gone. */
  function documentPages(id: number): { pages: JobPage[]; paper: FaxDocument['paper'] } | null {
    const row = documents.get(id);
    if (!row) return null;
    const file = path.join(docDir, path.basename(row.tiff));
    if (!existsSync(file)) return null;
    return { pages: readTiffF(readFileSync(file)).map((p) => ({ bitmap: p.bitmap, yResolution: p.yResolution })), paper: row.paper };
  }

  /** The pages as sent, kept for the log's "show pages" (null when they could not be written: the log row still says what happened). */
  function keep(pages: SendPage[]): string | null {
    try {
      const tiff = writeTiffF(pages.map((p) => ({ bitmap: p.bitmap, compression: 'mr', fillBits: true, yResolution: p.fine ? 196 : 98 })));
      const dir = path.join(deps.dataDir, DIR);
      mkdirSync(dir, { recursive: true });
      const name = `${randomUUID()}.tif`;
      const temp = path.join(dir, `.${name}.part`);
      try {
        writeFileSync(temp, tiff);
        renameSync(temp, path.join(dir, name));
      } catch (e) {
        rmSync(temp, { force: true });
        throw e;
      }
      return path.posix.join(DIR, name);
    } catch (e) {
      deps.logger.error('fax-on-demand: the pages sent could not be kept', e);
      return null;
    }
  }

  return {
    async send(lineId: number, documentId: number): Promise<FaxOnDemandResult> {
      const call = deps.lines.faxCandidate(lineId);
      if (!call || deps.fax.holds(lineId)) return 'unavailable';
      const doc = documentPages(documentId);
      if (!doc || doc.pages.length === 0) {
        deps.logger.error(`line ${lineId}: fax-on-demand document ${documentId} is gone`);
        return 'unavailable';
      }
      const s = ctx.settings.get();
      const when = ctx.clock();
      const made = await jobPages(doc.pages, { cover: null, paper: doc.paper, lang: s.language, calendar: s.calendar, when, assetsDir: deps.assetsDir });
      const ourNumber = deps.ourNumber();
      const common = { lang: s.language, calendar: s.calendar, officeName: s.officeName, ourNumber, when, assetsDir: deps.assetsDir };
      const pages = await stampedPages(made.pages, 0, { ...common, resolution: made.resolution });
      deps.lines.markFax(lineId, true);
      const report = await deps.fax.sendOnCall(lineId, { pages, localId: ourNumber.slice(0, 20), ecm: true });
      if (!report) {
        deps.lines.markFax(lineId, false);
        return 'unavailable';
      }
      try {
        deps.log.record({
          direction: 'out',
          lineId: String(lineId),
          remoteNumber: call.callerNumber,
          report,
          pagesTotal: pages.length,
          tiffPath: keep(pages),
          jobId: null,
          callId: call.callId,
          attempts: 1,
        });
      } catch (e) {
        deps.logger.error(`line ${lineId}: fax-on-demand could not be written to the fax log`, e);
      }
      return report.ok ? 'sent' : 'failed';
    },
  };
}

export type FaxOnDemand = ReturnType<typeof createFaxOnDemand>;
