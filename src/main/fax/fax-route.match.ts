/**
 * Which routing rule a received fax falls under: the first rule in the user's order whose every condition
 * holds. A condition left empty holds for any fax. The number is compared as the phonebook compares
 * numbers, so '021 8888 1234', '+98 21 88881234' and '۰۲۱۸۸۸۸۱۲۳۴' are one number: exact by the phone key,
 * a prefix ('021', '+98 912', '0912') against the number's national and local digits. With no caller ID,
 * a TSI that reads as a number stands for the sender's number (fax machines often send their number there).
 */
import { looksLikePhone, normalizePhone, phoneQueryPrefix, phoneSearchTerms, type PhoneRegion } from '../../shared/text/phone';

export type RouteCondition = {
  number: string;
  numberMatch: 'exact' | 'prefix';
  tsi: string;
  lineId: string | null;
};

export type RoutedFax = { callerNumber: string | null; remoteId: string; lineId: string };

/** The phone key, and the digit forms a prefix may start (phoneSearchTerms, as the phonebook's search), or null for no number. */
function numberForms(raw: string, region: PhoneRegion): { key: string; terms: string[] } | null {
  const n = raw.trim() && looksLikePhone(raw) ? normalizePhone(raw, region) : null;
  return n ? { key: n.key, terms: phoneSearchTerms(n, region) } : null;
}

export function numberMatches(rule: Pick<RouteCondition, 'number' | 'numberMatch'>, sender: string, region: PhoneRegion): boolean {
  if (rule.number.trim() === '') return true;
  const forms = numberForms(sender, region);
  if (!forms) return false;
  if (rule.numberMatch === 'exact') return normalizePhone(rule.number, region)?.key === forms.key;
  const prefix = phoneQueryPrefix(rule.number, region);
  return prefix !== '' && forms.terms.some((t) => t.startsWith(prefix));
}

/** The number a fax came from: the caller ID, else a TSI that reads as a number. */
export function senderOf(fax: RoutedFax): string {
  if (fax.callerNumber && fax.callerNumber.trim()) return fax.callerNumber;
  return looksLikePhone(fax.remoteId) ? fax.remoteId : '';
}

export function ruleMatches(rule: RouteCondition, fax: RoutedFax, region: PhoneRegion): boolean {
  if (rule.lineId !== null && rule.lineId !== fax.lineId) return false;
  const tsi = rule.tsi.trim().toLocaleLowerCase('en');
  if (tsi !== '' && !fax.remoteId.toLocaleLowerCase('en').includes(tsi)) return false;
  return numberMatches(rule, senderOf(fax), region);
}

/** The first rule (in the order given) the fax matches, or null. */
export function firstMatch<R extends RouteCondition>(rules: readonly R[], fax: RoutedFax, region: PhoneRegion): R | null {
  return rules.find((r) => ruleMatches(r, fax, region)) ?? null;
}
