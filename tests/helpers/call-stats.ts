/**
 * What the tests of the call totals (migration _call_stats's and _call_part_stats's tables and triggers,
 * tests/engine/call-stats.test.ts and call-part-stats.test.ts) share: the migrations, a seeded
 * generator, a fresh folder per test, a database filled before a migration and then migrated, query
 * plans, and the engine's report compared with a reference computed from the log.
 */
import path from 'node:path';
import type { CallReport } from '../../src/shared/contract/calls';
import { loadMigrations, openDatabase, type Db } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir } from './engine';

export const migrations = loadMigrations(migrationsDir());

/** The position of the migration whose name ends with `suffix` (numbers change when branches merge; names do not). */
export function migrationIndex(suffix: string): number {
  const i = migrations.findIndex((m) => m.name.endsWith(suffix));
  if (i < 0) throw new Error(`no migration named *${suffix}`);
  return i;
}

/** A small seeded generator (mulberry32): the same log for the same seed. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A fresh folder for each test of the file, removed after it; `db(name)` opens a database in it with every migration. */
export function freshFolderEach() {
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));
  return {
    dir: () => dir,
    db: (name: string): Db => openDatabase(path.join(dir, name), { migrations }),
  };
}

/** A database written by `write` before the migration named `*suffix`, then opened with every migration. */
export function migratedAfterWrites(file: string, suffix: string, write: (db: Db) => void): Db {
  const before = openDatabase(file, { migrations: migrations.slice(0, migrationIndex(suffix)) });
  write(before);
  before.close();
  return openDatabase(file, { migrations });
}

/** A statement's EXPLAIN QUERY PLAN as one line, ` | ` between the steps. */
export const queryPlan = (db: Db, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' | ');

type Counts = { incoming: number; missed: number; outgoing: number };
type Reference = {
  totals: CallReport['totals'];
  perDay: Map<string, Counts>;
  perHour: Map<number, Counts>;
  top: { number_key: string; calls: number; missed: number; talk: number }[];
};

/** The engine's report equals the reference: totals, every day and hour of the charts (zero where the log has none), the top callers. */
export function expectReportLikeReference(rep: CallReport, ref: Reference): void {
  expect(rep.totals).toEqual(ref.totals);
  for (const d of rep.perDay) expect(d).toEqual({ date: d.date, ...(ref.perDay.get(d.date) ?? { incoming: 0, missed: 0, outgoing: 0 }) });
  for (const h of rep.perHour) expect(h).toEqual({ hour: h.hour, ...(ref.perHour.get(h.hour) ?? { incoming: 0, missed: 0, outgoing: 0 }) });
  expect(rep.topCallers.map((c) => [c.numberKey, c.calls, c.missed, c.talkSeconds])).toEqual(
    ref.top.slice(0, 20).map((c) => [c.number_key, c.calls, c.missed, c.talk]),
  );
}
