/**
 * What `synchronous=FULL` costs against NORMAL for the WAL database (see docs/architecture.md).
 * With NORMAL, a commit is in the WAL file but not yet fsync'd, so a power cut can lose the last
 * acknowledged writes (never corrupt the file); FULL fsyncs the WAL at every commit.
 *
 * For each mode, on a fresh data folder on the real disk (not a tmpfs, which has no fsync cost):
 * - `sync_<mode>_cheque_creates_per_s`: 'cheques/create' one after another (each its own commit);
 * - `sync_<mode>_attendance_punches_per_s`: 'attendance/clock' in and out, one person, the clock
 *   moving two minutes a punch;
 * - `sync_<mode>_import_100k_vcards_s`: 100,000 generated vCards through import-preview + commit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine, type Engine } from '../src/main/engine/engine';
import { call, round } from './bench-util';
import { contacts, vcard } from './generate';

const CHEQUES = 2000;
const PUNCHES = 2000;

async function chequesPerSecond(e: Engine): Promise<number> {
  const t0 = performance.now();
  for (let n = 1; n <= CHEQUES; n++) {
    await call(e, 'cheques/create', {
      direction: 'received',
      sayadId: String(1_000_000_000_000_000 + n).slice(0, 16),
      bankCode: 'mellat',
      amount: n * 1_000_000,
      dueDate: '2026-12-21',
      partyName: `مشتری ${n}`,
    });
  }
  return CHEQUES / ((performance.now() - t0) / 1000);
}

async function punchesPerSecond(e: Engine, advance: () => void): Promise<number> {
  const schedule = await call(e, 'schedules/create', {
    name: 'اداری',
    shifts: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '16:00' })),
  });
  const person = await call(e, 'people/create', { kind: 'staff', contact: { firstName: 'رضا', lastName: 'کریمی' }, scheduleId: schedule.id });
  const t0 = performance.now();
  for (let i = 0; i < PUNCHES; i++) {
    advance();
    await call(e, 'attendance/clock', { fileId: person.id, pin: '' });
  }
  return PUNCHES / ((performance.now() - t0) / 1000);
}

async function importSeconds(e: Engine): Promise<number> {
  const base64 = Buffer.from(Array.from(contacts(100_000, 42), vcard).join(''), 'utf8').toString('base64');
  const t0 = performance.now();
  const preview = await call(e, 'io/import-preview', { fileName: 'contacts.vcf', base64 });
  await call(e, 'io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
  return (performance.now() - t0) / 1000;
}

export async function durabilityBench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const mode of ['NORMAL', 'FULL'] as const) {
    const dir = mkdtempSync(path.join(os.tmpdir(), `monshi-bench-sync-${mode.toLowerCase()}-`));
    let now = new Date(2026, 10, 1, 8, 0).getTime();
    const e = createEngine({ dataDir: dir, noLines: true, noAlarms: true, synchronous: mode, clock: () => new Date(now) });
    try {
      if (e.db.pragma('synchronous', { simple: true }) !== (mode === 'FULL' ? 2 : 1)) throw new Error(`synchronous is not ${mode}`);
      const key = mode.toLowerCase();
      out[`sync_${key}_cheque_creates_per_s`] = round(await chequesPerSecond(e), 0);
      out[`sync_${key}_attendance_punches_per_s`] = round(
        await punchesPerSecond(e, () => {
          now += 2 * 60_000;
        }),
        0,
      );
      out[`sync_${key}_import_100k_vcards_s`] = round(await importSeconds(e), 2);
    } finally {
      await e.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}
