/** The contacts table's columns of a cleaned contact: one function for the form's saves and the import's reader thread, so both write the same row. */
import type { ContactData } from '../../shared/contract/contacts';
import { TERM_SEPARATOR, type ContactColumns } from './contacts.repo';
import { displayNameOf, sortKeyOf, sortNameOf } from './contacts.terms';

export function columnsOf(data: ContactData, terms: readonly string[]): ContactColumns {
  return {
    prefix: data.prefix,
    first_name: data.firstName,
    middle_name: data.middleName,
    last_name: data.lastName,
    suffix: data.suffix,
    nickname: data.nickname,
    company: data.company,
    department: data.department,
    job_title: data.jobTitle,
    street: data.street,
    city: data.city,
    province: data.province,
    postal_code: data.postalCode,
    country: data.country,
    birth_date: data.birthDate,
    notes: data.notes,
    display_name: displayNameOf(data),
    sort_key: sortKeyOf(sortNameOf(data)),
    search_text: terms.join(TERM_SEPARATOR),
  };
}
