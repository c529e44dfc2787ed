/**
 * Which running lines can fax. A line hands its modem to the fax engine with `fax(h)` when its modem
 * has Class 1 (`abilities.fax`, from +FCLASS=?); the demo line and voice modems have it, a sound card does not.
 */
import type { FaxHandover, FaxHandoverResult, Line } from '../../telephony';

export type FaxCapableLine = Line & { fax(h: FaxHandover): Promise<FaxHandoverResult> };

export function canFax(line: Line): line is FaxCapableLine {
  // A line kind without the ability (a sound card) cannot fax.
  const abilities = line.info().abilities;
  return 'fax' in abilities && abilities.fax === 'class1' && 'fax' in line && typeof line.fax === 'function';
}
