/**
 * The phonebook reports, read back with poppler: page counts, text in reading order, columns
 * right to left in Persian, embedded fonts. PNGs of every page land in test-results/print/.
 */
import { printContact, printContactList, type ContactPrintOptions } from '../../src/print/contacts.print';
import { toPersianDigits } from '../../src/shared/text/digits';
import { FIELD_DEFS, GROUPS, fullContact, summaries, summary } from './fixtures/contacts.fixture';
import { describeWithPoppler, fontsTable, pageCount, pdfText, rasterise, savePdf, wordBoxes } from './helpers/poppler';

const printedAt = new Date('2025-03-15T10:20:00Z'); // 1403/12/25 in the Jalali calendar
const faOpts: ContactPrintOptions = {
  lang: 'fa',
  calendar: 'jalali',
  title: 'دفترچه تلفن — همه مخاطبان',
  printedAt,
  groupNames: GROUPS,
  fieldDefs: FIELD_DEFS,
};
const enOpts: ContactPrintOptions = {
  lang: 'en',
  calendar: 'gregorian',
  title: 'Phonebook — all contacts',
  printedAt,
  groupNames: GROUPS,
  fieldDefs: FIELD_DEFS,
};

/**
 * For lines mixing directions: poppler gives letters and digits in reading order but moves the
 * spaces and punctuation next to an embedded run ("همراه۰۹۱۲ ۱۰۰ ۰۰۰۰ :", "صفحه  ۱از ۲"), so such
 * lines are compared on letters and digits only; word and digit order is still checked.
 */
const squash = (s: string) => s.replace(/[\s:،,.()]+/g, '');

describeWithPoppler('printContactList', () => {
  const rows = summaries(60);

  test('Persian: several pages, each with the header row and "page X of Y", text reads back right to left', async () => {
    const path = savePdf('list-fa', await printContactList(rows, faOpts));
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let p = 1; p <= pages; p++) {
      const text = pdfText(path, p);
      expect(squash(text)).toContain(squash(`صفحه ${toPersianDigits(String(p))} از ${toPersianDigits(String(pages))}`));
      expect(text).toContain('ردیف'); // the header row repeats
      expect(text).toContain('تلفن‌ها');
      expect(text).toContain('دفترچه تلفن — همه مخاطبان');
      expect(text).toContain('۱۴۰۳/۱۲/۲۵'); // print date, Jalali, Persian digits
    }
    const all = pdfText(path);
    // Joined letters, ZWNJ kept, words in logical order.
    for (const name of ['علی احمدی', 'محمدرضا نوروزی', 'فاطمه میرزایی', 'نرگس حسینی‌نژاد', 'حسین احمدی']) expect(all).toContain(name);
    expect(all).toContain('تأمین‌کنندگان');
    expect(all).toContain('گروه صنعتی ایران‌خودرو (سهامی عام)');
    expect(all).toContain('Asia Tech Co.');
    // Phone digits in reading order (not "۰۰۰۰ ۱۰۰ ۰۹۱۲"), with their kind.
    expect(all).toContain('۰۹۱۲ ۱۰۰ ۰۰۰۰');
    expect(squash(all)).toContain(squash('همراه: ۰۹۱۲ ۱۰۰ ۰۰۰۰'));
    expect(all).toContain(`داخلی ${toPersianDigits(String(100 + 3))}`);
    // Every row number from ۱ to ۶۰ is printed.
    for (let i = 1; i <= rows.length; i++) expect(all).toMatch(new RegExp(`(^|\\s)${toPersianDigits(String(i))}(\\s|$)`, 'm'));
    expect(rasterise(path, 'list-fa').length).toBe(pages);
  });

  test('Persian columns run right to left; English columns left to right', async () => {
    const faPath = savePdf('list-fa', await printContactList(rows, faOpts));
    const enPath = savePdf('list-en', await printContactList(rows, enOpts));
    const x = (path: string, word: string) => wordBoxes(path, 1).find((w) => w.text === word)?.xMin ?? NaN;
    const fa = ['ردیف', 'نام', 'تلفن‌ها', 'گروه‌ها'].map((w) => x(faPath, w));
    const en = ['#', 'Name', 'Phones', 'Groups'].map((w) => x(enPath, w));
    expect(fa.every((v, i) => i === 0 || v < (fa[i - 1] ?? 0))).toBe(true);
    expect(en.every((v, i) => i === 0 || v > (en[i - 1] ?? 0))).toBe(true);
    // The row number column sits at the right edge of an A4 page (595 pt wide) in Persian.
    expect(fa[0]).toBeGreaterThan(520);
  });

  test('English: Gregorian date, ASCII digits, phone kinds', async () => {
    const path = savePdf('list-en', await printContactList(rows, enOpts));
    const pages = pageCount(path);
    const all = pdfText(path);
    expect(all).toContain(`Page 1 of ${pages}`);
    expect(all).toContain('Printed: 2025/03/15');
    expect(all).toContain('Mobile: 0912 100 0000');
    expect(all).toContain('60 contacts');
    expect(rasterise(path, 'list-en').length).toBe(pages);
  });

  test("the caller's labels replace the built-in ones", async () => {
    const path = savePdf(
      'list-labels',
      await printContactList(rows.slice(0, 3), { ...enOpts, labels: { phones: 'Telephones', 'phone.mobile': 'Cell', page: 'p. {page}/{pages}' } }),
    );
    const all = pdfText(path);
    expect(all).toContain('Telephones');
    expect(all).toContain('Cell: 0912 100 0000');
    expect(all).toContain('p. 1/1');
  });

  test('an empty list is one page that says so', async () => {
    const path = savePdf('list-empty', await printContactList([], faOpts));
    expect(pageCount(path)).toBe(1);
    expect(pdfText(path)).toContain('مخاطبی برای چاپ نیست.');
  });

  test('fonts are embedded, subset, with a Unicode map', async () => {
    const path = savePdf('list-fonts', await printContactList(rows.slice(0, 5), faOpts));
    const fonts = fontsTable(path);
    expect(fonts).toMatch(/Vazirmatn-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/Vazirmatn-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  // Its speed is not asserted here (a shared machine makes timings noise; speed lives in `npm run bench`).
  test('5,000 rows print over more than a hundred pages', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ...summary(i), displayName: `${summary(i).displayName} ${i}` }));
    const pdf = await printContactList(many, faOpts);
    const pages = pageCount(savePdf('list-5000', pdf));
    expect(pages).toBeGreaterThan(100);
  }, 60000);
});

describeWithPoppler('printContact', () => {
  test('Persian: name, every detail and the timeline, over two pages', async () => {
    const started = performance.now();
    const pdf = await printContact(fullContact(), { ...faOpts, title: 'مشخصات مخاطب' });
    console.info(`print: one contact in ${Math.round(performance.now() - started)} ms`);
    const path = savePdf('contact-fa', pdf);
    const pages = pageCount(path);
    expect(pages).toBe(2);
    const all = pdfText(path);
    for (const s of [
      'مهندس علی‌رضا حسینی‌نژاد',
      'شرکت پارس‌آنلاین (سهامی خاص)',
      'فروش سازمانی',
      'مدیر فروش',
      '۰۹۱۲ ۱۲۳ ۴۵۶۷',
      '۰۲۱ ۸۸۷۷ ۶۶۵۵',
      'ali.hosseini@parsonline.example',
      'ali@example.com',
      'تهران',
      '۱۲۳۴۵۶۷۸۹۰',
      '۱۳۶۴/۰۱/۰۱', // birth date 1985-03-21 in Jalali
      'مشتریان',
      'VIP',
      'تاریخ قرارداد',
      '۱۴۰۳/۱۰/۲۶',
      '۲۵۰٬۰۰۰٬۰۰۰',
      'بله',
      'Gold',
      'مشتری قدیمی؛ پیش از تماس با دفتر هماهنگ شود.',
      'یادداشت‌ها و رویدادها',
      'Called about invoice #2001; will pay next week.',
      'مریم کریمی',
    ])
      expect(all).toContain(s);
    for (const s of ['پلاک ۱۲، واحد ۴', 'صفحه ۲ از ۲', 'کد پستی: ۱۲۳۴۵۶۷۸۹۰']) expect(squash(all)).toContain(squash(s));
    expect(squash(all)).toContain(squash('کار: ۰۲۱ ۸۸۷۷ ۶۶۵۵ داخلی ۲۱۴'));
    // Every timeline note is printed (7 notes carry this Persian text, 7 the English one).
    expect(all.match(/تماس گرفته شد دربارهٔ پیش‌فاکتور/g)?.length).toBe(7);
    expect(all.match(/will pay next week\./g)?.length).toBe(7);
    expect(rasterise(path, 'contact-fa').length).toBe(pages);
  });

  test('English: Gregorian dates and labels', async () => {
    const path = savePdf('contact-en', await printContact(fullContact(), { ...enOpts, title: 'Contact' }));
    const all = pdfText(path);
    for (const s of [
      'Company',
      'Phones',
      'Work: 021 8877 6655 ext. 214',
      'Birth date',
      '1985/03/21',
      '250,000,000',
      'Yes',
      'Notes and events',
      'Page 1 of 2',
    ]) {
      expect(all).toContain(s);
    }
    expect(rasterise(path, 'contact-en').length).toBe(pageCount(path));
  });

  test('a contact with almost nothing prints on one page without empty rows', async () => {
    const bare = {
      ...fullContact(),
      displayName: 'سلام',
      company: '',
      department: '',
      jobTitle: '',
      nickname: '',
      phones: [],
      emails: [],
      street: '',
      city: '',
      province: '',
      postalCode: '',
      country: '',
      birthDate: null,
      notes: '',
      groupIds: [],
      fields: [],
      timeline: [],
    };
    const path = savePdf('contact-bare', await printContact(bare, faOpts));
    expect(pageCount(path)).toBe(1);
    const text = pdfText(path);
    expect(text).toContain('سلام'); // lam-alef ligature reads back as لا, not ال
    expect(text).not.toContain('شرکت');
  });
});
