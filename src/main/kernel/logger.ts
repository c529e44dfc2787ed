import { appendFileSync } from 'node:fs';

/** Appends to the data folder's log; never throws (a full disk must not turn one error into two). */
export function createLogger(file: string | null) {
  const write = (level: string, msg: string) => {
    const line = `${new Date().toISOString()} ${level} ${msg}\n`;
    if (file === null) return;
    try {
      appendFileSync(file, line);
    } catch {
      /* the log is best effort */
    }
  };
  return {
    info: (msg: string) => write('INFO', msg),
    error: (msg: string, e?: unknown) => write('ERROR', `${msg} ${e instanceof Error ? (e.stack ?? e.message) : String(e ?? '')}`),
  };
}
export type Logger = ReturnType<typeof createLogger>;
