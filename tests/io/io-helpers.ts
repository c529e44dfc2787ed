/** Fixture reading and sample contacts for the import/export tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Contact, ContactData } from '../../src/shared/contract/contacts';
import { displayNameOf } from '../../src/main/contacts/contacts.terms';
import { decodeText } from '../../src/main/contacts/io/detect';
import { ImportParseError } from '../../src/main/contacts/io/record';
import { formatPhone, IRAN_TEHRAN, normalizePhone } from '../../src/shared/text/phone';

export const fixtureBytes = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name));
export const fixture = (name: string) => decodeText(fixtureBytes(name));

/** The ImportParseError `fn` throws (fails the test when it throws nothing or something else). */
export function parseError(fn: () => unknown): ImportParseError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportParseError) return e;
    throw e;
  }
  throw new Error('expected an ImportParseError');
}

export const blank = (): ContactData => ({
  prefix: '',
  firstName: '',
  middleName: '',
  lastName: '',
  suffix: '',
  nickname: '',
  company: '',
  department: '',
  jobTitle: '',
  phones: [],
  emails: [],
  street: '',
  city: '',
  province: '',
  postalCode: '',
  country: '',
  birthDate: null,
  notes: '',
  groupIds: [],
  fields: [],
});

/** A stored contact as the service would return it, with keys and display forms in the Tehran plan. */
export function stored(id: number, data: Partial<ContactData>): Contact {
  const d = { ...blank(), ...data };
  return {
    ...d,
    id,
    displayName: displayNameOf(d),
    phones: d.phones.map((p) => {
      const n = normalizePhone(p.number, IRAN_TEHRAN);
      return { ...p, key: n?.key ?? null, display: n ? formatPhone(n, IRAN_TEHRAN) : p.number };
    }),
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    timeline: [],
  };
}

export const GROUPS = new Map([
  [1, 'مشتریان'],
  [2, 'همکاران VIP'],
  [3, 'تامین‌کنندگان'],
]);
export const groupName = (id: number) => GROUPS.get(id) ?? '';
export const FIELDS = [
  { id: 7, name: 'کد ملی', kind: 'text' as const, options: [], position: 2 },
  { id: 8, name: 'Account; "code"', kind: 'text' as const, options: [], position: 1 },
];

/** Contacts that exercise escaping, folding and every detail. */
export function sampleContacts(): Contact[] {
  return [
    stored(1, {
      prefix: 'مهندس',
      firstName: 'محمدرضا',
      middleName: 'علی',
      lastName: 'پورمحمد',
      suffix: 'Jr.',
      nickname: 'رضا، کوچیکه',
      company: 'شرکت «نوآوران»; سهامی خاص',
      department: 'فروش, صادرات',
      jobTitle: 'مدیر فروش\\بازاریابی',
      phones: [
        { kind: 'mobile', number: '0912 123 4567', extension: '' },
        { kind: 'mobile', number: '0935 111 2233', extension: '' },
        { kind: 'work', number: '021 8877 6655', extension: '204' },
        { kind: 'home', number: '021 2244 6688', extension: '' },
        { kind: 'fax', number: '021 8877 6656', extension: '' },
        { kind: 'other', number: '+44 20 7946 0000', extension: '' },
      ],
      emails: [{ address: 'reza@novin.example' }, { address: 'r.pour@mail.example' }],
      street: 'خیابان ولی‌عصر، نبش کوچهٔ ۱۲; پلاک ۳\nطبقهٔ دوم، واحد ۴',
      city: 'تهران',
      province: 'تهران',
      postalCode: '1415893743',
      country: 'ایران',
      birthDate: '1990-05-01',
      notes:
        'تماس فقط صبح‌ها، قبل از ساعت ۱۰؛ منشی: خانم احمدی.\nپیش‌فاکتور با ایمیل; نه فکس, لطفاً.\n' +
        'یک یادداشت طولانی که باید در چند خط تا شود تا شکستن خط در میان نویسه‌های چندبایتی آزموده شود 🙂 و تمام.',
      groupIds: [1, 2],
      fields: [
        { fieldId: 7, value: '0012345678' },
        { fieldId: 8, value: 'A-1024, =SUM(1)' },
      ],
    }),
    stored(2, { company: 'داروسازی سینا', phones: [{ kind: 'work', number: '021 6655 4433', extension: '' }], groupIds: [3] }),
    stored(3, { nickname: 'نگهبان', phones: [{ kind: 'mobile', number: '0912 000 1122', extension: '' }] }),
    stored(4, { firstName: 'John', lastName: "O'Neil", emails: [{ address: 'john@example.com' }], notes: '-not a formula', birthDate: '1975-12-31' }),
  ];
}
