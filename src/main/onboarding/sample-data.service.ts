/**
 * Sample data for a first try: a handful of contacts, all in one group named as sample data, added
 * from the first-run guide and removed in one step. The group's id is kept in the settings, so only
 * what this service added is ever removed — a contact the user moved into the group by hand is not.
 */
import { contactInput, type ContactInput } from '../../shared/contract/contacts';
import type { ContactsService } from '../contacts/contacts.service';
import type { GroupsService } from '../contacts/groups.service';
import type { EngineContext } from '../kernel/context';
import { message, type Lang } from '../i18n/messages';
import type { SettingsService } from '../settings/settings.service';

type Deps = {
  ctx: EngineContext;
  contacts: ContactsService;
  groups: GroupsService;
  settings: SettingsService;
  /** A contact that may not be deleted (it has a people file): left in place on removal. */
  isProtected: (contactId: number) => boolean;
};

const SAMPLE: Omit<ContactInput, 'groupIds' | 'notes'>[] = [
  {
    prefix: 'مهندس',
    firstName: 'حسین',
    lastName: 'کریمی',
    company: 'نوآوران پارس',
    jobTitle: 'مدیر فروش',
    phones: [
      { kind: 'mobile', number: '0912 100 2030' },
      { kind: 'work', number: '8877 6655', extension: '12' },
    ],
  },
  { firstName: 'مریم', lastName: 'احمدی', company: 'بانک ملت', jobTitle: 'کارشناس اعتبارات', phones: [{ kind: 'work', number: '2244 5566' }] },
  { prefix: 'دکتر', firstName: 'سارا', lastName: 'رضایی', phones: [{ kind: 'mobile', number: '0935 111 2233' }], birthDate: '1988-04-20' },
  {
    firstName: 'رضا',
    lastName: 'محمدی',
    company: 'پخش البرز',
    jobTitle: 'انباردار',
    phones: [
      { kind: 'mobile', number: '0919 444 5566' },
      { kind: 'work', number: '4433 2211' },
    ],
  },
  { company: 'شرکت بیمه دانا', phones: [{ kind: 'work', number: '8899 1000' }] },
  {
    firstName: 'Anna',
    lastName: 'Schmidt',
    company: 'Nordtech GmbH',
    phones: [{ kind: 'work', number: '+49 30 1234567' }],
    emails: [{ address: 'anna@nordtech.example' }],
  },
];

export function createSampleDataService({ ctx, contacts, groups, settings, isProtected }: Deps) {
  const sampleGroup = () => {
    const id = settings.get().sampleGroupId;
    return id === null ? null : (groups.listGroups().find((g) => g.id === id) ?? null);
  };
  const members = (groupId: number) => [...contacts.matchingIds({ text: '', groupId, filters: [] })];

  return {
    /** Adds the sample contacts (once: a second call returns the ones already there). */
    add(lang: Lang): { groupId: number; count: number } {
      const existing = sampleGroup();
      if (existing) return { groupId: existing.id, count: members(existing.id).length };
      const group = groups.createGroup({ name: message(lang, 'sample.group'), color: '#8a6d00' });
      const note = message(lang, 'sample.note');
      for (const c of SAMPLE) contacts.create(contactInput.parse({ ...c, groupIds: [group.id], notes: note }));
      settings.update({ sampleGroupId: group.id });
      ctx.emit('settings/changed', settings.get());
      return { groupId: group.id, count: SAMPLE.length };
    },
    /** Removes every contact of the sample group, then the group; a contact the user gave a file stays. */
    remove(): { removed: number } {
      const group = sampleGroup();
      let removed = 0;
      if (group) {
        for (const id of members(group.id)) {
          if (isProtected(id)) continue;
          contacts.delete(id);
          removed++;
        }
        groups.deleteGroup(group.id);
      }
      settings.update({ sampleGroupId: null });
      ctx.emit('settings/changed', settings.get());
      return { removed };
    },
  };
}
