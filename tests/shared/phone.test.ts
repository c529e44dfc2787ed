import { IRAN_TEHRAN, formatPhone, looksLikePhone, normalizePhone, phoneQueryPrefix, phoneSearchTerms } from '../../src/shared/text/phone';

const key = (s: string) => normalizePhone(s, IRAN_TEHRAN)?.key;

describe('phone normalisation (Iran, Tehran)', () => {
  it.each([
    ['09121234567', '989121234567'],
    ['0912 123 4567', '989121234567'],
    ['+98 912 123 4567', '989121234567'],
    ['00989121234567', '989121234567'],
    ['989121234567', '989121234567'],
    ['9121234567', '989121234567'],
    ['۰۹۱۲۱۲۳۴۵۶۷', '989121234567'],
    ['٠٩١٢١٢٣٤٥٦٧', '989121234567'],
    ['+98 (0)21 8877 6655', '982188776655'],
    ['021-88776655', '982188776655'],
    ['88776655', '982188776655'],
    ['03132345678', '983132345678'],
    ['+44 20 7946 0958', '442079460958'],
    ['0044 20 7946 0958', '442079460958'],
  ])('%s → %s', (raw, expected) => expect(key(raw)).toBe(expected));

  it('rejects text that cannot be a number', () => {
    expect(normalizePhone('abc', IRAN_TEHRAN)).toBeNull();
    expect(normalizePhone('12', IRAN_TEHRAN)).toBeNull();
  });

  it('indexes national, local and international forms and reads typed prefixes the same way', () => {
    const terms = phoneSearchTerms(normalizePhone('021 8877 6655', IRAN_TEHRAN)!, IRAN_TEHRAN);
    expect(terms.sort()).toEqual(['2188776655', '88776655']);
    expect(phoneSearchTerms(normalizePhone('+44 20 7946 0958', IRAN_TEHRAN)!, IRAN_TEHRAN)).toEqual(['442079460958']);
    for (const typed of ['0912', '+98912', '98912', '912', '۰۹۱۲', '0098912']) {
      expect(phoneQueryPrefix(typed, IRAN_TEHRAN)).toBe('912');
    }
    expect(phoneQueryPrefix('8877', IRAN_TEHRAN)).toBe('8877');
  });

  it('formats for display and tells numbers from words', () => {
    expect(formatPhone(normalizePhone('+989121234567', IRAN_TEHRAN)!, IRAN_TEHRAN)).toBe('0912 123 4567');
    expect(formatPhone(normalizePhone('88776655', IRAN_TEHRAN)!, IRAN_TEHRAN)).toBe('021 8877 6655');
    expect(looksLikePhone('+98 (912) 123-45')).toBe(true);
    expect(looksLikePhone('علی 0912')).toBe(false);
  });
});
