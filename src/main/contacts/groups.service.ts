/** Contact groups and user-defined fields: the lists the phonebook's forms and filters are built from. */
import type { CustomField, Group } from '../../shared/contract/contacts';
import type { ParsedInputOf } from '../../shared/contract/api';
import { foldForSearch, normalizeInput } from '../../shared/text/normalize';
import type { Db } from '../db/database';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import type { ContactsService } from './contacts.service';
import { createFieldsRepo, createGroupsRepo, type FieldRow } from './groups.repo';

type GroupData = ParsedInputOf<'groups/create'>;
type FieldData = ParsedInputOf<'fields/create'>;

export function createGroupsService(db: Db, ctx: EngineContext, contacts: ContactsService) {
  const groups = createGroupsRepo(db);
  const fields = createFieldsRepo(db);

  const cleanName = (raw: string) => {
    const name = normalizeInput(raw);
    if (name === '') throw validationError('validation.empty_name', 'name');
    return { name, key: foldForSearch(name) };
  };
  const toField = (f: FieldRow): CustomField => ({ id: f.id, name: f.name, kind: f.kind, options: JSON.parse(f.options) as string[], position: f.position });
  const reindex = (ids: number[]) => {
    for (const id of ids) contacts.reindex(id);
  };

  function getGroup(id: number): Group {
    const g = groups.get(id);
    if (!g) throw new AppError('not_found', 'not_found.group', {}, 'id');
    return g;
  }
  function getField(id: number): CustomField {
    const f = fields.get(id);
    if (!f) throw new AppError('not_found', 'not_found.field', {}, 'id');
    return toField(f);
  }
  function cleanField(data: FieldData) {
    const { name, key } = cleanName(data.name);
    const options = [...new Set(data.options.map(normalizeInput).filter((o) => o !== ''))];
    if (data.kind === 'choice' && options.length === 0) throw validationError('validation.choice_options', 'options');
    return { name, key, options: data.kind === 'choice' ? options : [] };
  }

  return {
    listGroups: (): Group[] => groups.list(),
    nameMap: () => groups.nameMap(),
    /** Finds a group by name or creates it (import). Runs inside the caller's transaction. */
    ensureGroup(rawName: string): number {
      const { name, key } = cleanName(rawName);
      return groups.idByKey(key) ?? groups.insert(name, key, '#4a7dbd');
    },
    groupIdByName: (rawName: string) => groups.idByKey(foldForSearch(normalizeInput(rawName))),
    createGroup(data: GroupData): Group {
      const { name, key } = cleanName(data.name);
      if (groups.idByKey(key) !== null) throw new AppError('conflict', 'conflict.group_name', { value: name }, 'name');
      const id = groups.insert(name, key, data.color);
      ctx.emit('groups/changed', {});
      return getGroup(id);
    },
    updateGroup(id: number, data: GroupData): Group {
      const old = getGroup(id);
      const { name, key } = cleanName(data.name);
      const other = groups.idByKey(key);
      if (other !== null && other !== id) throw new AppError('conflict', 'conflict.group_name', { value: name }, 'name');
      db.transaction(() => {
        groups.update(id, name, key, data.color);
        // Group names are search words of their members.
        if (old.name !== name) reindex(groups.memberIds(id));
      })();
      ctx.emit('groups/changed', {});
      if (old.name !== name) ctx.emit('contacts/changed', { ids: null });
      return getGroup(id);
    },
    deleteGroup(id: number): { id: number } {
      getGroup(id);
      db.transaction(() => {
        const members = groups.memberIds(id);
        groups.delete(id);
        reindex(members);
      })();
      ctx.emit('groups/changed', {});
      ctx.emit('contacts/changed', { ids: null });
      return { id };
    },

    listFields: (): CustomField[] => fields.list().map(toField),
    fieldIdByName: (rawName: string) => fields.idByKey(foldForSearch(normalizeInput(rawName))),
    /** Finds a text field by name or creates it (import of unknown columns). Inside the caller's transaction. */
    ensureTextField(rawName: string): number {
      const { name, key } = cleanName(rawName);
      return fields.idByKey(key) ?? fields.insert(name, key, 'text', []);
    },
    createField(data: FieldData): CustomField {
      const { name, key, options } = cleanField(data);
      if (fields.idByKey(key) !== null) throw new AppError('conflict', 'conflict.field_name', { value: name }, 'name');
      const id = fields.insert(name, key, data.kind, options);
      ctx.emit('fields/changed', {});
      return getField(id);
    },
    updateField(id: number, data: FieldData): CustomField {
      const old = getField(id);
      const { name, key, options } = cleanField(data);
      const other = fields.idByKey(key);
      if (other !== null && other !== id) throw new AppError('conflict', 'conflict.field_name', { value: name }, 'name');
      if (old.kind !== data.kind && fields.valueCount(id) > 0) throw new AppError('conflict', 'conflict.field_kind', {}, 'kind');
      fields.update(id, name, key, data.kind, options);
      ctx.emit('fields/changed', {});
      return getField(id);
    },
    deleteField(id: number): { id: number } {
      getField(id);
      db.transaction(() => {
        const holders = fields.holderIds(id);
        fields.delete(id);
        reindex(holders);
      })();
      ctx.emit('fields/changed', {});
      ctx.emit('contacts/changed', { ids: null });
      return { id };
    },
  };
}
export type GroupsService = ReturnType<typeof createGroupsService>;
