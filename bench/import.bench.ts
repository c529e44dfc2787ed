/**
 * `BENCH=import`: the phonebook import alone (without the 1,000,000-contact database of BENCH=contacts).
 * - contacts_import_100k_vcards_s: 100,000 generated cards, preview + commit into an empty phonebook;
 *   contacts_import_100k_vcards_cpu_s the CPU time of the same (all threads: SQLite and the garbage collector too).
 * - vcard_photo_1mb_ms: one card with a 1 MB base64 photo folded at 75 characters (issue 14: 40 s once).
 * - vcard_qp_40k_soft_breaks_ms: one quoted-printable note with 40,000 soft line breaks (80 s once).
 * The last two parse only (no database): they watch the lexer's unfolding stay linear.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { parseVCards } from '../src/main/contacts/io/vcard.parse';
import { call, round } from './bench-util';
import { contacts, vcard } from './generate';

/** Wall and CPU seconds of an import, the preview and the commit apart (the CPU time tells a loaded machine from slower code). */
export type ImportTimes = { s: number; cpuS: number; previewS: number; commitS: number; previewCpuS: number; commitCpuS: number };

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Imports n generated cards through io/import-preview + io/import-commit. */
export async function importCardsTimed(e: Engine, n: number, seed: number): Promise<ImportTimes> {
  const parts: string[] = [];
  for (const c of contacts(n, seed)) parts.push(vcard(c));
  const base64 = Buffer.from(parts.join(''), 'utf8').toString('base64');
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const preview = await call(e, 'io/import-preview', { fileName: 'contacts.vcf', base64 });
  const t1 = performance.now();
  const c1 = cpuSeconds();
  await call(e, 'io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
  const t2 = performance.now();
  const c2 = cpuSeconds();
  return { s: (t2 - t0) / 1000, cpuS: c2 - c0, previewS: (t1 - t0) / 1000, commitS: (t2 - t1) / 1000, previewCpuS: c1 - c0, commitCpuS: c2 - c1 };
}

/** Imports n generated cards through io/import-preview + io/import-commit; returns seconds. */
export async function importCards(e: Engine, n: number, seed: number): Promise<number> {
  return (await importCardsTimed(e, n, seed)).s;
}

export async function import100k(cache: string): Promise<ImportTimes> {
  const dir = path.join(cache, 'import-100k');
  rmSync(dir, { recursive: true, force: true });
  const e = createEngine({ dataDir: dir });
  try {
    const t = await importCardsTimed(e, 100_000, 42);
    console.log(
      `import 100k: preview ${t.previewS.toFixed(2)} s (CPU ${t.previewCpuS.toFixed(2)} s), commit ${t.commitS.toFixed(2)} s (CPU ${t.commitCpuS.toFixed(2)} ` +
        `s)`,
    );
    return t;
  } finally {
    e.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function fold(line: string): string {
  const out = [line.slice(0, 75)];
  for (let k = 75; k < line.length; k += 74) out.push(' ' + line.slice(k, k + 74));
  return out.join('\r\n');
}

function timeParse(text: string): number {
  const t0 = performance.now();
  parseVCards(text);
  return round(performance.now() - t0, 1);
}

export async function importBench(cache: string): Promise<Record<string, number>> {
  const photo = Buffer.alloc(768 * 1024, 7).toString('base64'); // 1 MB of base64
  const photoCard = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Photo Person', 'TEL:09121234567', fold(`PHOTO;ENCODING=b;TYPE=JPEG:${photo}`), 'END:VCARD', ''].join(
    '\r\n',
  );
  const note = Array.from({ length: 40_000 }, () => '=D8=B9').join('=\r\n');
  const qpCard = [
    'BEGIN:VCARD',
    'VERSION:2.1',
    'FN:QP Person',
    'TEL:09121234567',
    `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${note}`,
    'END:VCARD',
    '',
  ].join('\r\n');
  const parsed = { vcard_photo_1mb_ms: timeParse(photoCard), vcard_qp_40k_soft_breaks_ms: timeParse(qpCard) };
  const t = await import100k(cache);
  return {
    ...parsed,
    contacts_import_100k_vcards_s: round(t.s, 2),
    contacts_import_100k_vcards_cpu_s: round(t.cpuS, 2),
  };
}
