/** The SQL of notes on calls (migration 0016). */
import type { CallNote } from '../../shared/contract/calls';
import type { Db } from '../db/database';

export type CallNotesRepo = ReturnType<typeof createCallNotesRepo>;

export function createCallNotesRepo(db: Db) {
  const s = {
    ofCall: db.prepare<[number], CallNote>(
      'SELECT id, call_id AS callId, body, author, created_at AS createdAt FROM call_notes WHERE call_id = ? ORDER BY created_at, id',
    ),
    insert: db.prepare<[number, string, string, string]>('INSERT INTO call_notes (call_id, body, author, created_at) VALUES (?, ?, ?, ?)'),
  };
  return {
    ofCall: (callId: number): CallNote[] => s.ofCall.all(callId),
    add: (callId: number, body: string, author: string, at: string): void => void s.insert.run(callId, body, author, at),
  };
}
