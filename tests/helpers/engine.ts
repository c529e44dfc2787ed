/** A real engine on a real SQLite file in a fresh temporary folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Method, OutputOf } from '../../src/shared/contract/api';
import type { AppErrorShape } from '../../src/shared/contract/errors';
import { createEngine, type Engine, type EngineOptions } from '../../src/main/engine/engine';

export function tempDir(prefix = 'monshi-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export type TestEngine = Engine & {
  ok<M extends Method>(method: M, input: unknown, lang?: 'fa' | 'en'): Promise<OutputOf<M>>;
  fail(method: Method, input: unknown, lang?: 'fa' | 'en'): Promise<AppErrorShape>;
};

export function testEngine(dataDir = tempDir(), clock?: () => Date, opts: Partial<EngineOptions> = {}): TestEngine {
  const engine = createEngine({ dataDir, clock, ...opts });
  return Object.assign(engine, {
    async ok<M extends Method>(method: M, input: unknown, lang: 'fa' | 'en' = 'fa') {
      const r = await engine.invoke(method, input, lang);
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    async fail(method: Method, input: unknown, lang: 'fa' | 'en' = 'fa') {
      const r = await engine.invoke(method, input, lang);
      if (r.ok) throw new Error(`${method} was expected to fail but returned ${JSON.stringify(r.value).slice(0, 200)}`);
      return r.error;
    },
  });
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });
