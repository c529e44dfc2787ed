/** The call log's filters as typed by the user, and the query they make. */
import type { CallDirection, CallOutcome, CallQuery } from '../../shared/contract/calls';
import { parseDateInput, type CalendarSystem } from '../../shared/text/calendar';

export type CallFilterDraft = {
  /** Dates as typed, in the chosen calendar; an unreadable date filters nothing (the field says why). */
  from: string;
  to: string;
  direction: CallDirection | null;
  outcome: CallOutcome | null;
  unreturned: boolean;
  lineId: number | null;
  text: string;
};

export const NO_FILTERS: CallFilterDraft = { from: '', to: '', direction: null, outcome: null, unreturned: false, lineId: null, text: '' };

/** Outcomes worth filtering by, in the order the menu lists them (in-progress ones are transient). */
export const FILTER_OUTCOMES: readonly CallOutcome[] = ['answered', 'missed', 'ivr', 'busy', 'no-answer', 'failed'];

export function toCallQuery(d: CallFilterDraft, calendar: CalendarSystem): CallQuery {
  return {
    from: d.from.trim() ? parseDateInput(d.from, calendar) : null,
    to: d.to.trim() ? parseDateInput(d.to, calendar) : null,
    direction: d.direction,
    outcome: d.outcome,
    unreturned: d.unreturned,
    lineId: d.lineId,
    text: d.text.trim(),
  };
}

export function isFiltered(d: CallFilterDraft): boolean {
  return JSON.stringify(d) !== JSON.stringify(NO_FILTERS);
}
