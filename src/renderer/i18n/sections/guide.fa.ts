/** Persian messages of the first-run guide (the empty phonebook, and Settings to show it again). The source of truth for the keys. */
export const guideFa = {
  title: 'به منشی خوش آمدید',
  intro: 'چند قدم تا آماده شدن دفتر؛ هر قدم همان‌جا ذخیره می‌شود و هر وقت خواستید در «تنظیمات» عوضش می‌کنید.',
  languageStep: 'زبان',
  officeStep: 'دفتر و شما',
  officeName: 'نام دفتر',
  areaCode: 'کد شهر',
  areaCodeHint: 'برای تهران ۲۱؛ شماره‌های بی‌کد شهر با این کد خوانده می‌شوند.',
  userName: 'نام شما',
  userNameHint: 'پای یادداشت‌ها و اصلاحیه‌ها می‌نشیند.',
  officeSaved: 'ذخیره شد.',
  lineStep: 'خط تلفن',
  lineHelp:
    'مودم voice دار را به رایانه وصل کنید و در «خطوط» اضافه کنید؛ یا برای امتحان همه‌چیز بی‌مودم، خط نمایشی را بیفزایید (تماس‌های ساختگی با شمارهٔ دلخواه).',
  linesReady: (names: string) => `خط‌ها: \u2068${names}\u2069`,
  addModem: 'افزودن مودم…',
  addDemoLine: 'افزودن خط نمایشی',
  demoLineName: 'خط نمایشی',
  demoLineAdded: 'خط نمایشی افزوده شد؛ در «خطوط» با دکمهٔ زنگ، تماس بسازید.',
  contactsStep: 'مخاطبان',
  importContacts: 'ورود مخاطبان از فایل (vCard یا CSV)…',
  addSample: 'افزودن دادهٔ نمونه',
  removeSample: 'حذف دادهٔ نمونه',
  sampleHelp: 'دادهٔ نمونه چند مخاطب ساختگی در گروه «دادهٔ نمونه (قابل حذف)» است و با یک دکمه پاک می‌شود.',
  sampleAdded: (n: string) => `${n} مخاطب نمونه افزوده شد.`,
  sampleRemoved: (n: string) => `${n} مخاطب نمونه حذف شد.`,
  done: 'تمام؛ این راهنما بسته شود',
  showAgain: 'نمایش دوبارهٔ راهنمای شروع',
};

export type GuideMessages = typeof guideFa;
