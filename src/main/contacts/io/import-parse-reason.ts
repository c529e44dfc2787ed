/** An import file's parse error in the user's language (the parser's own words are English). */
import type { Lang } from '../../i18n/messages';
import type { ImportParseError } from './record';

export function parseReason(e: ImportParseError, lang: Lang): string {
  if (lang === 'fa') return PARSE_REASONS_FA[e.reason] ?? e.message;
  if (e.reason === 'mixed_encoding')
    return 'Most of the file is UTF-8 but the byte on this line is not, so it is unclear how to read the text. Save the file as UTF-8 and try again.';
  return e.message.replace(/^line \d+: /, '');
}

const PARSE_REASONS_FA: Record<string, string> = {
  no_begin: 'کارت vCard بدون BEGIN:VCARD شروع شده است.',
  unterminated: 'کارت vCard با END:VCARD بسته نشده است.',
  bad_line: 'این خط قالب درستی ندارد.',
  bad_encoding: 'کدگذاری متن این خط خراب است.',
  not_vcard: 'این فایل vCard نیست.',
  bad_date: 'تاریخ این خط خوانا نیست.',
  ragged_row: 'تعداد ستون‌های این سطر با سطر عنوان یکی نیست.',
  no_header: 'سطر عنوان ستون‌ها پیدا نشد.',
  mixed_encoding: 'بیشتر فایل UTF-8 است ولی بایت این خط نیست؛ معلوم نیست متن با چه کدگذاری خوانده شود. فایل را با کدگذاری UTF-8 دوباره ذخیره کنید.',
};
