/**
 * Every message the engine can send to a user, in both languages. Keys are typed: `en` must have
 * exactly the keys of `fa`. `{name}` placeholders are filled by `message()`.
 */
import { localDigits } from '../../shared/text/digits';

const fa = {
  'validation.generic': 'مقدار «{field}» درست نیست.',
  'validation.required_name': 'دست‌کم یکی از نام، نام خانوادگی، شرکت یا یک شماره تلفن را بنویسید.',
  'validation.phone': 'شماره تلفن «{value}» خوانا نیست.',
  'validation.extension': 'داخلی فقط می‌تواند رقم باشد.',
  'validation.email': 'نشانی ایمیل «{value}» درست نیست.',
  'validation.date': 'تاریخ «{value}» درست نیست.',
  'validation.number': '«{value}» عدد نیست.',
  'validation.choice': '«{value}» از گزینه‌های این فیلد نیست.',
  'validation.bool': 'مقدار بله/خیر درست نیست.',
  'validation.too_long': '«{field}» بیش از اندازه بلند است.',
  'validation.empty_name': 'نام را بنویسید.',
  'validation.empty_note': 'متن یادداشت خالی است.',
  'validation.unknown_group': 'گروه انتخاب‌شده دیگر وجود ندارد.',
  'validation.unknown_field': 'فیلد انتخاب‌شده دیگر وجود ندارد.',
  'validation.choice_options': 'برای فیلد چندگزینه‌ای دست‌کم یک گزینه بنویسید.',
  'validation.setting': 'مقدار تنظیم «{field}» درست نیست.',
  'not_found.contact': 'این مخاطب پیدا نشد؛ شاید حذف شده باشد.',
  'not_found.note': 'این یادداشت پیدا نشد.',
  'not_found.group': 'این گروه پیدا نشد.',
  'not_found.field': 'این فیلد پیدا نشد.',
  'conflict.group_name': 'گروهی به نام «{value}» از قبل هست.',
  'conflict.field_name': 'فیلدی به نام «{value}» از قبل هست.',
  'conflict.field_kind': 'نوع فیلدی که مقدار دارد را نمی‌توان عوض کرد.',
  'import.parse': 'خط {line}: {reason}',
  'import.empty': 'در این فایل هیچ مخاطبی نیست.',
  'import.unknown_format': 'قالب این فایل شناخته نشد؛ فایل vCard (.vcf) یا CSV انتخاب کنید.',
  'import.expired': 'پیش‌نمایش این ورود منقضی شده است؛ فایل را دوباره انتخاب کنید.',
  'print.too_many': 'فهرست {count} مخاطب برای چاپ بلند است؛ حداکثر {max} مخاطب را با جست‌وجو یا گروه جدا کنید.',
  'print.title_list': 'فهرست مخاطبان',
  'print.title_filtered': 'فهرست مخاطبان — {filter}',
  'not_found.line': 'این خط تلفن پیدا نشد.',
  'not_found.call': 'این تماس پیدا نشد.',
  'line.port_required': 'برای خط مودم، درگاه (پورت) را انتخاب کنید.',
  'line.port_taken': 'درگاه «{value}» را خط دیگری به کار می‌برد.',
  'line.unavailable': 'هیچ خط آزادی برای شماره‌گیری نیست؛ در بخش «خطوط» یک خط اضافه کنید یا وصل بودن مودم را بررسی کنید.',
  'line.not_connected': 'مودم این خط وصل نیست ({detail}).',
  'line.busy': 'این خط اکنون مشغول است.',
  'line.not_ringing': 'این خط اکنون زنگ نمی‌زند.',
  'line.not_demo': 'فقط خط نمایشی را می‌توان آزمایشی به زنگ درآورد.',
  'line.bad_number': 'شمارهٔ «{value}» را نمی‌توان گرفت.',
  'line.bad_caller_number': '«{value}» شمارهٔ تلفن نیست؛ فقط رقم، و در صورت نیاز + در آغاز.',
  'line.pty_unavailable': 'در این سیستم درگاه مجازی ساخته نمی‌شود؛ از خط نمایشی استفاده کنید.',
  'calls.report_title': 'گزارش تماس‌ها',
  'calls.incoming': 'ورودی',
  'calls.answered': 'پاسخ‌داده',
  'calls.missed': 'بی‌پاسخ',
  'calls.outgoing': 'خروجی',
  'calls.unreturned': 'پیگیری‌نشده',
  'calls.talk_time': 'مدت مکالمه (دقیقه)',
  'calls.per_day': 'تماس‌ها در هر روز',
  'calls.per_hour': 'تماس‌ها در ساعت‌های روز',
  'calls.top_callers': 'بیشترین تماس‌گیرندگان',
  'calls.number': 'شماره',
  'calls.contact': 'مخاطب',
  'calls.calls': 'تماس',
  'calls.unreturned_list': 'تماس‌های بی‌پاسخی که هنوز پاسخ داده نشده‌اند',
  'calls.time': 'زمان',
  'calls.none': 'موردی نیست.',
  'calls.page': 'صفحهٔ {page} از {pages}',
  'internal': 'خطای داخلی رخ داد؛ چیزی ذخیره نشد. جزئیات در گزارش برنامه ثبت شد.',
  'auth': 'دسترسی رد شد.',
  'db.newer': 'این پایگاه داده با نسخهٔ جدیدتری از منشی ساخته شده است (نسخهٔ {found}، این برنامه تا {known}). منشی را به‌روز کنید؛ به فایل دست زده نشد.',
  'db.migration': 'به‌روزرسانی پایگاه داده به نسخهٔ {version} ناکام ماند: {reason}. فایل دست‌نخورده ماند.',
};

export type MessageKey = keyof typeof fa;

const en: Record<MessageKey, string> = {
  'validation.generic': '“{field}” is not valid.',
  'validation.required_name': 'Enter at least a first name, last name, company or one phone number.',
  'validation.phone': 'The phone number “{value}” cannot be read.',
  'validation.extension': 'An extension can only contain digits.',
  'validation.email': 'The email address “{value}” is not valid.',
  'validation.date': 'The date “{value}” is not valid.',
  'validation.number': '“{value}” is not a number.',
  'validation.choice': '“{value}” is not one of this field’s choices.',
  'validation.bool': 'The yes/no value is not valid.',
  'validation.too_long': '“{field}” is too long.',
  'validation.empty_name': 'Enter a name.',
  'validation.empty_note': 'The note is empty.',
  'validation.unknown_group': 'A selected group no longer exists.',
  'validation.unknown_field': 'A selected field no longer exists.',
  'validation.choice_options': 'A choice field needs at least one option.',
  'validation.setting': 'The setting “{field}” is not valid.',
  'not_found.contact': 'This contact was not found; it may have been deleted.',
  'not_found.note': 'This note was not found.',
  'not_found.group': 'This group was not found.',
  'not_found.field': 'This field was not found.',
  'conflict.group_name': 'A group named “{value}” already exists.',
  'conflict.field_name': 'A field named “{value}” already exists.',
  'conflict.field_kind': 'The kind of a field that has values cannot be changed.',
  'import.parse': 'Line {line}: {reason}',
  'import.empty': 'This file holds no contacts.',
  'import.unknown_format': 'The file format was not recognised; choose a vCard (.vcf) or CSV file.',
  'import.expired': 'This import preview has expired; choose the file again.',
  'print.too_many': 'A list of {count} contacts is too long to print; narrow it to at most {max} with a search or a group.',
  'print.title_list': 'Contact list',
  'print.title_filtered': 'Contact list — {filter}',
  'internal': 'An internal error occurred; nothing was saved. Details are in the app log.',
  'auth': 'Access denied.',
  'db.newer': 'This database was written by a newer Monshi (version {found}; this app knows up to {known}). Update Monshi; the file was not touched.',
  'not_found.line': 'This telephone line was not found.',
  'not_found.call': 'This call was not found.',
  'line.port_required': 'Choose the port of the modem line.',
  'line.port_taken': 'Port “{value}” is already used by another line.',
  'line.unavailable': 'No line is free to dial; add one under Lines or check that the modem is connected.',
  'line.not_connected': 'The modem of this line is not connected ({detail}).',
  'line.busy': 'This line is busy right now.',
  'line.not_ringing': 'This line is not ringing.',
  'line.not_demo': 'Only the demo line can be made to ring.',
  'line.bad_number': 'The number “{value}” cannot be dialled.',
  'line.bad_caller_number': '“{value}” is not a telephone number: digits only, with + in front if needed.',
  'line.pty_unavailable': 'This system cannot create a virtual port; use the demo line.',
  'calls.report_title': 'Call report',
  'calls.incoming': 'Incoming',
  'calls.answered': 'Answered',
  'calls.missed': 'Missed',
  'calls.outgoing': 'Outgoing',
  'calls.unreturned': 'Not returned',
  'calls.talk_time': 'Talk time (minutes)',
  'calls.per_day': 'Calls per day',
  'calls.per_hour': 'Calls by hour of the day',
  'calls.top_callers': 'Top callers',
  'calls.number': 'Number',
  'calls.contact': 'Contact',
  'calls.calls': 'Calls',
  'calls.unreturned_list': 'Missed calls not yet returned',
  'calls.time': 'Time',
  'calls.none': 'None.',
  'calls.page': 'Page {page} of {pages}',
  'db.migration': 'Upgrading the database to version {version} failed: {reason}. The file was left as it was.',
};

export type Lang = 'fa' | 'en';
const catalogues: Record<Lang, Record<MessageKey, string>> = { fa, en };

/** Fills `{name}` placeholders; numbers are written in the language's digits. */
export function message(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (_, p: string) => {
    const v = params[p];
    if (v === undefined) return '';
    return typeof v === 'number' ? localDigits(v, lang) : p === 'field' ? fieldLabel(lang, v) : v;
  });
}

/** What users call the fields the engine may name in an error ('phones.1.number' → 'phone number'). */
const FIELD_LABELS: Record<string, [fa: string, en: string]> = {
  prefix: ['پیشوند', 'prefix'], firstName: ['نام', 'first name'], middleName: ['نام میانی', 'middle name'],
  lastName: ['نام خانوادگی', 'last name'], suffix: ['پسوند', 'suffix'], nickname: ['نام مستعار', 'nickname'],
  company: ['شرکت', 'company'], department: ['بخش', 'department'], jobTitle: ['سمت', 'job title'],
  number: ['شماره تلفن', 'phone number'], extension: ['داخلی', 'extension'], address: ['ایمیل', 'email'],
  street: ['نشانی', 'street'], city: ['شهر', 'city'], province: ['استان', 'province'], postalCode: ['کد پستی', 'postal code'],
  country: ['کشور', 'country'], birthDate: ['تاریخ تولد', 'birth date'], notes: ['یادداشت', 'notes'], body: ['متن یادداشت', 'note'],
  name: ['نام', 'name'], color: ['رنگ', 'colour'], options: ['گزینه‌ها', 'options'], kind: ['نوع', 'kind'],
  language: ['زبان', 'language'], calendar: ['تقویم', 'calendar'], phoneCountryCode: ['کد کشور', 'country code'],
  phoneAreaCode: ['کد شهر', 'area code'], userName: ['نام کاربر', 'user name'], text: ['متن جست‌وجو', 'search text'],
  port: ['درگاه', 'port'], callerIdMode: ['حالت شناسهٔ تماس‌گیرنده', 'caller-ID mode'], ringsBeforeAnswer: ['تعداد زنگ پیش از پاسخ', 'rings before answering'],
  extraInit: ['فرمان‌های راه‌اندازی', 'init commands'], lineId: ['خط', 'line'], from: ['از تاریخ', 'from date'], to: ['تا تاریخ', 'to date'],
};

export function fieldLabel(lang: Lang, path: string): string {
  const parts = path.split('.');
  const last = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? path;
  const label = FIELD_LABELS[last];
  return label ? label[lang === 'fa' ? 0 : 1] : path;
}
