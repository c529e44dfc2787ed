/**
 * Phonebook reports as PDF: the list of contacts (a table) and one contact with its timeline.
 * Text is shaped with HarfBuzz and laid out right to left in Persian, left to right in English;
 * dates follow the chosen calendar and digits the language.
 */
import type { Contact, ContactSummary } from '../shared/contract/contacts';
import type { CalendarSystem, Lang } from '../shared/text/calendar';
import { formatInteger } from '../shared/text/digits';
import { layoutContactCard, type FieldDef } from './contacts/contact-card.layout';
import { pageLabel, printedAtLine, type FormatContext } from './contacts/contact-format';
import { fill, resolveLabels } from './contacts/contact-labels';
import { layoutContactList } from './contacts/contact-list.layout';
import { PrintDocument } from './pdf/print-document';
import { reportFrame } from './pdf/report-frame';

export { CONTACT_LABEL_KEYS, type ContactLabelKey, type ContactPrintLabels } from './contacts/contact-labels';
export type { FieldDef } from './contacts/contact-card.layout';

export type ContactPrintOptions = {
  /** Language of the report: 'fa' lays pages out right to left with Persian digits. */
  lang: Lang;
  /** Calendar of every printed date (independent of the language). */
  calendar: CalendarSystem;
  /** Report title printed at the top of every page (and the PDF's metadata title). */
  title: string;
  /** Printed in the header; pass the engine's clock so tests are exact. Shown in local time. */
  printedAt: Date;
  /**
   * Translated words, keyed by ContactLabelKey ('name', 'phones', 'phone.mobile', 'page' with
   * {page} and {pages}, 'count' with {count}, …). Missing keys use built-in Persian/English words.
   */
  labels?: Partial<Record<string, string>>;
  /** Group id → name; ids not in the map are not printed. */
  groupNames?: ReadonlyMap<number, string>;
  /** Definitions of the user-defined fields, to print a contact's extra fields by name (printContact only). */
  fieldDefs?: readonly FieldDef[];
  /** Folder holding fonts/Vazirmatn-*.ttf; found by walking up from the code when omitted. */
  assetsDir?: string;
  /** Page margins in millimetres (default 12). */
  marginsMm?: number;
};

function contextOf(opts: ContactPrintOptions): FormatContext {
  return { lang: opts.lang, calendar: opts.calendar, labels: resolveLabels(opts.lang, opts.labels), groupNames: opts.groupNames ?? new Map() };
}

async function openDocument(opts: ContactPrintOptions): Promise<PrintDocument> {
  return PrintDocument.create({ lang: opts.lang, title: opts.title, assetsDir: opts.assetsDir, marginsMm: opts.marginsMm });
}

/**
 * The contact list as a paged table (A4 portrait): row number, name, company / job title, phones
 * with their kinds, groups; header row and "page X of Y" on every page. Rows are laid out first
 * (measuring only), then drawn page by page. Rejects if the fonts cannot be found or HarfBuzz
 * cannot load; an empty list gives one page saying so.
 */
export async function printContactList(rows: readonly ContactSummary[], opts: ContactPrintOptions): Promise<Buffer> {
  const doc = await openDocument(opts);
  const ctx = contextOf(opts);
  const count = fill(ctx.labels.count, { count: formatInteger(rows.length, ctx.lang) });
  const frame = reportFrame(doc, {
    title: opts.title,
    note: `${count}  \u00b7  ${printedAtLine(opts.printedAt, ctx)}`,
    footer: (page, pages) => pageLabel(page, pages, ctx),
  });
  doc.render(layoutContactList(doc, rows, ctx, frame), frame.ops);
  return doc.end();
}

/**
 * One contact on as many pages as it needs: name, every non-empty detail (company, department,
 * job title, phones with kind and extension, e-mails, address, birth date, groups, extra fields,
 * notes) and the timeline of notes with time and author. Same failures as printContactList.
 */
export async function printContact(contact: Contact, opts: ContactPrintOptions): Promise<Buffer> {
  const doc = await openDocument(opts);
  const ctx = contextOf(opts);
  const frame = reportFrame(doc, {
    title: opts.title,
    note: printedAtLine(opts.printedAt, ctx),
    footer: (page, pages) => pageLabel(page, pages, ctx),
  });
  doc.render(layoutContactCard(doc, contact, ctx, opts.fieldDefs ?? [], frame), frame.ops);
  return doc.end();
}
