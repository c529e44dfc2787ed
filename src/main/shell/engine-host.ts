/**
 * Runs the engine inside Electron's utility process (Electron's Node ABI; the better-sqlite3 addon
 * built for it is passed in MONSHI_SQLITE_BINDING by scripts/start.mjs or the packaged app).
 * It tells the shell first whether the engine started: 'ready', or 'start-failed' with the reason
 * and the data folder in the user's language, so the shell can show them instead of quitting.
 */
import { createEngine, type Engine } from '../engine/engine';
import { settingsLanguage, startFailureText } from '../engine/start-failure';
import { serveEngine } from './engine-port';
import { secretBoxFromKey } from '../kernel/secret-box';
import { SECRET_KEY_ENV } from './secret-key';

const port = process.parentPort;
const dataDir = process.argv[2] ?? '';
const nativeBinding = process.env.MONSHI_SQLITE_BINDING || undefined;
// The key safeStorage keeps (secret-key.ts), out of this process's environment as soon as it is read.
const secretKey = process.env[SECRET_KEY_ENV];
delete process.env[SECRET_KEY_ENV];
const secrets = secretKey ? secretBoxFromKey(Buffer.from(secretKey, 'base64')) : undefined;
let engine: Engine | null = null;
try {
  engine = createEngine({ dataDir, shell: 'electron', nativeBinding, secrets });
} catch (e) {
  const lang = settingsLanguage(dataDir, nativeBinding);
  port.postMessage({ t: 'start-failed', text: startFailureText(e, dataDir, lang), lang, dataDir });
}
if (engine) serveEngine(port, engine);
