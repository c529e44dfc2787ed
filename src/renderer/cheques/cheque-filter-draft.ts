/**
 * The cheque screen's filters as typed (dates in the chosen calendar, amounts in any digits) and the
 * query they make. The quick views are the reports users ask for: due this week or this (Jalali) month,
 * overdue, bounced. Pure: "today" is passed in.
 */
import { BANK_CODES } from '../../shared/contract/banks';
import { OPEN_STATUSES, type ChequeDirection, type ChequeFilter, type ChequeStatus } from '../../shared/contract/cheques';
import { parseAmount } from '../../shared/text/amount';
import { parseDateInput, type CalendarSystem } from '../../shared/text/calendar';
import { addDays, presetRange } from '../lib/date-ranges';
import type { Messages } from '../i18n/messages';

export const CHEQUE_VIEWS = ['all', 'dueWeek', 'dueMonth', 'overdue', 'bounced'] as const;
export type ChequeView = (typeof CHEQUE_VIEWS)[number];

export type FilterDraft = {
  direction: ChequeDirection | 'all';
  view: ChequeView;
  status: ChequeStatus | '';
  text: string;
  dueFrom: string;
  dueTo: string;
  registeredFrom: string;
  registeredTo: string;
  amountMin: string;
  amountMax: string;
  person: string;
  /** A bank code or typed words. */
  bank: string;
  guarantee: 'any' | 'only' | 'none';
  /** One contact's cheques (from the contact's page); the name is only shown. */
  contact: { id: number; name: string } | null;
};

export const EMPTY_FILTERS: FilterDraft = {
  direction: 'all',
  view: 'all',
  status: '',
  text: '',
  dueFrom: '',
  dueTo: '',
  registeredFrom: '',
  registeredTo: '',
  amountMin: '',
  amountMax: '',
  person: '',
  bank: '',
  guarantee: 'any',
  contact: null,
};

/** How many of the "more filters" are set (shown on their button). */
export function moreCount(f: FilterDraft): number {
  return (
    [f.dueFrom, f.dueTo, f.registeredFrom, f.registeredTo, f.amountMin, f.amountMax, f.person, f.bank].filter((v) => v.trim() !== '').length +
    (f.guarantee === 'any' ? 0 : 1)
  );
}

export type BuiltFilter = { ok: true; filter: ChequeFilter } | { ok: false; error: { field: string; message: string } };

export function buildChequeFilter(f: FilterDraft, today: string, cal: CalendarSystem, t: Messages): BuiltFilter {
  const fail = (field: string, message: string): BuiltFilter => ({ ok: false, error: { field, message } });
  const example = cal === 'jalali' ? t.form.datePlaceholderJalali : t.form.datePlaceholderGregorian;
  const dates: Record<'dueFrom' | 'dueTo' | 'registeredFrom' | 'registeredTo', string | null> = {
    dueFrom: null,
    dueTo: null,
    registeredFrom: null,
    registeredTo: null,
  };
  for (const k of Object.keys(dates) as (keyof typeof dates)[]) {
    if (!f[k].trim()) continue;
    const iso = parseDateInput(f[k], cal);
    if (!iso) return fail(k, t.form.invalidDate(example));
    dates[k] = iso;
  }
  const amounts: Record<'amountMin' | 'amountMax', number | null> = { amountMin: null, amountMax: null };
  for (const k of ['amountMin', 'amountMax'] as const) {
    if (!f[k].trim()) continue;
    const n = parseAmount(f[k]);
    if (n === null) return fail(k, t.cheques.invalidAmount);
    amounts[k] = n;
  }
  const filter: ChequeFilter = {
    direction: f.direction === 'all' ? null : f.direction,
    guarantee: f.guarantee === 'any' ? null : f.guarantee === 'only',
    statuses: f.status ? [f.status] : [],
    ...dates,
    ...amounts,
    person: f.person,
    bank: (BANK_CODES as readonly string[]).includes(f.bank) ? f.bank : f.bank.trim(),
    text: f.text,
    contactId: f.contact?.id ?? null,
  };
  // A quick view narrows what the other filters chose (the later of two "from" dates, the earlier "to").
  const narrow = (from: string, to: string) => {
    filter.dueFrom = filter.dueFrom && filter.dueFrom > from ? filter.dueFrom : from;
    filter.dueTo = filter.dueTo && filter.dueTo < to ? filter.dueTo : to;
  };
  const todayNoon = new Date(`${today}T12:00:00`);
  switch (f.view) {
    case 'dueWeek': {
      const r = presetRange('week', todayNoon, cal);
      narrow(r.from, r.to);
      break;
    }
    case 'dueMonth': {
      const r = presetRange('month', todayNoon, cal);
      narrow(r.from, r.to);
      break;
    }
    case 'overdue':
      narrow('0001-01-01', addDays(today, -1));
      // The status choice is set aside by these two views (the screen disables it).
      filter.statuses = [...OPEN_STATUSES];
      break;
    case 'bounced':
      filter.statuses = ['bounced'];
      break;
    case 'all':
      break;
  }
  return { ok: true, filter };
}
