/**
 * Words printed on phonebook reports. The caller (the engine) passes them already translated;
 * any it leaves out fall back to the built-in Persian or English wording below, so a report never
 * shows a raw key. `{page}`, `{pages}` and `{count}` are filled in with digits of the language.
 */
import type { PhoneKind } from '../../shared/contract/contacts';

export const CONTACT_LABEL_KEYS = [
  'rowNumber',
  'name',
  'companyJob',
  'company',
  'department',
  'jobTitle',
  'nickname',
  'phones',
  'emails',
  'address',
  'postalCode',
  'birthDate',
  'groups',
  'notes',
  'timeline',
  'extension',
  'printedAt',
  'page',
  'count',
  'yes',
  'no',
  'empty',
  'phone.mobile',
  'phone.work',
  'phone.home',
  'phone.fax',
  'phone.other',
] as const;

export type ContactLabelKey = (typeof CONTACT_LABEL_KEYS)[number];
export type ContactPrintLabels = Record<ContactLabelKey, string>;

const fa: ContactPrintLabels = {
  rowNumber: 'ردیف',
  name: 'نام',
  companyJob: 'شرکت / سمت',
  company: 'شرکت',
  department: 'بخش',
  jobTitle: 'سمت',
  nickname: 'نام مستعار',
  phones: 'تلفن‌ها',
  emails: 'ایمیل',
  address: 'نشانی',
  postalCode: 'کد پستی',
  birthDate: 'تاریخ تولد',
  groups: 'گروه‌ها',
  notes: 'یادداشت',
  timeline: 'یادداشت‌ها و رویدادها',
  extension: 'داخلی',
  printedAt: 'تاریخ چاپ',
  page: 'صفحه {page} از {pages}',
  count: '{count} مخاطب',
  yes: 'بله',
  no: 'خیر',
  empty: 'مخاطبی برای چاپ نیست.',
  'phone.mobile': 'همراه',
  'phone.work': 'کار',
  'phone.home': 'منزل',
  'phone.fax': 'فکس',
  'phone.other': 'دیگر',
};

const en: ContactPrintLabels = {
  rowNumber: '#',
  name: 'Name',
  companyJob: 'Company / Job title',
  company: 'Company',
  department: 'Department',
  jobTitle: 'Job title',
  nickname: 'Nickname',
  phones: 'Phones',
  emails: 'E-mail',
  address: 'Address',
  postalCode: 'Postal code',
  birthDate: 'Birth date',
  groups: 'Groups',
  notes: 'Notes',
  timeline: 'Notes and events',
  extension: 'ext.',
  printedAt: 'Printed',
  page: 'Page {page} of {pages}',
  count: '{count} contacts',
  yes: 'Yes',
  no: 'No',
  empty: 'No contacts to print.',
  'phone.mobile': 'Mobile',
  'phone.work': 'Work',
  'phone.home': 'Home',
  'phone.fax': 'Fax',
  'phone.other': 'Other',
};

/** The caller's labels over the built-in ones of the language; empty strings count as missing. */
export function resolveLabels(lang: 'fa' | 'en', given: Partial<Record<string, string>> = {}): ContactPrintLabels {
  const out = { ...(lang === 'fa' ? fa : en) };
  for (const key of CONTACT_LABEL_KEYS) {
    const v = given[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

export function phoneKindLabel(labels: ContactPrintLabels, kind: PhoneKind): string {
  return labels[`phone.${kind}`];
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}
