/** What a typed number becomes when the office dials it: the digits the modem sends and the key the call is logged under. */
import { toAsciiDigits } from '../../shared/text/digits';
import { dialString, normalizePhone, splitExtension, type PhoneRegion } from '../../shared/text/phone';
import { validationError } from '../kernel/app-error';

export type DialTarget = { typed: string; key: string; atd: string };

export function dialTarget(typed: string, region: PhoneRegion): DialTarget {
  // The main number is dialled; an extension written after it ("x12", «داخلی ۱۲») is the
  // operator's to ask for, not digits for the exchange.
  const number = splitExtension(toAsciiDigits(typed)).number;
  const digits = number.replace(/[^0-9*#+]/g, '');
  if (!/\d/.test(digits)) throw validationError('line.bad_number', 'number', { value: number });
  const n = normalizePhone(number, region);
  // What the modem dials (dialString): a short number as typed, the national form for numbers of
  // this country, 00 and the international digits otherwise; service codes with * or # as typed.
  const atd = n && !/[*#]/.test(digits) ? dialString(n, region) : digits.replace(/^\+/, region.internationalPrefix);
  return { typed: number.trim(), key: n?.key ?? '', atd };
}
