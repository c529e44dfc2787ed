/**
 * Cheque printing: `cheque_pdf_ms` is one cheque through 'cheque-templates/print' (the engine call the
 * cheque book makes: template read, layout, HarfBuzz shaping, PDF with embedded subset fonts, base64),
 * warm, median of 200 runs, each with a different amount, date and payee so the shape caches do not
 * hide the work. Goal ≤ 20 ms. `cheque_pdf_batch_ms_per_leaf`: a batch of 100 leaves, per leaf.
 */
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
  return { date: day, amountRials: 1_000_000 + i * 7_919_113, payee: `${NAMES[i % NAMES.length]} ${i}`, nationalId: '0012345679', purpose: `بابت فاکتور ${i}`, sayadId: '1234567890123456' };
}

export async function chequeBench(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-cheque-'));
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true });
  try {
    const t = await call(e, 'cheque-templates/create', TEMPLATE);
    for (let i = 0; i < 30; i++) await call(e, 'cheque-templates/print', { templateId: t.id, items: [leaf(10_000 + i)] }); // warm up
    const ms: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await call(e, 'cheque-templates/print', { templateId: t.id, items: [leaf(i)] });
      ms.push(performance.now() - t0);
    }
    const t0 = performance.now();
    await call(e, 'cheque-templates/print', { templateId: t.id, items: Array.from({ length: 100 }, (_, i) => leaf(500 + i)) });
    const batch = (performance.now() - t0) / 100;
    return { cheque_pdf_ms: Number(median(ms).toFixed(2)), cheque_pdf_batch_ms_per_leaf: Number(batch.toFixed(2)) };
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
