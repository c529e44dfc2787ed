/** The SQL of call outcomes and follow-ups (migration followups_outcomes). */
import type { Db } from '../db/database';

export type OutcomeKindDb = { id: number; name_fa: string; name_en: string; position: number; archived: 0 | 1 };
export type CallOutcomeDb = OutcomeKindDb & { set_by: string };
export type FollowupDb = {
  id: number;
  contact_id: number | null;
  contact_name: string | null;
  call_id: number | null;
  due_at: number;
  owner_id: number | null;
  owner_name: string | null;
  note: string;
  created_at: number;
  alarm_base_at: number;
  done_at: number | null;
};

const FOLLOWUP = `SELECT f.*, c.display_name AS contact_name, u.name AS owner_name FROM followups f
  LEFT JOIN contacts c ON c.id = f.contact_id LEFT JOIN users u ON u.id = f.owner_id`;

export function createFollowupsRepo(db: Db) {
  const kinds = db.prepare<[], OutcomeKindDb>('SELECT * FROM call_outcome_kinds ORDER BY archived, position, id');
  const kind = db.prepare<[number], OutcomeKindDb>('SELECT * FROM call_outcome_kinds WHERE id = ?');
  const kindUsed = db.prepare<[number], number>('SELECT 1 FROM call_outcomes WHERE kind_id = ? LIMIT 1').pluck();
  const addKind = db.prepare<[string, string, number]>('INSERT INTO call_outcome_kinds (name_fa, name_en, position) VALUES (?, ?, ?)');
  const updateKind = db.prepare<[string, string, number, number]>(
    'UPDATE call_outcome_kinds SET name_fa = ?, name_en = ?, position = ?, archived = 0 WHERE id = ?',
  );
  const archiveKind = db.prepare<[number]>('UPDATE call_outcome_kinds SET archived = 1 WHERE id = ?');
  const deleteKind = db.prepare<[number]>('DELETE FROM call_outcome_kinds WHERE id = ?');
  const outcomeOf = db.prepare<[number], CallOutcomeDb>(
    'SELECT k.*, o.set_by FROM call_outcomes o JOIN call_outcome_kinds k ON k.id = o.kind_id WHERE o.call_id = ?',
  );
  const setOutcome = db.prepare<[number, number, number, string]>(
    `INSERT INTO call_outcomes (call_id, kind_id, set_at, set_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (call_id) DO UPDATE SET kind_id = excluded.kind_id, set_at = excluded.set_at, set_by = excluded.set_by`,
  );
  const clearOutcome = db.prepare<[number]>('DELETE FROM call_outcomes WHERE call_id = ?');

  const get = db.prepare<[number], FollowupDb>(`${FOLLOWUP} WHERE f.id = ?`);
  const ofCall = db.prepare<[number], FollowupDb>(`${FOLLOWUP} WHERE f.call_id = ? ORDER BY f.due_at, f.id`);
  const insert = db.prepare<[number | null, number | null, number, number | null, string, number, number]>(
    'INSERT INTO followups (contact_id, call_id, due_at, owner_id, note, created_at, alarm_base_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const update = db.prepare<[number, number | null, string, number, number]>(
    'UPDATE followups SET due_at = ?, owner_id = ?, note = ?, alarm_base_at = ? WHERE id = ?',
  );
  const setDone = db.prepare<[number | null, number, number]>('UPDATE followups SET done_at = ?, alarm_base_at = ? WHERE id = ?');
  const openBetween = db.prepare<[number, number], FollowupDb>(
    `${FOLLOWUP} WHERE f.done_at IS NULL AND f.due_at > ? AND f.due_at <= ? ORDER BY f.due_at, f.id`,
  );
  const openAfter = db
    .prepare<[number], number>('SELECT due_at FROM followups WHERE done_at IS NULL AND due_at > ? AND due_at > alarm_base_at ORDER BY due_at LIMIT 1')
    .pluck();
  const countOpen = db.prepare<[number, number], number>('SELECT COUNT(*) FROM followups WHERE done_at IS NULL AND due_at >= ? AND due_at < ?').pluck();

  return {
    kinds: () => kinds.all(),
    kind: (id: number) => kind.get(id),
    /** Saves the list in order: rows kept or added; a used kind left out is archived, an unused one deleted. */
    saveKinds: db.transaction((list: { id?: number; nameFa: string; nameEn: string }[]) => {
      const kept = new Set<number>();
      list.forEach((k, i) => {
        if (k.id !== undefined) {
          updateKind.run(k.nameFa, k.nameEn, i + 1, k.id);
          kept.add(k.id);
        } else kept.add(Number(addKind.run(k.nameFa, k.nameEn, i + 1).lastInsertRowid));
      });
      for (const k of kinds.all()) {
        if (kept.has(k.id)) continue;
        if (kindUsed.get(k.id) === 1) archiveKind.run(k.id);
        else deleteKind.run(k.id);
      }
    }),
    outcomeOf: (callId: number) => outcomeOf.get(callId),
    setOutcome: (callId: number, kindId: number, at: number, by: string) => setOutcome.run(callId, kindId, at, by),
    clearOutcome: (callId: number) => clearOutcome.run(callId),

    get: (id: number) => get.get(id),
    ofCall: (callId: number) => ofCall.all(callId),
    insert: (f: { contactId: number | null; callId: number | null; dueAt: number; ownerId: number | null; note: string; now: number }) =>
      Number(insert.run(f.contactId, f.callId, f.dueAt, f.ownerId, f.note, f.now, f.now).lastInsertRowid),
    /** A move: the alarm base becomes now, so the moved one rings at its new time (not "while you were away"). */
    update: (id: number, f: { dueAt: number; ownerId: number | null; note: string; now: number }) => update.run(f.dueAt, f.ownerId, f.note, f.now, id),
    setDone: (id: number, doneAt: number | null, now: number) => setDone.run(doneAt, now, id),
    openBetween: (from: number, to: number) => openBetween.all(from, to),
    firstOpenAfter: (after: number) => openAfter.get(after) ?? null,
    countOpen: (from: number, to: number) => countOpen.get(from, to) ?? 0,
    /** Open ones (view 'open'/'today'/'overdue') or done ones, optionally of one contact. */
    list(view: 'open' | 'today' | 'overdue' | 'done', range: { from: number; to: number; now: number }, contactId: number | null, limit: number): FollowupDb[] {
      const where = ['1 = 1'];
      const args: (number | string)[] = [];
      if (view === 'done') where.push('f.done_at IS NOT NULL');
      else where.push('f.done_at IS NULL');
      if (view === 'today') {
        where.push('f.due_at >= ? AND f.due_at < ?');
        args.push(range.from, range.to);
      } else if (view === 'overdue') {
        where.push('f.due_at < ?');
        args.push(range.now);
      }
      if (contactId !== null) {
        where.push('f.contact_id = ?');
        args.push(contactId);
      }
      const order = view === 'done' ? 'f.done_at DESC, f.id DESC' : 'f.due_at, f.id';
      return db.prepare<unknown[], FollowupDb>(`${FOLLOWUP} WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`).all(...args, limit);
    },
  };
}

export type FollowupsRepo = ReturnType<typeof createFollowupsRepo>;
