/**
 * The national ID check digit on generated IDs: every valid ID passes (in any digit script, with
 * dashes or lost leading zeros), and changing any single digit of it makes it fail.
 */
import { checkPartyId, legalIdCheckDigit, nationalIdCheckDigit, normalizeNationalId } from '../../src/shared/text/national-id';

/** A deterministic stream of pseudo-random nine-digit prefixes. */
function* prefixes(n: number): Generator<string> {
  let x = 123456789;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield String(x % 1_000_000_000).padStart(9, '0');
  }
}
const fa = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

test('the rule on known IDs', () => {
  // Worked example: 0 0 1 0 5 2 4 3 0 → r = (0·10+0·9+1·8+0·7+5·6+2·5+4·4+3·3+0·2) mod 11 = 73 mod 11 = 7 → check 4.
  expect(nationalIdCheckDigit('001052430')).toBe(4);
  expect(normalizeNationalId('0010524304')).toBe('0010524304');
  expect(normalizeNationalId('0010524305')).toBeNull();
  // r < 2 keeps r: 0 0 0 0 0 0 0 1 1 → 3+2 = 5? no: 1·3 + 1·2 = 5 → 11 − 5 = 6.
  expect(nationalIdCheckDigit('000000011')).toBe(6);
  expect(nationalIdCheckDigit('000000050')).toBe(11 - ((5 * 3) % 11));
});

test('generated valid IDs pass in every written form', () => {
  for (const nine of prefixes(2000)) {
    const id = nine + String(nationalIdCheckDigit(nine));
    if (/^(\d)\1{9}$/.test(id) || /^0{6}$/.test(id.slice(3, 9))) continue; // never issued (see the last test)
    expect(normalizeNationalId(id)).toBe(id);
    expect(normalizeNationalId(fa(id))).toBe(id);
    expect(normalizeNationalId(`${id.slice(0, 3)}-${id.slice(3, 9)}-${id.slice(9)}`)).toBe(id);
    // Spreadsheets drop leading zeros.
    if (id.startsWith('0')) expect(normalizeNationalId(id.replace(/^0+/, '').padStart(8, '0'))).toBe(id);
  }
});

test('a single wrong digit fails (except the one ambiguity of the rule)', () => {
  let tried = 0;
  let passed = 0;
  for (const nine of prefixes(300)) {
    const id = nine + String(nationalIdCheckDigit(nine));
    for (let pos = 0; pos < 10; pos++) {
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === id[pos]) continue;
        const bad = id.slice(0, pos) + String(digit) + id.slice(pos + 1);
        tried++;
        if (normalizeNationalId(bad) === null) continue;
        // Weights 2..10 are invertible mod 11, so a changed digit always changes r; but check digit 1
        // stands for both r = 1 and r = 10, so a change moving r between them still passes.
        passed++;
        expect([bad, id[9], pos < 9]).toEqual([bad, '1', true]);
      }
    }
  }
  expect(passed / tried).toBeLessThan(0.02);
});

test('wrong lengths, letters and repeated digits fail', () => {
  for (const bad of ['', '123', '12345678901', '00105243O4', '1111111111', '0000000000', 'abc']) expect(normalizeNationalId(bad)).toBeNull();
});

test('an ID that is never issued says so, not "wrong check digit" (issue 13)', () => {
  // Ten identical digits: the check digit is right (e.g. 1111111111: r = 45 mod 11 = 1 → 1), yet no such ID is issued.
  expect(nationalIdCheckDigit('111111111')).toBe(1);
  for (const id of ['1111111111', '0000000000', '۵۵۵۵۵۵۵۵۵۵']) expect([id, checkPartyId(id)]).toEqual([id, { ok: false, problem: 'not_issued' }]);
  // Middle six digits zero (like the legal-ID rule): check digit right, never issued.
  const nine = '123000000';
  const id = nine + String(nationalIdCheckDigit(nine));
  expect(normalizeNationalId(id)).toBeNull();
  expect(checkPartyId(id)).toEqual({ ok: false, problem: 'not_issued' });
  expect(checkPartyId('0010524305')).toEqual({ ok: false, problem: 'checksum' });
  expect(checkPartyId('0010524304')).toEqual({ ok: true, value: '0010524304', kind: 'national' });
  // The legal-ID rule says the same thing now.
  const ten = '1230000001';
  expect(checkPartyId(ten + String(legalIdCheckDigit(ten)))).toEqual({ ok: false, problem: 'not_issued' });
});
