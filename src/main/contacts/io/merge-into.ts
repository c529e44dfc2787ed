/** How an imported record is merged into the contact it duplicates (io.service's commit, onDuplicate 'merge'). */
import type { Contact, ContactData } from '../../../shared/contract/contacts';

/** Fills the existing contact's empty details from the incoming record; adds new phones, emails, groups, fields. */
export function mergeInto(existing: Contact, incoming: ContactData, keyOf: (number: string) => string | null): ContactData {
  const base: ContactData = { ...existing, phones: existing.phones.map(({ kind, number, extension }) => ({ kind, number, extension })) };
  const scalars = [
    'prefix',
    'firstName',
    'middleName',
    'lastName',
    'suffix',
    'nickname',
    'company',
    'department',
    'jobTitle',
    'street',
    'city',
    'province',
    'postalCode',
    'country',
  ] as const;
  for (const k of scalars) if (base[k] === '' && incoming[k] !== '') base[k] = incoming[k];
  if (base.birthDate === null) base.birthDate = incoming.birthDate;
  const keys = new Set(existing.phones.map((p) => p.key ?? p.number));
  for (const p of incoming.phones) {
    const key = keyOf(p.number) ?? p.number;
    if (!keys.has(key)) {
      keys.add(key);
      base.phones.push(p);
    }
  }
  const mails = new Set(base.emails.map((e) => e.address.toLowerCase()));
  for (const e of incoming.emails) if (!mails.has(e.address.toLowerCase())) base.emails.push(e);
  base.groupIds = [...new Set([...base.groupIds, ...incoming.groupIds])];
  const have = new Set(base.fields.map((f) => f.fieldId));
  base.fields = [...base.fields, ...incoming.fields.filter((f) => !have.has(f.fieldId))];
  if (incoming.notes && !base.notes.includes(incoming.notes)) base.notes = base.notes ? `${base.notes}\n${incoming.notes}` : incoming.notes;
  return base;
}
