/**
 * What each field of a cheque template prints for one leaf's values: Jalali dates in digits and in
 * words, the amount in digits (grouped) and in words, names and IDs, with the field's suffix and
 * guard marks. Shared so that the designer previews exactly the text the PDF prints.
 */
import type { ChequeField, ChequeFieldKind, chequeValuesInput } from '../contract/cheque-print';
import { formatDate } from './calendar';
import { toAsciiDigits, toPersianDigits } from './digits';
import { normalizeInput } from './normalize';
import { amountInWords, jalaliDateInWords } from './persian-words';
import type { z } from 'zod';

export type ChequeValuesData = z.output<typeof chequeValuesInput>;

/** Fields whose value is a number or a code: guards hug them («#۱٬۲۵۰٬۰۰۰#»), digits follow the field's choice. */
const NUMERIC: ReadonlySet<ChequeFieldKind> = new Set(['dateDigits', 'amountDigits', 'nationalId', 'sayadId']);
/** Fields whose text the user typed: its own first letter decides its direction (an English company name reads left to right). */
const USER_TEXT: ReadonlySet<ChequeFieldKind> = new Set(['payee', 'purpose', 'text']);

export const isNumericField = (kind: ChequeFieldKind) => NUMERIC.has(kind);
export const isUserTextField = (kind: ChequeFieldKind) => USER_TEXT.has(kind);

const GUARD_SIGNS = { none: '', slashes: '//', hash: '#', star: '*' } as const;

/** The sign that fills the rest of a box: the guard's own, or '*' without one. */
export function fillSign(field: Pick<ChequeField, 'guard'>): string {
  return field.guard === 'slashes' ? '/' : field.guard === 'none' ? '*' : GUARD_SIGNS[field.guard];
}

const digitsOf = (s: string, style: ChequeField['digits']) => (style === 'fa' ? toPersianDigits(s) : toAsciiDigits(s));
const grouped = (n: number, style: ChequeField['digits']) => digitsOf(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, style === 'fa' ? '\u066c' : ','), style);

/** The bare value of a field, '' when the leaf has none (a guarantee cheque's date, an empty payee). */
export function chequeFieldValue(field: Pick<ChequeField, 'kind' | 'digits' | 'text'>, v: ChequeValuesData): string {
  switch (field.kind) {
    case 'dateDigits':
      return v.date ? digitsOf(formatDate(v.date, 'jalali', 'en'), field.digits) : '';
    case 'dateWords':
      return v.date ? jalaliDateInWords(v.date) : '';
    case 'amountDigits':
      return grouped(v.amountRials, field.digits);
    case 'amountWords':
      return amountInWords(v.amountRials, { suffix: '' });
    case 'payee':
      return normalizeInput(v.payee);
    case 'purpose':
      return normalizeInput(v.purpose);
    case 'nationalId':
      return digitsOf(v.nationalId.trim(), field.digits);
    case 'sayadId':
      return digitsOf(v.sayadId.trim(), field.digits);
    case 'text':
      return normalizeInput(field.text);
  }
}

/** The text a field prints: value, suffix and guards; '' when the value is empty (no guards around nothing). */
export function chequeFieldText(field: Pick<ChequeField, 'kind' | 'digits' | 'text' | 'suffix' | 'guard'>, v: ChequeValuesData): string {
  const value = chequeFieldValue(field, v);
  if (value === '') return '';
  const suffix = normalizeInput(field.suffix);
  const text = suffix === '' ? value : `${value} ${suffix}`;
  const sign = GUARD_SIGNS[field.guard];
  if (sign === '') return text;
  return NUMERIC.has(field.kind) ? `${sign}${text}${sign}` : `${sign} ${text} ${sign}`;
}
