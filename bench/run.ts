/**
 * `npm run bench`: measures the engine on generated data and writes bench/results.json (one flat
 * object of named numbers, merged with figures other modules wrote), printing a table.
 * The 1,000,000-contact database is generated once (through the real import path) and cached in
 * bench/.cache/; so is the 5,000,000-call log of the call benchmarks (bench/calls.bench.ts).
 *
 * Only some benchmarks: `BENCH=calls npm run bench` (or `BENCH=contacts`, `BENCH=import` (the import alone), `BENCH=alarms`, `BENCH=popup`, `BENCH=ui`,
 * `BENCH=ivr`, `BENCH=cid` (caller ID to event alone), `BENCH=recording`, `BENCH=durability`, `BENCH=fax`, `BENCH=siprtp` (SIP media),
 * `BENCH=sipcalls` (SIP calls in the engine), `BENCH=serve` (monshi serve's start), `BENCH=accounts` (login_ms),
 * `BENCH=audit` (the audit trail's cost to a save), `BENCH=backup`,
 * `BENCH=duplicates` (the duplicates finder's scan), `BENCH=dashboard` (the Today dashboard's requests on the 5M-call log);
 * `node dist/bench/run.js calls` after a build works too).
 * The figures of the others stay in results.json as they were.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createEngine } from '../src/main/engine/engine';
import { call, p, round } from './bench-util';
import { alarmsBench } from './alarms.bench';
import { callsBench, cidToEvent } from './calls.bench';
import { generatedNumbers } from './calls-data';
import { ivrBench } from './ivr.bench';
import { recordingBench } from './recording.bench';
import { chequeBench, chequeColdChild, COLD_CHILD_ENV } from './cheque.bench';
import { durabilityBench } from './durability.bench';
import { faxBench } from './fax.bench';
import { sipRtpBench } from './sip-rtp.bench';
import { sipCallsBench } from './sip-calls.bench';
import { popupBench } from './popup.bench';
import { importBench, importCards } from './import.bench';
import { uiBench } from './ui.bench';
import { serveStartBench } from './serve-start.bench';
import { accountsBench } from './accounts.bench';
import { auditBench } from './audit.bench';
import { backupBench } from './backup.bench';
import { dashboardBench } from './dashboard.bench';
import { duplicatesBench } from './duplicates.bench';
import { rng, typedQueries } from './generate';

const root = path.resolve(__dirname, '..', '..');
const cache = path.join(root, 'bench', '.cache');
const resultsFile = path.join(root, 'bench', 'results.json');

const only = process.env.BENCH ?? process.argv[2] ?? 'all';
const NAMES = [
  'contacts',
  'import',
  'calls',
  'cid',
  'alarms',
  'popup',
  'ui',
  'cheque',
  'ivr',
  'recording',
  'durability',
  'fax',
  'siprtp',
  'serve',
  'accounts',
  'sipcalls',
  'audit',
  'backup',
  'duplicates',
  'dashboard',
];
if (only !== 'all' && !NAMES.includes(only)) throw new Error(`BENCH=${only}: expected ${NAMES.join(', ')} or all`);

async function ensureMillion(): Promise<string> {
  const dir = path.join(cache, 'contacts-1m');
  if (existsSync(path.join(dir, 'READY'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log('Generating 1,000,000 contacts (once; cached in bench/.cache)…');
  const e = createEngine({ dataDir: dir });
  for (let i = 0; i < 10; i++) {
    const s = await importCards(e, 100_000, 1000 + i);
    console.log(`  ${(i + 1) * 100_000} (${s.toFixed(1)} s)`);
  }
  e.db.pragma('wal_checkpoint(TRUNCATE)');
  e.db.exec('ANALYZE');
  e.close();
  writeFileSync(path.join(dir, 'READY'), new Date().toISOString());
  return dir;
}

async function main() {
  mkdirSync(cache, { recursive: true });
  const results: Record<string, number> = {};
  // The import figures are part of BENCH=contacts too; BENCH=import measures them without the 1M database.
  if (only === 'all' || only === 'contacts' || only === 'import') Object.assign(results, await importBench(cache));
  if (only === 'all' || only === 'contacts') await contactsBench(results);
  if (only === 'all' || only === 'calls') Object.assign(results, await callsBench(cache));
  // The caller-ID path alone (it is part of BENCH=calls), without the 5M-call log.
  if (only === 'cid') {
    process.env.TZ = 'Asia/Tehran'; // as BENCH=calls runs it
    Object.assign(results, await cidToEvent(generatedNumbers()));
  }
  if (only === 'all' || only === 'alarms') Object.assign(results, await alarmsBench());
  if (only === 'all' || only === 'popup') Object.assign(results, await popupBench(cache, await ensureMillion(), path.join(root, 'dist', 'renderer')));
  if (only === 'all' || only === 'ui') Object.assign(results, await uiBench(cache, await ensureMillion(), path.join(root, 'dist', 'renderer')));

  if (only === 'all' || only === 'cheque') Object.assign(results, await chequeBench());
  if (only === 'all' || only === 'ivr') Object.assign(results, await ivrBench());
  if (only === 'all' || only === 'recording') Object.assign(results, await recordingBench());
  if (only === 'all' || only === 'durability') Object.assign(results, await durabilityBench());
  if (only === 'all' || only === 'fax') Object.assign(results, await faxBench());
  if (only === 'all' || only === 'siprtp') Object.assign(results, await sipRtpBench());
  if (only === 'all' || only === 'sipcalls') Object.assign(results, await sipCallsBench());
  if (only === 'all' || only === 'serve') Object.assign(results, await serveStartBench(root));
  if (only === 'all' || only === 'accounts') Object.assign(results, await accountsBench());
  if (only === 'all' || only === 'audit') Object.assign(results, await auditBench());
  if (only === 'all' || only === 'backup') Object.assign(results, await backupBench(await ensureMillion()));
  if (only === 'all' || only === 'duplicates') Object.assign(results, duplicatesBench(await ensureMillion()));
  if (only === 'all' || only === 'dashboard') Object.assign(results, await dashboardBench(cache));

  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, number>) : {};
  const merged = { ...previous, ...results };
  writeFileSync(resultsFile, JSON.stringify(merged, null, 2) + '\n');
  console.table(Object.entries(results).map(([name, value]) => ({ name, value })));
}

async function contactsBench(results: Record<string, number>) {
  const dir = await ensureMillion();

  const starts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const e = createEngine({ dataDir: dir });
    await call(e, 'settings/get', {});
    starts.push(performance.now() - t0);
    e.close();
  }
  results.startup_ms_1m = round(p(starts, 0.5), 1);

  const e = createEngine({ dataDir: dir });
  const queries = typedQueries();
  // The phonebook opens on the whole list, which counts it, as the UI does before anyone types.
  await call(e, 'contacts/search', { limit: 100 });
  for (const q of queries.slice(0, 50)) await call(e, 'contacts/search', { text: q, limit: 100 }); // warm up
  const searchMs: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await call(e, 'contacts/search', { text: q, limit: 100 });
    searchMs.push(performance.now() - t0);
  }
  results.contacts_search_p95_ms_1m = round(p(searchMs, 0.95));
  results.contacts_search_max_ms_1m = round(Math.max(...searchMs));
  // The slowest queries, each asked again: a first read of cold pages, or the query itself (on a loaded machine, often neither).
  const slowest = queries
    .map((q, i) => ({ q, ms: searchMs[i] ?? 0 }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 8);
  for (const s of slowest) {
    const t0 = performance.now();
    await call(e, 'contacts/search', { text: s.q, limit: 100 });
    console.log(`  slow search ${JSON.stringify(s.q)}: ${s.ms.toFixed(1)} ms, again ${(performance.now() - t0).toFixed(1)} ms`);
  }

  const r = rng(3);
  const maxPhone = e.db.prepare('SELECT MAX(id) FROM contact_phones').pluck().get() as number;
  const byId = e.db.prepare('SELECT number FROM contact_phones WHERE id = ?').pluck();
  const numbers = Array.from({ length: 1000 }, () => byId.get(1 + Math.floor(r() * maxPhone)) as string | undefined).filter((n): n is string => !!n);
  const formats = [(n: string) => n, (n: string) => '+98' + n.slice(1), (n: string) => n.slice(1), (n: string) => '0098' + n.slice(1)];
  const lookupMs: number[] = [];
  for (const n of numbers.length ? numbers : ['09121234567']) {
    const typed = formats[Math.floor(r() * formats.length)]!(n);
    const t0 = performance.now();
    const found = await call(e, 'contacts/find-by-phone', { number: typed });
    lookupMs.push(performance.now() - t0);
    if (found.length === 0) throw new Error(`phone lookup found nothing for ${typed}`);
  }
  results.contacts_phone_lookup_p95_ms_1m = round(p(lookupMs, 0.95));

  const total = (await call(e, 'contacts/search', {})).total;
  const pageMs: number[] = [];
  for (let i = 0; i < 200; i++) {
    const offset = Math.floor(r() * (total - 100));
    const t0 = performance.now();
    await call(e, 'contacts/search', { offset, limit: 100 });
    pageMs.push(performance.now() - t0);
  }
  results.contacts_list_page_p95_ms_1m = round(p(pageMs, 0.95), 2);
  e.close();
}

// The cold-cheque figure is measured in a fresh process of this same script (cheque.bench.ts).
const coldDir = process.env[COLD_CHILD_ENV];
(coldDir ? chequeColdChild(coldDir) : main()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
