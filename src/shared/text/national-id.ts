/**
 * Iranian identity numbers written on cheques (شناسه‌های هویتی): the national ID of a person
 * (کد ملی, 10 digits) and the national ID of a legal person, a company (شناسه ملی, 11 digits). Both
 * end in a check digit; text in any digit script, with spaces or dashes, is accepted.
 *
 * National ID: c = r if r < 2 else 11 − r, where r = Σ dᵢ·(10 − i) (i = 0..8) mod 11; ten identical
 * digits and IDs whose digits 4–9 are all zero are not issued (their check digit may well be right,
 * so the problem is 'not_issued', not 'checksum'). Eight or nine digits are left-padded with zeros (IDs starting with 0 often
 * lose them in spreadsheets). Legal ID: with k = d₉ + 2 and weights 29, 27, 23, 19, 17 repeating,
 * c = Σ (dᵢ + k)·wᵢ (i = 0..9) mod 11, 10 counting as 0; an ID whose digits 4–9 are all zero is not
 * issued.
 */
import { toAsciiDigits } from './digits';

export type PartyIdKind = 'national' | 'legal';

/**
 * What was wrong with an ID: not only digits, the wrong number of digits, a wrong check digit, or a
 * pattern that is never issued (ten identical digits, six zeros in the middle) whatever its check digit.
 */
export type PartyIdProblem = 'chars' | 'length' | 'checksum' | 'not_issued';

export type PartyIdCheck = { ok: true; value: string; kind: PartyIdKind } | { ok: false; problem: PartyIdProblem };

/** ASCII digits of an ID as typed: Persian/Arabic digits converted; spaces, dashes and dots dropped. */
export function idDigits(text: string): string {
  return toAsciiDigits(text).replace(/[\s\u200c\u200e\u200f\-_./]/g, '');
}

/** The check digit of the first nine digits of a national ID. */
export function nationalIdCheckDigit(first9: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const r = sum % 11;
  return r < 2 ? r : 11 - r;
}

const LEGAL_WEIGHTS = [29, 27, 23, 19, 17] as const;

/** The check digit of the first ten digits of a legal ID. */
export function legalIdCheckDigit(first10: string): number {
  const k = Number(first10[9]) + 2;
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += (Number(first10[i]) + k) * LEGAL_WEIGHTS[i % 5]!;
  const r = sum % 11;
  return r === 10 ? 0 : r;
}

/** Ten identical digits, or digits 4–9 all zero: patterns no national or legal ID is issued with. */
function neverIssued(id: string): boolean {
  return /^(\d)\1+$/.test(id) || /^0{6}$/.test(id.slice(3, 9));
}

/** A national ID's problem, or its 10 ASCII digits. */
export function checkNationalId(text: string): { ok: true; id: string } | { ok: false; problem: PartyIdProblem } {
  const d = idDigits(text);
  if (!/^\d{8,10}$/.test(d)) return { ok: false, problem: /^\d*$/.test(d) ? 'length' : 'chars' };
  const id = d.padStart(10, '0');
  if (neverIssued(id)) return { ok: false, problem: 'not_issued' };
  return nationalIdCheckDigit(id) === Number(id[9]) ? { ok: true, id } : { ok: false, problem: 'checksum' };
}

/** A legal ID's problem, or its 11 ASCII digits. */
function checkLegalId(text: string): { ok: true; id: string } | { ok: false; problem: PartyIdProblem } {
  const id = idDigits(text);
  if (!/^\d{11}$/.test(id)) return { ok: false, problem: /^\d*$/.test(id) ? 'length' : 'chars' };
  if (neverIssued(id)) return { ok: false, problem: 'not_issued' };
  return legalIdCheckDigit(id) === Number(id[10]) ? { ok: true, id } : { ok: false, problem: 'checksum' };
}

/** A valid national ID as 10 ASCII digits, or null. */
export function parseNationalId(text: string): string | null {
  const r = checkNationalId(text);
  return r.ok ? r.id : null;
}

/** A valid legal ID as 11 ASCII digits, or null. */
export function parseLegalId(text: string): string | null {
  const r = checkLegalId(text);
  return r.ok ? r.id : null;
}

export const isValidNationalId = (text: string) => parseNationalId(text) !== null;
export const isValidLegalId = (text: string) => parseLegalId(text) !== null;

/**
 * The ID of a payer or payee: eleven digits are a legal ID, eight to ten a national ID. Says what is
 * wrong when it is neither, so the form can tell the user.
 */
export function checkPartyId(text: string): PartyIdCheck {
  const d = idDigits(text);
  if (!/^\d+$/.test(d)) return { ok: false, problem: 'chars' };
  if (d.length === 11) {
    const r = checkLegalId(d);
    return r.ok ? { ok: true, value: r.id, kind: 'legal' } : { ok: false, problem: r.problem };
  }
  if (d.length >= 8 && d.length <= 10) {
    const r = checkNationalId(d);
    return r.ok ? { ok: true, value: r.id, kind: 'national' } : { ok: false, problem: r.problem };
  }
  return { ok: false, problem: 'length' };
}

/** The stored form of a typed national ID (10 ASCII digits), or null when it is not a valid one. */
export const normalizeNationalId = parseNationalId;
