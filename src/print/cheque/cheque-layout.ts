/**
 * Lays out one cheque leaf: every field's text shaped (with font fallback), shrunk to its box when
 * asked, aligned in the box, and the rest of the box filled with guard signs when asked. Positions
 * are in points on the leaf (origin its top-left corner, y down); printing turns and moves the leaf
 * onto the page afterwards, so this is the same for every printer and rotation.
 */
import type { ChequeField, ChequeFontKey, ChequeTemplateData } from '../../shared/contract/cheque-print';
import { MM } from '../pdf/print-document';
import { shapeRuns, type ShapedRunLine } from '../shaping/run-shaper';
import type { BaseDir, Shaper } from '../shaping/text-shaper';
import { fieldText, fillSign, type ChequeValuesData } from './cheque-text';

/** The geometry and fields of a template: what printing needs (never the background image). */
export type ChequeLayoutTemplate = Pick<ChequeTemplateData, 'name' | 'widthMm' | 'heightMm' | 'paper' | 'rotation' | 'offsetXMm' | 'offsetYMm' | 'fields'>;

/** Font key → TTF path; throws (an error naming the font) when a user font's file is gone. */
export type FontResolver = (key: ChequeFontKey) => string;

/** One shaped line placed on the leaf: left end of its baseline at (x, baseline), points. */
export type PlacedLine = { field: number; line: ShapedRunLine; x: number; baseline: number; baseDir: BaseDir; role: 'value' | 'fill' };

/** Never shrink below this (points): a smaller amount would not be read; it prints wider than its box instead. */
export const MIN_SIZE_PT = 4;
/** Space between the value and the fill signs, in points. */
const FILL_GAP = 0.5 * MM;

/** The fonts a field's text is shaped in, best first; Vazirmatn last has what the others lack (Latin, '*', '#'). */
export function fontChain(field: Pick<ChequeField, 'font'>, fontPath: FontResolver): string[] {
  const first = fontPath(field.font);
  const fallback = fontPath('vazirmatn');
  return first === fallback ? [first] : [first, fallback];
}

/** The size a field's text prints at: its own, or smaller so that it fits the box when `shrink` is on. */
function fittedLine(shaper: Shaper, text: string, fonts: string[], field: ChequeField, baseDir: BaseDir): ShapedRunLine {
  const box = field.widthMm * MM;
  const line = shapeRuns(shaper, text, fonts, field.sizePt, baseDir);
  if (!field.shrink || line.width <= box) return line;
  // Advances scale linearly with the size, so one step gives the size that fits exactly (rounded down to 0.01 pt).
  const size = Math.max(MIN_SIZE_PT, Math.floor(((field.sizePt * box) / line.width) * 100) / 100);
  return shapeRuns(shaper, text, fonts, size, baseDir);
}

/** Fill signs for a gap of `width` points, as one shaped line (null when not even one fits). */
function fillLine(shaper: Shaper, sign: string, fonts: string[], size: number, width: number): ShapedRunLine | null {
  const one = shapeRuns(shaper, sign, fonts, size, 'ltr').width;
  const count = one > 0 ? Math.floor(width / one) : 0;
  return count > 0 ? shapeRuns(shaper, sign.repeat(count), fonts, size, 'ltr') : null;
}

export function layoutField(shaper: Shaper, field: ChequeField, index: number, values: ChequeValuesData, fontPath: FontResolver): PlacedLine[] {
  const { text, baseDir } = fieldText(field, values);
  if (text === '') return [];
  const fonts = fontChain(field, fontPath);
  const line = fittedLine(shaper, text, fonts, field, baseDir);
  const left = field.xMm * MM;
  const box = field.widthMm * MM;
  const baseline = field.yMm * MM;
  const x = field.align === 'left' ? left : field.align === 'right' ? left + box - line.width : left + (box - line.width) / 2;
  const out: PlacedLine[] = [{ field: index, line, x, baseline, baseDir, role: 'value' }];
  if (!field.fill) return out;
  const sign = fillSign(field);
  const free = box - line.width - (field.align === 'center' ? 2 * FILL_GAP : FILL_GAP);
  // The signs start right next to the text (nothing fits between) and run to the far end of the box,
  // leaving less than one sign there: the left end for right-aligned text.
  const before = (w: number) => x - FILL_GAP - w;
  const after = x + line.width + FILL_GAP;
  if (field.align === 'center') {
    const half = fillLine(shaper, sign, fonts, line.sizePt, free / 2);
    if (half) {
      out.push({ field: index, line: half, x: before(half.width), baseline, baseDir: 'ltr', role: 'fill' });
      out.push({ field: index, line: half, x: after, baseline, baseDir: 'ltr', role: 'fill' });
    }
  } else {
    const fill = fillLine(shaper, sign, fonts, line.sizePt, free);
    if (fill) out.push({ field: index, line: fill, x: field.align === 'right' ? before(fill.width) : after, baseline, baseDir: 'ltr', role: 'fill' });
  }
  return out;
}

/** Every field of the template laid out for one leaf's values. */
export function layoutLeaf(shaper: Shaper, template: ChequeLayoutTemplate, values: ChequeValuesData, fontPath: FontResolver): PlacedLine[] {
  return template.fields.flatMap((f, i) => layoutField(shaper, f, i, values, fontPath));
}
