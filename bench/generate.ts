/** Deterministic generated phonebook data for benchmarks: Persian and Latin names, mobiles, landlines, companies. */

const FIRST = [
  'علی',
  'محمد',
  'حسین',
  'رضا',
  'مهدی',
  'زهرا',
  'فاطمه',
  'مریم',
  'سارا',
  'نرگس',
  'امیر',
  'حمید',
  'سعید',
  'مجید',
  'نگار',
  'پریسا',
  'کاوه',
  'بهرام',
  'شیرین',
  'مینا',
  'یاسر',
  'ژاله',
  'گلناز',
  'چنگیز',
  'آرش',
  'محمدرضا',
  'علیرضا',
  'امیرحسین',
  'Ali',
  'Sara',
  'John',
  'Maryam',
];
const LAST = [
  'احمدی',
  'محمدی',
  'رضایی',
  'حسینی',
  'کریمی',
  'موسوی',
  'جعفری',
  'صادقی',
  'رحیمی',
  'قاسمی',
  'میرزایی',
  'عباسی',
  'نوری',
  'کاظمی',
  'یزدانی',
  'پورمحمد',
  'گودرزی',
  'شریفی',
  'طاهری',
  'زارعی',
  'اکبری',
  'فرهادی',
  'Rezaei',
  'Smith',
  'Karimi',
];
const COMPANY = [
  'پارس‌آنلاین',
  'نوآوران',
  'صنایع غذایی بهار',
  'بازرگانی آریا',
  'فولاد مبارکه',
  'داروسازی سینا',
  'Tehran Trading',
  'ساختمانی البرز',
  '',
  '',
  '',
];
const TITLE = ['مدیر فروش', 'حسابدار', 'مدیرعامل', 'کارشناس فنی', 'منشی', 'Engineer', ''];

/** A small fast PRNG so every run generates the same data. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GenContact = { first: string; last: string; company: string; title: string; mobile: string; work: string | null; groups: string[] };

export function* contacts(n: number, seed = 1): Generator<GenContact> {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  for (let i = 0; i < n; i++) {
    const mobile = `09${String(10 + Math.floor(r() * 30))}${String(i).padStart(7, '0')}`;
    const work = r() < 0.4 ? `021${String(20000000 + Math.floor(r() * 79999999))}` : null;
    const groups = r() < 0.3 ? [pick(['مشتریان', 'تامین‌کنندگان', 'همکاران', 'VIP'])] : [];
    yield { first: pick(FIRST), last: pick(LAST), company: pick(COMPANY), title: pick(TITLE), mobile, work, groups };
  }
}

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;');

export function vcard(c: GenContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `N:${esc(c.last)};${esc(c.first)};;;`, `FN:${esc(c.first)} ${esc(c.last)}`, `TEL;TYPE=CELL:${c.mobile}`];
  if (c.work) lines.push(`TEL;TYPE=WORK,VOICE:${c.work}`);
  if (c.company) lines.push(`ORG:${esc(c.company)}`);
  if (c.title) lines.push(`TITLE:${esc(c.title)}`);
  if (c.groups.length) lines.push(`CATEGORIES:${c.groups.map(esc).join(',')}`);
  lines.push('END:VCARD');
  return lines.join('\r\n') + '\r\n';
}

/** What a user types, one keystroke at a time: every prefix of a few names, companies and numbers. */
export function typedQueries(seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const out: string[] = [];
  const typeOut = (s: string) => {
    for (let i = 1; i <= s.length; i++) out.push(s.slice(0, i));
  };
  for (let i = 0; i < 40; i++) typeOut(`${pick(FIRST)} ${pick(LAST)}`);
  for (let i = 0; i < 10; i++) typeOut(pick(COMPANY.filter(Boolean)));
  for (let i = 0; i < 20; i++) typeOut(`09${String(10 + Math.floor(r() * 30))}${String(Math.floor(r() * 1e7)).padStart(7, '0')}`);
  for (let i = 0; i < 5; i++) typeOut(`+98 91${Math.floor(r() * 10)} ${Math.floor(r() * 1000)}`);
  return out;
}
