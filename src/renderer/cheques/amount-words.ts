/**
 * A rial amount in words as the cheque writes it, shown under the amount while the clerk types it.
 * The words are always Persian, in the printer's one spelling style (src/shared/text/persian-words.ts):
 * a Sayad cheque's amount in words is Persian whatever language the screen is in, and the point of
 * showing it is to read back exactly what will be written on the leaf. Pure.
 */
import { amountInWords, numberToWords } from '../../shared/text/persian-words';

export type AmountWords = {
  /** «یک میلیون و دویست و پنجاه هزار ریال». */
  rials: string;
  /** «یکصد و بیست و پنج هزار تومان» when toman is shown; a rial amount not divisible by ten keeps its rials («… تومان و پنج ریال»). */
  toman: string | null;
};

/** The words of an amount, or null for no amount (an empty or invalid field shows nothing). */
export function amountWordsOf(rials: number | null, toman: boolean): AmountWords | null {
  if (rials === null || !Number.isSafeInteger(rials) || rials <= 0) return null;
  return { rials: amountInWords(rials), toman: toman ? tomanInWords(rials) : null };
}

function tomanInWords(rials: number): string {
  const tomans = Math.floor(rials / 10);
  const rest = rials % 10;
  const parts: string[] = [];
  if (tomans > 0) parts.push(`${numberToWords(tomans)} تومان`);
  if (rest > 0) parts.push(`${numberToWords(rest)} ریال`);
  return parts.join(' و ');
}
