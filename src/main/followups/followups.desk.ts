/**
 * The follow-ups' parts of the customer desk (issue 19), as pure reads of the database: the home
 * dashboard's figures and the timeline's events. The lead wires them to desk-home's tiles and
 * desk-company's timeline registry.
 */
import type { Db } from '../db/database';

/** The dashboard's follow-up figures for a range of ISO instants: open ones due in it, and open ones due before its start. */
export function followupsDashboard(db: Db, range: { from: string; to: string }): { due: number; overdue: number; done: number } {
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  const r = db
    .prepare<[number, number, number, number, number], { due: number; overdue: number; done: number }>(
      `SELECT
        (SELECT COUNT(*) FROM followups WHERE done_at IS NULL AND due_at >= ? AND due_at < ?) AS due,
        (SELECT COUNT(*) FROM followups WHERE done_at IS NULL AND due_at < ?) AS overdue,
        (SELECT COUNT(*) FROM followups WHERE done_at >= ? AND done_at < ?) AS done`,
    )
    .get(from, to, from, from, to);
  return r ?? { due: 0, overdue: 0, done: 0 };
}

export type FollowupTimelineEvent = {
  at: string;
  kind: 'followup';
  id: number;
  title: string;
  detail?: string;
  /** The renderer's Route of the call the follow-up came from, else of the follow-ups list. */
  route?: { screen: 'call'; id: number } | { screen: 'calls'; tab: 'followups' };
};

/**
 * The contacts' follow-ups for a timeline, newest due first, strictly before `before` (an ISO instant;
 * null: from the newest). `title` is the note's first line (or empty); `detail` says open or done.
 */
export function followupsTimelineEvents(db: Db, contactIds: number[], before: string | null, limit: number): FollowupTimelineEvent[] {
  if (contactIds.length === 0 || limit <= 0) return [];
  const marks = contactIds.map(() => '?').join(', ');
  const rows = db
    .prepare<(number | null)[], { id: number; due_at: number; note: string; done_at: number | null; call_id: number | null }>(
      `SELECT id, due_at, note, done_at, call_id FROM followups INDEXED BY followups_by_contact
       WHERE contact_id IN (${marks}) AND (? IS NULL OR due_at < ?) ORDER BY due_at DESC, id DESC LIMIT ?`,
    )
    .all(...contactIds, before === null ? null : Date.parse(before), before === null ? null : Date.parse(before), limit);
  return rows.map((r) => ({
    at: new Date(r.due_at).toISOString(),
    kind: 'followup',
    id: r.id,
    title: r.note.split('\n')[0]!.trim(),
    detail: r.done_at === null ? 'open' : 'done',
    route: r.call_id !== null ? { screen: 'call', id: r.call_id } : { screen: 'calls', tab: 'followups' },
  }));
}
