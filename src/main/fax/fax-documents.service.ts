/**
 * The fax document library: a document is rendered to fax pages when it is added (never at call time)
 * and kept as TIFF Class F in the data folder's fax/documents/. Adding renders everything in memory
 * first, writes the file under a temporary name and renames it, then inserts the row — a bad file, a
 * full disk or a failed insert leaves neither a row nor a file behind.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTiffF } from '../../fax';
import type { FaxDocument, FaxPagePreview } from '../../shared/contract/fax';
import type { FileOut } from '../../shared/contract/io';
import type { Db } from '../db/database';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { createFaxDocumentsRepo, toFaxDocument } from './fax-documents.repo';
import { bilevelPng } from './pages/bilevel-png';
import { faxTiff } from './pages/fax-tiff';
import { renderDocumentInWorker } from './pages/render-in-worker';
import type { FaxPaper, FaxResolution } from './pages/page-format';

export type FaxDocumentAdd = { fileName: string; name: string; base64: string; paper: FaxPaper; resolution: FaxResolution };
export type FaxDocumentsService = ReturnType<typeof createFaxDocumentsService>;

export function createFaxDocumentsService(db: Db, ctx: EngineContext, deps: { dataDir: string; assetsDir?: string }) {
  const repo = createFaxDocumentsRepo(db);
  const dir = path.join(deps.dataDir, 'fax', 'documents');
  const fileOf = (tiff: string) => path.join(dir, path.basename(tiff));
  const found = (id: number) => {
    const row = repo.get(id);
    if (!row) throw new AppError('not_found', 'not_found.fax_document');
    return row;
  };
  const pagesOf = (tiff: string) => {
    const file = fileOf(tiff);
    if (!existsSync(file)) throw new AppError('not_found', 'not_found.fax_file');
    return readTiffF(readFileSync(file));
  };

  return {
    list: (): FaxDocument[] => repo.list().map(toFaxDocument),

    async add(input: FaxDocumentAdd): Promise<FaxDocument> {
      const bytes = Buffer.from(input.base64, 'base64');
      // In a thread of its own: pdf.js would hold the engine thread for a page at a time (render-in-worker.ts).
      const rendered = await renderDocumentInWorker(
        { bytes, fileName: input.fileName },
        { paper: input.paper, resolution: input.resolution, assetsDir: deps.assetsDir },
      );
      const tiff = faxTiff(
        rendered.pages.map((p) => p.bitmap),
        input.resolution,
      );
      mkdirSync(dir, { recursive: true });
      const name = `${randomUUID()}.tif`;
      const temp = path.join(dir, `.${name}.part`);
      try {
        writeFileSync(temp, tiff);
        renameSync(temp, fileOf(name));
        const id = repo.insert({
          name: input.name || input.fileName,
          file_name: input.fileName,
          kind: rendered.kind,
          paper: input.paper,
          resolution: input.resolution,
          pages: rendered.pages.length,
          tiff: name,
          bytes: tiff.length,
          added_at: ctx.clock().getTime(),
        });
        ctx.emit('fax/documents-changed', {});
        return toFaxDocument(repo.get(id)!);
      } catch (err) {
        rmSync(temp, { force: true });
        rmSync(fileOf(name), { force: true });
        throw err;
      }
    },

    page(id: number, page: number): FaxPagePreview {
      const row = found(id);
      const pages = pagesOf(row.tiff);
      const p = pages[page - 1];
      if (!p) throw new AppError('not_found', 'not_found.fax_page', { page });
      const repeat = row.resolution === 'standard' ? 2 : 1;
      return { page, pages: pages.length, width: p.bitmap.width, height: p.bitmap.height * repeat, png: bilevelPng(p.bitmap, repeat).toString('base64') };
    },

    tiff(id: number): FileOut {
      const row = found(id);
      const file = fileOf(row.tiff);
      if (!existsSync(file)) throw new AppError('not_found', 'not_found.fax_file');
      const base = row.name.replace(/\.[A-Za-z0-9]{1,5}$/, '').replace(/[\\/:*?"<>|]/g, '_') || 'fax';
      return { fileName: `${base}.tif`, mime: 'image/tiff', base64: readFileSync(file).toString('base64'), count: row.pages };
    },

    delete(id: number): { id: number } {
      const row = found(id);
      repo.delete(id);
      rmSync(fileOf(row.tiff), { force: true });
      ctx.emit('fax/documents-changed', {});
      return { id };
    },
  };
}
