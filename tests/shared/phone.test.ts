import { toAsciiDigits } from '../../src/shared/text/digits';
import {
  IRAN_TEHRAN,
  dialString,
  displayPhone,
  formatPhone,
  looksLikePhone,
  normalizePhone,
  phoneLengthProblem,
  phoneQueryPrefix,
  phoneSearchTerms,
  splitExtension,
} from '../../src/shared/text/phone';

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

describe('short numbers, extensions, digit counts (issue 13)', () => {
  it.each(['110', '115', '118', '125', '1818', '1566', '13141', '۱۱۰'])('%s is a short number, kept as typed', (raw) => {
    const n = normalizePhone(raw, IRAN_TEHRAN)!;
    expect(n).toMatchObject({ key: toAsciiDigits(raw), national: null, short: true });
    expect(formatPhone(n, IRAN_TEHRAN)).toBe(toAsciiDigits(raw));
    expect(dialString(n, IRAN_TEHRAN)).toBe(toAsciiDigits(raw));
    expect(phoneSearchTerms(n, IRAN_TEHRAN)).toEqual([toAsciiDigits(raw)]);
  });
  it('an eight-digit local number still gets the area code; national and foreign numbers dial as before', () => {
    expect(dialString(normalizePhone('88776655', IRAN_TEHRAN)!, IRAN_TEHRAN)).toBe('02188776655');
    expect(dialString(normalizePhone('+98 912 123 4567', IRAN_TEHRAN)!, IRAN_TEHRAN)).toBe('09121234567');
    expect(dialString(normalizePhone('+44 20 7946 0958', IRAN_TEHRAN)!, IRAN_TEHRAN)).toBe('00442079460958');
  });

  it.each([
    ['021 8877 6655 x123', '021 8877 6655', '123'],
    ['0912 123 4567 داخلی ۲۱۲', '0912 123 4567', '212'],
    ['88776655 ext. 12', '88776655', '12'],
    ['88776655 #212', '88776655', '212'],
    ['88776655;ext=9', '88776655', '9'],
    ['+98 21 8877 6655 Ext 44', '+98 21 8877 6655', '44'],
    ['0912 123 4567', '0912 123 4567', ''],
    ['۰۲۱ ۸۸۷۷ ۶۶۵۵ داخلی ۲۱۲', '۰۲۱ ۸۸۷۷ ۶۶۵۵', '212'],
    ['۸۸۷۷۶۶۵۵ x۱۲', '۸۸۷۷۶۶۵۵', '12'],
  ])('splitExtension(%j)', (raw, number, extension) => expect(splitExtension(raw)).toEqual({ number, extension }));

  it('the international "(0)" is dropped for foreign numbers too; more than 15 digits and all zeros are no number', () => {
    expect(key('+44 (0)20 7946 0958')).toBe('442079460958');
    expect(key('0044 (0) 20 7946 0958')).toBe('442079460958');
    expect(normalizePhone('+1234567890123456', IRAN_TEHRAN)).toBeNull(); // 16 digits
    expect(normalizePhone('0098912123456789012', IRAN_TEHRAN)).toBeNull();
    expect(normalizePhone('091212345678901234', IRAN_TEHRAN)).toBeNull(); // 17 national digits
    expect(normalizePhone('00000000000', IRAN_TEHRAN)).toBeNull();
    expect(normalizePhone('۰۰۰ ۰۰۰', IRAN_TEHRAN)).toBeNull();
  });

  it('warns about a digit count that does not fit the kind of number', () => {
    expect(phoneLengthProblem('0912 123 456', IRAN_TEHRAN)).toEqual({ digits: 10, expected: 11 });
    expect(phoneLengthProblem('0912 123 45678', IRAN_TEHRAN)).toEqual({ digits: 12, expected: 11 });
    expect(phoneLengthProblem('+98 912 123 456', IRAN_TEHRAN)).toEqual({ digits: 10, expected: 11 });
    expect(phoneLengthProblem('021 8877 665', IRAN_TEHRAN)).toEqual({ digits: 10, expected: 11 });
    for (const ok of ['0912 123 4567', '88776655', '110', '1566', '+44 20 7946 0958', '+98 (0)21 8877 6655', '']) {
      expect([ok, phoneLengthProblem(ok, IRAN_TEHRAN)]).toEqual([ok, null]);
    }
  });

  it('finds numbers typed in their international forms', () => {
    for (const typed of ['+98 (0) 912', '+980912', '98 912', '0098 (0)912', '98-912'])
      expect([typed, phoneQueryPrefix(typed, IRAN_TEHRAN)]).toEqual([typed, '912']);
    expect(phoneQueryPrefix('98 21 8877', IRAN_TEHRAN)).toBe('218877');
    expect(phoneQueryPrefix('+98 (0)21 88', IRAN_TEHRAN)).toBe('2188');
    expect(phoneQueryPrefix('+44 (0)20', IRAN_TEHRAN)).toBe('4420');
  });

  it('one display form for a stored number everywhere', () => {
    expect(displayPhone('+98 912 123 4567', IRAN_TEHRAN)).toBe('0912 123 4567');
    expect(displayPhone('110', IRAN_TEHRAN)).toBe('110');
    expect(displayPhone('not a number', IRAN_TEHRAN)).toBe('not a number');
  });
});
