/** The SQL of mailboxes and their messages (migration 0008). */
import type { Db } from '../db/database';

export type MailboxRow = { id: number; name: string; kind: 'person' | 'department'; greeting_prompt_id: number | null; total: number; unheard: number };
export type VoicemailRow = {
  id: number;
  mailbox_id: number;
  mailbox_name: string;
  call_id: number | null;
  received_at: number;
  duration_ms: number;
  file: string;
  number_raw: string;
  number_key: string;
  caller_name: string;
  heard: 0 | 1;
  note: string;
  attached_at: number | null;
  forwarded_from: string | null;
};

const MESSAGE = `SELECT v.id, v.mailbox_id, m.name AS mailbox_name, v.call_id, v.received_at, v.duration_ms, v.file, v.number_raw, v.number_key,
  v.caller_name, v.heard, v.note, v.attached_at, v.forwarded_from FROM voicemails v JOIN mailboxes m ON m.id = v.mailbox_id`;

export function createVoicemailRepo(db: Db) {
  const s = {
    boxes: db.prepare<[], MailboxRow>(`SELECT m.id, m.name, m.kind, m.greeting_prompt_id,
      (SELECT COUNT(*) FROM voicemails v WHERE v.mailbox_id = m.id) AS total,
      (SELECT COUNT(*) FROM voicemails v WHERE v.mailbox_id = m.id AND v.heard = 0) AS unheard
      FROM mailboxes m ORDER BY m.name COLLATE NOCASE`),
    box: db.prepare<[number], { id: number; name: string; greeting_prompt_id: number | null }>(
      'SELECT id, name, greeting_prompt_id FROM mailboxes WHERE id = ?',
    ),
    boxByName: db.prepare<[string], { id: number }>('SELECT id FROM mailboxes WHERE name = ?'),
    insertBox: db.prepare<[string, string, number | null, string]>('INSERT INTO mailboxes (name, kind, greeting_prompt_id, created_at) VALUES (?, ?, ?, ?)'),
    updateBox: db.prepare<[string, string, number | null, number]>('UPDATE mailboxes SET name = ?, kind = ?, greeting_prompt_id = ? WHERE id = ?'),
    deleteBox: db.prepare<[number]>('DELETE FROM mailboxes WHERE id = ?'),
    filesOfBox: db.prepare<[number], { file: string }>('SELECT file FROM voicemails WHERE mailbox_id = ?'),
    list: db.prepare<[number | null, number | null, number | null, number | null, number, number], VoicemailRow>(
      `${MESSAGE} WHERE (? IS NULL OR v.mailbox_id = ?) AND (? IS NULL OR v.call_id = ?) AND v.heard <= ? ORDER BY v.received_at DESC, v.id DESC LIMIT ?`,
    ),
    get: db.prepare<[number], VoicemailRow>(`${MESSAGE} WHERE v.id = ?`),
    insert: db.prepare<[number, number | null, number, number, string, string, string, string, string | null]>(
      'INSERT INTO voicemails (mailbox_id, call_id, received_at, duration_ms, file, number_raw, number_key, caller_name, forwarded_from) VALUES (?, ?, ?, ?, ' +
        '?, ?, ?, ?, ?)',
    ),
    setHeard: db.prepare<[number, number]>('UPDATE voicemails SET heard = ? WHERE id = ?'),
    setNote: db.prepare<[string, number]>('UPDATE voicemails SET note = ? WHERE id = ?'),
    setAttached: db.prepare<[number, number]>('UPDATE voicemails SET attached_at = ? WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM voicemails WHERE id = ?'),
    fileUsers: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM voicemails WHERE file = ?'),
    unheard: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM voicemails WHERE heard = 0'),
  };
  return {
    boxes: () => s.boxes.all(),
    box: (id: number) => s.box.get(id),
    boxByName: (name: string) => s.boxByName.get(name),
    insertBox: (name: string, kind: string, greeting: number | null, at: string) => Number(s.insertBox.run(name, kind, greeting, at).lastInsertRowid),
    updateBox: (id: number, name: string, kind: string, greeting: number | null) => s.updateBox.run(name, kind, greeting, id).changes > 0,
    deleteBox: (id: number) => s.deleteBox.run(id).changes > 0,
    filesOfBox: (id: number) => s.filesOfBox.all(id).map((r) => r.file),
    list: (mailboxId: number | null, callId: number | null, unheardOnly: boolean, limit: number) =>
      s.list.all(mailboxId, mailboxId, callId, callId, unheardOnly ? 0 : 1, limit),
    get: (id: number) => s.get.get(id),
    insert: (v: {
      mailboxId: number;
      callId: number | null;
      receivedAt: number;
      durationMs: number;
      file: string;
      numberRaw: string;
      numberKey: string;
      callerName: string;
      forwardedFrom: string | null;
    }) =>
      Number(s.insert.run(v.mailboxId, v.callId, v.receivedAt, v.durationMs, v.file, v.numberRaw, v.numberKey, v.callerName, v.forwardedFrom).lastInsertRowid),
    setHeard: (id: number, heard: boolean) => s.setHeard.run(heard ? 1 : 0, id).changes > 0,
    setNote: (id: number, note: string) => s.setNote.run(note, id).changes > 0,
    setAttached: (id: number, at: number) => s.setAttached.run(at, id).changes > 0,
    delete: (id: number) => s.delete.run(id).changes > 0,
    fileUsers: (file: string) => s.fileUsers.get(file)?.n ?? 0,
    unheard: () => s.unheard.get()?.n ?? 0,
  };
}

export type VoicemailRepo = ReturnType<typeof createVoicemailRepo>;
