/** The SQL of the fax outbox (its migration: fax_jobs and fax_outbox_settings). */
import type { FaxJobReason, FaxJobStatus, FaxOutboxSettings } from '../../shared/contract/fax-outbox.api';
import type { Db } from '../db/database';

export type FaxJobDbRow = {
  id: number;
  number: string;
  contact_id: number | null;
  recipient: string;
  status: FaxJobStatus;
  tiff: string;
  pages: number;
  pages_confirmed: number;
  line_id: string;
  ecm: number;
  documents: string;
  cover: number;
  not_before: number;
  next_attempt: number;
  attempts: number;
  last_reason: FaxJobReason;
  waiting_line: number;
  last_bps: number | null;
  remote_id: string;
  created_at: number;
  finished_at: number | null;
};

export type NewFaxJob = Pick<
  FaxJobDbRow,
  'number' | 'contact_id' | 'recipient' | 'status' | 'tiff' | 'pages' | 'line_id' | 'ecm' | 'documents' | 'cover' | 'not_before' | 'created_at'
>;

/** What an attempt or a user's action changes on a job. */
export type FaxJobChange = Partial<
  Pick<FaxJobDbRow, 'status' | 'pages_confirmed' | 'next_attempt' | 'attempts' | 'last_reason' | 'waiting_line' | 'last_bps' | 'remote_id' | 'finished_at'>
>;

type SettingsRow = { busy_delay_min: number; no_answer_delay_min: number; failed_delay_min: number; max_attempts: number; our_number: string };

export function createFaxOutboxRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO fax_jobs (number, contact_id, recipient, status, tiff, pages, line_id, ecm, documents, cover, not_before, next_attempt, created_at)
       VALUES (@number, @contact_id, @recipient, @status, @tiff, @pages, @line_id, @ecm, @documents, @cover, @not_before, @not_before, @created_at)`,
    ),
    get: db.prepare<[number], FaxJobDbRow>('SELECT * FROM fax_jobs WHERE id = ?'),
    list: db.prepare<[], FaxJobDbRow>('SELECT * FROM fax_jobs ORDER BY created_at DESC, id DESC LIMIT 500'),
    pending: db.prepare<[], FaxJobDbRow>("SELECT * FROM fax_jobs WHERE status IN ('queued', 'scheduled') ORDER BY next_attempt, id"),
    interrupted: db.prepare<[], FaxJobDbRow>("SELECT * FROM fax_jobs WHERE status = 'sending'"),
    settings: db.prepare<[], SettingsRow>('SELECT * FROM fax_outbox_settings WHERE id = 1'),
    saveSettings: db.prepare(
      `UPDATE fax_outbox_settings SET busy_delay_min = @busy_delay_min, no_answer_delay_min = @no_answer_delay_min,
       failed_delay_min = @failed_delay_min, max_attempts = @max_attempts, our_number = @our_number WHERE id = 1`,
    ),
  };
  return {
    insert: (j: NewFaxJob) => Number(s.insert.run(j).lastInsertRowid),
    get: (id: number) => s.get.get(id),
    list: () => s.list.all(),
    /** Queued and scheduled jobs, the soonest first. */
    pending: () => s.pending.all(),
    /** Jobs that were sending when the engine stopped. */
    interrupted: () => s.interrupted.all(),
    update(id: number, change: FaxJobChange): void {
      const keys = Object.keys(change) as (keyof FaxJobChange)[];
      if (keys.length === 0) return;
      // The column names come from FaxJobChange's keys, never from input.
      db.prepare(`UPDATE fax_jobs SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE id = @id`).run({ ...change, id });
    },
    settings(): FaxOutboxSettings {
      const r = s.settings.get()!;
      return {
        busyDelayMin: r.busy_delay_min,
        noAnswerDelayMin: r.no_answer_delay_min,
        failedDelayMin: r.failed_delay_min,
        maxAttempts: r.max_attempts,
        ourNumber: r.our_number,
      };
    },
    saveSettings(v: FaxOutboxSettings): void {
      s.saveSettings.run({
        busy_delay_min: v.busyDelayMin,
        no_answer_delay_min: v.noAnswerDelayMin,
        failed_delay_min: v.failedDelayMin,
        max_attempts: v.maxAttempts,
        our_number: v.ourNumber,
      });
    },
  };
}

export type FaxOutboxRepo = ReturnType<typeof createFaxOutboxRepo>;
