/**
 * What a CSV header means: our own export's columns, Persian headers as people type them in Excel,
 * and the exports of Google Contacts and Outlook. Headers are compared folded (case, spaces,
 * punctuation, ZWNJ and Arabic letter forms ignored), so "E-mail Address", "email address" and
 * "پست‌الکترونیک" / "پست الکترونيك" all match.
 */
import type { PhoneKind } from '../../../shared/contract/contacts';
import { foldForSearch } from '../../../shared/text/normalize';

export type TextField = 'prefix' | 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'nickname' | 'company' | 'department' | 'jobTitle' | 'notes';
export type AddressPart = 'street' | 'street2' | 'street3' | 'extended' | 'po' | 'city' | 'province' | 'postalCode' | 'country' | 'formatted';

export type Column =
  | { role: 'text'; field: TextField }
  | { role: 'fullName' }
  | { role: 'phone'; kind: PhoneKind }
  /** Google's "Phone 1 - Type" / "Phone 1 - Value" pairs, joined by `pair`. */
  | { role: 'phoneLabel'; pair: string }
  | { role: 'phoneValue'; pair: string }
  | { role: 'extension' }
  | { role: 'email' }
  /** `set` tells apart the addresses of one row: '' (plain columns), 'business', 'address 2', … */
  | { role: 'address'; set: string; part: AddressPart }
  | { role: 'birthDate' }
  | { role: 'groups' }
  | { role: 'ignore' }
  | { role: 'extra'; name: string };

const t = (field: TextField): Column => ({ role: 'text', field });
const phone = (kind: PhoneKind): Column => ({ role: 'phone', kind });
const IGNORE: Column = { role: 'ignore' };

function table(entries: [string[], Column][]): Map<string, Column> {
  const map = new Map<string, Column>();
  for (const [keys, col] of entries) for (const k of keys) map.set(headerKey(k), col);
  return map;
}

/** Looked up by the folded header, then by the folded header without digits ("Home Phone 2"). */
const KNOWN = table([
  [['prefix', 'name prefix', 'honorific', 'پیشوند', 'عنوان'], t('prefix')],
  [['first name', 'given name', 'firstname', 'نام', 'نام کوچک'], t('firstName')],
  [['middle name', 'additional name', 'نام میانی', 'نام دوم'], t('middleName')],
  [['last name', 'family name', 'surname', 'نام خانوادگی', 'فامیلی', 'فامیل'], t('lastName')],
  [['suffix', 'name suffix', 'پسوند'], t('suffix')],
  [['nickname', 'nick name', 'نام مستعار', 'لقب'], t('nickname')],
  [['company', 'company name', 'organization', 'organisation', 'organization name', 'شرکت', 'نام شرکت', 'سازمان', 'موسسه', 'شرکت/سازمان'], t('company')],
  [['department', 'organization department', 'واحد', 'بخش', 'دپارتمان'], t('department')],
  [['job title', 'organization title', 'position', 'role', 'occupation', 'سمت', 'شغل', 'عنوان شغلی'], t('jobTitle')],
  [['notes', 'note', 'comment', 'comments', 'یادداشت', 'یادداشت‌ها', 'توضیحات', 'ملاحظات'], t('notes')],
  [['name', 'full name', 'display name', 'نام و نام خانوادگی', 'نام کامل'], { role: 'fullName' }],
  [
    ['mobile', 'mobile phone', 'cell', 'cell phone', 'cellular', 'موبایل', 'همراه', 'تلفن همراه', 'شماره همراه', 'شماره موبایل', 'تلفن موبایل'],
    phone('mobile'),
  ],
  [['work phone', 'business phone', 'office phone', 'company main phone', 'work', 'تلفن محل کار', 'تلفن کار', 'تلفن شرکت', 'تلفن دفتر'], phone('work')],
  [['home phone', 'home', 'تلفن منزل', 'تلفن خانه', 'منزل'], phone('home')],
  [['fax', 'business fax', 'home fax', 'other fax', 'work fax', 'fax number', 'فکس', 'نمابر', 'شماره فکس', 'دورنگار'], phone('fax')],
  [
    [
      'other phone',
      'phone',
      'telephone',
      'tel',
      'primary phone',
      'car phone',
      'pager',
      'callback',
      'radio phone',
      'isdn',
      'tty/tdd phone',
      'telex',
      "assistant's phone",
      'تلفن',
      'شماره تلفن',
      'شماره',
      'تلفن دیگر',
      'سایر تلفن‌ها',
      'تلفن ثابت',
    ],
    phone('other'),
  ],
  [['extension', 'ext', 'داخلی'], { role: 'extension' }],
  [['email', 'e-mail', 'email address', 'e-mail address', 'ایمیل', 'پست الکترونیک', 'پست الکترونیکی', 'رایانامه'], { role: 'email' }],
  [['birth date', 'birthday', 'date of birth', 'dob', 'تاریخ تولد', 'تولد'], { role: 'birthDate' }],
  [['groups', 'group', 'categories', 'category', 'group membership', 'labels', 'گروه', 'گروه‌ها', 'دسته', 'دسته‌بندی'], { role: 'groups' }],
  // Export noise: derived or system columns that would otherwise become a field on every contact.
  [
    [
      'e-mail display name',
      'e-mail type',
      'photo',
      'file as',
      'initials',
      'yomi name',
      'given name yomi',
      'additional name yomi',
      'family name yomi',
      'phonetic first name',
      'phonetic middle name',
      'phonetic last name',
      'priority',
      'sensitivity',
      'private',
      'gender',
      'internet free busy',
      'directory server',
      'billing information',
      'mileage',
    ],
    IGNORE,
  ],
]);

const ADDRESS_PARTS = table([
  [['street', 'address', 'street address', 'نشانی', 'آدرس', 'خیابان'], { role: 'address', set: '', part: 'street' }],
  [['street 2'], { role: 'address', set: '', part: 'street2' }],
  [['street 3'], { role: 'address', set: '', part: 'street3' }],
  [['extended address'], { role: 'address', set: '', part: 'extended' }],
  [['po box', 'address po box', 'صندوق پستی'], { role: 'address', set: '', part: 'po' }],
  [['city', 'شهر'], { role: 'address', set: '', part: 'city' }],
  [['state', 'province', 'region', 'استان'], { role: 'address', set: '', part: 'province' }],
  [['postal code', 'zip', 'zip code', 'کد پستی'], { role: 'address', set: '', part: 'postalCode' }],
  [['country', 'country/region', 'کشور'], { role: 'address', set: '', part: 'country' }],
  [['formatted'], { role: 'address', set: '', part: 'formatted' }],
]);

/** Folded header: no case, spaces, punctuation, ZWNJ or letter variants. */
export function headerKey(header: string): string {
  return foldForSearch(header).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Google's numbered groups: "Phone 1 - Value", "E-mail 2 - Type", "Address 1 - City", "Organization 1 - Name". */
const GOOGLE = /^(phone|e-?mail|address|organization|website|relation|event|im|custom field|external id)\s*(\d+)\s*-\s*(.+)$/i;

/** Meaning of each header of a file. `headers` are the raw header cells. */
export function mapColumns(headers: string[]): Column[] {
  // Outlook's "Title" is the courtesy title (Mr., Dr.); next to a "Job Title" column it cannot be the job.
  const hasJobTitle = headers.some((h) => headerKey(h) === 'jobtitle');
  return headers.map((h) => {
    const name = h.trim();
    if (headerKey(name) === '') return IGNORE;
    if (headerKey(name) === 'title') return hasJobTitle ? t('prefix') : t('jobTitle');
    return googleColumn(name) ?? outlookAddress(name) ?? known(name) ?? { role: 'extra', name };
  });
}

function known(header: string): Column | undefined {
  const key = headerKey(header);
  const col = KNOWN.get(key) ?? ADDRESS_PARTS.get(key);
  if (col) return col;
  const noDigits = key.replace(/\p{N}/gu, '');
  return noDigits === key ? undefined : KNOWN.get(noDigits);
}

function googleColumn(header: string): Column | undefined {
  const m = GOOGLE.exec(header.trim());
  if (!m) return undefined;
  const group = headerKey(m[1]!);
  const n = m[2]!;
  const part = headerKey(m[3]!);
  const label = part === 'type' || part === 'label';
  switch (group) {
    case 'phone':
      return label ? { role: 'phoneLabel', pair: n } : part === 'value' ? { role: 'phoneValue', pair: n } : IGNORE;
    case 'email':
      return part === 'value' ? { role: 'email' } : IGNORE;
    case 'address': {
      if (label) return IGNORE;
      const col = ADDRESS_PARTS.get(part);
      return col?.role === 'address' ? { ...col, set: `address ${n}` } : { role: 'extra', name: header.trim() };
    }
    case 'organization':
      if (n === '1' && part === 'name') return t('company');
      if (n === '1' && part === 'title') return t('jobTitle');
      if (n === '1' && part === 'department') return t('department');
      return label || part === 'yominame' ? IGNORE : { role: 'extra', name: header.trim() };
    case 'website':
      return part === 'value' ? { role: 'extra', name: 'Website' } : IGNORE;
    default:
      return label ? IGNORE : { role: 'extra', name: header.trim() };
  }
}

/** Outlook's "Business Street", "Home Postal Code", "Other Country/Region", "Home Address PO Box". */
function outlookAddress(header: string): Column | undefined {
  const key = headerKey(header);
  for (const set of ['business', 'home', 'other']) {
    if (!key.startsWith(set)) continue;
    const col = ADDRESS_PARTS.get(key.slice(set.length));
    if (col?.role === 'address' && col.part !== 'formatted') return { ...col, set };
  }
  return undefined;
}
