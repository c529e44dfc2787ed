/**
 * What the user is told when the data folder or its database cannot be used: each names the file or
 * folder and says what to do, because the user (not a developer) has to act on it. Spread into messages.ts.
 * In Persian a path is isolated left-to-right (U+2066 … U+2069), or the bidi algorithm moves its
 * leading slash to the other end.
 */
export const dbFa = {
  'db.corrupt':
    'فایل پایگاه داده «\u2066{file}\u2069» آسیب دیده است یا پایگاه دادهٔ منشی نیست ({detail}). منشی را ببندید، این فایل را به جای دیگری منتقل کنید (یا نامش ' +
    'را عوض کنید) و آخرین نسخهٔ پشتیبان را به جای آن بگذارید؛ بدون فایل، منشی با پایگاه دادهٔ خالی آغاز می‌کند.',
  'db.readonly':
    'منشی نمی‌تواند در «\u2066{file}\u2069» بنویسد: این فایل یا پوشه‌اش فقط‌خواندنی است یا از آنِ کاربر دیگری است. به حساب کاربری خود اجازهٔ نوشتن در این ' +
    'پوشه و فایل‌هایش را بدهید (یا پوشهٔ داده‌های دیگری برگزینید) و دوباره امتحان کنید.',
  'db.cantopen': 'منشی نمی‌تواند «\u2066{file}\u2069» را باز کند ({detail}). بررسی کنید که پوشهٔ داده‌ها هست، دیسک آن وصل است و حساب شما به آن دسترسی دارد.',
  'db.full':
    'دیسکی که «\u2066{file}\u2069» روی آن است پر است؛ چیزی ذخیره نشد. روی آن دیسک جا باز کنید (مثلاً ضبط‌ها یا فایل‌های کهنه را پاک کنید) و دوباره امتحان ' +
    'کنید.',
  'db.io':
    'خواندن یا نوشتن «\u2066{file}\u2069» ناکام ماند (خطای دیسک: {detail}). دیسک (و کابل دیسک بیرونی) را بررسی کنید؛ اگر تکرار شد، پوشهٔ داده‌ها را به جای ' +
    'امنی رونوشت کنید و نسخهٔ پشتیبان را برگردانید.',
  'db.locked':
    'منشیِ دیگری همین حالا با پوشهٔ داده‌های «\u2066{folder}\u2069» کار می‌کند. همان پنجره را به کار ببرید یا نخست آن را ببندید؛ دو منشی روی یک پوشه هر دو ' +
    'زنگ هشدار می‌زنند و هر دو مودم را می‌گیرند.',
  'db.start_failed': 'منشی با پوشهٔ داده‌های «\u2066{folder}\u2069» آغاز نشد: {reason}',
};

export const dbEn: { [K in keyof typeof dbFa]: string } = {
  'db.corrupt':
    'The database file “{file}” is damaged or is not a Monshi database ({detail}). Close Monshi, move the file aside (or rename it) and put your latest ' +
    'backup in its place; without the file Monshi starts with an empty database.',
  'db.readonly':
    'Monshi cannot write to “{file}”: the file or its folder is read-only or belongs to another user. Give your user account permission to write to this ' +
    'folder and its files (or choose another data folder), then try again.',
  'db.cantopen': 'Monshi cannot open “{file}” ({detail}). Check that the data folder exists, that its disk is connected and that your account may use it.',
  'db.full':
    'The disk holding “{file}” is full; nothing was saved. Free some space on that disk (delete old recordings or files, for example), then try again.',
  'db.io':
    'Reading or writing “{file}” failed (disk error: {detail}). Check the disk (and the cable of an external disk); if it happens again, copy the data ' +
    'folder somewhere safe and restore a backup.',
  'db.locked':
    'Another Monshi is already working with the data folder “{folder}”. Use that window, or close it first; two Monshis on one folder would both ring alarms ' +
    'and both take the modem.',
  'db.start_failed': 'Monshi did not start with the data folder “{folder}”: {reason}',
};
