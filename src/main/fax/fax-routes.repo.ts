/**
 * The SQL of fax routing rules (migration faxroute_rules). A rule names a staff file or a contact group and
 * goes with it when it is deleted (ON DELETE CASCADE); names are read when the rules are, so a renamed
 * group or contact shows its new name.
 */
import type { Db } from '../db/database';

export type FaxRouteDbRow = {
  id: number;
  position: number;
  number: string;
  number_match: 'exact' | 'prefix';
  tsi: string;
  line_id: string | null;
  staff_file_id: number | null;
  group_id: number | null;
  target_name: string;
  line_name: string | null;
};
export type FaxRouteWrite = Omit<FaxRouteDbRow, 'id' | 'position' | 'target_name' | 'line_name'>;

const SELECT = `SELECT r.*, COALESCE(c.display_name, g.name, '') AS target_name, l.name AS line_name
  FROM fax_route_rules r
  LEFT JOIN person_files f ON f.id = r.staff_file_id LEFT JOIN contacts c ON c.id = f.contact_id
  LEFT JOIN groups g ON g.id = r.group_id
  LEFT JOIN lines l ON r.line_id IS NOT NULL AND CAST(l.id AS TEXT) = r.line_id`;

export function createFaxRoutesRepo(db: Db) {
  const s = {
    all: db.prepare<[], FaxRouteDbRow>(`${SELECT} ORDER BY r.position, r.id`),
    get: db.prepare<[number], FaxRouteDbRow>(`${SELECT} WHERE r.id = ?`),
    insert: db.prepare<FaxRouteWrite>(
      `INSERT INTO fax_route_rules (position, number, number_match, tsi, line_id, staff_file_id, group_id)
       VALUES ((SELECT COALESCE(MAX(position), 0) + 1 FROM fax_route_rules), @number, @number_match, @tsi, @line_id, @staff_file_id, @group_id)`,
    ),
    update: db.prepare<FaxRouteWrite & { id: number }>(
      `UPDATE fax_route_rules SET number = @number, number_match = @number_match, tsi = @tsi, line_id = @line_id,
         staff_file_id = @staff_file_id, group_id = @group_id WHERE id = @id`,
    ),
    delete: db.prepare<[number]>('DELETE FROM fax_route_rules WHERE id = ?'),
    move: db.prepare<[number, number]>('UPDATE fax_route_rules SET position = ? WHERE id = ?'),
    staffExists: db.prepare<[number], number>("SELECT 1 FROM person_files WHERE id = ? AND kind = 'staff'").pluck(),
    groupExists: db.prepare<[number], number>('SELECT 1 FROM groups WHERE id = ?').pluck(),
    lineExists: db.prepare<[string], number>('SELECT 1 FROM lines WHERE CAST(id AS TEXT) = ?').pluck(),
    staff: db.prepare<[], { id: number; name: string }>(
      `SELECT f.id, c.display_name AS name FROM person_files f JOIN contacts c ON c.id = f.contact_id
       WHERE f.kind = 'staff' AND f.active = 1 ORDER BY c.sort_key, f.id`,
    ),
    groups: db.prepare<[], { id: number; name: string }>('SELECT id, name FROM groups ORDER BY name_key'),
    staffContact: db.prepare<[number], number>('SELECT contact_id FROM person_files WHERE id = ?').pluck(),
  };
  return {
    all: () => s.all.all(),
    get: (id: number) => s.get.get(id),
    insert: (w: FaxRouteWrite) => Number(s.insert.run(w).lastInsertRowid),
    update: (id: number, w: FaxRouteWrite) => s.update.run({ ...w, id }).changes > 0,
    delete: (id: number) => s.delete.run(id).changes > 0,
    /** Positions 1…n in the order given, in one transaction. */
    order: db.transaction((ids: number[]) => ids.forEach((id, i) => s.move.run(i + 1, id))),
    staffExists: (id: number) => s.staffExists.get(id) === 1,
    groupExists: (id: number) => s.groupExists.get(id) === 1,
    lineExists: (id: string) => s.lineExists.get(id) === 1,
    staff: () => s.staff.all(),
    groups: () => s.groups.all(),
    /** The phonebook contact of a staff file (the alarm's "open"), or null. */
    staffContact: (id: number) => s.staffContact.get(id) ?? null,
  };
}

export type FaxRoutesRepo = ReturnType<typeof createFaxRoutesRepo>;
