/**
 * The text a cheque field prints (shared/text/cheque-field-text.ts, the same the designer previews)
 * and the paragraph direction it is shaped in.
 */
import type { ChequeField } from '../../shared/contract/cheque-print';
import { chequeFieldText, chequeFieldValue, isUserTextField, type ChequeValuesData } from '../../shared/text/cheque-field-text';
import { firstStrongDir, type BaseDir } from '../shaping/bidi-itemizer';

export { fillSign, type ChequeValuesData } from '../../shared/text/cheque-field-text';

/** Text (suffix and guards included) and direction: Persian for words and numbers, the value's own first letter for typed text. */
export function fieldText(field: ChequeField, v: ChequeValuesData): { text: string; baseDir: BaseDir } {
  const text = chequeFieldText(field, v);
  if (text === '') return { text, baseDir: 'rtl' };
  const baseDir = isUserTextField(field.kind) ? (firstStrongDir(chequeFieldValue(field, v)) ?? 'rtl') : 'rtl';
  return { text, baseDir };
}
