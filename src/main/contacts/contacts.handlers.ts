import type { contactsApi } from '../../shared/contract/contacts.api';
import type { Handlers } from '../kernel/handlers';
import type { ContactsService } from './contacts.service';
import type { GroupsService } from './groups.service';
import type { PeopleService } from '../people/people.service';
import { patched, storedOr } from '../kernel/patch-update';
import { contactInput, fieldInput, groupInput } from '../../shared/contract/contacts';

export type ContactsDeps = { contacts: ContactsService; groups: GroupsService; people: Pick<PeopleService, 'assertContactDeletable'> };

/** The handlers of `contactsApi` (src/shared/contract/contacts.api.ts). */
export function contactsHandlers({ contacts, groups, people }: ContactsDeps): Handlers<typeof contactsApi> {
  return {
    'contacts/search': (q) => contacts.search(q),
    'contacts/get': ({ id }) => contacts.get(id),
    'contacts/create': (data) => contacts.create(data),
    'contacts/update': ({ id, data }) =>
      contacts.update(
        id,
        patched(
          contactInput,
          storedOr(() => contacts.get(id)),
          data,
        ),
      ),
    'contacts/delete': ({ id }) => {
      people.assertContactDeletable(id);
      return contacts.delete(id);
    },
    'contacts/find-by-phone': ({ number, excludeId }) => contacts.findByPhone(number, excludeId),
    'contacts/add-note': ({ contactId, body, author }) => contacts.addNote(contactId, body, author),
    'contacts/delete-note': ({ id }) => contacts.deleteNote(id),
    'groups/list': () => groups.listGroups(),
    'groups/create': (data) => groups.createGroup(data),
    'groups/update': ({ id, data }) =>
      groups.updateGroup(
        id,
        patched(
          groupInput,
          groups.listGroups().find((g) => g.id === id),
          data,
        ),
      ),
    'groups/delete': ({ id }) => groups.deleteGroup(id),
    'fields/list': () => groups.listFields(),
    'fields/create': (data) => groups.createField(data),
    'fields/update': ({ id, data }) =>
      groups.updateField(
        id,
        patched(
          fieldInput,
          groups.listFields().find((f) => f.id === id),
          data,
        ),
      ),
    'fields/delete': ({ id }) => groups.deleteField(id),
  };
}
