/**
 * The phonebook: contacts, groups and extra fields.
 * Each request says what it guarantees and how it fails; request.ts explains the builder.
 */
import { z } from 'zod';
import { contactInput, fieldInput, groupInput, searchInput, type Contact, type CustomField, type Group, type PhoneMatch, type SearchResult } from './contacts';
import { patchOf } from './patch';
import { request, id, none, type RequestMap } from './request';

/** Update requests take a patch: the keys it carries change, the others keep their stored value (patch.ts). */
const contactPatch = patchOf(contactInput);
const groupPatch = patchOf(groupInput);
const fieldPatch = patchOf(fieldInput);

export const contactsApi = {
  /** Search as you type, ordered by name (no text) or by the best-matching word (text). */
  'contacts/search': request(searchInput).reads('contacts.read').returns<SearchResult>(),
  /** Full contact with phones, groups, extra fields and timeline. Fails with 'not_found'. */
  'contacts/get': request(z.object({ id })).reads('contacts.read').returns<Contact>(),
  /** Creates a contact; 'validation' names the first bad field (e.g. 'phones.1.number'). */
  'contacts/create': request(contactInput).writes('contacts.write').returns<Contact>(),
  /** Changes the details it carries, the others keep their value (timeline notes are kept). */
  'contacts/update': request(z.object({ id, data: contactPatch }))
    .writes('contacts.write')
    .returns<Contact>(),
  'contacts/delete': request(z.object({ id })).writes('contacts.write').returns<{ id: number }>(),
  /** Contacts that already have this number (in any format); for the duplicate flag and caller ID. */
  'contacts/find-by-phone': request(z.object({ number: z.string().max(40), excludeId: id.nullable().default(null) }))
    .reads('contacts.read')
    .returns<PhoneMatch[]>(),
  /** Adds a timeline note; the author defaults to the user name in settings. */
  'contacts/add-note': request(z.object({ contactId: id, body: z.string().max(10000), author: z.string().max(100).default('') }))
    .writes('contacts.write')
    .returns<Contact>(),
  'contacts/delete-note': request(z.object({ id })).writes('contacts.write').returns<Contact>(),
  'groups/list': request(none).reads('contacts.read').returns<Group[]>(),
  'groups/create': request(groupInput).writes('contacts.write').returns<Group>(),
  'groups/update': request(z.object({ id, data: groupPatch }))
    .writes('contacts.write')
    .returns<Group>(),
  /** Deletes the group; its contacts stay. */
  'groups/delete': request(z.object({ id })).writes('contacts.write').returns<{ id: number }>(),
  'fields/list': request(none).reads('contacts.read').returns<CustomField[]>(),
  'fields/create': request(fieldInput).writes('contacts.admin').returns<CustomField>(),
  /** Renames or changes options; the kind of a field that has values cannot change ('conflict'). */
  'fields/update': request(z.object({ id, data: fieldPatch }))
    .writes('contacts.admin')
    .returns<CustomField>(),
  /** Deletes the field and its values. */
  'fields/delete': request(z.object({ id })).writes('contacts.admin').returns<{ id: number }>(),
} satisfies RequestMap;

/** Events of this domain, pushed from the engine to every connected UI. */
export type ContactsEvents = {
  /** Contacts were created, changed, deleted or imported (ids null = many). */
  'contacts/changed': { ids: number[] | null };
  'groups/changed': Record<string, never>;
  'fields/changed': Record<string, never>;
};
