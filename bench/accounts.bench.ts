/**
 * `login_ms` (issue 18, goal ≤ 300): one sign-in through the engine's gate, name and password checked
 * against the scrypt hash (N=2^15, r=8), from the request to the session's state. The median of 15
 * sign-ins on a fresh data folder with five users; the p95 beside it, as the machine may be loaded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import { p, round } from './bench-util';

const SIGN_INS = 15;

export async function accountsBench(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'monshi-bench-accounts-'));
  const e = createEngine({ dataDir, noLines: true, noAlarms: true });
  try {
    const office = { session: 'bench-manager', pc: 'bench' };
    const ok = async (method: 'accounts/enable' | 'users/create' | 'accounts/sign-in', input: unknown, caller = office) => {
      const r = await e.invoke(method, input, 'en', caller);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    };
    await ok('accounts/enable', { name: 'Manager', password: 'manager-pass-1', pin: null });
    for (let i = 1; i <= 4; i++) await ok('users/create', { name: `User ${i}`, password: `user-pass-${i}`, role: 'clerk' });
    const times: number[] = [];
    for (let i = 0; i < SIGN_INS; i++) {
      const n = (i % 4) + 1;
      const t0 = performance.now();
      await ok('accounts/sign-in', { name: `User ${n}`, password: `user-pass-${n}` }, { session: `bench-${i}`, pc: 'bench' });
      times.push(performance.now() - t0);
    }
    return { login_ms: round(p(times, 0.5), 1), login_p95_ms: round(p(times, 0.95), 1) };
  } finally {
    await e.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
