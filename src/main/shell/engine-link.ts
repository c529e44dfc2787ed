/**
 * The main process's end of the engine: starts engine-host.js in a utility process (Electron's Node,
 * no UI access), sends it requests and matches the answers by id, hands its events on, and reports
 * a start failure or a crash once, so the shell can explain it instead of quitting silently.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { Result } from '../../shared/contract/errors';
import type { ShellEvent } from '../../shared/contract/shell-bridge';
import type { Lang } from '../../shared/text/calendar';
import type { Caller } from '../kernel/handlers';
import type { HostMessage, HostRequest, StartFailure } from './host-messages';
import { engineStopped } from './start-error';

export type EngineLink = {
  request(method: string, input: unknown, lang: Lang, caller?: Caller): Promise<Result<unknown>>;
  kill(): void;
};

type Handlers = {
  onReady(): void;
  onEvent(event: ShellEvent): void;
  /** The engine did not start, or stopped without being asked to (not called while quitting). */
  onFailure(failure: StartFailure): void;
  isQuitting(): boolean;
  /** More environment for the engine's process (the secret box's key, secret-key.ts). */
  env?: Record<string, string>;
};

export function startEngine(hostPath: string, dataDir: string, on: Handlers): EngineLink {
  let failed = false;
  let exited: number | null = null;
  let nextId = 1;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const child: UtilityProcess = utilityProcess.fork(hostPath, [dataDir], {
    serviceName: 'Monshi engine',
    // Same young-generation size as bin/monshi.js: bulk imports allocate many short-lived strings.
    execArgv: ['--max-semi-space-size=64'],
    env: { ...process.env, ...on.env },
  });
  child.on('message', (msg: HostMessage) => {
    if (msg.t === 'ready') on.onReady();
    else if (msg.t === 'start-failed') {
      failed = true;
      child.kill();
      on.onFailure({ text: msg.text, lang: msg.lang, dataDir: msg.dataDir });
    } else if (msg.t === 'res') {
      pending.get(msg.id)?.(msg.result);
      pending.delete(msg.id);
    } else on.onEvent(msg);
  });
  child.on('exit', (code) => {
    exited = code;
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'internal', message: `engine stopped (${code})` } });
    pending.clear();
    if (failed || on.isQuitting()) return;
    // Stopped without saying why (a crash, an addon that does not load): still say so, never quit silently.
    on.onFailure({ text: engineStopped(code), lang: null, dataDir });
  });
  return {
    request(method, input, lang, caller) {
      // Between a crash and "try again", a request is answered at once rather than left waiting forever.
      if (exited !== null) return Promise.resolve({ ok: false, error: { code: 'internal', message: `engine stopped (${exited})` } });
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ t: 'req', id, method, input, lang, caller } satisfies HostRequest);
      });
    },
    kill: () => child.kill(),
  };
}
