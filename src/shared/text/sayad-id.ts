/**
 * The Sayad ID (شناسه صیاد) printed on every Iranian cheque leaf since 1399: 16 digits that name the
 * leaf in the central bank's Sayad system. No check digit is published for it, so a Sayad ID is
 * checked for what can be known: exactly sixteen digits (any digit script; spaces and dashes as the
 * user groups them are dropped), and not one digit repeated sixteen times (a placeholder).
 */
import { idDigits } from './national-id';

export type SayadProblem = 'chars' | 'length' | 'placeholder';

export function checkSayadId(text: string): { ok: true; value: string } | { ok: false; problem: SayadProblem } {
  const d = idDigits(text);
  if (!/^\d+$/.test(d)) return { ok: false, problem: 'chars' };
  if (d.length !== 16) return { ok: false, problem: 'length' };
  if (/^(\d)\1{15}$/.test(d)) return { ok: false, problem: 'placeholder' };
  return { ok: true, value: d };
}

/** A valid Sayad ID as 16 ASCII digits, or null. */
export function parseSayadId(text: string): string | null {
  const r = checkSayadId(text);
  return r.ok ? r.value : null;
}

/** '1234567890123456' → '1234 5678 9012 3456' (the way it is read aloud and printed). */
export function groupSayadId(id: string): string {
  return id.replace(/(\d{4})(?=\d)/g, '$1 ');
}
