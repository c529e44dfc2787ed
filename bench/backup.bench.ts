/**
 * A backup of the 1,000,000-contact database (the cached one, copied) while the engine keeps answering:
 * `backup_1m_contacts_s` is 'backup/now' from request to answer (online backup, counts, the archive with
 * its checksums, written to a folder on the same disk); `backup_request_stall_max_ms` the longest a
 * request ('contacts/get', sent one after another throughout) waited for its answer meanwhile.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import { call, round } from './bench-util';

export async function backupBench(millionDir: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-backup-'));
  const out = path.join(dir, 'backups');
  mkdirSync(out);
  const data = path.join(dir, 'data');
  mkdirSync(data);
  copyFileSync(path.join(millionDir, 'monshi.sqlite'), path.join(data, 'monshi.sqlite'));
  const e = createEngine({ dataDir: data, noLines: true, noAlarms: true, synchronous: 'NORMAL' });
  try {
    await call(e, 'backup/settings-save', { folder: out, dailyAt: '', atExit: false, keep: 3 });
    const ids = e.db.prepare('SELECT id FROM contacts ORDER BY random() LIMIT 1000').pluck().all() as number[];
    let running = true;
    let stall = 0;
    let answered = 0;
    const probe = (async () => {
      for (let i = 0; running; i++) {
        const t0 = performance.now();
        await call(e, 'contacts/get', { id: ids[i % ids.length] });
        stall = Math.max(stall, performance.now() - t0);
        answered++;
        // Let the backup run between requests, as a user's clicks are spaced.
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const t0 = performance.now();
    const made = await call(e, 'backup/now', {});
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await probe;
    const mb = (made.bytes / 1e6).toFixed(0);
    console.log(`  backup of ${made.counts.contacts} contacts, ${mb} MB: ${seconds.toFixed(2)} s`);
    console.log(`  ${answered} requests answered meanwhile, the longest in ${stall.toFixed(1)} ms`);
    return { backup_1m_contacts_s: round(seconds, 2), backup_request_stall_max_ms: round(stall, 1) };
  } finally {
    await e.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
