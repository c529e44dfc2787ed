/**
 * Cheque printing: `cheque_pdf_ms` is one cheque through 'cheque-templates/print' (the engine call the
 * cheque book makes: template read, layout, HarfBuzz shaping, PDF with embedded subset fonts, base64),
 * warm, median of 200 runs, each with a different amount, date and payee so the shape caches do not
 * hide the work. Goal ≤ 4 ms. `cheque_pdf_batch_ms_per_leaf`: a batch of 100 leaves, per leaf.
 * `cheque_pdf_cold_ms`: the first cheque after the engine starts (fonts read and parsed, HarfBuzz's
 * WASM compiled), each in a fresh Node process on a database that already has the template; median of
 * 5 processes. Goal ≤ 150 ms. `cheque_pdf_cpu_ms` and `cheque_pdf_cold_cpu_ms`: the same two in CPU time
 * of the process (all its threads: WebAssembly compilation and GC helpers count), which other work on a
 * loaded machine inflates far less than wall time — the figure to compare runs made under load.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../src/main/engine/engine';
import type { Method, OutputOf } from '../src/shared/contract/api';
import type { ChequeTemplateInput, ChequeValues } from '../src/shared/contract/cheque-print';

async function call<M extends Method>(e: Engine, m: M, input: unknown): Promise<OutputOf<M>> {
  const r = await e.invoke(m, input, 'fa');
  if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
  return r.value;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** A Sayad leaf with the usual fields, words in Nastaliq, guards and fill on. */
const TEMPLATE: ChequeTemplateInput = {
  name: 'bench',
  widthMm: 180,
  heightMm: 85,
  fields: [
    { kind: 'dateDigits', xMm: 20, yMm: 14, widthMm: 32 },
    { kind: 'dateWords', xMm: 60, yMm: 24, widthMm: 100, font: 'nastaliq', sizePt: 13 },
    { kind: 'amountWords', xMm: 15, yMm: 40, widthMm: 150, font: 'nastaliq', sizePt: 14, guard: 'slashes', suffix: 'ریال' },
    { kind: 'payee', xMm: 40, yMm: 52, widthMm: 120, font: 'nastaliq', guard: 'hash', fill: true },
    { kind: 'amountDigits', xMm: 12, yMm: 66, widthMm: 45, guard: 'hash' },
    { kind: 'nationalId', xMm: 100, yMm: 66, widthMm: 40 },
    { kind: 'purpose', xMm: 60, yMm: 76, widthMm: 100 },
    { kind: 'sayadId', xMm: 110, yMm: 8, widthMm: 60 },
  ],
};
const NAMES = ['علی‌رضا حسینی‌نژاد', 'شرکت پارس‌آنلاین', 'فاطمه‌زهرا میرزایی', 'Asia Tech Co.', 'گروه صنعتی ایران‌خودرو'];

function leaf(i: number): ChequeValues {
  const day = new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  return {
    date: day,
    amountRials: 1_000_000 + i * 7_919_113,
    payee: `${NAMES[i % NAMES.length]} ${i}`,
    nationalId: '0012345679',
    purpose: `بابت فاکتور ${i}`,
    sayadId: '1234567890123456',
  };
}

/** Set in the child process that measures one cold cheque (bench/run.ts hands it over to `chequeColdChild`). */
export const COLD_CHILD_ENV = 'MONSHI_BENCH_CHEQUE_COLD';

/** In the fresh process: open the engine on `dir`, print one cheque, write the time on stdout. */
export async function chequeColdChild(dir: string): Promise<void> {
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true });
  try {
    const [t] = await call(e, 'cheque-templates/list', {});
    if (!t) throw new Error('no template in the cold-bench database');
    const c0 = cpuMs();
    const t0 = performance.now();
    await call(e, 'cheque-templates/print', { templateId: t.id, items: [leaf(7)] });
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, cpu: cpuMs() - c0 })}\n`);
  } finally {
    await e.close();
  }
}

/** User + system CPU time of this process so far, ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The medians (wall, CPU) of `runs` cold cheques, each in a new process of this same bench script. */
async function coldMs(runs: number): Promise<{ ms: number; cpu: number }> {
  const dir = await prepareColdDb();
  try {
    const all = Array.from({ length: runs }, () => {
      const r = spawnSync(process.execPath, [process.argv[1]!], { env: { ...process.env, [COLD_CHILD_ENV]: dir }, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`cold cheque process failed: ${r.stderr}`);
      const line = r.stdout.trim().split('\n').at(-1) ?? '';
      return JSON.parse(line) as { ms: number; cpu: number };
    });
    return { ms: median(all.map((x) => x.ms)), cpu: median(all.map((x) => x.cpu)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function prepareColdDb(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-cheque-cold-'));
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true });
  await call(e, 'cheque-templates/create', TEMPLATE);
  await e.close();
  return dir;
}

export async function chequeBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-cheque-'));
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true });
  try {
    const t = await call(e, 'cheque-templates/create', TEMPLATE);
    for (let i = 0; i < 30; i++) await call(e, 'cheque-templates/print', { templateId: t.id, items: [leaf(10_000 + i)] }); // warm up
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 200; i++) {
      const c0 = cpuMs();
      const t0 = performance.now();
      await call(e, 'cheque-templates/print', { templateId: t.id, items: [leaf(i)] });
      ms.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
    const t0 = performance.now();
    await call(e, 'cheque-templates/print', { templateId: t.id, items: Array.from({ length: 100 }, (_, i) => leaf(500 + i)) });
    const batch = (performance.now() - t0) / 100;
    const cold = await coldMs(5);
    return {
      cheque_pdf_ms: Number(median(ms).toFixed(2)),
      cheque_pdf_batch_ms_per_leaf: Number(batch.toFixed(2)),
      cheque_pdf_cpu_ms: Number(median(cpu).toFixed(2)),
      cheque_pdf_cold_ms: Number(cold.ms.toFixed(1)),
      cheque_pdf_cold_cpu_ms: Number(cold.cpu.toFixed(1)),
    };
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
