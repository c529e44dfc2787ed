/**
 * Who a fax goes to: a typed number, contacts and a group's members, each checked as the line will dial
 * it (dial-target.ts) before anything is queued. A contact's number is its fax number, else the first
 * other number that is not a mobile (a fax machine is rarely on a mobile), else its first number.
 */
import { createGroupsRepo } from '../contacts/groups.repo';
import type { Contact } from '../../shared/contract/contacts';
import type { Db } from '../db/database';
import { toAsciiDigits } from '../../shared/text/digits';
import { normalizeInput } from '../../shared/text/normalize';
import { AppError, validationError } from '../kernel/app-error';
import type { EngineContext } from '../kernel/context';
import { dialTarget } from '../lines/dial-target';

export type FaxRecipient = { number: string; contactId: number | null; name: string };
export type Recipients = { list: FaxRecipient[]; skipped: { contactId: number; name: string }[] };

const dialable = (number: string, ctx: EngineContext) => {
  try {
    dialTarget(number, ctx.settings.phoneRegion());
    return true;
  } catch {
    return false;
  }
};

function numberOf(c: Contact, ctx: EngineContext): string | null {
  const ok = c.phones.filter((p) => dialable(p.number, ctx));
  const pick = ok.find((p) => p.kind === 'fax') ?? ok.find((p) => p.kind !== 'mobile') ?? ok[0];
  return pick?.number ?? null;
}

export function resolveRecipients(
  db: Db,
  ctx: EngineContext,
  getContact: (id: number) => Contact,
  input: { number: string; contactIds: number[]; groupId: number | null },
): Recipients {
  const list: FaxRecipient[] = [];
  const skipped: Recipients['skipped'] = [];
  if (input.number) {
    // Kept as the phonebook keeps a typed number (ASCII digits, spacing as written): the outbox, the fax log
    // and its search then read one number whether it was typed «۵۵۵۰۱۰۰», «٥٥٥٠١٠٠» or 5550100.
    const number = toAsciiDigits(normalizeInput(input.number));
    if (!dialable(number, ctx)) throw validationError('fax_out.bad_number', 'number', { value: input.number });
    list.push({ number, contactId: null, name: '' });
  }
  const seen = new Set<number>();
  for (const id of input.contactIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    let c: Contact;
    try {
      c = getContact(id);
    } catch {
      throw new AppError('not_found', 'not_found.contact', {}, 'contactIds');
    }
    const number = numberOf(c, ctx);
    if (!number) throw validationError('fax_out.contact_no_number', 'contactIds', { name: c.displayName });
    list.push({ number, contactId: id, name: c.displayName });
  }
  if (input.groupId !== null) {
    // The contacts domain's repository reads the group (no SQL of its tables here).
    const groups = createGroupsRepo(db);
    const group = groups.exists(input.groupId) ? { name: groups.nameMap().get(input.groupId) ?? '' } : null;
    if (!group) throw new AppError('not_found', 'not_found.group', {}, 'groupId');
    const members = groups.memberIds(input.groupId).sort((a, b) => a - b);
    let found = 0;
    for (const id of members) {
      if (seen.has(id)) continue;
      seen.add(id);
      const c = getContact(id);
      const number = numberOf(c, ctx);
      if (number) {
        list.push({ number, contactId: id, name: c.displayName });
        found++;
      } else skipped.push({ contactId: id, name: c.displayName });
    }
    if (found === 0) throw validationError('fax_out.group_empty', 'groupId', { name: group.name });
  }
  if (list.length === 0) throw validationError('fax_out.no_recipient', 'number');
  return { list, skipped };
}
