/**
 * sip.js 0.21 is ESM only, which Jest's CommonJS module registry cannot load; Node 20's own `require`
 * can (require(esm)). So sip.js is loaded by Node outside Jest's registry, and runs in Node's main
 * realm: its WebSocket transport uses THAT realm's global `WebSocket`, which Node 20 lacks, so `ws`
 * is put there (the reference setup's `globalThis.WebSocket ??= ws`).
 */
import vm from 'node:vm';

type SipJs = typeof import('sip.js');

let loaded: SipJs | null = null;

export function loadSipJs(): SipJs {
  if (loaded) return loaded;
  // Jest wraps `require` and `module.createRequire` too; Node's own createRequire is fetched from the main realm.
  const createRequire = vm.runInThisContext("process.getBuiltinModule('node:module').createRequire") as (f: string) => NodeJS.Require;
  const nodeRequire = createRequire(__filename);
  const mainGlobal = vm.runInThisContext('globalThis') as { WebSocket?: unknown };
  mainGlobal.WebSocket ??= (nodeRequire('ws') as { WebSocket: unknown }).WebSocket;
  loaded = nodeRequire('sip.js') as SipJs;
  return loaded;
}
