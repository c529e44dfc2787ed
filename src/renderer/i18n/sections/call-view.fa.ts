/**
 * Persian messages of one call's page (#/call/12): the `calls.view` section of the catalogue. The
 * source of truth for its keys; `call-view.en.ts` is typed as `CallViewMessages`.
 */
export const callViewFa = {
  title: 'جزئیات تماس',
  back: 'فهرست تماس‌ها',
  open: 'جزئیات تماس',
  loading: 'در حال خواندن تماس…',
  notFound: 'این تماس پیدا نشد؛ شاید نشانی اشتباه است یا تماس دیگر در فهرست نیست.',
  when: 'زمان',
  line: 'خط',
  direction: 'جهت',
  number: 'شماره',
  contact: 'مخاطب',
  callerName: 'نام فرستاده‌شده با شماره',
  outcome: 'نتیجه',
  ending: 'پایان تماس',
  duration: 'مدت مکالمه',
  ring: 'مدت زنگ',
  seconds: (s: string) => `${s} ثانیه`,
  returned: 'پیگیری',
  noContact: 'این شماره در دفتر تلفن نیست.',
  endings: {
    live: 'تماس هنوز ادامه دارد.',
    missedIn: 'کسی پاسخ نداد و تماس‌گیرنده قطع کرد.',
    answeredIn: 'پاسخ داده شد و سپس قطع شد.',
    answeredOut: 'تماس برقرار شد و سپس قطع شد.',
    busy: 'شماره اشغال بود.',
    noAnswer: 'طرف مقابل پاسخ نداد.',
    failed: 'تماس برقرار نشد.',
    ivrPending: 'پاسخگوی خودکار به این تماس پاسخ داد.',
    fax: 'دستگاه فکس تماس گرفت: خط تماس را به‌صورت فکس دریافت کرد (در گزارش فکس‌ها ببینید).',
  },
  recording: 'ضبط مکالمه',
  openRecording: 'نگه‌داشتن، یادداشت یا ذخیرهٔ فایل…',
  voicemail: 'پیام صوتی',
  ivr: 'پاسخگوی خودکار',
  notes: 'یادداشت‌های این تماس',
  notesEmpty: 'هنوز یادداشتی برای این تماس نیست.',
  notePlaceholder: 'یادداشتی دربارهٔ این تماس…',
  addNote: 'افزودن یادداشت',
  addNoteHint: 'Ctrl+Enter',
};

export type CallViewMessages = typeof callViewFa;
