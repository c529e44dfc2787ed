/** SQL of people files: the files, their photos, documents and interview notes, and the file search. */
import type { ApplicantStatus, FileKind } from '../../shared/contract/people';
import type { Db } from '../db/database';

export type FileRow = {
  id: number;
  kind: FileKind;
  contact_id: number;
  file_no: string;
  file_no_int: number | null;
  registered_on: string;
  national_id: string;
  referrer_file_id: number | null;
  referrer_text: string;
  referrer_terms: string;
  status: ApplicantStatus;
  application: string | null;
  schedule_id: number | null;
  active: 0 | 1;
  pin_hash: string | null;
  created_at: string;
  updated_at: string;
};
export type FileColumns = Omit<FileRow, 'id' | 'created_at' | 'updated_at' | 'pin_hash'>;
export type SummaryRow = FileRow & { display_name: string; phone: string | null; referrer_name: string | null; has_photo: 0 | 1 };
export type DocumentRow = { id: number; file_id: number; name: string; mime: string; size: number; added_at: string };
export type InterviewRow = { id: number; file_id: number; body: string; author: string; created_at: string };
export type RefRow = { id: number; kind: FileKind; file_no: string; display_name: string };

export type FileFilter = { sql: string; params: unknown[] };

const COLUMNS = [
  'kind',
  'contact_id',
  'file_no',
  'file_no_int',
  'registered_on',
  'national_id',
  'referrer_file_id',
  'referrer_text',
  'referrer_terms',
  'status',
  'application',
  'schedule_id',
  'active',
] as const;

const SUMMARY = `SELECT f.*, c.display_name,
    (SELECT p.number FROM contact_phones p WHERE p.contact_id = f.contact_id ORDER BY p.position LIMIT 1) AS phone,
    (SELECT rc.display_name FROM person_files r JOIN contacts rc ON rc.id = r.contact_id WHERE r.id = f.referrer_file_id) AS referrer_name,
    EXISTS (SELECT 1 FROM person_photos ph WHERE ph.file_id = f.id) AS has_photo
  FROM person_files f JOIN contacts c ON c.id = f.contact_id`;

export type PeopleRepo = ReturnType<typeof createPeopleRepo>;

export function createPeopleRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO person_files (${COLUMNS.join(', ')}, created_at, updated_at) VALUES (${COLUMNS.map((c) => '@' + c).join(', ')}, @now, @now)`,
    ),
    update: db.prepare(`UPDATE person_files SET ${COLUMNS.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`),
    delete: db.prepare<[number]>('DELETE FROM person_files WHERE id = ?'),
    get: db.prepare<[number], FileRow>('SELECT * FROM person_files WHERE id = ?'),
    byNumber: db.prepare<[FileKind, string], number>('SELECT id FROM person_files WHERE kind = ? AND file_no = ?'),
    byContact: db.prepare<[FileKind, number], number>('SELECT id FROM person_files WHERE kind = ? AND contact_id = ?'),
    ofContact: db.prepare<[number], RefRow>(
      'SELECT f.id, f.kind, f.file_no, c.display_name FROM person_files f JOIN contacts c ON c.id = f.contact_id WHERE f.contact_id = ? ORDER BY f.id',
    ),
    ref: db.prepare<[number], RefRow>(
      'SELECT f.id, f.kind, f.file_no, c.display_name FROM person_files f JOIN contacts c ON c.id = f.contact_id WHERE f.id = ?',
    ),
    maxNumber: db.prepare<[FileKind], number | null>('SELECT MAX(file_no_int) FROM person_files WHERE kind = ?'),
    setStatus: db.prepare('UPDATE person_files SET status = ?, updated_at = ? WHERE id = ?'),
    setPin: db.prepare('UPDATE person_files SET pin_hash = ?, updated_at = ? WHERE id = ?'),
    photoGet: db.prepare<[number], { mime: string; data: Buffer }>('SELECT mime, data FROM person_photos WHERE file_id = ?'),
    photoSet: db.prepare(
      'INSERT INTO person_photos (file_id, mime, data) VALUES (?, ?, ?) ON CONFLICT (file_id) DO UPDATE SET mime = excluded.mime, data = excluded.data',
    ),
    photoCopy: db.prepare('INSERT OR REPLACE INTO person_photos (file_id, mime, data) SELECT ?, mime, data FROM person_photos WHERE file_id = ?'),
    photoDelete: db.prepare<[number]>('DELETE FROM person_photos WHERE file_id = ?'),
    hasPhoto: db.prepare<[number], number>('SELECT 1 FROM person_photos WHERE file_id = ?'),
    docs: db.prepare<[number], DocumentRow>('SELECT id, file_id, name, mime, size, added_at FROM person_documents WHERE file_id = ? ORDER BY id'),
    docGet: db.prepare<[number], DocumentRow & { data: Buffer }>('SELECT * FROM person_documents WHERE id = ?'),
    docInsert: db.prepare('INSERT INTO person_documents (file_id, name, mime, size, data, added_at) VALUES (?, ?, ?, ?, ?, ?)'),
    docDelete: db.prepare<[number]>('DELETE FROM person_documents WHERE id = ?'),
    interviews: db.prepare<[number], InterviewRow>('SELECT * FROM interview_notes WHERE file_id = ? ORDER BY created_at DESC, id DESC'),
    interviewGet: db.prepare<[number], InterviewRow>('SELECT * FROM interview_notes WHERE id = ?'),
    interviewInsert: db.prepare('INSERT INTO interview_notes (file_id, body, author, created_at) VALUES (?, ?, ?, ?)'),
    interviewDelete: db.prepare<[number]>('DELETE FROM interview_notes WHERE id = ?'),
    contactExists: db.prepare<[number], number>('SELECT 1 FROM contacts WHERE id = ?'),
    scheduleExists: db.prepare<[number], number>('SELECT 1 FROM work_schedules WHERE id = ?'),
  };
  const where = (filters: FileFilter[]) => (filters.length ? `WHERE ${filters.map((f) => f.sql).join(' AND ')}` : '');
  const params = (filters: FileFilter[]) => filters.flatMap((f) => f.params);

  return {
    get: (id: number) => s.get.get(id),
    insert: (cols: FileColumns, now: string): number => Number(s.insert.run({ ...cols, now }).lastInsertRowid),
    update: (id: number, cols: FileColumns, now: string) => void s.update.run({ ...cols, id, now }),
    delete: (id: number) => s.delete.run(id).changes > 0,
    idByNumber: (kind: FileKind, fileNo: string) => (s.byNumber.pluck().get(kind, fileNo) as number | undefined) ?? null,
    idByContact: (kind: FileKind, contactId: number) => (s.byContact.pluck().get(kind, contactId) as number | undefined) ?? null,
    filesOfContact: (contactId: number) => s.ofContact.all(contactId),
    ref: (id: number) => s.ref.get(id),
    maxNumber: (kind: FileKind) => (s.maxNumber.pluck().get(kind) as number | null) ?? 0,
    setStatus: (id: number, status: ApplicantStatus, now: string) => void s.setStatus.run(status, now, id),
    setPin: (id: number, hash: string | null, now: string) => void s.setPin.run(hash, now, id),
    photo: (id: number) => s.photoGet.get(id),
    setPhoto: (id: number, mime: string, data: Buffer) => void s.photoSet.run(id, mime, data),
    copyPhoto: (toId: number, fromId: number) => void s.photoCopy.run(toId, fromId),
    deletePhoto: (id: number) => void s.photoDelete.run(id),
    hasPhoto: (id: number) => s.hasPhoto.get(id) !== undefined,
    documents: (id: number) => s.docs.all(id),
    document: (id: number) => s.docGet.get(id),
    addDocument: (fileId: number, name: string, mime: string, data: Buffer, now: string) =>
      Number(s.docInsert.run(fileId, name, mime, data.length, data, now).lastInsertRowid),
    deleteDocument: (id: number) => s.docDelete.run(id).changes > 0,
    interviews: (id: number) => s.interviews.all(id),
    interview: (id: number) => s.interviewGet.get(id),
    addInterview: (fileId: number, body: string, author: string, now: string) => Number(s.interviewInsert.run(fileId, body, author, now).lastInsertRowid),
    deleteInterview: (id: number) => s.interviewDelete.run(id).changes > 0,
    contactExists: (id: number) => s.contactExists.get(id) !== undefined,
    scheduleExists: (id: number) => s.scheduleExists.get(id) !== undefined,
    /** Files matching every filter, newest registration first. */
    search(filters: FileFilter[], offset: number, limit: number): { rows: SummaryRow[]; total: number } {
      const w = where(filters);
      const rows = db
        .prepare(`${SUMMARY} ${w} ORDER BY f.registered_on DESC, f.id DESC LIMIT ? OFFSET ?`)
        .all(...params(filters), limit, offset) as SummaryRow[];
      const total = db
        .prepare(`SELECT COUNT(*) FROM person_files f JOIN contacts c ON c.id = f.contact_id ${w}`)
        .pluck()
        .get(...params(filters)) as number;
      return { rows, total };
    },
    summary: (id: number) => db.prepare(`${SUMMARY} WHERE f.id = ?`).get(id) as SummaryRow | undefined,
    /** Active staff in name order (the clock-in screen, the report for everyone). */
    activeStaff: () => db.prepare(`${SUMMARY} WHERE f.kind = 'staff' AND f.active = 1 ORDER BY c.sort_key, f.id`).all() as SummaryRow[],
  };
}
