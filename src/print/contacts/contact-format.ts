/** Turns contact data into the strings printed on reports, in the language's digits and calendar. */
import type { Contact, ContactSummary, CustomField } from '../../shared/contract/contacts';
import type { CalendarSystem, Lang } from '../../shared/text/calendar';
import { formatDate, formatInstant } from '../../shared/text/calendar';
import { localDigits, toAsciiDigits } from '../../shared/text/digits';
import { fill, phoneKindLabel, type ContactPrintLabels } from './contact-labels';

export type FormatContext = { lang: Lang; calendar: CalendarSystem; labels: ContactPrintLabels; groupNames: ReadonlyMap<number, string> };

/**
 * Left-to-right isolate (LRI … PDI): a phone number keeps its digit groups in reading order inside
 * Persian text. Without it, "0912 123 4567" in a right-to-left line prints as "4567 123 0912".
 */
export const ltrIsolate = (s: string) => `\u2066${s}\u2069`;

export const listSeparator = (lang: Lang) => (lang === 'fa' ? '، ' : ', ');

type PrintablePhone = Pick<ContactSummary['phones'][number], 'kind' | 'display' | 'extension'> & { number?: string };

/** "Mobile: 0912 123 4567 ext. 12" (digits in the language's script). */
export function phoneLine(p: PrintablePhone, ctx: FormatContext): string {
  const number = localDigits(p.display || p.number || '', ctx.lang);
  const ext = p.extension ? ` ${ctx.labels.extension} ${localDigits(p.extension, ctx.lang)}` : '';
  return `${phoneKindLabel(ctx.labels, p.kind)}: ${ltrIsolate(number)}${ext}`;
}

/**
 * First-strong isolate (FSI … PDI): a user-typed item (a group name) keeps its own direction
 * inside a list that follows the report's direction, so «VIP» and «مشتریان» each read correctly.
 */
export const autoIsolate = (s: string) => `\u2068${s}\u2069`;

/** Group names in the given order; ids without a known name are skipped. */
export function groupList(ids: readonly number[], ctx: FormatContext): string {
  const names = ids.map((id) => ctx.groupNames.get(id)).filter((n): n is string => !!n);
  return names.map(autoIsolate).join(listSeparator(ctx.lang));
}

/** Address as printed lines: street; city, province, country; postal code. */
export function addressLines(c: Contact, ctx: FormatContext): string[] {
  const place = [c.city, c.province, c.country]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(listSeparator(ctx.lang));
  const lines = [c.street.trim(), place].filter(Boolean).map((s) => localDigits(s, ctx.lang));
  if (c.postalCode.trim()) lines.push(`${ctx.labels.postalCode}: ${ltrIsolate(localDigits(c.postalCode.trim(), ctx.lang))}`);
  return lines;
}

/** An extra field's stored string shown for its kind; '' when empty. */
export function fieldValue(kind: CustomField['kind'], value: string, ctx: FormatContext): string {
  const v = value.trim();
  if (v === '') return '';
  switch (kind) {
    case 'date':
      return formatDate(v, ctx.calendar, ctx.lang);
    case 'number':
      // Whole numbers (often rial amounts, beyond 2^53 too) get thousands separators, grouped as
      // text so no digit is lost; anything else is printed as typed.
      return /^-?\d+$/.test(toAsciiDigits(v))
        ? localDigits(toAsciiDigits(v).replace(/\B(?=(\d{3})+(?!\d))/g, ctx.lang === 'fa' ? '\u066c' : ','), ctx.lang)
        : localDigits(v, ctx.lang);
    case 'bool':
      return v === '1' || v.toLowerCase() === 'true' ? ctx.labels.yes : ctx.labels.no;
    default:
      return v;
  }
}

export function printedAtLine(printedAt: Date, ctx: FormatContext): string {
  return `${ctx.labels.printedAt}: ${formatInstant(printedAt.toISOString(), ctx.calendar, ctx.lang)}`;
}

export function pageLabel(page: number, pages: number, ctx: FormatContext): string {
  return fill(ctx.labels.page, { page: localDigits(page, ctx.lang), pages: localDigits(pages, ctx.lang) });
}
