/**
 * Wire format between a UI and the engine. Browser mode carries these as JSON over one WebSocket at
 * `/ws` (signed in by a cookie); a request larger than one socket message goes as the body of
 * `POST /api` instead. The Electron shell carries the same objects over IPC (preload `invoke`/`subscribe`).
 */
import type { EventMap, EventName, InputOf, Method, OutputOf } from './api';
import type { AppErrorShape, Result } from './errors';
import type { Lang } from '../text/calendar';

export type RequestMessage<M extends Method = Method> = { t: 'req'; id: number; method: M; input: InputOf<M>; lang: Lang };
export type ResponseMessage<M extends Method = Method> = { t: 'res'; id: number; result: Result<OutputOf<M>> };
export type EventMessage<E extends EventName = EventName> = { t: 'evt'; name: E; payload: EventMap[E] };
/** The server's answer to a message it could not read as a request; `id` is the request's when it had one. */
export type ProtocolErrorMessage = { t: 'error'; id: number | null; error: AppErrorShape };

/**
 * The largest WebSocket message the server takes (1 MiB). Every request without a file is far below
 * it; a larger one (a file: an import, a prompt, a scan, a font) goes as one `POST /api` body, so a
 * socket never has to buffer a file and a bad message costs the server at most this much.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 1024 * 1024;
/**
 * The largest `POST /api` body: the largest input the contract accepts (an import file, 200 MiB of
 * base64) and its envelope. The server reads one such body at a time.
 */
export const MAX_UPLOAD_BYTES = 201 * 1024 * 1024;

/** What a UI needs from a shell: the same interface in Electron and in the browser. */
export type Connection = {
  invoke<M extends Method>(method: M, input: InputOf<M>, lang: Lang): Promise<Result<OutputOf<M>>>;
  /** Returns the unsubscribe function. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
};
