/**
 * Persian messages of the Fax screen (the fax document library and one document's pages): the `fax`
 * section of the catalogue. The source of truth for its keys.
 */
export const faxFa = {
  nav: 'فکس',
  title: 'فکس',
  intro: 'سندهایی که فکس می‌شوند: هر سند (PDF، تصویر PNG یا JPEG، یا متن ساده) یک بار به صفحه‌های فکس تبدیل و نگه داشته می‌شود.',
  lines:
    'فکس‌ها از روی خطی فرستاده و دریافت می‌شوند که مودمش فکس می‌کند؛ در فرم هر خط (خطوط) تعیین می‌شود کی تماس به‌صورت فکس پاسخ داده شود. ' +
    'هر فکس فرستاده و دریافتی در دفتر فکس‌ها است.',
  add: 'افزودن سند…',
  adding: 'در حال تبدیل «{name}» به صفحه‌های فکس…',
  added: (name: string, pages: string, _count: number) => `«${name}» با ${pages} صفحه افزوده شد.`,
  paper: 'کاغذ',
  resolution: 'وضوح',
  papers: { a4: 'A4', letter: 'نامه (Letter)' },
  resolutions: { standard: 'معمولی', fine: 'ریز' },
  listLabel: 'سندهای فکس',
  empty: 'هنوز سندی افزوده نشده است. «افزودن سند» را بزنید و یک PDF، تصویر یا متن انتخاب کنید.',
  colName: 'نام',
  colPages: 'صفحه',
  colFormat: 'کاغذ و وضوح',
  colAdded: 'افزوده شده',
  format: (paper: string, resolution: string) => `${paper}، ${resolution}`,
  pageOf: (n: string, m: string) => `صفحهٔ ${n} از ${m}`,
  previous: 'صفحهٔ قبل',
  next: 'صفحهٔ بعد',
  zoom: 'بزرگ‌نمایی',
  zoomPage: 'کل صفحه',
  zoomFit: 'هم‌عرض پنجره',
  percent: (n: string) => `${n}٪`,
  pageAlt: (name: string, n: string) => `صفحهٔ ${n} از «${name}»`,
  exportTiff: 'ذخیره به‌صورت TIFF',
  exportPdf: 'ذخیره به‌صورت PDF',
  deleteTitle: 'حذف سند فکس',
  deleteBody: (name: string) => `«${name}» و صفحه‌هایش از کتابخانهٔ فکس حذف شود؟ این کار برگشت‌پذیر نیست.`,
  deleted: '«{name}» حذف شد.',
};

export type FaxMessages = typeof faxFa;
