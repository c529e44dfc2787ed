import type { peopleApi } from '../../shared/contract/people.api';
import type { Handlers } from '../kernel/handlers';
import type { SettingsService } from '../settings/settings.service';
import type { EngineContext } from '../kernel/context';
import type { PeopleService } from './people.service';
import { patched, storedOr } from '../kernel/patch-update';
import { printApplication } from './application.report';
import { fileInput } from '../../shared/contract/people';

export type PeopleDeps = { settings: SettingsService; ctx: EngineContext; people: PeopleService };

/** The handlers of `peopleApi` (src/shared/contract/people.api.ts). */
export function peopleHandlers({ settings, ctx, people }: PeopleDeps): Handlers<typeof peopleApi> {
  return {
    'people/search': (q) => people.search(q),
    'people/get': ({ id }) => people.get(id),
    'people/of-contact': ({ contactId }) => people.ofContact(contactId),
    'people/next-number': ({ kind }) => ({ fileNo: people.nextNumber(kind) }),
    'people/create': (data) => people.create(data),
    'people/update': ({ id, data }) => {
      // The contact is changed only when the patch carries it (the phonebook owns it otherwise).
      const f = storedOr(() => people.get(id));
      return people.update(id, patched(fileInput, f && { ...f, referrerFileId: f.referrer?.id ?? null, contact: null, contactId: null }, data));
    },
    'people/delete': ({ id }) => people.delete(id),
    'people/set-status': ({ id, status }) => people.setStatus(id, status),
    'people/hire': (input) => people.hire(input),
    'people/photo': ({ id }) => people.photo(id),
    'people/set-photo': ({ id, base64, mime }) => people.setPhoto(id, base64, mime),
    'people/add-document': ({ fileId, name, mime, base64 }) => people.addDocument(fileId, name, mime, base64),
    'people/document': ({ id }) => people.document(id),
    'people/delete-document': ({ id }) => people.deleteDocument(id),
    'people/add-interview': ({ fileId, body, author }) => people.addInterview(fileId, body, author),
    'people/delete-interview': ({ id }) => people.deleteInterview(id),
    'people/set-pin': ({ id, pin }) => people.setPin(id, pin),
    'people/print-application': ({ id }, hc) =>
      printApplication(id === null ? null : people.get(id), { lang: hc.lang, calendar: settings.get().calendar, printedAt: ctx.clock() }),
  };
}
