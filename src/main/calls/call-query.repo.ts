/**
 * Reading the call log: filtered lists and the reports. Everything is bounded by a date range on
 * indexed columns; the report's counts come from running totals (call-stats.repo.ts); contacts are
 * matched through contact_phones by number key when read.
 */
import type { CallOutcome, CallReport } from '../../shared/contract/calls';
import type { Db } from '../db/database';
import type { CallDbRow } from './calls.repo';
import { createCallStatsRepo, type CallStatsOptions } from './call-stats.repo';

export type CallFilter = {
  fromDay: string | null;
  toDay: string | null;
  direction: 'in' | 'out' | null;
  outcome: CallOutcome | null;
  unreturned: boolean;
  lineId: number | null;
  /** Calls from/to any of these number keys (a contact's phones, or a typed number). */
  numberKeys: string[] | null;
  /** Digits that must appear in the number, or text in the caller's name. */
  digits: string;
  nameLike: string;
};

/**
 * Typed digits resolved through call_number_forms (migration 0010): the keys of the numbers that
 * contain them in any logged form, and the raw forms that have no key. null when too many numbers
 * match — then the digits are tested on the calls themselves, and so many matches come early in the
 * log's own order.
 */
type DigitMatches = { keys: string[]; raws: string[] } | null;

/**
 * A typed name resolved through call_caller_names (migration 0015): every caller name logged that
 * contains it (LIKE, as before). null when too many do — then the names are tested on the calls.
 */
type NameMatches = string[] | null;
const MAX_NAMES = 400;

/** Above this many matching numbers the calls are scanned instead (a key list that long gains nothing). */
const MAX_DIGIT_NUMBERS = 400;

/**
 * The instants a local day can hold in any time zone (UTC−12 to UTC+14): local_day was computed from
 * started_at, so these bounds are implied by the day range and only let the planner read the range of
 * calls_started instead of sorting every call of the range (a month: ~140,000 calls on a busy log).
 */
const HOUR = 3_600_000;
export const earliestOf = (day: string) => Date.parse(`${day}T00:00:00Z`) - 14 * HOUR;
export const latestBefore = (day: string) => Date.parse(`${day}T00:00:00Z`) + 36 * HOUR;

function where(f: CallFilter, matches: DigitMatches = null, names: NameMatches = null): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (f.fromDay) {
    parts.push('local_day >= ? AND started_at >= ?');
    params.push(f.fromDay, earliestOf(f.fromDay));
  }
  if (f.toDay) {
    parts.push('local_day <= ? AND started_at < ?');
    params.push(f.toDay, latestBefore(f.toDay));
  }
  if (f.direction) {
    parts.push('direction = ?');
    params.push(f.direction);
  }
  if (f.outcome) {
    parts.push('outcome = ?');
    params.push(f.outcome);
  }
  if (f.unreturned) parts.push("outcome = 'missed' AND returned_at IS NULL");
  if (f.lineId) {
    parts.push('line_id = ?');
    params.push(f.lineId);
  }
  const or: string[] = [];
  const keys = [...(f.numberKeys ?? []), ...(f.digits && matches ? matches.keys : [])];
  if (keys.length) {
    or.push(`number_key IN (${keys.map(() => '?').join(',')})`);
    params.push(...keys);
  }
  if (f.digits && matches && matches.raws.length) {
    or.push(`(number_key = '' AND number_raw IN (${matches.raws.map(() => '?').join(',')}))`);
    params.push(...matches.raws);
  }
  if (f.digits && !matches) {
    or.push('instr(number_key, ?) > 0 OR instr(number_raw, ?) > 0');
    params.push(f.digits, f.digits);
  }
  if (f.nameLike && names) {
    // The names found in call_caller_names are exactly those the LIKE would match; read by index.
    if (names.length) {
      or.push(`(caller_name <> '' AND caller_name IN (${names.map(() => '?').join(',')}))`);
      params.push(...names);
    }
  } else if (f.nameLike) {
    or.push('caller_name LIKE ?');
    params.push(`%${f.nameLike}%`);
  }
  if (or.length) parts.push(`(${or.join(' OR ')})`);
  else if (f.numberKeys || f.digits || f.nameLike) parts.push('0'); // a contact without phones, or digits no number has, match no call
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function createCallQueryRepo(db: Db, statsOptions: CallStatsOptions = {}) {
  const stats = createCallStatsRepo(db, statsOptions);
  const contactOf = db.prepare<[string], { id: number; display_name: string }>(
    'SELECT c.id, c.display_name FROM contact_phones p JOIN contacts c ON c.id = p.contact_id WHERE p.phone_key = ? ORDER BY c.sort_key LIMIT 1',
  );
  const phoneKeys = db
    .prepare<[number], string>("SELECT phone_key FROM contact_phones WHERE contact_id = ? AND phone_key IS NOT NULL AND phone_key <> ''")
    .pluck();
  const groupsOf = db.prepare<[number], { id: number; name: string; color: string }>(
    'SELECT g.id, g.name, g.color FROM contact_groups cg JOIN groups g ON g.id = cg.group_id WHERE cg.contact_id = ? ORDER BY g.name',
  );
  const byNumber = db.prepare<[string, number], CallDbRow>('SELECT * FROM calls WHERE number_key = ? ORDER BY started_at DESC LIMIT ?');
  const countByNumber = db.prepare<[string], number>('SELECT COUNT(*) FROM calls WHERE number_key = ?').pluck();
  const keysWithDigits = db
    .prepare<[string, string, number], string>(
      "SELECT DISTINCT number_key FROM call_number_forms WHERE number_key <> '' AND (instr(number_key, ?) > 0 OR instr(number_raw, ?) > 0) LIMIT ?",
    )
    .pluck();
  const rawsWithDigits = db
    .prepare<[string, number], string>("SELECT number_raw FROM call_number_forms WHERE number_key = '' AND instr(number_raw, ?) > 0 LIMIT ?")
    .pluck();
  function digitMatches(digits: string): DigitMatches {
    if (!digits) return null;
    const keys = keysWithDigits.all(digits, digits, MAX_DIGIT_NUMBERS + 1);
    const raws = rawsWithDigits.all(digits, MAX_DIGIT_NUMBERS + 1);
    return keys.length > MAX_DIGIT_NUMBERS || raws.length > MAX_DIGIT_NUMBERS ? null : { keys, raws };
  }
  const namesLike = db.prepare<[string, number], string>('SELECT caller_name FROM call_caller_names WHERE caller_name LIKE ? LIMIT ?').pluck();
  function nameMatches(text: string): NameMatches {
    if (!text) return null;
    const names = namesLike.all(`%${text}%`, MAX_NAMES + 1);
    return names.length > MAX_NAMES ? null : names;
  }
  return {
    contactOf: (key: string) => (key ? contactOf.get(key) : undefined),
    /** Normalised keys of a contact's phones. */
    phoneKeysOf: (contactId: number) => phoneKeys.all(contactId),
    /** A contact's groups, for the caller card. */
    groupsOf: (contactId: number) => groupsOf.all(contactId),
    lastCallsOf: (key: string, limit: number) => byNumber.all(key, limit),
    callCountOf: (key: string) => stats.callCountOf(key) ?? countByNumber.get(key) ?? 0,
    list(f: CallFilter, offset: number, limit: number): { rows: CallDbRow[]; total: number } {
      const w = where(f, digitMatches(f.digits), nameMatches(f.nameLike));
      const rows = db
        .prepare<unknown[], CallDbRow>(`SELECT * FROM calls ${w.sql} ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?`)
        .all(...w.params, limit, offset);
      // Counting stops early on huge logs: the UI shows "10,000+".
      const total =
        db
          .prepare<unknown[], number>(`SELECT COUNT(*) FROM (SELECT 1 FROM calls ${w.sql} LIMIT 10001)`)
          .pluck()
          .get(...w.params) ?? 0;
      return { rows, total };
    },
    /** Totals, per day and per hour of a range (running totals of migration 0004). */
    totals: stats.totals,
    topCallers: stats.topCallers,
    unreturned(fromDay: string, toDay: string, lineId: number | null, limit: number): CallDbRow[] {
      const line = lineId ? 'AND line_id = ?' : '';
      const days = [fromDay, toDay, earliestOf(fromDay), latestBefore(toDay)];
      const params = lineId ? [...days, lineId, limit] : [...days, limit];
      return db
        .prepare<unknown[], CallDbRow>(
          // Named: without statistics the planner prefers calls_report and sorts every call of the range.
          // id DESC keeps ties in the order the plain started_at index gave them. The started_at bounds
          // (implied by the days) make it a range of the index, not a walk from the newest call back.
          `SELECT * FROM calls INDEXED BY calls_unreturned_by_day
           WHERE outcome = 'missed' AND returned_at IS NULL AND local_day BETWEEN ? AND ? AND started_at >= ? AND started_at < ? ${line}
           ORDER BY started_at DESC, id DESC LIMIT ?`,
        )
        .all(...params);
    },
  };
}

export type CallReportParts = Pick<CallReport, 'totals' | 'perDay' | 'perHour'>;
