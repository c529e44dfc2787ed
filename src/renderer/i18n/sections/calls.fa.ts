/**
 * Persian messages of the call log, call reports and dialing: the `calls` section of the catalogue.
 * The source of truth for its keys; `calls.en.ts` is typed as `CallsMessages`.
 */
import { callViewFa } from './call-view.fa';

export const callsFa = {
  title: 'تماس‌ها',
  tabLog: 'فهرست تماس‌ها',
  tabReport: 'گزارش‌ها',
  tabsLabel: 'بخش‌های تماس',

  // Filters of the log
  from: 'از تاریخ',
  to: 'تا تاریخ',
  direction: 'جهت',
  anyDirection: 'ورودی و خروجی',
  dirIn: 'ورودی',
  dirOut: 'خروجی',
  outcome: 'نتیجه',
  anyOutcome: 'همه نتیجه‌ها',
  line: 'خط',
  anyLine: 'همه خطوط',
  unreturnedOnly: 'فقط بی‌پاسخ‌های پیگیری‌نشده',
  searchLabel: 'جستجو در تماس‌ها',
  searchPlaceholder: 'شماره (به هر شکل) یا نام…',
  clearFilters: 'پاک کردن فیلترها',
  count: (n: string) => `${n} تماس`,
  countAtLeast: (n: string) => `بیش از ${n} تماس`,

  // Kinds of call
  outcomes: {
    ringing: 'در حال زنگ',
    dialing: 'در حال شماره‌گیری',
    connected: 'در حال مکالمه',
    answered: 'پاسخ داده شد',
    missed: 'بی‌پاسخ',
    ivr: 'پاسخگوی خودکار',
    busy: 'اشغال',
    'no-answer': 'جواب نداد',
    failed: 'ناموفق',
    fax: 'فکس',
  },
  kindIn: 'ورودی',
  kindOut: 'خروجی',
  kindWith: (kind: string, outcome: string) => `${kind} — ${outcome}`,

  // Rows of the log
  listLabel: 'فهرست تماس‌ها',
  colWhen: 'زمان',
  colLine: 'خط',
  colKind: 'نوع',
  colNumber: 'شماره',
  colContact: 'مخاطب',
  colDuration: 'مدت',
  colReturned: 'پیگیری / ضبط',
  absence: { private: 'شماره پنهان', unavailable: 'شماره نامشخص', none: 'بدون شناسه تماس‌گیرنده' },
  addToPhonebook: 'افزودن به دفتر تلفن',
  openContact: (name: string) => `باز کردن «${name}» در دفتر تلفن`,
  returned: 'پیگیری شد',
  returnedAt: (when: string) => `پیگیری شد: ${when}`,
  notReturned: 'پیگیری نشده',
  ringFor: (s: string) => `${s} ثانیه زنگ خورد`,
  emptyNoLines: 'هنوز خط تلفنی تعریف نشده است؛ از این رو تماسی ثبت نشده است. مودم صوتی یا خط نمایشی را در بخش «خطوط» اضافه کنید.',
  emptyAll: 'هنوز تماسی ثبت نشده است.',
  emptyFiltered: 'تماسی با این فیلترها پیدا نشد.',

  // Reports
  rangeLabel: 'بازه گزارش',
  ranges: {
    today: 'امروز',
    week: 'این هفته',
    month: 'این ماه',
    lastMonth: 'ماه گذشته',
    year: 'امسال',
    custom: 'بازه دلخواه',
  },
  rangeShown: (from: string, to: string) => `${from} تا ${to}`,
  invalidRange: 'تاریخ پایان نباید پیش از تاریخ شروع باشد.',
  show: 'نمایش',
  totals: {
    incoming: 'ورودی',
    answered: 'پاسخ داده شده',
    missed: 'بی‌پاسخ',
    unreturned: 'بی‌پاسخِ پیگیری‌نشده',
    outgoing: 'خروجی',
    talk: 'مدت مکالمه',
  },
  ivrNote: (n: string) => `و ${n} با پاسخگوی خودکار`,
  chartDay: 'تماس‌ها در هر روز',
  chartHour: 'تماس‌ها در هر ساعت از روز',
  seriesAnswered: 'ورودی پاسخ‌داده',
  seriesMissed: 'بی‌پاسخ',
  seriesOutgoing: 'خروجی',
  barTitle: (label: string, answered: string, missed: string, outgoing: string) =>
    `${label}: ${answered} ورودی پاسخ‌داده، ${missed} بی‌پاسخ، ${outgoing} خروجی`,
  hourLabel: (h: string) => `ساعت ${h}`,
  chartEmpty: 'در این بازه تماسی ثبت نشده است.',
  topCallers: 'بیشترین تماس‌گیرندگان',
  colCalls: 'تماس',
  colMissed: 'بی‌پاسخ',
  colTalk: 'مدت مکالمه',
  noTopCallers: 'در این بازه کسی تماس نگرفته است.',
  unreturnedTitle: 'بی‌پاسخ‌های پیگیری‌نشده',
  unreturnedMore: (n: string) => `و ${n} تماس دیگر`,
  noUnreturned: 'همه تماس‌های بی‌پاسخ این بازه پیگیری شده‌اند.',
  callBack: 'تماس مجدد',
  exportCsv: 'خروجی CSV',
  exportPdf: 'چاپ / PDF',
  exportedCsv: 'فایل CSV گزارش ذخیره شد.',
  pdfTitle: 'پیش‌نمایش گزارش تماس‌ها',
  pdfBody: (name: string) => `گزارش تماس‌ها — ${name}`,

  // Dialing and the call bar
  dial: 'شماره‌گیری',
  dialNumber: (number: string) => `شماره‌گیری ${number}`,
  dialFailed: 'شماره‌گیری انجام نشد.',
  dialing: (number: string) => `در حال شماره‌گیری ${number}…`,
  liftHandset: 'گوشی تلفن را بردارید.',
  inCall: (number: string) => `در حال مکالمه با ${number}`,
  incomingInCall: (number: string) => `مکالمه با ${number}`,
  callEnded: (outcome: string) => `تماس پایان یافت (${outcome})`,
  noCall: 'تماسی در جریان نیست',
  lineState: (line: string, state: string) => `\u2068${line}\u2069: ${state}`,
  onLine: (name: string) => `روی خط «\u2068${name}\u2069»`,
  hangUp: 'قطع تماس',
  hangingUp: 'در حال قطع…',
  dismiss: 'بستن',

  // The contact's calls (phonebook)
  contactCalls: 'تماس‌ها',
  contactCounts: (all: string, incoming: string, outgoing: string, missed: string) => `${all} تماس: ${incoming} ورودی، ${outgoing} خروجی، ${missed} بی‌پاسخ`,
  contactCountsMore: (all: string) => `بیش از ${all} تماس`,
  contactNoCalls: 'هنوز تماسی با این مخاطب ثبت نشده است.',

  /** One call's page. */
  view: callViewFa,
};

export type CallsMessages = typeof callsFa;
