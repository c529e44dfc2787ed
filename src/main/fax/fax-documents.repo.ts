/** The SQL of the fax document library (migration 0017). */
import type { FaxDocument } from '../../shared/contract/fax';
import type { Db } from '../db/database';

export type FaxDocumentDbRow = {
  id: number;
  name: string;
  file_name: string;
  kind: FaxDocument['kind'];
  paper: FaxDocument['paper'];
  resolution: FaxDocument['resolution'];
  pages: number;
  tiff: string;
  bytes: number;
  added_at: number;
};

export type NewFaxDocument = Omit<FaxDocumentDbRow, 'id'>;

export function createFaxDocumentsRepo(db: Db) {
  const s = {
    insert: db.prepare<[string, string, string, string, string, number, string, number, number]>(
      'INSERT INTO fax_documents (name, file_name, kind, paper, resolution, pages, tiff, bytes, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    get: db.prepare<[number], FaxDocumentDbRow>('SELECT * FROM fax_documents WHERE id = ?'),
    list: db.prepare<[], FaxDocumentDbRow>('SELECT * FROM fax_documents ORDER BY added_at DESC, id DESC'),
    delete: db.prepare<[number]>('DELETE FROM fax_documents WHERE id = ?'),
  };
  return {
    insert: (d: NewFaxDocument) =>
      Number(s.insert.run(d.name, d.file_name, d.kind, d.paper, d.resolution, d.pages, d.tiff, d.bytes, d.added_at).lastInsertRowid),
    get: (id: number) => s.get.get(id),
    list: () => s.list.all(),
    delete: (id: number) => s.delete.run(id),
  };
}

export const toFaxDocument = (r: FaxDocumentDbRow): FaxDocument => ({
  id: r.id,
  name: r.name,
  fileName: r.file_name,
  kind: r.kind,
  paper: r.paper,
  resolution: r.resolution,
  pages: r.pages,
  bytes: r.bytes,
  addedAt: new Date(r.added_at).toISOString(),
});
