/**
 * `POST /api`: one request whose JSON is larger than a socket message (a file for an import, a
 * prompt, a scan, a font). Content-Length is required and at most MAX_UPLOAD_BYTES, checked before
 * anything is read; the body is copied into one buffer of that size as it arrives (no second copy to
 * join the pieces), and only one body is read at a time, so a client can make the server hold at most
 * one. The answer is the engine's Result as JSON.
 */
import type http from 'node:http';
import type { Result } from '../../shared/contract/errors';
import { MAX_UPLOAD_BYTES, type RequestMessage } from '../../shared/contract/transport';
import type { Engine } from '../engine/engine';
import type { Caller } from '../kernel/handlers';
import { message, type Lang, type MessageKey } from '../i18n/messages';
import { sendJson } from './responses';

export type HttpApi = (req: http.IncomingMessage, res: http.ServerResponse, lang: Lang) => void;

const failure = (lang: Lang, code: 'validation' | 'internal' | 'auth', key: MessageKey, params: Record<string, number> = {}): Result<never> => ({
  ok: false,
  error: { code, message: message(lang, key, params) },
});

export function createHttpApi(engine: Engine, log: (what: string) => void, callerOf: (req: http.IncomingMessage) => Caller): HttpApi {
  let busy = false;
  const maxMb = Math.floor(MAX_UPLOAD_BYTES / (1024 * 1024));

  return (req, res, lang) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (!Number.isSafeInteger(declared) || declared < 0) {
      sendJson(res, 411, failure(lang, 'validation', 'server.bad_request'));
      return void req.destroy();
    }
    if (declared > MAX_UPLOAD_BYTES) {
      sendJson(res, 413, failure(lang, 'validation', 'server.too_large', { max: maxMb }));
      return void req.destroy();
    }
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendJson(res, 415, failure(lang, 'validation', 'server.bad_request'));
    if (busy) {
      sendJson(res, 503, failure(lang, 'validation', 'server.busy'));
      return void req.destroy();
    }
    busy = true;
    let body: Buffer | null = Buffer.allocUnsafe(declared);
    let size = 0;
    let done = false;
    const finish = (status: number, value: Result<unknown>) => {
      if (done) return;
      done = true;
      busy = false;
      body = null;
      sendJson(res, status, value);
    };
    req.on('data', (chunk: Buffer) => {
      // Node's parser stops at Content-Length; this only guards the copy.
      if (!body || size + chunk.length > declared) return;
      chunk.copy(body, size);
      size += chunk.length;
    });
    req.on('error', () => finish(400, failure(lang, 'validation', 'server.bad_request')));
    req.on('close', () => {
      if (!req.complete) finish(400, failure(lang, 'validation', 'server.bad_request'));
    });
    req.on('end', () => {
      if (done || !body) return;
      if (size !== declared) return finish(400, failure(lang, 'validation', 'server.bad_request'));
      // The bytes are dropped as soon as they are text, the text as soon as it is parsed.
      let text: string | null = body.toString('utf8');
      body = null;
      let msg: Partial<RequestMessage> | null = null;
      try {
        msg = JSON.parse(text) as Partial<RequestMessage> | null;
      } catch {
        msg = null;
      }
      text = null;
      if (typeof msg !== 'object' || msg === null || typeof msg.method !== 'string') return finish(400, failure(lang, 'validation', 'server.bad_request'));
      engine.invoke(msg.method, msg.input, msg.lang === 'en' ? 'en' : msg.lang === 'fa' ? 'fa' : lang, callerOf(req)).then(
        (result) => finish(200, result),
        (e: unknown) => {
          log(`upload request failed: ${e instanceof Error ? e.message : String(e)}`);
          finish(500, failure(lang, 'internal', 'internal'));
        },
      );
    });
  };
}
