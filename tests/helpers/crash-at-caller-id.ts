/**
 * A Monshi that dies at the worst moment for the call log (tests/engine/caller-id-durability.test.ts):
 * the demo line rings with a caller ID, and the process kills itself (SIGKILL: no exit handler, no
 * close, no checkpoint) inside the 'call/incoming' event — when the popup shows the caller, before the
 * engine does anything after it. Usage: node crash-at-caller-id.js <data folder> <number>
 */
import { createEngine } from '../../src/main/engine/engine';
import { fastDemo } from './demo-line';

const [dataDir, number] = process.argv.slice(2);
const engine = createEngine({ dataDir: dataDir!, lineFactory: fastDemo });
let rung = false;
engine.subscribe((e) => {
  if (e.name === 'call/incoming') process.kill(process.pid, 'SIGKILL');
  // The only line: ring it once it is ready.
  if (e.name === 'lines/status' && e.payload.status === 'idle' && !rung) {
    rung = true;
    void engine.invoke('lines/demo-call', { lineId: e.payload.lineId, number, format: 'mdmf', rings: 3 }, 'en');
  }
});
void engine.invoke('lines/create', { name: 'Demo', kind: 'demo' }, 'en').then((r) => {
  if (!r.ok) throw new Error(r.error.message);
});
