/**
 * What makes a contact findable: its display name, its place in Persian alphabetical order, and its
 * search terms (folded words and phone digit forms).
 */
import type { ContactData } from '../../shared/contract/contacts';
import { foldForSearch, searchWords } from '../../shared/text/normalize';
import { normalizePhone, phoneSearchTerms, type NormalizedPhone, type PhoneRegion } from '../../shared/text/phone';

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
 * Folded search words of a text, remembered for the next contact: a phonebook repeats its first names,
 * last names, companies, titles and groups thousands of times, and folding (two Unicode normalisations
 * and four regular expressions a text) was a fifth of a 100,000-card import. Bounded, so a file of
 * unique names costs a little memory and no more.
 */
const FOLD_CACHE_SIZE = 20_000;
const wordsCache = new Map<string, readonly string[]>();
const termsCache = new Map<string, readonly string[]>();

function remembered(cache: Map<string, readonly string[]>, text: string, compute: (text: string) => readonly string[]): readonly string[] {
  let v = cache.get(text);
  if (v === undefined) {
    v = compute(text);
    if (cache.size >= FOLD_CACHE_SIZE) cache.clear();
    cache.set(text, v);
  }
  return v;
}

/** searchWords(foldForSearch(text)), remembered (see above); the array is shared, never change it. */
export const foldedWords = (text: string): readonly string[] => (text === '' ? [] : remembered(wordsCache, text, (t) => searchWords(foldForSearch(t))));

/** The terms one text gives: each word, then the parts of an email or dotted word (so «ali» finds «ali.rezaei@example.com»). */
function textTerms(text: string): readonly string[] {
  return remembered(termsCache, text, (t) => {
    const out: string[] = [];
    for (const w of foldedWords(t)) {
      out.push(w);
      if (/[@._+-]/.test(w)) for (const part of w.split(/[@._+-]+/)) if (part) out.push(part);
    }
    return out;
  });
}

/**
 * Search terms of a contact: each folded word of its names, company, department, job title, emails,
 * groups and extra fields, its full name and company as phrases, and each phone under its national,
 * local and international digits. Terms never contain '|', which joins them in contacts.search_text.
 * `normalized`: the phones already read in `region` (cleanContact's), so a number is normalised once.
 */
export function termsOf(c: TermSource, region: PhoneRegion, normalized?: readonly NormalizedPhone[]): string[] {
  return joinTerms(ownTerms(c), c.groupNames, c.fieldTexts, laterTerms(c, region, normalized));
}

/**
 * The terms of a contact's own words (names, company, department, job title, city, emails), without
 * repeats: termsOf's first part. It and laterTerms need no database, so an import's reader thread
 * computes them while the file is read; groups and fields are added by joinTerms on the engine thread.
 */
export function ownTerms(c: ContactData): string[] {
  const terms = new Set<string>();
  const add = (t: string) => {
    if (t) for (const term of textTerms(t)) terms.add(term);
  };
  for (const t of [c.prefix, c.firstName, c.middleName, c.lastName, c.suffix, c.nickname, c.company, c.department, c.jobTitle, c.city]) add(t);
  for (const e of c.emails) add(e.address);
  return [...terms];
}

/** termsOf's last part: the full name and company as phrases, then each phone's digit forms (may repeat earlier terms). */
export function laterTerms(c: ContactData, region: PhoneRegion, normalized?: readonly NormalizedPhone[]): string[] {
  const out: string[] = [];
  // The whole name and company name as phrases ('حمید میرزایی'), so that typing a full name is one
  // range scan instead of intersecting two long word lists. (Other word orders take the slower path.)
  // The words of the joined parts are the words of each part in turn: a space always separates words.
  const name = [...foldedWords(c.firstName), ...foldedWords(c.middleName), ...foldedWords(c.lastName)].join(' ');
  const company = foldedWords(c.company).join(' ');
  for (const ph of [name, company]) {
    if (ph.includes(' ')) out.push(ph);
  }
  const phones = normalized ?? c.phones.map((p) => normalizePhone(p.number, region));
  for (const n of phones) if (n) out.push(...phoneSearchTerms(n, region));
  return out;
}

/** A contact's terms in termsOf's order, without repeats: its own, its groups', its fields', then the later ones. */
export function joinTerms(own: readonly string[], groupNames: readonly string[], fieldTexts: readonly string[], later: readonly string[]): string[] {
  const terms = new Set(own);
  for (const t of groupNames) if (t) for (const term of textTerms(t)) terms.add(term);
  for (const t of fieldTexts) if (t) for (const term of textTerms(t)) terms.add(term);
  for (const t of later) terms.add(t);
  return [...terms];
}
