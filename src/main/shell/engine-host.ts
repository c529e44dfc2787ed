/**
 * Runs the engine inside Electron's utility process (Electron's Node ABI; the better-sqlite3 addon
 * built for it is passed in MONSHI_SQLITE_BINDING by scripts/start.mjs or the packaged app).
 */
import type { Method } from '../../shared/contract/api';
import { createEngine } from '../engine/engine';

type ParentPort = { on(e: 'message', l: (m: { data: { t: 'req'; id: number; method: Method; input: unknown; lang: 'fa' | 'en' } }) => void): void; postMessage(m: unknown): void };
const port = (process as unknown as { parentPort: ParentPort }).parentPort;

const engine = createEngine({ dataDir: process.argv[2] ?? '', shell: 'electron', nativeBinding: process.env.MONSHI_SQLITE_BINDING || undefined });
engine.subscribe((e) => port.postMessage({ t: 'evt', name: e.name, payload: e.payload }));
port.on('message', ({ data }) => {
  void engine.invoke(data.method, data.input, data.lang).then((result) => port.postMessage({ t: 'res', id: data.id, result }));
});
