/** SQL of the office's own cheque books and their leaves. */
import type { Db } from '../db/database';

export type BookRowDb = {
  id: number;
  bank_code: string | null;
  bank_name: string;
  branch: string;
  account: string;
  series: string;
  first_serial: string;
  leaf_count: number;
  note: string;
  created_at: string;
};
export type BookCounts = { blank: number; used: number; void: number; lost: number };
export type LeafRowDb = {
  id: number;
  book_id: number;
  position: number;
  serial: string;
  mark: 'void' | 'lost' | null;
  mark_note: string;
  marked_on: string | null;
  cheque_id: number | null;
  status: string | null;
  amount: number | null;
  party_name: string | null;
  due_date: string | null;
};

export type ChequeBooksRepo = ReturnType<typeof createChequeBooksRepo>;

export function createChequeBooksRepo(db: Db) {
  const s = {
    insert: db.prepare(
      `INSERT INTO cheque_books (bank_code, bank_name, branch, account, series, first_serial, leaf_count, note, created_at)
       VALUES (@bank_code, @bank_name, @branch, @account, @series, @first_serial, @leaf_count, @note, @created_at)`,
    ),
    insertLeaf: db.prepare<[number, number, string]>('INSERT INTO cheque_leaves (book_id, position, serial) VALUES (?, ?, ?)'),
    list: db.prepare<[], BookRowDb>('SELECT * FROM cheque_books ORDER BY created_at DESC, id DESC'),
    get: db.prepare<[number], BookRowDb>('SELECT * FROM cheque_books WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM cheque_books WHERE id = ?'),
    counts: db.prepare<[number], BookCounts>(
      `SELECT COALESCE(SUM(l.mark IS NULL AND c.id IS NULL), 0) AS blank, COALESCE(SUM(c.id IS NOT NULL), 0) AS used,
              COALESCE(SUM(l.mark = 'void' AND c.id IS NULL), 0) AS void, COALESCE(SUM(l.mark = 'lost' AND c.id IS NULL), 0) AS lost
         FROM cheque_leaves l LEFT JOIN cheques c ON c.leaf_id = l.id WHERE l.book_id = ?`,
    ),
    /** The first blank leaf: not marked, no cheque on it. */
    nextLeaf: db.prepare<[number], { id: number; serial: string }>(
      `SELECT l.id, l.serial FROM cheque_leaves l WHERE l.book_id = ? AND l.mark IS NULL
          AND NOT EXISTS (SELECT 1 FROM cheques c WHERE c.leaf_id = l.id) ORDER BY l.position LIMIT 1`,
    ),
    leaves: db.prepare<[number], LeafRowDb>(
      `SELECT l.*, c.id AS cheque_id, c.status, c.amount, c.party_name, c.due_date
         FROM cheque_leaves l LEFT JOIN cheques c ON c.leaf_id = l.id WHERE l.book_id = ? ORDER BY l.position`,
    ),
    leaf: db.prepare<[number], LeafRowDb>(
      `SELECT l.*, c.id AS cheque_id, c.status, c.amount, c.party_name, c.due_date
         FROM cheque_leaves l LEFT JOIN cheques c ON c.leaf_id = l.id WHERE l.id = ?`,
    ),
    mark: db.prepare<{ id: number; mark: string; note: string; date: string }>(
      'UPDATE cheque_leaves SET mark = @mark, mark_note = @note, marked_on = @date WHERE id = @id AND mark IS NULL',
    ),
    used: db.prepare<[number], number>('SELECT COUNT(*) FROM cheque_leaves l JOIN cheques c ON c.leaf_id = l.id WHERE l.book_id = ?'),
  };

  return {
    /** The book and all its leaves, in one transaction. */
    insert: db.transaction((book: Omit<BookRowDb, 'id'>, serials: string[]): number => {
      const id = Number(s.insert.run(book).lastInsertRowid);
      serials.forEach((serial, i) => s.insertLeaf.run(id, i, serial));
      return id;
    }),
    list: () => s.list.all(),
    get: (id: number) => s.get.get(id),
    delete: (id: number) => s.delete.run(id).changes > 0,
    counts: (id: number): BookCounts => s.counts.get(id) ?? { blank: 0, used: 0, void: 0, lost: 0 },
    nextLeaf: (bookId: number) => s.nextLeaf.get(bookId),
    leaves: (bookId: number) => s.leaves.all(bookId),
    leaf: (id: number) => s.leaf.get(id),
    mark: (id: number, mark: 'void' | 'lost', note: string, date: string) => s.mark.run({ id, mark, note, date }).changes > 0,
    usedCount: (bookId: number): number => s.used.pluck().get(bookId) ?? 0,
  };
}
