import { toAsciiDigits } from '../../shared/text/digits';

/** A whole number typed in any digits (۳, ٣, 3) within [min, max], or null. */
export function parseSmallNumber(text: string, min: number, max: number): number | null {
  const s = toAsciiDigits(text.trim());
  if (!/^\d{1,3}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
}
