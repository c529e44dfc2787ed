/** PDFs of the phonebook: the list (all or filtered) or one contact, through src/print. */
import type { ParsedInputOf } from '../../shared/contract/api';
import type { FileOut } from '../../shared/contract/io';
import { fileNameDate, isoDateOf } from '../../shared/text/calendar';
import { printContact, printContactList } from '../../print';
import { AppError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { message, type Lang } from '../i18n/messages';
import type { ContactsService } from './contacts.service';
import type { GroupsService } from './groups.service';

/** A longer list is refused with advice to filter: ~5.7 ms a page, 17 rows a page → about 20 s at this size. */
export const MAX_PRINT_ROWS = 50_000;

export async function printContactsPdf(
  input: ParsedInputOf<'print/contacts'>,
  lang: Lang,
  ctx: EngineContext,
  contacts: ContactsService,
  groups: GroupsService,
): Promise<FileOut> {
  const settings = ctx.settings.get();
  const groupNames = new Map(groups.listGroups().map((g) => [g.id, g.name]));
  const printedAt = ctx.clock();
  const date = fileNameDate(isoDateOf(printedAt), settings.calendar);
  const base = { lang, calendar: settings.calendar, printedAt, groupNames };

  if (input.scope === 'one') {
    const contact = contacts.get(input.id ?? 0);
    const pdf = await printContact(contact, { ...base, title: contact.displayName, fieldDefs: groups.listFields() });
    return { fileName: `monshi-contact-${contact.id}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), count: 1 };
  }

  const ids: number[] = [];
  for (const id of contacts.matchingIds(input)) {
    ids.push(id);
    if (ids.length > MAX_PRINT_ROWS) throw new AppError('print/too_many', 'print.too_many', { count: `${MAX_PRINT_ROWS}+`, max: MAX_PRINT_ROWS });
  }
  const rows = [];
  for (let i = 0; i < ids.length; i += 500) rows.push(...contacts.summaries(ids.slice(i, i + 500)));
  const filter = [input.text.trim(), input.groupId !== null ? (groupNames.get(input.groupId) ?? '') : ''].filter(Boolean).join(lang === 'fa' ? '، ' : ', ');
  const title = filter ? message(lang, 'print.title_filtered', { filter }) : message(lang, 'print.title_list');
  const pdf = await printContactList(rows, { ...base, title });
  return { fileName: `monshi-contacts-${date}.pdf`, mime: 'application/pdf', base64: pdf.toString('base64'), count: rows.length };
}
