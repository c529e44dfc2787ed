/**
 * Clock-in PINs: 4 to 8 digits, kept only as a salted scrypt hash. A PIN only stops one colleague
 * clocking in for another at the front desk; it is not a login.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { toAsciiDigits } from '../../shared/text/digits';

/** The digits of a typed PIN, or null when it is not 4–8 digits. */
export function cleanPin(text: string): string | null {
  const pin = toAsciiDigits(text).trim();
  return /^\d{4,8}$/.test(pin) ? pin : null;
}

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

export function pinMatches(pin: string, stored: string): boolean {
  const [salt, hash] = stored.split(':');
  if (!salt || !hash) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(toAsciiDigits(pin).trim(), Buffer.from(salt, 'hex'), expected.length);
  return timingSafeEqual(actual, expected);
}
