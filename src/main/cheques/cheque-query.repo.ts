/**
 * SQL of the cheque search and reports: one WHERE clause built from the filter (every value bound,
 * never spliced), used by the list, its totals, and the report's groupings.
 */
import { BANK_CODES } from '../../shared/contract/banks';
import type { ChequeDirection, ChequeStatus } from '../../shared/contract/cheques';
import { foldForSearch, searchWords } from '../../shared/text/normalize';
import type { Db } from '../db/database';
import type { ChequeRowDb } from './cheques.repo';

/** The filter after zod (defaults filled). */
export type ChequeFilterParsed = {
  direction: ChequeDirection | null;
  guarantee: boolean | null;
  statuses: ChequeStatus[];
  registeredFrom: string | null;
  registeredTo: string | null;
  dueFrom: string | null;
  dueTo: string | null;
  amountMin: number | null;
  amountMax: number | null;
  contactId: number | null;
  person: string;
  bank: string;
  text: string;
};
export type ListRowDb = ChequeRowDb & { image_count: number };

/** LIKE pattern of a word, with LIKE's own characters escaped. */
const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const words = (text: string) => searchWords(foldForSearch(text));

export function whereOf(f: ChequeFilterParsed): { sql: string; params: Record<string, string | number> } {
  const parts: string[] = [];
  const params: Record<string, string | number> = {};
  const add = (sql: string, values: Record<string, string | number> = {}) => {
    parts.push(sql);
    Object.assign(params, values);
  };
  if (f.direction) add('c.direction = @direction', { direction: f.direction });
  if (f.guarantee !== null) add('c.guarantee = @guarantee', { guarantee: f.guarantee ? 1 : 0 });
  if (f.statuses.length > 0) add('c.status IN (SELECT value FROM json_each(@statuses))', { statuses: JSON.stringify(f.statuses) });
  if (f.registeredFrom) add('c.created_on >= @registeredFrom', { registeredFrom: f.registeredFrom });
  if (f.registeredTo) add('c.created_on <= @registeredTo', { registeredTo: f.registeredTo });
  if (f.dueFrom) add('c.due_date >= @dueFrom', { dueFrom: f.dueFrom });
  if (f.dueTo) add('c.due_date <= @dueTo', { dueTo: f.dueTo });
  if (f.amountMin !== null) add('c.amount >= @amountMin', { amountMin: f.amountMin });
  if (f.amountMax !== null) add('c.amount <= @amountMax', { amountMax: f.amountMax });
  if (f.contactId !== null) add('c.contact_id = @contactId', { contactId: f.contactId });
  const bank = f.bank.trim();
  if ((BANK_CODES as readonly string[]).includes(bank)) add('c.bank_code = @bankCode', { bankCode: bank });
  else words(bank).forEach((w, i) => add(`c.bank_key LIKE @bank${i} ESCAPE '\\'`, { [`bank${i}`]: like(w) }));
  words(f.person).forEach((w, i) => add(`c.party_key LIKE @person${i} ESCAPE '\\'`, { [`person${i}`]: like(w) }));
  words(f.text).forEach((w, i) => add(`c.search_text LIKE @text${i} ESCAPE '\\'`, { [`text${i}`]: like(w) }));
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const ORDER = {
  due: 'c.due_date IS NULL, c.due_date, c.id',
  'due-desc': 'c.due_date IS NULL, c.due_date DESC, c.id DESC',
  registered: 'c.created_at DESC, c.id DESC',
  amount: 'c.amount DESC, c.id',
} as const;

/** A void cheque stays in the list but leaves every sum. */
const countedOf = (sql: string) => (sql ? `${sql} AND c.status <> 'void'` : "WHERE c.status <> 'void'");

export type ChequeQueryRepo = ReturnType<typeof createChequeQueryRepo>;

export function createChequeQueryRepo(db: Db) {
  return {
    list(f: ChequeFilterParsed, sort: keyof typeof ORDER, limit: number, offset: number): ListRowDb[] {
      const w = whereOf(f);
      return db
        .prepare<Record<string, string | number>, ListRowDb>(
          `SELECT c.*, (SELECT COUNT(*) FROM cheque_images i WHERE i.cheque_id = c.id) AS image_count
             FROM cheques c ${w.sql} ORDER BY ${ORDER[sort]} LIMIT @limit OFFSET @offset`,
        )
        .all({ ...w.params, limit, offset });
    },
    /** Per type, void cheques left out. */
    totals(f: ChequeFilterParsed): { direction: ChequeDirection; count: number; amount: number }[] {
      const w = whereOf(f);
      return db
        .prepare<Record<string, string | number>, { direction: ChequeDirection; count: number; amount: number }>(
          `SELECT c.direction, COUNT(*) AS count, COALESCE(SUM(c.amount), 0) AS amount FROM cheques c ${countedOf(w.sql)} GROUP BY c.direction ORDER BY ` +
            `c.direction DESC`,
        )
        .all(w.params);
    },
    byStatus(f: ChequeFilterParsed) {
      const w = whereOf(f);
      return db
        .prepare<Record<string, string | number>, { direction: ChequeDirection; status: ChequeStatus; count: number; amount: number }>(
          `SELECT c.direction, c.status, COUNT(*) AS count, COALESCE(SUM(c.amount), 0) AS amount FROM cheques c ${w.sql}
            GROUP BY c.direction, c.status`,
        )
        .all(w.params);
    },
    /** Per due date, void cheques left out (folded into calendar months by the caller, who knows the calendar). */
    byDueDate(f: ChequeFilterParsed) {
      const w = whereOf(f);
      return db
        .prepare<Record<string, string | number>, { direction: ChequeDirection; due_date: string | null; count: number; amount: number }>(
          `SELECT c.direction, c.due_date, COUNT(*) AS count, COALESCE(SUM(c.amount), 0) AS amount FROM cheques c ${countedOf(w.sql)}
            GROUP BY c.direction, c.due_date`,
        )
        .all(w.params);
    },
  };
}
