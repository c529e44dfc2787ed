/**
 * renderDocument (render-document.ts) in a thread of its own (render-document.worker.ts): the same
 * pages and the same errors, while the engine thread stays free to answer requests and serve its lines
 * (on it, pdf.js held the thread for a page at a time, 0.2–0.3 s each, over a second for a 10-page PDF).
 * The bytes are copied to the thread; the pages come back transferred.
 */
import path from 'node:path';
import type { ErrorCode } from '../../../shared/contract/errors';
import type { MessageKey } from '../../i18n/messages';
import { AppError } from '../../kernel/app-error';
import { startWorker } from '../../kernel/worker-thread';
import type { DocumentKind } from './document-kind';
import type { FaxPageFormat } from './page-format';
import type { FaxDocumentInput, RenderedDocument, RenderOptions } from './render-document';

export type RenderInput = { doc: FaxDocumentInput; opts: RenderOptions };

export type RenderMessage =
  | { kind: 'done'; docKind: DocumentKind; format: FaxPageFormat; pages: { width: number; height: number; data: Uint8Array; photoTiles: number }[] }
  | { kind: 'error'; code: ErrorCode; key: MessageKey; params: Record<string, string | number>; field?: string };

export function renderDocumentInWorker(doc: FaxDocumentInput, opts: RenderOptions = {}): Promise<RenderedDocument> {
  const input: RenderInput = { doc, opts };
  const worker = startWorker('render-document.worker', path.join(__dirname, 'render-document.worker.ts'), { workerData: input });
  return new Promise<RenderedDocument>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (m: RenderMessage) => {
      if (m.kind === 'error') return finish(() => reject(new AppError(m.code, m.key, m.params, m.field)));
      const pages = m.pages.map((p) => ({
        bitmap: { width: p.width, height: p.height, rowBytes: (p.width + 7) >> 3, data: p.data },
        photoTiles: p.photoTiles,
      }));
      finish(() => resolve({ kind: m.docKind, format: m.format, pages }));
    });
    worker.on('error', (e) => finish(() => reject(e)));
    worker.on('exit', (code) => finish(() => reject(new Error(`the document renderer stopped (exit code ${code}) before the last page`))));
  });
}
