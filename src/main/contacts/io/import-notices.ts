/** The import preview's notices in the user's language: why a record is skipped, what was changed in it. */
import { toPersianDigits } from '../../../shared/text/digits';
import type { Lang } from '../../i18n/messages';
import type { NoticeWhat } from './import-review';

const fa = (n: number) => toPersianDigits(String(n));

type Texts = {
  field: Record<string, string>;
  text: { [K in NoticeWhat['kind']]: (w: Extract<NoticeWhat, { kind: K }>) => string };
};

const FA: Texts = {
  field: {
    prefix: 'پیشوند',
    firstName: 'نام',
    middleName: 'نام میانی',
    lastName: 'نام خانوادگی',
    suffix: 'پسوند',
    nickname: 'نام مستعار',
    company: 'شرکت',
    department: 'واحد',
    jobTitle: 'سمت',
    street: 'نشانی',
    city: 'شهر',
    province: 'استان',
    postalCode: 'کد پستی',
    country: 'کشور',
    notes: 'یادداشت',
    fieldValue: 'مقدار فیلد اضافه',
    phones: 'شماره تلفن',
    emails: 'ایمیل',
    groupIds: 'گروه',
    fields: 'فیلد اضافه',
  },
  text: {
    unreadable: (w) => `متن خط ${fa(w.line)} خوانا نیست (کدگذاری خراب)؛ این مخاطب وارد نمی‌شود.`,
    bad_bytes: (w) => `خط ${fa(w.line)} بایت‌هایی دارد که UTF-8 نیستند؛ این مخاطب وارد نمی‌شود تا متن خراب ذخیره نشود.`,
    no_name: (w) => `نه نامی دارد، نه شرکتی، نه شماره‌ای${w.emails ? ` (فقط ایمیل: ${w.emails})` : ''}؛ وارد نمی‌شود.`,
    too_long: (w) => `«${FA.field[w.field] ?? w.field}» بیش از ${fa(w.max)} نویسه است؛ وارد نمی‌شود.`,
    too_many: (w) => `${fa(w.count)} ${FA.field[w.field] ?? w.field} دارد و بیشینه ${fa(w.max)} است؛ وارد نمی‌شود.`,
    phone_to_notes: (w) => `«${w.value}» شماره تلفن نیست؛ در یادداشت نگه داشته شد.`,
    email_to_notes: (w) => `«${w.value}» نشانی ایمیل درستی نیست؛ در یادداشت نگه داشته شد.`,
    field_to_notes: (w) => `«${w.value}» برای فیلد «${w.field}» درست نیست؛ در یادداشت نگه داشته شد.`,
    birthday_no_year: (w) => `تاریخ تولد «${w.value}» سال ندارد؛ وارد نشد.`,
    birthday_invalid: (w) => `تاریخ تولد «${w.value}» خوانا نیست؛ وارد نشد.`,
    extra_org: (w) => `شرکت دوم «${w.value}» وارد نشد (هر مخاطب یک شرکت دارد).`,
    shares_number: (w) => `شماره‌ای مشترک با «${w.with}» دارد ولی نامش فرق دارد؛ مخاطب جدا افزوده می‌شود.`,
  },
};

const EN: Texts = {
  field: {
    prefix: 'prefix',
    firstName: 'first name',
    middleName: 'middle name',
    lastName: 'last name',
    suffix: 'suffix',
    nickname: 'nickname',
    company: 'company',
    department: 'department',
    jobTitle: 'job title',
    street: 'street',
    city: 'city',
    province: 'province',
    postalCode: 'postal code',
    country: 'country',
    notes: 'notes',
    fieldValue: 'extra field value',
    phones: 'phone numbers',
    emails: 'emails',
    groupIds: 'groups',
    fields: 'extra fields',
  },
  text: {
    unreadable: (w) => `The text on line ${w.line} cannot be read (broken encoding); this contact is not imported.`,
    bad_bytes: (w) => `Line ${w.line} holds bytes that are not UTF-8; this contact is not imported, so no garbled text is stored.`,
    no_name: (w) => `No name, company or phone number${w.emails ? ` (only an email: ${w.emails})` : ''}; not imported.`,
    too_long: (w) => `The ${EN.field[w.field] ?? w.field} is longer than ${w.max} characters; not imported.`,
    too_many: (w) => `${w.count} ${EN.field[w.field] ?? w.field}, at most ${w.max} are allowed; not imported.`,
    phone_to_notes: (w) => `“${w.value}” is not a phone number; kept in the notes.`,
    email_to_notes: (w) => `“${w.value}” is not a valid email address; kept in the notes.`,
    field_to_notes: (w) => `“${w.value}” is not a valid value for “${w.field}”; kept in the notes.`,
    birthday_no_year: (w) => `The birthday “${w.value}” has no year; not imported.`,
    birthday_invalid: (w) => `The birthday “${w.value}” cannot be read; not imported.`,
    extra_org: (w) => `A second company “${w.value}” was not imported (a contact has one company).`,
    shares_number: (w) => `Shares a number with “${w.with}” but the name differs; added as a separate contact.`,
  },
};

export function noticeText(w: NoticeWhat, lang: Lang): string {
  const t = (lang === 'fa' ? FA : EN).text[w.kind] as (x: NoticeWhat) => string;
  return t(w);
}
