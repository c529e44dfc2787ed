/**
 * The document renderer's thread (started by render-in-worker.ts): pdf.js parses and draws every page
 * here, so the engine thread answers requests and serves its lines while a long PDF is rendered (pdf.js
 * has no worker of its own under Node and holds its thread for a page at a time). Posts one
 * RenderMessage: the pages (their bitmaps transferred, not copied) or the AppError a bad file causes.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../kernel/app-error';
import { renderDocument } from './render-document';
import type { RenderInput, RenderMessage } from './render-in-worker';

async function run({ doc, opts }: RenderInput): Promise<void> {
  try {
    const r = await renderDocument(doc, opts);
    const pages = r.pages.map((p) => ({ width: p.bitmap.width, height: p.bitmap.height, data: p.bitmap.data, photoTiles: p.photoTiles }));
    const m: RenderMessage = { kind: 'done', docKind: r.kind, format: r.format, pages };
    parentPort!.postMessage(
      m,
      pages.map((p) => p.data.buffer as ArrayBuffer),
    );
  } catch (e) {
    // A bad file is an answer (its error names the file), anything else ends the thread with its error.
    if (!(e instanceof AppError)) throw e;
    const params = Object.fromEntries(Object.entries(e.params).filter((kv): kv is [string, string | number] => typeof kv[1] !== 'function'));
    const m: RenderMessage = { kind: 'error', code: e.code, key: e.key, params, field: e.field };
    parentPort!.postMessage(m);
  }
}

void run(workerData as RenderInput);
