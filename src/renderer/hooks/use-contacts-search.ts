/**
 * The phonebook's search behind the virtualised list, in pages (see use-paged-query.ts): every
 * keystroke searches, the latest query's answer wins, and any change to contacts refetches.
 */
import type { ContactQuery, ContactSummary } from '../../shared/contract/contacts';
import { usePagedQuery, type PagedQuery } from './use-paged-query';

export type ContactsSearch = PagedQuery<ContactSummary>;

export function useContactsSearch(query: ContactQuery): ContactsSearch {
  return usePagedQuery('contacts/search', query, {
    // The first rows do not wait for the count of a whole large phonebook: that count follows.
    input: (q, offset, limit, countLater) => ({ ...q, offset, limit, countLater }),
    countLater: true,
    page: (v) => ({ rows: v.items, total: v.total, totalExact: v.totalExact }),
    reloadOn: ['contacts/changed'],
  });
}
