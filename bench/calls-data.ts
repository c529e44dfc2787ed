/**
 * The 5,000,000-call log of the call benchmarks, generated once into bench/.cache/calls-5m (READY
 * marker, like the 1M phonebook) and deterministic (seeded).
 *
 * Written with plain SQL in big transactions through the real schema (the engine opens the folder, so
 * every migration and trigger applies), chronologically, as the engine would have written it:
 * - three Jalali years, 1402/01/01–1404/12/29 (2023-03-21 … 2026-03-20), office time zone Asia/Tehran;
 *   Saturday–Wednesday full days, Thursday about half, Friday almost nothing, Nowruz quiet, +30% over the
 *   three years, peaks at 9–12 and 14–16;
 * - 82% incoming (20% of them missed, 4% to the IVR, 5% withheld or without caller ID), 18% outgoing,
 *   half of which call back a recent missed number; "returned" is set exactly as the engine's
 *   markReturned does (a later answered call with the number);
 * - 50,000 numbers (62% mobiles, the rest Tehran and other landlines; a local call often arrives
 *   without the area code, a mobile sometimes without its 0) drawn with a Zipf–Mandelbrot skew, so a
 *   few partners call dozens of times a day and most numbers a handful of times in three years;
 * - two lines (70/30), and 10,000 contacts imported through the real import path: the 3,000 most
 *   frequent numbers and 7,000 others, so reports and the log show matched contacts.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toJalaali } from 'jalaali-js';
import { localDayHour } from '../src/main/calls/calls.service';
import { createEngine } from '../src/main/engine/engine';
import { IRAN_TEHRAN, normalizePhone } from '../src/shared/text/phone';
import { call } from './bench-util';
import { contacts, rng, vcard } from './generate';

/** Bump when the generated data changes: a cached log of another version is generated again. */
const VERSION = 'calls-5m v2';
export const CALL_LOG = {
  calls: 5_000_000,
  numbers: 50_000,
  firstDay: '2023-03-21',
  lastDay: '2026-03-20',
  lines: [
    { id: 1, name: 'خط ۱' },
    { id: 2, name: 'خط ۲' },
  ],
} as const;

/** The generated phone numbers, most frequent first: what the network sends, and the normalised key. */
export type GenNumber = { full: string; local: string | null; key: string; name: string };

const HOUR_WEIGHT = [2, 1, 1, 1, 1, 2, 5, 20, 70, 120, 130, 120, 90, 60, 90, 90, 70, 45, 25, 12, 8, 6, 4, 3];
const CALLER_NAMES = ['ALI REZAEI', 'PARS ONLINE', 'M KARIMI', 'SINA PHARMA', 'ARIA TRADING', 'BAHAR FOOD', 'H MOUSAVI', 'ALBORZ CO'];

export function generatedNumbers(): GenNumber[] {
  const r = rng(501);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const seen = new Set<string>();
  const out: GenNumber[] = [];
  while (out.length < CALL_LOG.numbers) {
    const kind = r();
    let full: string;
    let local: string | null = null;
    if (kind < 0.62) full = `09${[10, 11, 12, 13, 14, 15, 19, 30, 33, 35, 36, 37, 38, 39, 90, 91, 92, 93, 99][Math.floor(r() * 19)]}${digits(7)}`;
    else if (kind < 0.95) {
      local = `${2 + Math.floor(r() * 7)}${digits(7)}`;
      full = `021${local}`;
    } else full = `0${['31', '51', '71', '41', '61', '11', '26'][Math.floor(r() * 7)]}${digits(8)}`;
    if (seen.has(full)) continue;
    seen.add(full);
    const name = r() < 0.08 ? CALLER_NAMES[Math.floor(r() * CALLER_NAMES.length)]! : '';
    out.push({ full, local, key: normalizePhone(full, IRAN_TEHRAN)!.key, name });
  }
  return out;
}

/** Zipf–Mandelbrot over ranks: p(r) ∝ 1 / (r + 4)^1.05. Returns a sampler of 0-based ranks. */
function zipf(n: number, r: () => number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += 1 / Math.pow(i + 5, 1.05);
  return () => {
    const u = r() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** The days of the log with their share of the calls. */
function days(): { y: number; m: number; d: number; weight: number }[] {
  const r = rng(502);
  const out: { y: number; m: number; d: number; weight: number }[] = [];
  const first = Date.parse(`${CALL_LOG.firstDay}T00:00:00Z`);
  const last = Date.parse(`${CALL_LOG.lastDay}T00:00:00Z`);
  for (let t = first; t <= last; t += 86_400_000) {
    const g = new Date(t);
    const y = g.getUTCFullYear();
    const m = g.getUTCMonth() + 1;
    const d = g.getUTCDate();
    const weekday = g.getUTCDay(); // 4 Thursday, 5 Friday
    const j = toJalaali(y, m, d);
    let w = weekday === 5 ? 0.06 : weekday === 4 ? 0.45 : 1;
    if (j.jm === 1 && j.jd <= 13) w *= 0.15; // Nowruz
    w *= (1 + 0.3 * ((t - first) / (last - first))) * (0.85 + 0.3 * r());
    out.push({ y, m, d, weight: w });
  }
  return out;
}

/** Generates the log into dir (if not cached already) and returns dir. Logs progress to the console. */
export async function ensureCallLog(cache: string): Promise<string> {
  const dir = path.join(cache, 'calls-5m');
  const ready = path.join(dir, 'READY');
  if (existsSync(ready) && readFileSync(ready, 'utf8').startsWith(VERSION)) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  console.log(`Generating ${CALL_LOG.calls.toLocaleString('en')} calls (once; cached in bench/.cache/calls-5m)…`);
  const t0 = Date.now();
  const e = createEngine({ dataDir: dir, noLines: true });
  const numbers = generatedNumbers();
  await importContacts(e, numbers);
  const db = e.db;
  for (const l of CALL_LOG.lines) {
    db.prepare("INSERT INTO lines (id, name, kind, port, enabled, created_at) VALUES (?, ?, 'modem', ?, 0, ?)").run(
      l.id,
      l.name,
      `/dev/ttyACM${l.id - 1}`,
      `${CALL_LOG.firstDay}T00:00:00.000Z`,
    );
  }
  // A generated log is not an office's work: written unseen by the audit trail (an import is not either).
  db.prepare('UPDATE audit_state SET capture = 0').run();
  writeCalls(e.db, numbers, (n) => console.log(`  ${n.toLocaleString('en')} calls (${((Date.now() - t0) / 1000).toFixed(0)} s)`));
  db.prepare('UPDATE audit_state SET capture = 1').run();
  // No ANALYZE: the app never runs it, so the benchmark plans what an office's database plans.
  db.pragma('wal_checkpoint(TRUNCATE)');
  await e.close();
  writeFileSync(ready, `${VERSION}\n${new Date().toISOString()}\n`);
  console.log(`  done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  return dir;
}

async function importContacts(e: ReturnType<typeof createEngine>, numbers: GenNumber[]): Promise<void> {
  const r = rng(503);
  const chosen = new Set<number>();
  for (let i = 0; i < 3000; i++) chosen.add(i);
  while (chosen.size < 10_000) chosen.add(3000 + Math.floor(r() * (numbers.length - 3000)));
  const people = contacts(chosen.size, 504);
  const cards: string[] = [];
  for (const i of chosen) {
    const c = people.next().value!;
    const n = numbers[i]!;
    cards.push(vcard(n.full.startsWith('09') ? { ...c, mobile: n.full, work: null } : { ...c, work: n.full }));
  }
  const preview = await call(e, 'io/import-preview', { fileName: 'contacts.vcf', base64: Buffer.from(cards.join(''), 'utf8').toString('base64') });
  await call(e, 'io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
}

type Pending = { id: number; started: number };

function writeCalls(db: ReturnType<typeof createEngine>['db'], numbers: GenNumber[], progress: (n: number) => void): void {
  const r = rng(505);
  const rank = zipf(numbers.length, r);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const talk = () => Math.min(5400, Math.round(Math.exp(Math.log(75) + 0.9 * gauss())));
  const hourCdf: number[] = [];
  HOUR_WEIGHT.reduce((s, w) => (hourCdf.push(s + w), s + w), 0);
  const hourSum = hourCdf[23]!;
  const pickHour = () => {
    const u = r() * hourSum;
    return hourCdf.findIndex((c) => c > u);
  };

  const insert = db.prepare(
    `INSERT INTO calls (id, line_id, line_name, direction, outcome, started_at, local_day, local_hour, ring_ms,
     answered_at, ended_at, duration_s, number_raw, number_key, caller_name, absence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const returned = db.prepare('UPDATE calls SET returned_at = ? WHERE id = ?');
  const pending = new Map<number, Pending[]>();
  let callbacks: { n: number; started: number }[] = [];
  let id = 0;

  const markReturned = (n: number, at: number) => {
    const list = pending.get(n);
    if (!list) return;
    const left = list.filter((p) => p.started >= at);
    for (const p of list) if (p.started < at) returned.run(at, p.id);
    if (left.length) pending.set(n, left);
    else pending.delete(n);
  };

  const all = days();
  const total = all.reduce((s, d) => s + d.weight, 0);
  let cum = 0;
  let written = 0;
  const tx = db.transaction((batch: { y: number; m: number; d: number; weight: number }[]) => {
    for (const day of batch) {
      const before = Math.round((cum / total) * CALL_LOG.calls);
      cum += day.weight;
      const count = Math.round((cum / total) * CALL_LOG.calls) - before;
      const midnight = new Date(day.y, day.m - 1, day.d).getTime();
      const times: number[] = [];
      for (let i = 0; i < count; i++) times.push(midnight + pickHour() * 3_600_000 + Math.floor(r() * 3_600_000));
      times.sort((a, b) => a - b);
      callbacks = callbacks.filter((c) => c.started > midnight - 2 * 86_400_000 && pending.has(c.n));
      for (const started of times) {
        id++;
        const { day: localDay, hour } = localDayHour(started);
        const line = CALL_LOG.lines[r() < 0.7 ? 0 : 1]!;
        if (r() < 0.18) {
          // Outgoing: half call back a recent missed number, as typed from the log.
          const back = r() < 0.5 ? callbacks.shift() : undefined;
          const n = back && pending.has(back.n) ? back.n : rank();
          const num = numbers[n]!;
          const o = r();
          const outcome = o < 0.72 ? 'answered' : o < 0.86 ? 'no-answer' : o < 0.95 ? 'busy' : 'failed';
          const ring = 4000 + Math.floor(r() * 20_000);
          const answered = outcome === 'answered' ? started + ring : null;
          const duration = answered ? talk() : 0;
          insert.run(
            id,
            line.id,
            line.name,
            'out',
            outcome,
            started,
            localDay,
            hour,
            ring,
            answered,
            (answered ?? started + ring) + duration * 1000,
            duration,
            num.full,
            num.key,
            '',
            null,
          );
          if (answered) markReturned(n, answered);
          continue;
        }
        const a = r();
        const absence = a < 0.03 ? 'private' : a < 0.04 ? 'unavailable' : a < 0.05 ? 'none' : null;
        const n = absence ? -1 : rank();
        const num = n >= 0 ? numbers[n]! : null;
        const raw = !num ? '' : num.local && r() < 0.4 ? num.local : num.full.startsWith('09') && r() < 0.15 ? num.full.slice(1) : num.full;
        const o = r();
        const outcome = o < 0.2 ? 'missed' : o < 0.24 ? 'ivr' : 'answered';
        const ring = outcome === 'missed' ? 8000 + Math.floor(r() * 37_000) : 2000 + Math.floor(r() * 18_000);
        const answered = outcome === 'missed' ? null : started + ring;
        const duration = outcome === 'answered' ? talk() : outcome === 'ivr' ? 10 + Math.floor(r() * 80) : 0;
        insert.run(
          id,
          line.id,
          line.name,
          'in',
          outcome,
          started,
          localDay,
          hour,
          ring,
          answered,
          (answered ?? started + ring) + duration * 1000,
          duration,
          raw,
          num?.key ?? '',
          num?.name ?? '',
          absence,
        );
        if (n < 0) continue;
        if (outcome === 'missed') {
          const list = pending.get(n) ?? [];
          list.push({ id, started });
          pending.set(n, list);
          callbacks.push({ n, started });
        } else if (answered) markReturned(n, answered);
      }
      written += count;
    }
  });
  for (let i = 0; i < all.length; i += 30) {
    tx(all.slice(i, i + 30));
    if (Math.floor(i / 30) % 6 === 5) progress(written);
  }
  progress(written);
}
