/**
 * What each field of a cheque template prints for one leaf's values: Jalali dates in digits and in
 * words, the amount in digits (grouped) and in words, names and IDs, with the field's suffix and
 * guard marks. Pure text; placing it is cheque-layout.ts's job.
 */
import type { ChequeField, ChequeFieldKind, chequeValuesInput } from '../../shared/contract/cheque-print';
import { formatDate } from '../../shared/text/calendar';
import { toAsciiDigits, toPersianDigits } from '../../shared/text/digits';
import { normalizeInput } from '../../shared/text/normalize';
import { amountInWords, jalaliDateInWords } from '../../shared/text/persian-words';
import type { BaseDir } from '../shaping/bidi-itemizer';
import { firstStrongDir } from '../shaping/bidi-itemizer';
import type { z } from 'zod';

export type ChequeValuesData = z.output<typeof chequeValuesInput>;

/** Fields whose value is a number or a code: guards hug them («#۱٬۲۵۰٬۰۰۰#»), digits follow the field's choice. */
const NUMERIC: ReadonlySet<ChequeFieldKind> = new Set(['dateDigits', 'amountDigits', 'nationalId', 'sayadId']);
/** Fields whose text the user typed: its own first letter decides its direction (an English company name reads left to right). */
const USER_TEXT: ReadonlySet<ChequeFieldKind> = new Set(['payee', 'purpose', 'text']);

const GUARD_SIGNS = { none: '', slashes: '//', hash: '#', star: '*' } as const;

/** The sign that fills the rest of a box: the guard's own, or '*' without one. */
export function fillSign(field: Pick<ChequeField, 'guard'>): string {
  return field.guard === 'slashes' ? '/' : field.guard === 'none' ? '*' : GUARD_SIGNS[field.guard];
}

const digitsOf = (s: string, style: ChequeField['digits']) => (style === 'fa' ? toPersianDigits(s) : toAsciiDigits(s));
const grouped = (n: number, style: ChequeField['digits']) =>
  digitsOf(String(n).replace(/\B(?=(\d{3})+(?!\d))/g, style === 'fa' ? '\u066c' : ','), style);

/** The bare value of a field, '' when the leaf has none (a guarantee cheque's date, an empty payee). */
export function fieldValue(field: Pick<ChequeField, 'kind' | 'digits' | 'text'>, v: ChequeValuesData): string {
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

/** The text a field prints, suffix and guards included, and the paragraph direction to shape it in. */
export function fieldText(field: ChequeField, v: ChequeValuesData): { text: string; baseDir: BaseDir } {
  const value = fieldValue(field, v);
  if (value === '') return { text: '', baseDir: 'rtl' };
  const suffix = normalizeInput(field.suffix);
  let text = suffix === '' ? value : `${value} ${suffix}`;
  const sign = GUARD_SIGNS[field.guard];
  if (sign !== '') text = NUMERIC.has(field.kind) ? `${sign}${text}${sign}` : `${sign} ${text} ${sign}`;
  const baseDir = USER_TEXT.has(field.kind) ? (firstStrongDir(value) ?? 'rtl') : 'rtl';
  return { text, baseDir };
}
