/**
 * Phone numbers: normalisation to one key, search prefixes and display.
 *
 * Numbers arrive in every shape: typed by users (0912 123 4567, +98 912…, ۰۹۱۲…), from caller ID
 * (leading 0 missing, 98/0098 prefixes, local calls without the area code) and from imported cards.
 * Everything is reduced to the international digits (`key`, E.164 without '+') using the office's home
 * region; lookups and duplicate checks match on that key.
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

export type NormalizedPhone = {
  /** International digits without '+', e.g. '989121234567': the lookup key. */
  key: string;
  /** National significant number when the number is in the home country ('9121234567'), else null. */
  national: string | null;
};

/** Digits and a leading '+' only; Persian/Arabic digits become ASCII. Returns '' when there are no digits. */
export function phoneDigits(raw: string): { plus: boolean; digits: string } {
  const ascii = toAsciiDigits(raw).trim();
  return { plus: /^\s*\+/.test(ascii), digits: ascii.replace(/\D/g, '') };
}

/**
 * Normalises a phone number in any common form. Returns null when it cannot be a phone number
 * (fewer than 3 or more than 15 digits).
 */
export function normalizePhone(raw: string, region: PhoneRegion): NormalizedPhone | null {
  const { plus, digits } = phoneDigits(raw);
  if (digits.length < 3 || digits.length > 17) return null;
  const cc = region.countryCode;
  const home = (nsn: string): NormalizedPhone => ({ key: cc + nsn, national: nsn });

  let international: string | null = null;
  if (plus) international = digits;
  else if (region.internationalPrefix && digits.startsWith(region.internationalPrefix)) {
    international = digits.slice(region.internationalPrefix.length);
  } else if (
    digits.startsWith(cc) &&
    digits.length === cc.length + region.nationalLength &&
    !(region.trunkPrefix && digits.startsWith(region.trunkPrefix))
  ) {
    international = digits; // 98912… without '+', as caller ID often sends it
  }

  if (international !== null) {
    if (international.length < 4 || international.length > 15) return null;
    if (international.startsWith(cc)) {
      let nsn = international.slice(cc.length);
      if (region.trunkPrefix && nsn.startsWith(region.trunkPrefix)) nsn = nsn.slice(region.trunkPrefix.length);
      return home(nsn);
    }
    return { key: international, national: null };
  }

  if (region.trunkPrefix && digits.startsWith(region.trunkPrefix)) {
    return home(digits.slice(region.trunkPrefix.length));
  }
  if (digits.length >= region.nationalLength) return home(digits);
  // A local number: the subscriber part without the area code.
  return home(region.areaCode + digits);
}

/**
 * Digit prefixes under which a phone is indexed for search-as-you-type: the national number and the
 * subscriber part without the office's own area code for home numbers (phoneQueryPrefix strips the
 * home country code from what is typed), the international digits for foreign ones.
 */
export function phoneSearchTerms(p: NormalizedPhone, region: PhoneRegion): string[] {
  if (!p.national) return [p.key];
  const terms = [p.national];
  if (region.areaCode && p.national.startsWith(region.areaCode) && p.national.length === region.nationalLength) {
    terms.push(p.national.slice(region.areaCode.length));
  }
  return terms;
}

/**
 * The digit prefix to search for when a user types part of a number (0912…, +98912…, 912…, ۰۹۱۲…).
 * The result is matched as a prefix against phoneSearchTerms.
 */
export function phoneQueryPrefix(raw: string, region: PhoneRegion): string {
  const { plus, digits } = phoneDigits(raw);
  const cc = region.countryCode;
  let d = digits;
  if (plus || (region.internationalPrefix && d.startsWith(region.internationalPrefix))) {
    if (!plus) d = d.slice(region.internationalPrefix.length);
    return d.startsWith(cc) ? d.slice(cc.length) || d : d;
  }
  if (region.trunkPrefix && d.startsWith(region.trunkPrefix)) return d.slice(region.trunkPrefix.length);
  // 98912… typed without '+': a home mobile in international form (national numbers never start with
  // the country code followed by a mobile prefix in the Iranian plan).
  if (d.startsWith(cc + '9') && d.length > cc.length + 1) return d.slice(cc.length);
  return d;
}

/** True when the text looks like (part of) a phone number rather than words. */
export function looksLikePhone(raw: string): boolean {
  const ascii = toAsciiDigits(raw).trim();
  return /^\+?[\d\s().-]+$/.test(ascii) && /\d/.test(ascii);
}

/** Human form for display: home numbers in national form (0912 123 4567, 021 8877 6655), others +CC…. */
export function formatPhone(p: NormalizedPhone, region: PhoneRegion): string {
  if (p.national === null) return '+' + p.key;
  const n = region.trunkPrefix + p.national;
  if (region.countryCode === '98' && n.length === 11) {
    return n.startsWith('09')
      ? `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`
      : `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`;
  }
  return n;
}
