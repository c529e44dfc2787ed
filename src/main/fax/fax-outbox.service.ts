/**
 * The fax outbox: queueing (one job per recipient, its pages written to the data folder's fax/outbox/
 * before the jobs are inserted in one transaction — a bad document, number or contact queues nothing),
 * the outbox's requests, and its retry rules. Sending is fax-outbox.scheduler.ts's.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTiffF } from '../../fax';
import type { Contact } from '../../shared/contract/contacts';
import type { FaxPagePreview } from '../../shared/contract/fax';
import type { FaxJob, FaxJobProgress, FaxOutbox, FaxOutboxSettings, FaxSent } from '../../shared/contract/fax-outbox.api';
import type { faxSendInput } from '../../shared/contract/fax-outbox';
import type { z } from 'zod';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { Logger } from '../kernel/logger';
import type { Timers } from '../../telephony/transport';
import type { FaxLines, FaxLogWriter } from './fax-calls';
import { createFaxDocumentsRepo } from './fax-documents.repo';
import { jobPages, type JobPage } from './fax-job-pages';
import { createFaxOutboxRepo, type FaxJobDbRow } from './fax-outbox.repo';
import { createFaxScheduler } from './fax-outbox.scheduler';
import { bilevelPng } from './pages/bilevel-png';
import { faxTiff } from './pages/fax-tiff';
import { MAX_FAX_PAGES } from './pages/render-document';
import { resolveRecipients, type FaxRecipient } from './fax-recipients';
import type { FaxCover } from './pages/cover-page';

export type FaxSendInput = z.output<typeof faxSendInput>;

export type FaxOutboxDeps = {
  dataDir: string;
  faxLines: FaxLines;
  faxLog: FaxLogWriter;
  getContact: (id: number) => Contact;
  timers: Timers;
  log: Logger;
  assetsDir?: string;
};

export type FaxOutboxService = ReturnType<typeof createFaxOutboxService>;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The "To" of one recipient's cover page: the contact's name and the number dialled; for a typed number,
 * what the user wrote in "To" (if anything) with the number.
 */
export function coverTo(typed: string, r: FaxRecipient): string {
  const who = r.name || typed;
  return who ? `${who} — ${r.number}` : r.number;
}

export function createFaxOutboxService(db: Db, ctx: EngineContext, deps: FaxOutboxDeps) {
  const repo = createFaxOutboxRepo(db);
  const documents = createFaxDocumentsRepo(db);
  const docDir = path.join(deps.dataDir, 'fax', 'documents');
  const outDir = path.join(deps.dataDir, 'fax', 'outbox');
  const progress = new Map<number, FaxJobProgress>();

  const toJob = (r: FaxJobDbRow, maxAttempts = repo.settings().maxAttempts): FaxJob => ({
    id: r.id,
    number: r.number,
    contactId: r.contact_id,
    recipient: r.recipient,
    status: r.status,
    pages: r.pages,
    pagesConfirmed: r.pages_confirmed,
    lineId: r.line_id,
    ecm: r.ecm === 1,
    documents: JSON.parse(r.documents) as FaxJob['documents'],
    cover: r.cover === 1,
    notBefore: iso(r.not_before),
    nextAttempt: iso(r.next_attempt),
    attempts: r.attempts,
    maxAttempts,
    lastReason: r.last_reason,
    waitingForLine: r.waiting_line === 1,
    lastBps: r.last_bps,
    remoteId: r.remote_id,
    createdAt: iso(r.created_at),
    finishedAt: r.finished_at === null ? null : iso(r.finished_at),
    progress: r.status === 'sending' ? (progress.get(r.id) ?? null) : null,
  });
  const found = (id: number) => {
    const row = repo.get(id);
    if (!row) throw new AppError('not_found', 'not_found.fax_job', {}, 'id');
    return row;
  };
  const changed = (id: number) => {
    const row = repo.get(id);
    if (row) ctx.emit('fax/outbox-changed', { job: toJob(row) });
  };
  const fileOf = (tiff: string) => path.join(outDir, path.basename(tiff));

  const scheduler = createFaxScheduler(db, ctx, {
    repo,
    faxLines: deps.faxLines,
    faxLog: deps.faxLog,
    timers: deps.timers,
    log: deps.log,
    assetsDir: deps.assetsDir,
    pagesOf: (row) => readTiffF(readFileSync(fileOf(row.tiff))),
    tiffPath: (row) => path.posix.join('fax', 'outbox', path.basename(row.tiff)),
    changed,
    progress,
  });

  /** The library documents' stored pages in the order asked; an unknown one names its id. */
  function documentPages(ids: number[]) {
    if (ids.length === 0) throw validationError('fax_out.no_documents', 'documentIds');
    const rows = ids.map((id) => {
      const row = documents.get(id);
      if (!row) throw validationError('fax_out.unknown_document', 'documentIds', { id });
      return row;
    });
    const count = rows.reduce((n, r) => n + r.pages, 0);
    if (count > MAX_FAX_PAGES) throw validationError('fax_out.too_many_pages', 'documentIds', { count, max: MAX_FAX_PAGES });
    const pages: JobPage[] = [];
    for (const row of rows) {
      const file = path.join(docDir, path.basename(row.tiff));
      if (!existsSync(file)) throw new AppError('not_found', 'not_found.fax_file', {}, 'documentIds');
      for (const p of readTiffF(readFileSync(file))) pages.push({ bitmap: p.bitmap, yResolution: p.yResolution });
    }
    return { rows, pages };
  }

  return {
    async send(input: FaxSendInput): Promise<FaxSent> {
      const now = ctx.clock().getTime();
      const sendAt = input.sendAt === null ? now : Date.parse(input.sendAt);
      if (!Number.isFinite(sendAt)) throw validationError('fax_out.bad_time', 'sendAt');
      const { rows, pages: docPages } = documentPages(input.documentIds);
      const recipients = resolveRecipients(db, ctx, deps.getContact, input);
      const s = ctx.settings.get();
      const pagesFor = (cover: FaxCover | null) =>
        jobPages(docPages, { cover, paper: rows[0]!.paper, lang: s.language, calendar: s.calendar, when: new Date(sendAt), assetsDir: deps.assetsDir });
      // With a cover page each recipient's job has its own file, its cover saying who it is for; without,
      // every job sends the same pages from one file.
      const { cover } = input;
      const made = cover ? await Promise.all(recipients.list.map((r) => pagesFor({ ...cover, to: coverTo(cover.to, r) }))) : [await pagesFor(null)];
      mkdirSync(outDir, { recursive: true });
      const names = made.map(() => `${randomUUID()}.tif`);
      const temps = names.map((name) => path.join(outDir, `.${name}.part`));
      let ids: number[];
      try {
        made.forEach((m, i) => {
          writeFileSync(temps[i]!, faxTiff(m.pages, m.resolution));
          renameSync(temps[i]!, fileOf(names[i]!));
        });
        const docs = JSON.stringify(rows.map((r) => ({ id: r.id, name: r.name, pages: r.pages })));
        const notBefore = Math.max(now, sendAt);
        ids = db.transaction(() =>
          recipients.list.map((r, i) =>
            repo.insert({
              number: r.number,
              contact_id: r.contactId,
              recipient: r.name,
              status: notBefore > now ? 'scheduled' : 'queued',
              tiff: names[cover ? i : 0]!,
              pages: made[cover ? i : 0]!.pages.length,
              line_id: input.lineId,
              ecm: input.ecm ? 1 : 0,
              documents: docs,
              cover: input.cover ? 1 : 0,
              not_before: notBefore,
              created_at: now,
            }),
          ),
        )();
      } catch (err) {
        for (const temp of temps) rmSync(temp, { force: true });
        for (const name of names) rmSync(fileOf(name), { force: true });
        throw err;
      }
      for (const id of ids) changed(id);
      scheduler.wake();
      return { jobs: ids.map((id) => toJob(repo.get(id)!)), skipped: recipients.skipped };
    },

    outbox(): FaxOutbox {
      const max = repo.settings().maxAttempts;
      return { jobs: repo.list().map((r) => toJob(r, max)), lineCanFax: deps.faxLines.available().length > 0 };
    },

    job: (id: number): FaxJob => toJob(found(id)),

    page(id: number, page: number): FaxPagePreview {
      const row = found(id);
      const file = fileOf(row.tiff);
      if (!existsSync(file)) throw new AppError('not_found', 'not_found.fax_file');
      const pages = readTiffF(readFileSync(file));
      const p = pages[page - 1];
      if (!p) throw new AppError('not_found', 'not_found.fax_page', { page });
      const repeat = p.yResolution < 150 ? 2 : 1;
      return { page, pages: pages.length, width: p.bitmap.width, height: p.bitmap.height * repeat, png: bilevelPng(p.bitmap, repeat).toString('base64') };
    },

    cancel(id: number): FaxJob {
      const row = found(id);
      if (!['queued', 'scheduled', 'sending'].includes(row.status)) throw new AppError('conflict', 'fax_out.cannot_cancel', {}, 'id');
      scheduler.cancel(row);
      return toJob(found(id));
    },

    retry(id: number): FaxJob {
      const row = found(id);
      if (!['queued', 'scheduled', 'failed'].includes(row.status)) throw new AppError('conflict', 'fax_out.cannot_retry', {}, 'id');
      const now = ctx.clock().getTime();
      repo.update(id, {
        status: 'queued',
        next_attempt: now,
        ...(row.status === 'failed' ? { attempts: 0, finished_at: null } : {}),
      });
      changed(id);
      scheduler.wake();
      return toJob(found(id));
    },

    settings: (): FaxOutboxSettings => repo.settings(),
    saveSettings(v: FaxOutboxSettings): FaxOutboxSettings {
      repo.saveSettings(v);
      scheduler.wake();
      return repo.settings();
    },

    /** Jobs left 'sending' by an engine that stopped are queued again, then the queue runs. */
    start: () => scheduler.start(),
    /** Stops the timers and hangs up a fax in progress; its job stays 'sending' and is queued again at the next start. */
    close: () => scheduler.close(),
  };
}
