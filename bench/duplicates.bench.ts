/**
 * `duplicates_scan_1m_s`: the duplicates finder over the 1,000,000-contact database (cached, opened
 * read-only: the scan only reads), from call to ranked list. `duplicates_pairs_1m` how many it ranked.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { findDuplicates } from '../src/main/duplicates/duplicates.finder';
import { round } from './bench-util';

export function duplicatesBench(millionDir: string): Record<string, number> {
  const db = new Database(path.join(millionDir, 'monshi.sqlite'), { readonly: true });
  try {
    db.pragma('cache_size = -262144');
    const t0 = performance.now();
    const pairs = findDuplicates(db, 1000);
    const seconds = (performance.now() - t0) / 1000;
    return { duplicates_scan_1m_s: round(seconds, 1), duplicates_pairs_1m: pairs.length };
  } finally {
    db.close();
  }
}
