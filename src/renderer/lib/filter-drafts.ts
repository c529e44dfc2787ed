/**
 * Filters on user-defined fields as the user edits them (text as typed, dates in the chosen
 * calendar) and their translation to the contract's FieldFilter. An unfinished or invalid filter is
 * left out of the query instead of failing it, and the row says what is wrong.
 */
import type { CustomField, FieldFilter, FieldKind } from '../../shared/contract/contacts';
import { parseDateInput, type CalendarSystem } from '../../shared/text/calendar';
import { toAsciiDigits } from '../../shared/text/digits';
import { BOOL_NO, BOOL_YES } from './field-values';

export type FilterOp = FieldFilter['op'];
export type FilterDraft = { key: number; fieldId: number; op: FilterOp; value: string; min: string; max: string };

const OPS: Record<FieldKind, FilterOp[]> = {
  text: ['contains', 'eq', 'set', 'unset'],
  number: ['range', 'eq', 'set', 'unset'],
  date: ['range', 'set', 'unset'],
  bool: ['eq', 'unset'],
  choice: ['eq', 'set', 'unset'],
};

export function opsFor(kind: FieldKind): FilterOp[] {
  return OPS[kind];
}

let nextKey = 1;
export function newFilter(field: CustomField): FilterDraft {
  const op = OPS[field.kind][0] ?? 'set';
  return { key: nextKey++, fieldId: field.id, op, value: field.kind === 'bool' ? BOOL_YES : '', min: '', max: '' };
}

/** Number as the engine reads it: ASCII digits, '.' for the decimal point, no grouping. */
export function asciiNumber(s: string): string {
  return toAsciiDigits(s)
    .replace(/[,\u066c\s]/g, '')
    .replace('\u066b', '.');
}
const isNumber = (s: string) => s !== '' && Number.isFinite(Number(s));

/** Is this typed date bound unreadable (empty is fine: an open end of the range)? */
export function badDate(text: string, cal: CalendarSystem): boolean {
  return text.trim() !== '' && parseDateInput(text, cal) === null;
}

export function toFieldFilter(d: FilterDraft, field: CustomField, cal: CalendarSystem): FieldFilter | null {
  const base = { fieldId: d.fieldId, op: d.op };
  switch (d.op) {
    case 'set':
    case 'unset':
      return base;
    case 'contains':
      return d.value.trim() ? { ...base, value: d.value.trim() } : null;
    case 'eq': {
      if (field.kind === 'number') return isNumber(asciiNumber(d.value)) ? { ...base, value: asciiNumber(d.value) } : null;
      if (field.kind === 'bool') return { ...base, value: d.value === BOOL_NO ? BOOL_NO : BOOL_YES };
      return d.value.trim() ? { ...base, value: d.value.trim() } : null;
    }
    case 'range': {
      if (field.kind === 'date') {
        if (badDate(d.min, cal) || badDate(d.max, cal)) return null;
        const min = d.min.trim() ? (parseDateInput(d.min, cal) ?? '') : '';
        const max = d.max.trim() ? (parseDateInput(d.max, cal) ?? '') : '';
        return min || max ? { ...base, min, max } : null;
      }
      const min = asciiNumber(d.min);
      const max = asciiNumber(d.max);
      if ((min && !isNumber(min)) || (max && !isNumber(max)) || (!min && !max)) return null;
      return { ...base, min, max };
    }
  }
}
