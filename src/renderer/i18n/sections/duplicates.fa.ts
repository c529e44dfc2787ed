/** Persian messages of the duplicates list (the customer desk); the English section is typed by this one. */
export const duplicatesFa = {
  open: 'تکراری‌ها',
  title: 'مخاطبان تکراری',
  intro: 'جفت‌هایی که احتمالاً یک نفرند، محتمل‌ترین اول: شمارهٔ یکسان (به هر شکلی نوشته شده) یا نام یکسان با املای متفاوت.',
  empty: 'مخاطب تکراری‌ای پیدا نشد.',
  samePhone: (n: string) => `شمارهٔ یکسان: ${n}`,
  sameName: 'نام یکسان',
  reorderedName: 'نام یکسان با ترتیب دیگر',
  back: 'بازگشت به دفترچه تلفن',
};
export type DuplicatesMessages = typeof duplicatesFa;
