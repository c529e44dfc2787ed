/**
 * The designer's working copy of a template and the pure operations on it: starting fields for a
 * Sayad leaf, moving and resizing a field in millimetres (kept inside the leaf), nudging with the
 * keyboard, and what a field's box looks like for a font's metrics. No React here, so it is tested
 * on its own.
 */
import type { ChequeField, ChequeFieldKind, ChequeFont, ChequeTemplate, ChequeTemplateData } from '../../shared/contract/cheque-print';

export type TemplateDraft = Omit<ChequeTemplateData, 'background'>;

/** The common Sayad leaf (seen in banks' files); any size can be typed. */
export const SAYAD_LEAF = { widthMm: 180, heightMm: 85 } as const;

/** Defaults of a new field of each kind: what most cheques want (Nastaliq words, «ریال» after the amount). */
export function newField(kind: ChequeFieldKind, at: { xMm: number; yMm: number; widthMm: number }): ChequeField {
  const words = kind === 'amountWords' || kind === 'dateWords';
  return {
    kind,
    ...at,
    font: words ? 'nastaliq' : 'vazirmatn',
    sizePt: words ? 14 : 12,
    align: kind === 'dateDigits' || kind === 'amountDigits' ? 'center' : 'right',
    shrink: true,
    guard: kind === 'amountWords' ? 'slashes' : kind === 'amountDigits' ? 'hash' : 'none',
    fill: false,
    digits: 'fa',
    suffix: kind === 'amountWords' ? 'ریال' : '',
    text: '',
  };
}

/** Fields where a Sayad leaf usually has them (to be moved onto the scan). */
export function sayadFields(): ChequeField[] {
  return [
    newField('dateDigits', { xMm: 14, yMm: 15, widthMm: 34 }),
    newField('dateWords', { xMm: 56, yMm: 24, widthMm: 110 }),
    newField('amountWords', { xMm: 14, yMm: 38, widthMm: 152 }),
    newField('payee', { xMm: 40, yMm: 50, widthMm: 126 }),
    newField('nationalId', { xMm: 14, yMm: 50, widthMm: 24 }),
    newField('amountDigits', { xMm: 14, yMm: 64, widthMm: 46 }),
    newField('purpose', { xMm: 70, yMm: 62, widthMm: 96 }),
  ];
}

export function draftOf(t: ChequeTemplate): TemplateDraft {
  const { id: _id, background: _bg, createdAt: _c, updatedAt: _u, ...rest } = t;
  return rest;
}

/** Rounds to 0.1 mm (what the designer shows and nudges by; the engine keeps 0.01). */
export const round1 = (mm: number) => Math.round(mm * 10) / 10;
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** The field moved to (x, y) and kept inside the leaf. */
export function placeField(f: ChequeField, xMm: number, yMm: number, leaf: { widthMm: number; heightMm: number }): ChequeField {
  return { ...f, xMm: round1(clamp(xMm, 0, Math.max(0, leaf.widthMm - f.widthMm))), yMm: round1(clamp(yMm, 0, leaf.heightMm)) };
}

/** The field with its left or right edge dragged to `edgeMm` (at least 5 mm wide, inside the leaf). */
export function resizeField(f: ChequeField, side: 'left' | 'right', edgeMm: number, leafWidthMm: number): ChequeField {
  const MIN = 5;
  if (side === 'right') return { ...f, widthMm: round1(clamp(edgeMm, f.xMm + MIN, leafWidthMm) - f.xMm) };
  const right = f.xMm + f.widthMm;
  const x = round1(clamp(edgeMm, 0, right - MIN));
  return { ...f, xMm: x, widthMm: round1(right - x) };
}

/** Arrow keys: 0.5 mm a press, 5 mm with Shift, 0.1 mm with Alt. Null for other keys. */
export function nudgeOf(key: string, mods: { shiftKey: boolean; altKey: boolean }): { dx: number; dy: number } | null {
  const step = mods.shiftKey ? 5 : mods.altKey ? 0.1 : 0.5;
  switch (key) {
    case 'ArrowLeft':
      return { dx: -step, dy: 0 };
    case 'ArrowRight':
      return { dx: step, dy: 0 };
    case 'ArrowUp':
      return { dx: 0, dy: -step };
    case 'ArrowDown':
      return { dx: 0, dy: step };
    default:
      return null;
  }
}

export const PT_TO_MM = 25.4 / 72;

/** The field's box in mm on the leaf: its font's ascender above the baseline to its descender below, as the test print draws it. */
export function fieldBox(f: ChequeField, font: Pick<ChequeFont, 'unitsPerEm' | 'ascender' | 'descender'> | undefined): { top: number; height: number } {
  const m = font ?? { unitsPerEm: 1000, ascender: 1000, descender: -400 };
  const size = f.sizePt * PT_TO_MM;
  const top = f.yMm - (m.ascender / m.unitsPerEm) * size;
  return { top, height: ((m.ascender - m.descender) / m.unitsPerEm) * size };
}

/** Two drafts say the same thing (the designer's "unsaved changes"). */
export const sameDraft = (a: TemplateDraft, b: TemplateDraft) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Reads a typed number (any digits, '٫' or '.' as the decimal point, a leading minus); null when
 * it is not one.
 */
export function parseMm(text: string): number | null {
  const ascii = text
    .trim()
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u066b\u060c,/]/g, '.')
    .replace(/^[\u2212\u2013]/, '-');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(ascii)) return null;
  return Number(ascii);
}
