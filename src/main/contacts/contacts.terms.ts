/**
 * What makes a contact findable: its display name, its place in Persian alphabetical order, and its
 * search terms (folded words and phone digit forms).
 */
import type { ContactData } from '../../shared/contract/contacts';
import { foldForSearch, searchWords } from '../../shared/text/normalize';
import { normalizePhone, phoneSearchTerms, type PhoneRegion } from '../../shared/text/phone';

export function displayNameOf(c: Pick<ContactData, 'prefix' | 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'company' | 'nickname' | 'phones'>): string {
  const name = [c.prefix, c.firstName, c.middleName, c.lastName, c.suffix].filter((p) => p.trim() !== '').join(' ');
  return name || c.nickname || c.company || c.phones[0]?.number || '—';
}

/**
 * The name a contact is filed under in the list: its name without the title («مهندس», «دکتر», Dr.),
 * so «مهندس حسین کریمی» sits under ح with the other Hosseins, not under م with every engineer.
 */
export function sortNameOf(c: Pick<ContactData, 'prefix' | 'firstName' | 'middleName' | 'lastName' | 'suffix' | 'company' | 'nickname' | 'phones'>): string {
  const name = [c.firstName, c.middleName, c.lastName, c.suffix].filter((p) => p.trim() !== '').join(' ');
  return name || displayNameOf(c);
}

// The Persian alphabet in dictionary order. Unicode puts پ چ ژ گ after the Arabic letters, so a
// plain binary sort would file «پرویز» after «یاسر»; the sort key maps each letter to its rank.
const PERSIAN_ORDER = 'ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی';
const RANK = new Map([...PERSIAN_ORDER].map((ch, i) => [ch, String.fromCharCode(0x0621 + i)]));

/** Persian names first (the office's own script), then Latin and the rest, each in its alphabet's order. */
export function sortKeyOf(displayName: string): string {
  const folded = foldForSearch(displayName);
  const persianFirst = RANK.has(folded[0] ?? '') ? '0' : '1';
  return persianFirst + [...folded].map((ch) => RANK.get(ch) ?? ch).join('');
}

export type TermSource = ContactData & { groupNames: string[]; fieldTexts: string[] };

/**
 * Search terms of a contact: each folded word of its names, company, department, job title, emails,
 * groups and extra fields, its full name and company as phrases, and each phone under its national,
 * local and international digits. Terms never contain '|', which joins them in contacts.search_text.
 */
export function termsOf(c: TermSource, region: PhoneRegion): string[] {
  const terms = new Set<string>();
  const texts = [
    c.prefix, c.firstName, c.middleName, c.lastName, c.suffix, c.nickname,
    c.company, c.department, c.jobTitle, c.city,
    ...c.emails.map((e) => e.address), ...c.groupNames, ...c.fieldTexts,
  ];
  for (const t of texts) {
    if (!t) continue;
    for (const w of searchWords(foldForSearch(t))) {
      terms.add(w);
      // Also the parts of an email or dotted word, so «ali» finds «ali.rezaei@example.com».
      if (/[@._+-]/.test(w)) for (const part of w.split(/[@._+-]+/)) if (part) terms.add(part);
    }
  }
  // The whole name and company name as phrases ('حمید میرزایی'), so that typing a full name is one
  // range scan instead of intersecting two long word lists. (Other word orders take the slower path.)
  const phrase = (...parts: string[]) => searchWords(foldForSearch(parts.filter(Boolean).join(' '))).join(' ');
  for (const ph of [phrase(c.firstName, c.middleName, c.lastName), phrase(c.company)]) {
    if (ph.includes(' ')) terms.add(ph);
  }
  for (const p of c.phones) {
    const n = normalizePhone(p.number, region);
    if (n) for (const t of phoneSearchTerms(n, region)) terms.add(t);
  }
  return [...terms];
}
