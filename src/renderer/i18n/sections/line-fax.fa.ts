/** Persian messages of a line's fax setting (the line form); the source of the keys. */
import type { FaxMode } from '../../../shared/contract/calls';

export const lineFaxFa = {
  label: 'فکس روی این خط',
  modes: {
    off: 'خاموش (فقط صوتی)',
    adaptive: 'هوشمند: پاسخ صوتی، با شنیدن بوق دستگاه فکس به فکس می‌رود',
    'fax-only': 'فقط فکس',
    'after-rings': 'فکس پس از چند زنگ',
  } satisfies Record<FaxMode, string>,
  hints: {
    off: 'تماس‌ها فقط صوتی پاسخ داده می‌شوند؛ فکسی دریافت نمی‌شود.',
    adaptive: 'پاسخگوی خودکار، پیام‌گیر یا ضبط تماس پاسخ می‌دهد؛ اگر تماس‌گیرنده دستگاه فکس باشد، تماس به فکس می‌رود و فکس دریافت می‌شود.',
    'fax-only':
      'هر تماس در زنگ تعیین‌شده به‌عنوان فکس پاسخ داده می‌شود. ' +
      'اگر شناسهٔ تماس‌گیرنده روی این خط روشن باشد، زنگ ۱ منتظر شناسه (یا زنگ دوم) می‌ماند تا فکس با شمارهٔ فرستنده ثبت شود.',
    'after-rings': 'اگر تا زنگ تعیین‌شده کسی یا پاسخگوی خودکار تماس را جواب نداده باشد، به‌عنوان فکس پاسخ داده می‌شود.',
  } satisfies Record<FaxMode, string>,
  rings: 'پاسخ فکس در زنگ',
  ringsInvalid: 'عددی درست از ۱ تا ۲۰ بنویسید.',
  cannot: 'مودم این خط فکس (Class 1، 2.0 یا 2) ندارد؛ فکس روی این خط ممکن نیست.',
  /** The line card's row: which fax class the line uses (chosen from what the modem offers). */
  faxClass: 'فکس',
  classes: {
    class1: 'Class 1 (پروتکل فکس را این برنامه اجرا می‌کند)',
    'class2.0': 'Class 2.0 (پروتکل فکس را خود مودم اجرا می‌کند)',
    class2: 'Class 2 (پروتکل فکس را خود مودم اجرا می‌کند)',
  },
  unknown: 'هنوز معلوم نیست مودم این خط فکس دارد یا نه: خط وصل نیست. پس از وصل شدن دوباره باز کنید.',
  demoCaller: 'تماس‌گیرنده دستگاه فکس است (یک صفحهٔ نمونه می‌فرستد)',
};

export type LineFaxMessages = typeof lineFaxFa;
