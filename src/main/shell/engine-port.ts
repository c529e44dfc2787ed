/**
 * The engine's side of the shell's channel: answers each request with the engine's Result under its
 * id, and forwards every engine event. Apart from engine-host.ts so the shell's tests can put a real
 * engine behind the stand-in utility process.
 */
import { api, type Method } from '../../shared/contract/api';
import type { Engine } from '../engine/engine';
import type { EnginePort } from './host-messages';

/** A request name from the page is one of the contract's (anything else never reaches a handler). */
const isMethod = (name: string): name is Method => Object.hasOwn(api, name);

/** Returns the function that stops forwarding events (the process ends with the engine; tests detach). */
export function serveEngine(port: EnginePort, engine: Engine): () => void {
  const stop = engine.subscribe((e) => port.postMessage({ t: 'evt', ...e }));
  port.on('message', ({ data }) => {
    const { id, method, input, lang, caller } = data;
    if (!isMethod(method))
      return port.postMessage({ t: 'res', id, result: { ok: false, error: { code: 'validation', message: `unknown request ${method}` } } });
    void engine.invoke(method, input, lang, caller).then((result) => port.postMessage({ t: 'res', id, result }));
  });
  port.postMessage({ t: 'ready' });
  return stop;
}
