/** Persian messages of "To call back" (the Calls screen's tab): the `callbacks` section. The source of truth for its keys. */
export const callbacksFa = {
  tab: 'تماس برگشتی',
  title: 'شماره‌هایی که باید با آن‌ها تماس گرفت',
  intro: 'تماس‌های بی‌پاسخی که هنوز کسی با شماره‌شان تماس نگرفته است. تماس برگشتی (یا تماس پاسخ‌داده‌ای از همان شماره) آن را خودبه‌خود از فهرست برمی‌دارد.',
  range: 'بازه',
  days: (n: string) => (n === '۱' || n === '1' ? '۲۴ ساعت گذشته' : `${n} روز گذشته`),
  missed: (n: string) => `${n} تماس بی‌پاسخ`,
  since: (when: string) => `نخستین: ${when}`,
  last: 'آخرین تماس',
  callBack: 'تماس برگشتی',
  dismiss: 'کنار بگذار',
  dismissTitle: 'بدون تماس از فهرست برداشته شود (شماره اشتباه، مراجعهٔ حضوری)؛ تماس بی‌پاسخ تازه آن را برمی‌گرداند.',
  dismissed: (number: string) => `شمارهٔ ${number} از فهرست تماس برگشتی کنار گذاشته شد.`,
  empty: 'تماس بی‌پاسخی در این بازه منتظر تماس برگشتی نیست.',
  more: (n: string) => `و ${n} شمارهٔ دیگر (بازه را کوتاه‌تر کنید یا از فهرست تماس‌ها با «بی‌پاسخِ پیگیری‌نشده» ببینید).`,
  withheld: (n: string) => `${n} تماس بی‌پاسخ بی‌شماره (شمارهٔ پنهان) در این بازه؛ تماس برگشتی با آن‌ها ممکن نیست.`,
  callerName: (name: string) => `نام شبکه: ${name}`,
  returnDismissed: 'کنار گذاشته شد',
  returnDismissedAt: (when: string) => `از فهرست تماس برگشتی کنار گذاشته شد: ${when}`,
};

export type CallbacksMessages = typeof callbacksFa;
