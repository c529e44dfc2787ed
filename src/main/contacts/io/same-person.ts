/**
 * Whether two contacts that share a phone number are the same person. An office number is shared by
 * everyone in the office, so the number alone never is: the names must agree too (the same words,
 * in any order), or one side must be only a number with no name or company of its own.
 */
import type { ContactData } from '../../../shared/contract/contacts';
import { foldedWords } from '../contacts.terms';

export type Who = { name: string; org: string };

type Named = Pick<ContactData, 'firstName' | 'middleName' | 'lastName' | 'company' | 'nickname'>;

/** The comparable identity of a contact: its folded name words sorted, and its company or nickname. */
export function whoOf(c: Named): Who {
  const words = foldedWords;
  const name = [...words(c.firstName), ...words(c.middleName), ...words(c.lastName)].sort().join(' ');
  return { name, org: name === '' ? [...words(c.company), ...words(c.nickname)].join(' ') : '' };
}

export function samePerson(a: Who, b: Who): boolean {
  const bare = (w: Who) => w.name === '' && w.org === '';
  if (bare(a) || bare(b)) return true;
  return a.name === b.name && a.org === b.org;
}
