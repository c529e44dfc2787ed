/**
 * The messages between the Electron main process and the engine's utility process, defined once
 * for both ends (engine-port.ts posts them, engine-link.ts reads them). A request carries what the
 * page sent, unchecked: the engine's side checks the name against the contract and its zod gate
 * the input, as for the browser mode's socket (so the main process never loads the contract's schemas).
 */
import type { ShellEvent } from '../../shared/contract/shell-bridge';
import type { ResponseMessage } from '../../shared/contract/transport';
import type { Lang } from '../../shared/text/calendar';
import type { Caller } from '../kernel/handlers';

/** Why the engine did not start, in the user's language (null: the database could not say which). */
export type StartFailure = { text: string; lang: Lang | null; dataDir: string };

/** main → engine. `caller`: the window's accounts session and this PC (see main.ts). */
export type HostRequest = { t: 'req'; id: number; method: string; input: unknown; lang: Lang; caller?: Caller };

/** engine → main: first 'ready' or 'start-failed', then answers and events. */
export type HostMessage = ResponseMessage | ({ t: 'evt' } & ShellEvent) | { t: 'ready' } | ({ t: 'start-failed' } & StartFailure);

/** The engine's end of the channel (Electron's `process.parentPort` fits it). */
export type EnginePort = {
  on(event: 'message', listener: (message: { data: HostRequest }) => void): unknown;
  postMessage(message: HostMessage): void;
};
