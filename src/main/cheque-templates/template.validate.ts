/**
 * Checks a template beyond its zod schema: every field inside the leaf, a 'text' field with text,
 * user fonts that exist. Each problem is a validation error naming its field ('fields.2.xMm').
 */
import type { ChequeField, ChequeTemplateData } from '../../shared/contract/cheque-print';
import { normalizeInput, normalizeMultiline } from '../../shared/text/normalize';
import { validationError } from '../kernel/app-error';

/** Rounding of typed or dragged millimetres: 0.01 mm, far below what a printer can place. */
const round = (mm: number) => Math.round(mm * 100) / 100;
/** A field may touch the leaf's edge; this much over is the designer's snapping, not an error. */
const EDGE_SLACK = 0.05;

export function cleanField(f: ChequeField, i: number, leaf: { widthMm: number; heightMm: number }, fontExists: (id: number) => boolean): ChequeField {
  const field: ChequeField = {
    ...f,
    xMm: round(f.xMm),
    yMm: round(f.yMm),
    widthMm: round(f.widthMm),
    sizePt: Math.round(f.sizePt * 10) / 10,
    suffix: normalizeInput(f.suffix),
    text: normalizeInput(f.text),
  };
  const outside = (name: 'xMm' | 'yMm' | 'widthMm') =>
    validationError('validation.cheque_field_outside', `fields.${i}.${name}`, {
      field: `fields.${i}.${name}`,
      n: i + 1,
      width: leaf.widthMm,
      height: leaf.heightMm,
    });
  if (field.xMm > leaf.widthMm + EDGE_SLACK) throw outside('xMm');
  if (field.xMm + field.widthMm > leaf.widthMm + EDGE_SLACK) throw outside('widthMm');
  if (field.yMm > leaf.heightMm + EDGE_SLACK) throw outside('yMm');
  if (field.kind === 'text' && field.text === '')
    throw validationError('validation.cheque_field_text', `fields.${i}.text`, { field: `fields.${i}.text`, n: i + 1 });
  if (field.font.startsWith('user:') && !fontExists(Number(field.font.slice(5)))) {
    throw validationError('validation.cheque_font_missing', `fields.${i}.font`, { field: `fields.${i}.font`, n: i + 1 });
  }
  return field;
}

/** The template's own columns and its cleaned fields. */
export function cleanTemplate<T extends Omit<ChequeTemplateData, 'background'>>(data: T, fontExists: (id: number) => boolean): T {
  const leaf = { widthMm: round(data.widthMm), heightMm: round(data.heightMm) };
  return {
    ...data,
    ...leaf,
    name: normalizeInput(data.name),
    bank: normalizeInput(data.bank),
    note: normalizeMultiline(data.note),
    offsetXMm: round(data.offsetXMm),
    offsetYMm: round(data.offsetYMm),
    fields: data.fields.map((f, i) => cleanField(f, i, leaf, fontExists)),
  };
}
