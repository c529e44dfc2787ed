/**
 * sip.js is published as ES modules only; the engine is bundled to CommonJS and Jest runs CommonJS, so
 * it is loaded with a real `import()` (src/node/esm-import.ts) once, and shared by every SIP account.
 */
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { importEsm } from '../../../node/esm-import';

export type SipJs = typeof import('sip.js');

let loading: Promise<SipJs> | null = null;

export function loadSipJs(): Promise<SipJs> {
  loading ??= importEsm<SipJs>(createRequire(__filename).resolve('sip.js')).catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

/**
 * sip.js's WebSocket transport uses the global `WebSocket`, which Node 20 lacks: `ws` stands in. The
 * global is set where sip.js runs — under Jest that is Node's main context (importEsm), not the test's.
 */
export function provideWebSocket(ws: unknown): void {
  for (const g of [globalThis, vm.runInThisContext('globalThis') as typeof globalThis]) {
    const holder = g as { WebSocket?: unknown };
    holder.WebSocket ??= ws;
  }
}
