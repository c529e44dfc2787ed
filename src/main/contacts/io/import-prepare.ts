/**
 * The part of writing an imported contact that needs no database, done in the reader thread while the
 * file is read (import-reader.worker.ts), so the commit on the engine thread only looks up groups and
 * writes: the record cleaned as the form cleans it (cleanContact), its row, and its search terms but
 * those of its groups, whose names are the phonebook's (joinTerms adds them at the commit).
 *
 * Only a record without extra fields is prepared (a field's value is made canonical by the field's
 * kind, which is in the database), and the preview keeps a preparation only when its review left the
 * record as read (import-review.ts moves unreadable values into the notes): anything else is prepared
 * at the commit as before. Same rows and terms either way (tests/io/import-prepare.test.ts).
 */
import type { CalendarSystem } from '../../../shared/text/calendar';
import type { PhoneRegion } from '../../../shared/text/phone';
import { AppError } from '../../kernel/app-error';
import { cleanContact } from '../contact.validate';
import { TERM_SEPARATOR, type ContactChildren, type ContactColumns } from '../contacts.repo';
import { columnsOf } from '../contact-row';
import { joinTerms, laterTerms, ownTerms } from '../contacts.terms';
import type { ImportedRecord } from './record';

export type PreparedRecord = {
  /** The row without its search_text (which needs the groups' names). */
  cols: ContactColumns;
  phones: ContactChildren['phones'];
  emails: string[];
  own: string[];
  later: string[];
};

/** What the reader thread needs to prepare records: the office's numbering plan as the preview read it. */
export type PrepareContext = { region: PhoneRegion; calendar: CalendarSystem };

/** The record prepared for the commit, or null when it has extra fields or the form would refuse it (the commit then says why). */
export function prepareRecord(r: ImportedRecord, ctx: PrepareContext): PreparedRecord | null {
  if (r.extra.length > 0) return null;
  try {
    const { data, children, normalized } = cleanContact(r.contact, {
      region: ctx.region,
      calendar: ctx.calendar,
      groupExists: () => true, // a record's groupIds are empty: the commit fills them from its group names
      field: () => undefined,
    });
    const cols = columnsOf(data, []);
    return { cols, phones: children.phones, emails: children.emails, own: ownTerms(data), later: laterTerms(data, ctx.region, normalized) };
  } catch (e) {
    if (e instanceof AppError) return null;
    throw e;
  }
}

/** The columns and children of a prepared record in the groups `groupIds` (named by `names`), as contacts.prepare would give them. */
export function finishPrepared(p: PreparedRecord, groupIds: number[], names: Map<number, string>): { cols: ContactColumns; children: ContactChildren } {
  const ids = [...new Set(groupIds)];
  const terms = joinTerms(
    p.own,
    ids.map((g) => names.get(g) ?? ''),
    [],
    p.later,
  );
  return { cols: { ...p.cols, search_text: terms.join(TERM_SEPARATOR) }, children: { phones: p.phones, emails: p.emails, groupIds: ids, fields: [], terms } };
}
