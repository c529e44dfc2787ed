/** SQL of contact groups and user-defined fields (the phonebook's own vocabulary). */
import type { FieldKind } from '../../shared/contract/contacts';
import type { Db } from '../db/database';

export type GroupRow = { id: number; name: string; color: string; count: number };
export type FieldRow = { id: number; name: string; kind: FieldKind; options: string; position: number };

export function createGroupsRepo(db: Db) {
  const s = {
    list: db.prepare<[], GroupRow>(
      'SELECT g.id, g.name, g.color, (SELECT COUNT(*) FROM contact_groups cg WHERE cg.group_id = g.id) AS count FROM groups g ORDER BY g.name_key',
    ),
    get: db.prepare<[number], GroupRow>(
      'SELECT g.id, g.name, g.color, (SELECT COUNT(*) FROM contact_groups cg WHERE cg.group_id = g.id) AS count FROM groups g WHERE g.id = ?',
    ),
    byKey: db.prepare<[string], { id: number }>('SELECT id FROM groups WHERE name_key = ?'),
    exists: db.prepare<[number], number>('SELECT 1 FROM groups WHERE id = ?'),
    insert: db.prepare('INSERT INTO groups (name, name_key, color) VALUES (?, ?, ?)'),
    update: db.prepare('UPDATE groups SET name = ?, name_key = ?, color = ? WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM groups WHERE id = ?'),
    members: db.prepare<[number], number>('SELECT contact_id FROM contact_groups WHERE group_id = ?'),
    names: db.prepare<[], { id: number; name: string }>('SELECT id, name FROM groups'),
    namesOf: db.prepare<[number], { name: string }>('SELECT g.name FROM contact_groups cg JOIN groups g ON g.id = cg.group_id WHERE cg.contact_id = ?'),
  };
  return {
    list: () => s.list.all(),
    get: (id: number) => s.get.get(id),
    idByKey: (key: string) => s.byKey.get(key)?.id ?? null,
    /** Cheap existence check (get() also counts members, which costs O(members)). */
    exists: (id: number) => s.exists.pluck().get(id) !== undefined,
    insert: (name: string, key: string, color: string) => Number(s.insert.run(name, key, color).lastInsertRowid),
    update: (id: number, name: string, key: string, color: string) => s.update.run(name, key, color, id).changes > 0,
    delete: (id: number) => s.delete.run(id).changes > 0,
    memberIds: (id: number) => s.members.pluck().all(id) as number[],
    nameMap: () => new Map(s.names.all().map((r) => [r.id, r.name])),
    namesOf: (contactId: number) => s.namesOf.all(contactId).map((r) => r.name),
  };
}

export function createFieldsRepo(db: Db) {
  const s = {
    list: db.prepare<[], FieldRow>('SELECT id, name, kind, options, position FROM custom_fields ORDER BY position, id'),
    get: db.prepare<[number], FieldRow>('SELECT id, name, kind, options, position FROM custom_fields WHERE id = ?'),
    byKey: db.prepare<[string], { id: number }>('SELECT id FROM custom_fields WHERE name_key = ?'),
    insert: db.prepare(
      'INSERT INTO custom_fields (name, name_key, kind, options, position) VALUES (?, ?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM custom_fields))',
    ),
    update: db.prepare('UPDATE custom_fields SET name = ?, name_key = ?, kind = ?, options = ? WHERE id = ?'),
    delete: db.prepare<[number]>('DELETE FROM custom_fields WHERE id = ?'),
    valueCount: db.prepare<[number], number>('SELECT COUNT(*) FROM contact_field_values WHERE field_id = ?'),
    holders: db.prepare<[number], number>('SELECT contact_id FROM contact_field_values WHERE field_id = ?'),
  };
  return {
    list: () => s.list.all(),
    get: (id: number) => s.get.get(id),
    idByKey: (key: string) => s.byKey.get(key)?.id ?? null,
    insert: (name: string, key: string, kind: FieldKind, options: string[]) => Number(s.insert.run(name, key, kind, JSON.stringify(options)).lastInsertRowid),
    update: (id: number, name: string, key: string, kind: FieldKind, options: string[]) =>
      s.update.run(name, key, kind, JSON.stringify(options), id).changes > 0,
    delete: (id: number) => s.delete.run(id).changes > 0,
    valueCount: (id: number) => s.valueCount.pluck().get(id) as number,
    holderIds: (id: number) => s.holders.pluck().all(id) as number[],
  };
}
