/**
 * Call benchmarks (`npm run bench`, or only these with `BENCH=calls npm run bench`):
 *
 * - cid_to_event_*: caller ID to the popup event over the real path. The modem simulator is served on
 *   a real pseudo-terminal (koffi), the engine's 'modem' line opens the pty slave with the real
 *   serialport and runs the real V.253 driver, and the engine writes the call log on a real SQLite
 *   file (10,000 contacts, so the card is looked up) before it emits 'call/incoming'.
 *   Measured: from the simulator handing the caller-ID block (DATE/TIME/NMBR/NAME lines, one write) to
 *   the pty — a listener on the simulator's output, called just before the pty write is queued — until
 *   the engine's subscriber receives 'call/incoming'; both clocks are performance.now() in this one
 *   process. It includes the pty/kernel hop, serialport's read, the AT channel, the caller-ID
 *   assembler, the database writes and the card. Calls carry a name (MDMF), so the assembler commits
 *   on the NAME line: a caller ID without a name is committed at the next RING or 500 ms after its
 *   last line (the caller-ID protocol gives no end marker), which this figure does not include.
 *   The ring cadence is shortened (100 ms on, 200 ms off) so 200 calls take about two minutes; the
 *   measured path does not depend on it.
 * - call_report_*_5m, calls_list_*_5m, caller_card_*_5m: the engine's requests over the cached
 *   5,000,000-call log of calls-data.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { jalaaliMonthLength, toGregorian } from 'jalaali-js';
import { createEngine, type Engine } from '../src/main/engine/engine';
import type { LineFactory } from '../src/main/lines/lines.service';
import { createVoiceModemLine, ModemSimulator, serialTransport, serveSimulatorOnPty } from '../src/telephony';
import { call, nextEvent, p, round } from './bench-util';
import { CALL_LOG, ensureCallLog, generatedNumbers, type GenNumber } from './calls-data';
import { rng } from './generate';

const RINGS = 200;
const WARM_UP_RINGS = 10;

export async function cidToEvent(numbers: GenNumber[]): Promise<Record<string, number>> {
  // Start from a clean heap: garbage the phonebook benchmarks left is not the popup's cost.
  (globalThis as { gc?: () => void }).gc?.();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monshi-bench-cid-'));
  const sim = new ModemSimulator({ profile: 'conexant', ringOnMs: 100, ringOffMs: 200 });
  // Registered before the pty server's listener: called synchronously in the simulator's send(), just
  // before the bytes are queued to the pty master.
  let cidWrittenAt = 0;
  sim.onData((bytes) => {
    if (bytes.includes('NMBR')) cidWrittenAt = performance.now();
  });
  const server = await serveSimulatorOnPty(sim);
  // The production factory with a short ring timeout (the simulated caller gives up after one ring),
  // plus two timestamps for the breakdown: the first bytes serialport hands over after the caller ID
  // was written, and the driver's 'caller-id' event (listeners registered before the driver's and the
  // engine's own, so they stamp before any of their work).
  let readAt = 0;
  let parsedAt = 0;
  const factory: LineFactory = (row) => {
    const open = serialTransport(row.port);
    const stamped = async () => {
      const t = await open();
      t.onData(() => {
        if (cidWrittenAt && !readAt) readAt = performance.now();
      });
      return t;
    };
    const line = createVoiceModemLine({ id: `line-${row.id}`, port: row.port, open: stamped, callerIdMode: row.caller_id_mode, ringTimeoutMs: 400 });
    line.on('caller-id', () => (parsedAt = performance.now()));
    return { lines: [line], sim: null };
  };
  const e = createEngine({ dataDir: dir, lineFactory: factory });
  try {
    const cards = numbers.slice(0, 200).map((n, i) => `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Caller ${i}\r\nTEL;TYPE=CELL:${n.full}\r\nEND:VCARD\r\n`);
    const preview = await call(e, 'io/import-preview', { fileName: 'c.vcf', base64: Buffer.from(cards.join(''), 'utf8').toString('base64') });
    await call(e, 'io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
    const idle = nextEvent(e, 'idle line', (ev) => ev.name === 'lines/status' && ev.payload.status === 'idle', 15_000);
    const line = await call(e, 'lines/create', { name: 'USB', kind: 'modem', port: server.path() });
    await idle;
    const r = rng(11);
    const ms: number[] = [];
    const parts = { pty: [] as number[], driver: [] as number[], engine: [] as number[] };
    for (let i = 0; i < WARM_UP_RINGS + RINGS; i++) {
      // Half the callers are in the phonebook.
      const n = r() < 0.5 ? numbers[Math.floor(r() * 200)]! : numbers[1000 + Math.floor(r() * 40_000)]!;
      cidWrittenAt = readAt = parsedAt = 0;
      let at = 0;
      const incoming = nextEvent(e, `call/incoming (call ${i})`, (ev) => {
        if (ev.name !== 'call/incoming') return false;
        at = performance.now();
        return true;
      });
      const missed = nextEvent(e, `missed (call ${i})`, (ev) => ev.name === 'call/updated' && ev.payload.call.outcome === 'missed');
      sim.ring({ number: n.full, name: 'CALLER', format: 'mdmf', rings: 1 });
      const ev = await incoming;
      if (ev.name !== 'call/incoming' || ev.payload.call.numberRaw !== n.full || ev.payload.call.lineId !== line.id)
        throw new Error('unexpected call/incoming');
      if (cidWrittenAt === 0) throw new Error('the caller ID was not seen on the simulator side');
      if (i >= WARM_UP_RINGS) {
        ms.push(at - cidWrittenAt);
        parts.pty.push(readAt - cidWrittenAt);
        parts.driver.push(parsedAt - readAt);
        parts.engine.push(at - parsedAt);
      }
      await missed;
    }
    const fmt = (xs: number[]) => `p50 ${p(xs, 0.5).toFixed(2)} ms, p95 ${p(xs, 0.95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms`;
    console.log(`  caller ID → call/incoming over ${RINGS} calls: ${fmt(ms)}`);
    console.log(`    simulator write → serialport read: ${fmt(parts.pty)}`);
    console.log(`    serialport read → driver's caller-id: ${fmt(parts.driver)}`);
    console.log(`    driver's caller-id → engine's call/incoming: ${fmt(parts.engine)}`);
    return { cid_to_event_p95_ms: round(p(ms, 0.95), 2), cid_to_event_max_ms: round(Math.max(...ms), 2) };
  } finally {
    await e.close();
    await server.close();
    sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

type Range = { kind: string; from: string; to: string; lineId: number | null };

const iso = (g: { gy: number; gm: number; gd: number }) => `${g.gy}-${String(g.gm).padStart(2, '0')}-${String(g.gd).padStart(2, '0')}`;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** About 100 report ranges as the report screen asks for them: Jalali months, weeks, years, everything. */
function reportRanges(): { warmUp: Range[]; measured: Range[] } {
  const r = rng(21);
  const line = () => CALL_LOG.lines[Math.floor(r() * CALL_LOG.lines.length)]!.id;
  const month = (jy: number, jm: number, lineId: number | null): Range => ({
    kind: 'month',
    from: iso(toGregorian(jy, jm, 1)),
    to: iso(toGregorian(jy, jm, jalaaliMonthLength(jy, jm))),
    lineId,
  });
  const days = (Date.parse(`${CALL_LOG.lastDay}T00:00:00Z`) - Date.parse(`${CALL_LOG.firstDay}T00:00:00Z`)) / 86_400_000;
  // 2023-03-25 is a Saturday, the first day of the Iranian week.
  const week = (lineId: number | null): Range => {
    const from = addDays('2023-03-25', 7 * Math.floor(r() * Math.floor(days / 7)));
    return { kind: 'week', from, to: addDays(from, 6), lineId };
  };
  const jalaliYear = (jy: number, lineId: number | null): Range => ({
    kind: 'year',
    from: iso(toGregorian(jy, 1, 1)),
    to: addDays(iso(toGregorian(jy + 1, 1, 1)), -1),
    lineId,
  });
  const lastYear = (): Range => {
    const to = addDays(CALL_LOG.firstDay, 365 + Math.floor(r() * (days - 365)));
    return { kind: 'year', from: addDays(to, -364), to, lineId: null };
  };
  const measured: Range[] = [];
  for (let jy = 1402; jy <= 1404; jy++) for (let jm = 1; jm <= 12; jm++) measured.push(month(jy, jm, null));
  for (let i = 0; i < 30; i++) measured.push(week(null));
  for (let jy = 1402; jy <= 1404; jy++) measured.push(jalaliYear(jy, null));
  for (let i = 0; i < 9; i++) measured.push(lastYear());
  measured.push(
    { kind: 'all', from: CALL_LOG.firstDay, to: CALL_LOG.lastDay, lineId: null },
    { kind: 'all', from: '2023-01-01', to: '2026-12-31', lineId: null },
  );
  measured.push({ kind: 'all', from: '2022-03-21', to: '2026-03-20', lineId: null }, { kind: 'all', from: CALL_LOG.firstDay, to: '2026-06-30', lineId: null });
  for (let i = 0; i < 6; i++) measured.push(month(1402 + Math.floor(r() * 3), 1 + Math.floor(r() * 12), line()));
  for (let i = 0; i < 6; i++) measured.push(week(line()));
  for (let jy = 1402; jy <= 1404; jy++) measured.push(jalaliYear(jy, line()));
  for (let i = 0; i < 3; i++) measured.push({ kind: 'all', from: CALL_LOG.firstDay, to: CALL_LOG.lastDay, lineId: line() });
  // Shuffled, so no kind runs on pages the previous query of the same kind just read.
  for (let i = measured.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [measured[i], measured[j]] = [measured[j]!, measured[i]!];
  }
  const warmUp = [
    month(1403, 5, null),
    week(null),
    jalaliYear(1402, null),
    { kind: 'all', from: CALL_LOG.firstDay, to: CALL_LOG.lastDay, lineId: null },
    month(1404, 2, 1),
  ];
  return { warmUp, measured };
}

async function reports(e: Engine): Promise<Record<string, number>> {
  const { warmUp, measured } = reportRanges();
  for (const q of warmUp) await call(e, 'calls/report', q);
  const ms: number[] = [];
  const byKind = new Map<string, number[]>();
  for (const q of measured) {
    const t0 = performance.now();
    await call(e, 'calls/report', { from: q.from, to: q.to, lineId: q.lineId });
    const t = performance.now() - t0;
    ms.push(t);
    const k = `${q.kind}${q.lineId ? ' (one line)' : ''}`;
    byKind.set(k, [...(byKind.get(k) ?? []), t]);
  }
  console.log(`  calls/report over ${measured.length} ranges:`);
  console.table([...byKind].map(([kind, xs]) => ({ kind, n: xs.length, p50: round(p(xs, 0.5), 1), max: round(Math.max(...xs), 1) })));
  return { call_report_p95_ms_5m: round(p(ms, 0.95), 1), call_report_max_ms_5m: round(Math.max(...ms), 1) };
}

async function lists(e: Engine, numbers: GenNumber[]): Promise<Record<string, number>> {
  const contactOf = (key: string) => e.db.prepare<[string], number>('SELECT contact_id FROM contact_phones WHERE phone_key = ? LIMIT 1').pluck().get(key);
  const month = { from: iso(toGregorian(1403, 9, 1)), to: iso(toGregorian(1403, 9, jalaaliMonthLength(1403, 9))) };
  const filters: [string, Record<string, unknown>][] = [
    ['a Jalali month', month],
    ['missed', { direction: 'in', outcome: 'missed' }],
    ['unreturned', { unreturned: true }],
    ['outgoing in a month', { ...month, direction: 'out' }],
    ['line 2', { lineId: 2 }],
    ['a frequent contact', { contactId: contactOf(numbers[3]!.key) }],
    ['a rare contact', { contactId: contactOf(numbers[3000 + 1]!.key) ?? contactOf(numbers[2999]!.key) }],
    ['typed number (frequent)', { text: numbers[5]!.full }],
    // A substring match over every number of the log: a number that rarely calls is a full scan.
    ['typed number (rare)', { text: numbers[40_000]!.full }],
    ['typed name', { text: 'PARS' }],
  ];
  const first = { offset: 0, limit: 100 };
  for (let i = 0; i < 5; i++) await call(e, 'calls/list', first);
  const plain: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t0 = performance.now();
    await call(e, 'calls/list', first);
    plain.push(performance.now() - t0);
  }
  const filtered: number[] = [];
  const rows: { filter: string; total: number; p50: number; max: number }[] = [];
  for (const [name, f] of filters) {
    const xs: number[] = [];
    let total = 0;
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      total = (await call(e, 'calls/list', { ...f, ...first })).total;
      if (i > 0) xs.push(performance.now() - t0); // the first run warms the pages of this filter
    }
    filtered.push(...xs);
    rows.push({ filter: name, total, p50: round(p(xs, 0.5), 1), max: round(Math.max(...xs), 1) });
  }
  console.log('  calls/list, first page of 100, with filters:');
  console.table(rows);
  return { calls_list_page_p95_ms_5m: round(p(plain, 0.95), 2), calls_list_page_filtered_p95_ms_5m: round(p(filtered, 0.95), 2) };
}

/** The popup's card for callers drawn as they call (frequent numbers most often). */
async function cards(e: Engine, numbers: GenNumber[]): Promise<Record<string, number>> {
  const r = rng(31);
  const ms: number[] = [];
  for (let i = 0; i < 220; i++) {
    const n = numbers[Math.min(numbers.length - 1, Math.floor(Math.pow(r(), 3) * numbers.length))]!;
    const t0 = performance.now();
    await call(e, 'calls/caller-card', { number: n.full });
    if (i >= 20) ms.push(performance.now() - t0);
  }
  return { caller_card_p95_ms_5m: round(p(ms, 0.95), 2) };
}

/** Runs every call benchmark; returns the named figures for bench/results.json. */
export async function callsBench(cache: string): Promise<Record<string, number>> {
  // The office's time zone: local days and hours of the generated log, Jalali months on local days.
  process.env.TZ = 'Asia/Tehran';
  const numbers = generatedNumbers();
  const results: Record<string, number> = {};
  Object.assign(results, await cidToEvent(numbers));
  const dir = await ensureCallLog(cache);
  // The first open may migrate a log cached by an older schema (filling the running totals).
  let t0 = performance.now();
  await createEngine({ dataDir: dir }).close();
  console.log(`  first engine open on the 5M-call log: ${(performance.now() - t0).toFixed(0)} ms`);
  const opens: number[] = [];
  for (let i = 0; i < 3; i++) {
    t0 = performance.now();
    const e = createEngine({ dataDir: dir });
    await call(e, 'settings/get', {});
    opens.push(performance.now() - t0);
    await e.close();
  }
  results.startup_ms_5m_calls = round(p(opens, 0.5), 1);
  const e = createEngine({ dataDir: dir });
  try {
    Object.assign(results, await reports(e));
    Object.assign(results, await lists(e, numbers));
    Object.assign(results, await cards(e, numbers));
  } finally {
    await e.close();
  }
  return results;
}
