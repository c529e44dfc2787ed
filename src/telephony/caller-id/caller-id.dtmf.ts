/**
 * DTMF caller ID (ETS 300 659-1 Annex C), sent before the first ring on Danish, Dutch, Swedish,
 * Indian, Brazilian and Taiwanese lines, among others:
 *   A<number>[D<redirecting>][B<info>]C   B00 = not available, B10 = presentation restricted
 *   A<number>#                            Denmark; D1# restricted, D2# international, D3# technical
 *   D<number>C                            Taiwan, Kuwait
 *   <number>#                             no start marker
 * Some exchanges (and some modems' DTMF detectors) drop the end marker: the first ring then ends the
 * caller ID, and parseUnterminatedDtmf keeps the digits that came.
 */
import type { CallerId } from '../line';

/** A complete DTMF caller ID (its terminator has arrived), or null while digits are still coming. */
export function parseDtmfCallerId(digits: string): CallerId | null {
  const base = (): CallerId => ({ number: null, name: null, absence: null, date: null, time: null, format: 'dtmf', extras: {}, raw: [digits] });
  let m = /^A([0-9]*)(?:D([0-9]*))?(?:B([0-9]{2}))?C$/.exec(digits);
  if (m) {
    const cid = base();
    if (m[1]) cid.number = m[1];
    if (m[2]) cid.extras['redirecting-number'] = m[2];
    if (m[3] === '00') cid.absence = 'unavailable';
    else if (m[3] === '10') cid.absence = 'private';
    if (!cid.number && !cid.absence) cid.absence = 'unavailable';
    return cid;
  }
  m = /^D([123])#$/.exec(digits);
  if (m) {
    const cid = base();
    cid.absence = m[1] === '1' ? 'private' : 'unavailable';
    if (m[1] === '2') cid.extras['reason'] = 'international';
    return cid;
  }
  m = /^(?:A|D)?([0-9]+)(?:#|C)$/.exec(digits);
  if (m && (digits.startsWith('A') ? digits.endsWith('#') : digits.startsWith('D') ? digits.endsWith('C') : digits.endsWith('#'))) {
    const cid = base();
    cid.number = m[1]!;
    return cid;
  }
  return null;
}

/**
 * The digits of a DTMF caller ID whose end marker never came (A…, D…, A…D…), read when the first
 * ring arrives; `extras['dtmf-end']` says so. Null when there is no number digit to keep.
 */
export function parseUnterminatedDtmf(digits: string): CallerId | null {
  const m = /^[AD]?([0-9]+)(?:D([0-9]*))?(?:B[0-9]{0,2})?$/.exec(digits);
  if (!m) return null;
  const cid: CallerId = { number: m[1]!, name: null, absence: null, date: null, time: null, format: 'dtmf', extras: { 'dtmf-end': 'missing' }, raw: [digits] };
  if (m[2]) cid.extras['redirecting-number'] = m[2];
  return cid;
}
