/**
 * `BENCH=audit`: what the audit trail costs a save.
 * - audit_write_overhead_ratio: a contact's save ('contacts/update', a field and a phone changed, in a
 *   phonebook of 2,000) with the trail ÷ the same without it (the capture triggers dropped and the gate's
 *   recording off, EngineOptions.audit = false). Goal ≤ 1.15. Both engines save in turn, in rounds, and
 *   the medians are compared, so a loaded machine slows both alike; the save is fsync'd (synchronous FULL)
 *   in both, and the trail writes its entry in the save's own transaction, so it adds no commit.
 * - audit_save_ms / audit_save_without_ms: the two medians.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { call, round } from './bench-util';
import { contacts, vcard } from './generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function seeded(audit: boolean): Promise<{ e: Engine; dir: string; ids: number[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `monshi-audit-bench-${audit ? 'with' : 'without'}-`));
  const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true, audit });
  const base64 = Buffer.from([...contacts(2000, 7)].map(vcard).join(''), 'utf8').toString('base64');
  const preview = await call(e, 'io/import-preview', { fileName: 'seed.vcf', base64 });
  await call(e, 'io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
  const ids = e.db.prepare<[], number>('SELECT id FROM contacts ORDER BY id').pluck().all();
  return { e, dir, ids };
}

export async function auditBench(): Promise<Record<string, number>> {
  const withTrail = await seeded(true);
  const without = await seeded(false);
  const times = new Map<Engine, number[]>([
    [withTrail.e, []],
    [without.e, []],
  ]);
  let n = 0;
  const save = async (s: { e: Engine; ids: number[] }) => {
    const id = s.ids[n % s.ids.length]!;
    const c = await call(s.e, 'contacts/get', { id });
    const data = {
      firstName: c.firstName,
      lastName: c.lastName,
      company: `شرکت ${n}`,
      phones: [{ kind: 'mobile', number: `0912${String(1_000_000 + n).slice(1)}` }],
    };
    const t0 = performance.now();
    await call(s.e, 'contacts/update', { id, data });
    times.get(s.e)!.push(performance.now() - t0);
  };
  try {
    for (let round = 0; round < 6; round++) {
      // Alternate which goes first, so neither always follows the other's checkpoint.
      const order = round % 2 === 0 ? [withTrail, without] : [without, withTrail];
      for (const s of order) for (let i = 0; i < 50; i++, n++) await save(s);
    }
    const entries = withTrail.e.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    if (entries < 300) throw new Error(`the trail holds ${entries} entries after 300 saves`);
    const a = median(times.get(withTrail.e)!);
    const b = median(times.get(without.e)!);
    console.log(`audit: save ${a.toFixed(2)} ms with the trail, ${b.toFixed(2)} ms without (medians of 300); ${entries} entries`);
    return { audit_write_overhead_ratio: round(a / b, 3), audit_save_ms: round(a, 2), audit_save_without_ms: round(b, 2) };
  } finally {
    for (const s of [withTrail, without]) {
      await s.e.close();
      rmSync(s.dir, { recursive: true, force: true });
    }
  }
}
