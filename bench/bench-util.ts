/** Small helpers shared by the benchmarks (run.ts, calls.bench.ts). */
import type { Engine, EngineEvent } from '../src/main/engine/engine';
import type { Method, OutputOf } from '../src/shared/contract/api';

/** The q-quantile (nearest rank) of xs. */
export const p = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};

export const round = (x: number, d = 3) => Number(x.toFixed(d));

/** Invokes an engine method and unwraps its result; a failure throws. */
export async function call<M extends Method>(e: Engine, m: M, input: unknown): Promise<OutputOf<M>> {
  const r = await e.invoke(m, input, 'fa');
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value;
}

/** Resolves with the first engine event that satisfies pred; rejects after ms, naming what it waited for. */
export function nextEvent(e: Engine, what: string, pred: (ev: EngineEvent) => boolean, ms = 8000): Promise<EngineEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`no ${what} within ${ms} ms`));
    }, ms);
    const off = e.subscribe((ev) => {
      if (!pred(ev)) return;
      clearTimeout(timer);
      off();
      resolve(ev);
    });
  });
}
