/**
 * The identity numbers on cheques, on generated cases: national IDs (کد ملی) and legal IDs (شناسه ملی)
 * made with the published check-digit rules (written out again here, not imported), every wrong
 * check digit of each rejected; Sayad IDs; typed amounts in every digit script.
 */
import { checkPartyId, isValidLegalId, isValidNationalId, parseLegalId, parseNationalId } from '../../src/shared/text/national-id';
import { checkSayadId, groupSayadId, parseSayadId } from '../../src/shared/text/sayad-id';
import { formatToman, parseAmount } from '../../src/shared/text/amount';

/** A tiny seeded generator, so a failure can be reproduced. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const digitsOf = (rand: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rand() * 10)).join('');
const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const arabic = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);

/** The reference rule: r = Σ dᵢ·(10−i) mod 11; c = r if r < 2 else 11 − r. */
function nationalCheck(nine: string): number {
  const r = [...nine].reduce((a, d, i) => a + Number(d) * (10 - i), 0) % 11;
  return r < 2 ? r : 11 - r;
}
/** The legal-ID rule: k = d₉ + 2; Σ (dᵢ + k)·w, w = 29 27 23 19 17 repeating; mod 11, 10 → 0. */
function legalCheck(ten: string): number {
  const k = Number(ten[9]) + 2;
  const w = [29, 27, 23, 19, 17];
  const r = [...ten].reduce((a, d, i) => a + (Number(d) + k) * w[i % 5]!, 0) % 11;
  return r === 10 ? 0 : r;
}

describe('national ID (کد ملی)', () => {
  const rand = rng(1403);
  const valid: string[] = [];
  while (valid.length < 2000) {
    const nine = digitsOf(rand, 9);
    const id = nine + nationalCheck(nine);
    if (!/^(\d)\1{9}$/.test(id)) valid.push(id);
  }

  test('2000 generated valid IDs are accepted, in ASCII, Persian and Arabic-Indic digits, with spaces or dashes', () => {
    for (const id of valid) {
      expect(parseNationalId(id)).toBe(id);
      expect(parseNationalId(persian(id))).toBe(id);
      expect(parseNationalId(arabic(id))).toBe(id);
      expect(parseNationalId(`${id.slice(0, 3)}-${id.slice(3, 9)}-${id[9]}`)).toBe(id);
    }
  });

  test('every other check digit of each is rejected', () => {
    let rejected = 0;
    for (const id of valid.slice(0, 500)) {
      for (let c = 0; c <= 9; c++) {
        if (c === Number(id[9])) continue;
        expect(isValidNationalId(id.slice(0, 9) + c)).toBe(false);
        rejected++;
      }
    }
    expect(rejected).toBe(4500);
  });

  test('known cases: zero padding, identical digits, wrong lengths and letters', () => {
    expect(parseNationalId('0076229645')).toBe('0076229645');
    expect(parseNationalId('76229645')).toBe('0076229645'); // leading zeros lost in a spreadsheet
    expect(parseNationalId('1111111111')).toBeNull(); // passes the checksum but is not issued
    expect(parseNationalId('0000000000')).toBeNull();
    expect(parseNationalId('123456')).toBeNull();
    expect(parseNationalId('00762296451')).toBeNull();
    expect(parseNationalId('007622964a')).toBeNull();
  });
});

describe('legal ID (شناسه ملی)', () => {
  const rand = rng(99);
  const valid: string[] = [];
  while (valid.length < 2000) {
    const ten = digitsOf(rand, 10);
    if (/^0{6}$/.test(ten.slice(3, 9))) continue;
    valid.push(ten + legalCheck(ten));
  }

  test('2000 generated valid IDs are accepted; every other check digit is rejected', () => {
    for (const id of valid) {
      expect(parseLegalId(persian(id))).toBe(id);
      for (let c = 0; c <= 9; c++) if (c !== Number(id[10])) expect(isValidLegalId(id.slice(0, 10) + c)).toBe(false);
    }
  });

  test('a published legal ID; all zeros and zero middle digits are not issued', () => {
    expect(isValidLegalId('10380284790')).toBe(true);
    expect(isValidLegalId('00000000000')).toBe(false);
    const ten = '1230000004';
    expect(isValidLegalId(ten + legalCheck(ten))).toBe(false);
  });
});

describe('a party ID: national or legal by length, with the reason it is wrong', () => {
  test('kinds and problems', () => {
    expect(checkPartyId('۰۰۷۶۲۲۹۶۴۵')).toEqual({ ok: true, value: '0076229645', kind: 'national' });
    expect(checkPartyId('10380284790')).toEqual({ ok: true, value: '10380284790', kind: 'legal' });
    expect(checkPartyId('0076229646')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkPartyId('10380284791')).toEqual({ ok: false, problem: 'checksum' });
    expect(checkPartyId('1234567')).toEqual({ ok: false, problem: 'length' });
    expect(checkPartyId('123456789012')).toEqual({ ok: false, problem: 'length' });
    expect(checkPartyId('12345abc90')).toEqual({ ok: false, problem: 'chars' });
  });
});

describe('Sayad ID (شناسه صیاد)', () => {
  test('16 digits in any script and grouping; other lengths, letters and placeholders are refused with the reason', () => {
    const rand = rng(7);
    for (let i = 0; i < 1000; i++) {
      const id = digitsOf(rand, 16);
      if (/^(\d)\1{15}$/.test(id)) continue;
      expect(parseSayadId(persian(groupSayadId(id)))).toBe(id);
      expect(parseSayadId(id.slice(1))).toBeNull();
      expect(parseSayadId(id + '1')).toBeNull();
    }
    expect(groupSayadId('1234567890123456')).toBe('1234 5678 9012 3456');
    expect(checkSayadId('12345678901234')).toEqual({ ok: false, problem: 'length' });
    expect(checkSayadId('1234-5678-9012-345x')).toEqual({ ok: false, problem: 'chars' });
    expect(checkSayadId('0000000000000000')).toEqual({ ok: false, problem: 'placeholder' });
    expect(checkSayadId('٠١٢٣ ٤٥٦٧ ٨٩٠١ ٢٣٤٥')).toEqual({ ok: true, value: '0123456789012345' });
  });
});

describe('amounts', () => {
  test('typed with any digits and separators; toman shown with its tenth', () => {
    expect(parseAmount('12,500,000')).toBe(12_500_000);
    expect(parseAmount('۱۲٬۵۰۰٬۰۰۰')).toBe(12_500_000);
    expect(parseAmount('١٢٥٠٠٠٠٠ ریال')).toBe(12_500_000);
    expect(parseAmount('12.500.000')).toBe(12_500_000);
    expect(parseAmount('999,999,999,999,999')).toBe(999_999_999_999_999);
    expect(parseAmount('1,000,000,000,000,000')).toBeNull();
    expect(parseAmount('12.5')).toBeNull();
    expect(parseAmount('0')).toBeNull();
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('-5')).toBeNull();
    expect(formatToman(12_500_000, 'fa')).toBe('۱٬۲۵۰٬۰۰۰');
    expect(formatToman(12_345, 'en')).toBe('1,234.5');
  });
});
