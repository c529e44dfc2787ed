/**
 * Which running lines can fax: a line hands its modem to the fax engine with `fax(h)` when its modem
 * has Class 1, 2.0 or 2 (`abilities.fax`, from +FCLASS=?); a sound card or a modem without fax cannot.
 */
import type { Line } from '../../telephony';

export type FaxCapableLine = Line;

export const canFax = (line: Line): boolean => line.info().abilities.fax !== null;
