import { foldForSearch, normalizeInput, searchWords } from '../../src/shared/text/normalize';
import { formatInteger, toAsciiDigits, toPersianDigits } from '../../src/shared/text/digits';
import { formatDate, formatDateLong, parseDateInput } from '../../src/shared/text/calendar';

describe('digits', () => {
  it('reads Persian and Arabic-Indic digits as ASCII and back', () => {
    expect(toAsciiDigits('۰۹۱۲-٣٤٥')).toBe('0912-345');
    expect(toPersianDigits('1403/12/25')).toBe('۱۴۰۳/۱۲/۲۵');
    expect(formatInteger(1234567, 'fa')).toBe('۱٬۲۳۴٬۵۶۷');
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
  });
});

describe('normalisation', () => {
  it('stores Arabic ي and ك as Persian ی and ک and collapses spaces', () => {
    expect(normalizeInput('  علي   كريمي ')).toBe('علی کریمی');
  });
  it('folds ZWNJ, diacritics, tatweel, hamza forms and case for search', () => {
    expect(foldForSearch('می‌رود')).toBe(foldForSearch('میرود'));
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('محـــمد')).toBe('محمد');
    expect(foldForSearch('آرش')).toBe(foldForSearch('ارش'));
    expect(foldForSearch('مسئول')).toBe(foldForSearch('مسیول'));
    expect(foldForSearch('خانهٔ')).toBe(foldForSearch('خانه'));
    expect(foldForSearch('علي')).toBe(foldForSearch('علی'));
    expect(foldForSearch('Ali REZAEI ۱۲')).toBe('ali rezaei 12');
    expect(foldForSearch(foldForSearch('أحمد'))).toBe(foldForSearch('أحمد'));
  });
  it('splits words and keeps emails whole', () => {
    expect(searchWords(foldForSearch('شرکت «نوآوران»، ali.r@example.com'))).toEqual(['شرکت', 'نواوران', 'ali.r@example.com']);
  });
});

describe('calendar', () => {
  it('converts Jalali input in any digits to ISO and back', () => {
    expect(parseDateInput('۱۴۰۳/۱۲/۳۰', 'jalali')).toBe('2025-03-20');
    expect(parseDateInput('1369-2-11', 'jalali')).toBe('1990-05-01');
    expect(parseDateInput('1403/12/31', 'jalali')).toBeNull(); // 1403 is a leap year with 30 days in Esfand
    expect(parseDateInput('1404/12/30', 'jalali')).toBeNull();
    expect(parseDateInput('2024-02-30', 'gregorian')).toBeNull();
    expect(formatDate('2025-03-20', 'jalali', 'fa')).toBe('۱۴۰۳/۱۲/۳۰');
    expect(formatDate('2025-03-21', 'jalali', 'en')).toBe('1404/01/01');
    expect(formatDate('2025-03-21', 'gregorian', 'en')).toBe('2025/03/21');
    expect(formatDateLong('2025-03-15', 'jalali', 'fa')).toBe('۲۵ اسفند ۱۴۰۳');
  });
});
