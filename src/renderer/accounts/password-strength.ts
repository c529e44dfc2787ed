/**
 * A hint of how hard a password is to guess (0 very weak … 4 strong): length first, then the kinds of
 * characters, less for one repeated character or a run of digits. A hint only: the engine asks 8 characters.
 */
export function passwordStrength(p: string): 0 | 1 | 2 | 3 | 4 {
  if (p.length < 8) return 0;
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9۰-۹]/, /[^a-zA-Z0-9۰-۹]/].filter((r) => r.test(p)).length;
  let score = (p.length >= 12 ? 2 : 1) + (kinds >= 3 ? 2 : kinds >= 2 ? 1 : 0);
  if (/^(.)\1+$/.test(p) || /^[0-9۰-۹]+$/.test(p)) score = 1;
  return Math.min(4, score) as 0 | 1 | 2 | 3 | 4;
}
