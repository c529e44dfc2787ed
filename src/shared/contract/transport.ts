/**
 * Wire format between a UI and the engine. Browser mode carries these as JSON over one WebSocket at
 * `/ws?token=…`; the Electron shell carries the same objects over IPC (preload `invoke`/`subscribe`).
 */
import type { EventMap, EventName, InputOf, Method, OutputOf } from './api';
import type { Result } from './errors';
import type { Lang } from '../text/calendar';

export type RequestMessage<M extends Method = Method> = { t: 'req'; id: number; method: M; input: InputOf<M>; lang: Lang };
export type ResponseMessage<M extends Method = Method> = { t: 'res'; id: number; result: Result<OutputOf<M>> };
export type EventMessage<E extends EventName = EventName> = { t: 'evt'; name: E; payload: EventMap[E] };

/** What a UI needs from a shell: the same interface in Electron and in the browser. */
export type Connection = {
  invoke<M extends Method>(method: M, input: InputOf<M>, lang: Lang): Promise<Result<OutputOf<M>>>;
  /** Returns the unsubscribe function. */
  subscribe<E extends EventName>(name: E, listener: (payload: EventMap[E]) => void): () => void;
};
