/**
 * Phone kinds and extensions as files spell them: vCard TYPE parameters, Apple's X-ABLabel, Google's
 * "Phone 1 - Type" column, or a number with "x123" glued to it.
 */
import type { PhoneKind } from '../../../shared/contract/contacts';
import { toAsciiDigits } from '../../../shared/text/digits';

/**
 * Kind from any set of type words or labels, in English or Persian. Fax wins over everything ("work
 * fax" is a fax machine, not a desk phone); then mobile, work, home; anything else is 'other'.
 */
export function kindFromLabels(labels: Iterable<string>): PhoneKind {
  const text = [...labels].join(' ').toLowerCase();
  if (/fax|فکس|نمابر|دورنگار/.test(text)) return 'fax';
  if (/cell|mobile|iphone|موبایل|همراه/.test(text)) return 'mobile';
  if (/work|business|office|company|کار|شرکت|دفتر/.test(text)) return 'work';
  if (/home|منزل|خانه/.test(text)) return 'home';
  return 'other';
}

// An extension glued to the number: "021 8877 6655 x12", "…ext. 12", "…;ext=12", "… داخلی ۱۲".
const EXTENSION = /^(.*?\d.*?)\s*(?:;\s*ext\s*=|,?\s*(?:ext\.?|x|#|داخلی)\s*:?)\s*([0-9\u06f0-\u06f9\u0660-\u0669]{1,10})\s*$/i;

const PLAIN_NUMBER = /^[\d\s+()\-.\u06f0-\u06f9\u0660-\u0669]*$/;

/** Separates an extension written into the number text; the number keeps its own spelling. */
export function splitExtension(raw: string): { number: string; extension: string } {
  // Most numbers are digits and separators only: skip the (backtracking) pattern for them.
  if (PLAIN_NUMBER.test(raw)) return { number: raw.trim(), extension: '' };
  const m = EXTENSION.exec(raw.trim());
  if (!m) return { number: raw.trim(), extension: '' };
  return { number: m[1]!.trim(), extension: toAsciiDigits(m[2]!) };
}
