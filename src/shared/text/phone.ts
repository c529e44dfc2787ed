/**
 * Phone numbers: normalisation to one key, search prefixes and display.
 *
 * Numbers arrive in every shape: typed by users (0912 123 4567, +98 912…, ۰۹۱۲…), from caller ID
 * (leading 0 missing, 98/0098 prefixes, local calls without the area code) and from imported cards.
 * Everything is reduced to the international digits (`key`, E.164 without '+') using the office's home
 * region; lookups and duplicate checks match on that key. Short service numbers (110, 1818) are the
 * exception: they have no place in the plan and keep their own digits as the key.
 */
import { toAsciiDigits } from './digits';

export type PhoneRegion = {
  /** Country calling code of the office, digits only ('98' for Iran). */
  countryCode: string;
  /** Area code of the office without the trunk prefix ('21' for Tehran); '' where the plan has none. */
  areaCode: string;
  /** National trunk prefix dialled before area codes and mobiles ('0' in Iran). */
  trunkPrefix: string;
  /** Length of a national significant number (area code + subscriber, or mobile) — 10 in Iran. */
  nationalLength: number;
  /** International call prefix ('00'). */
  internationalPrefix: string;
};

export const IRAN_TEHRAN: PhoneRegion = {
  countryCode: '98',
  areaCode: '21',
  trunkPrefix: '0',
  nationalLength: 10,
  internationalPrefix: '00',
};

/** The numbering plan of an office from its settings (Iran's and most of Europe's: 10-digit national numbers). */
export function officeRegion(countryCode: string, areaCode: string): PhoneRegion {
  return { countryCode, areaCode, trunkPrefix: '0', nationalLength: 10, internationalPrefix: '00' };
}

export type NormalizedPhone = {
  /** International digits without '+', e.g. '989121234567': the lookup key; a short number's own digits ('110'). */
  key: string;
  /** National significant number when the number is in the home country ('9121234567'), else null. */
  national: string | null;
  /**
   * A short service or company number (110, 115, 1818, 1566, 4- and 5-digit codes): fewer digits
   * than a local subscriber number and no trunk or country prefix. It is kept, shown and dialled as
   * typed — the exchange routes it without an area code, and «021110» reaches nobody.
   */
  short: boolean;
};

/** E.164: an international number has at most 15 digits (country code included). */
const MAX_INTERNATIONAL_DIGITS = 15;

/** Digits and a leading '+' only; Persian/Arabic digits become ASCII. Returns '' when there are no digits. */
export function phoneDigits(raw: string): { plus: boolean; digits: string } {
  const ascii = toAsciiDigits(raw).trim();
  return { plus: /^\s*\+/.test(ascii), digits: ascii.replace(/\D/g, '') };
}

/**
 * The "(0)" written after a country code ("+44 (0)20 …", "+98 (0)21 …") is the trunk prefix that is
 * NOT dialled from abroad; it is dropped before the digits are read.
 */
const stripTrunkHint = (raw: string) => toAsciiDigits(raw).replace(/\(\s*0\s*\)/g, ' ');

/** Digits of a local subscriber number: the national length without the office's area code (8 in Tehran). */
const subscriberLength = (region: PhoneRegion) => region.nationalLength - region.areaCode.length;

/**
 * Normalises a phone number in any common form. Returns null when it cannot be a phone number:
 * fewer than 3 digits, all zeros, or more than 15 digits in international form (E.164).
 */
export function normalizePhone(raw: string, region: PhoneRegion): NormalizedPhone | null {
  const { plus, digits } = phoneDigits(stripTrunkHint(raw));
  if (digits.length < 3 || /^0+$/.test(digits)) return null;
  const cc = region.countryCode;
  const home = (nsn: string): NormalizedPhone | null =>
    nsn === '' || /^0+$/.test(nsn) || cc.length + nsn.length > MAX_INTERNATIONAL_DIGITS ? null : { key: cc + nsn, national: nsn, short: false };

  let international: string | null = null;
  if (plus) international = digits;
  else if (region.internationalPrefix && digits.startsWith(region.internationalPrefix)) {
    international = digits.slice(region.internationalPrefix.length);
  } else if (digits.startsWith(cc) && digits.length === cc.length + region.nationalLength && !(region.trunkPrefix && digits.startsWith(region.trunkPrefix))) {
    international = digits; // 98912… without '+', as caller ID often sends it
  }

  if (international !== null) {
    if (international.length < 4 || international.length > MAX_INTERNATIONAL_DIGITS) return null;
    if (international.startsWith(cc)) {
      let nsn = international.slice(cc.length);
      if (region.trunkPrefix && nsn.startsWith(region.trunkPrefix)) nsn = nsn.slice(region.trunkPrefix.length);
      return home(nsn);
    }
    return { key: international, national: null, short: false };
  }

  if (region.trunkPrefix && digits.startsWith(region.trunkPrefix)) {
    return home(digits.slice(region.trunkPrefix.length));
  }
  if (digits.length >= region.nationalLength) return home(digits);
  if (digits.length < subscriberLength(region)) return { key: digits, national: null, short: true };
  // A local number: the subscriber part without the area code.
  return home(region.areaCode + digits);
}

/**
 * When a home number's digit count cannot be right for its kind — a 10- or 12-digit mobile, a
 * landline missing a digit — the count as written (national form, trunk prefix included, or the
 * local number as typed) and the count it should have. Null when the number looks right, is short,
 * foreign or unreadable (unreadable numbers are refused by the engine with their own message).
 */
export function phoneLengthProblem(raw: string, region: PhoneRegion): { digits: number; expected: number } | null {
  const n = normalizePhone(raw, region);
  if (!n || n.national === null) return null;
  const { plus, digits } = phoneDigits(stripTrunkHint(raw));
  // Written as a local number (no prefix of any kind): its subscriber part is what must be complete.
  const local = !plus && !(region.trunkPrefix && digits.startsWith(region.trunkPrefix)) && digits.length < region.nationalLength;
  if (local) {
    const expected = subscriberLength(region);
    return digits.length === expected ? null : { digits: digits.length, expected };
  }
  if (n.national.length === region.nationalLength) return null;
  return { digits: region.trunkPrefix.length + n.national.length, expected: region.trunkPrefix.length + region.nationalLength };
}

/** What the modem dials for a number: a short number as typed, home numbers in national form, others after the international prefix. */
export function dialString(p: NormalizedPhone, region: PhoneRegion): string {
  if (p.short) return p.key;
  if (p.national !== null) return region.trunkPrefix + p.national;
  return region.internationalPrefix + p.key;
}

/**
 * Digit prefixes under which a phone is indexed for search-as-you-type: the national number and the
 * subscriber part without the office's own area code for home numbers (phoneQueryPrefix strips the
 * home country code from what is typed), the international digits for foreign ones.
 */
export function phoneSearchTerms(p: NormalizedPhone, region: PhoneRegion): string[] {
  if (p.national === null) return [p.key];
  const terms = [p.national];
  if (region.areaCode && p.national.startsWith(region.areaCode) && p.national.length === region.nationalLength) {
    terms.push(p.national.slice(region.areaCode.length));
  }
  return terms;
}

/**
 * The digit prefix to search for when a user types part of a number (0912…, +98912…, +98 (0) 912…,
 * 98912…, 912…, ۰۹۱۲…). The result is matched as a prefix against phoneSearchTerms.
 *
 * Digits that start with the country code without '+' or '00' are read as an international number
 * once the digit after it is a mobile's 9, a trunk 0, or two more digits have been typed (an area
 * code): no national number of the Iranian plan starts with 98, so «98 21 88…» is Tehran's 2188….
 */
export function phoneQueryPrefix(raw: string, region: PhoneRegion): string {
  const { plus, digits } = phoneDigits(stripTrunkHint(raw));
  const cc = region.countryCode;
  const trunk = region.trunkPrefix;
  let d = digits;
  let international = plus;
  if (!plus && region.internationalPrefix && d.startsWith(region.internationalPrefix)) {
    d = d.slice(region.internationalPrefix.length);
    international = true;
  } else if (!plus && d.startsWith(cc) && !(trunk && d.startsWith(trunk))) {
    const rest = d.slice(cc.length);
    international = rest.startsWith('9') || (trunk !== '' && rest.startsWith(trunk)) || rest.length >= 2;
  }
  if (international) {
    if (!d.startsWith(cc)) return d;
    let rest = d.slice(cc.length);
    if (trunk && rest.startsWith(trunk)) rest = rest.slice(trunk.length);
    return rest || d;
  }
  if (trunk && d.startsWith(trunk)) return d.slice(trunk.length);
  return d;
}

/** True when the text looks like (part of) a phone number rather than words. */
export function looksLikePhone(raw: string): boolean {
  const ascii = toAsciiDigits(raw).trim();
  return /^\+?[\d\s().-]+$/.test(ascii) && /\d/.test(ascii);
}

/**
 * Human form for display: home numbers in national form (0912 123 4567, 021 8877 6655), short
 * numbers as they are dialled (110), others +CC….
 */
export function formatPhone(p: NormalizedPhone, region: PhoneRegion): string {
  if (p.short) return p.key;
  if (p.national === null) return '+' + p.key;
  const n = region.trunkPrefix + p.national;
  if (region.countryCode === '98' && n.length === 11) {
    return n.startsWith('09') ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}` : `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  }
  return n;
}

/** A stored number as every screen shows it (formatPhone); text that is no number is shown as written. */
export function displayPhone(raw: string, region: PhoneRegion): string {
  const n = normalizePhone(raw, region);
  return n ? formatPhone(n, region) : raw;
}

// An extension written into the number: "021 8877 6655 x12", "…ext. 12", "…;ext=12", "… داخلی ۱۲", "… #212".
const EXTENSION = /^(.*?[\d\u06f0-\u06f9\u0660-\u0669].*?)\s*(?:;\s*ext\s*=|,?\s*(?:ext\.?|x|#|داخلی)\s*:?)\s*([0-9\u06f0-\u06f9\u0660-\u0669]{1,10})\s*$/i;
const PLAIN_NUMBER = /^[\d\s+()\-.\u06f0-\u06f9\u0660-\u0669]*$/;

/**
 * Separates an extension written into the number text, so the number stays the one the exchange
 * knows (and caller ID finds the contact). The number keeps its own spelling; the extension comes
 * back in ASCII digits. One parser for the contact form, the engine and the import.
 */
export function splitExtension(raw: string): { number: string; extension: string } {
  // Most numbers are digits and separators only: skip the (backtracking) pattern for them.
  if (PLAIN_NUMBER.test(raw)) return { number: raw.trim(), extension: '' };
  const m = EXTENSION.exec(raw.trim());
  if (!m) return { number: raw.trim(), extension: '' };
  return { number: m[1]!.trim(), extension: toAsciiDigits(m[2]!) };
}
