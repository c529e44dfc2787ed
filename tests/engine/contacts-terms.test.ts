/**
 * The search terms of a contact, computed the fast way (each repeated text folded once, the full-name
 * phrase built from the words of its parts), against the plain definition they replaced: every text
 * folded on its own and the phrase folded from the joined parts. The same terms in the same order, so
 * contacts.search_text and search_terms hold exactly what they held, for texts where folding the
 * parts and folding the whole could differ (combining marks at a part's start, kashida- or space-only
 * parts, a Greek final sigma, digits in every script, zero-width joiners) and for generated cards.
 */
import { contacts } from '../../bench/generate';
import { emptyContact } from '../../src/main/contacts/io/record';
import { termsOf, type TermSource } from '../../src/main/contacts/contacts.terms';
import { foldForSearch, searchWords } from '../../src/shared/text/normalize';
import { IRAN_TEHRAN, normalizePhone, phoneSearchTerms, type PhoneRegion } from '../../src/shared/text/phone';

/** termsOf as it was written before the import was made faster. */
function referenceTerms(c: TermSource, region: PhoneRegion): string[] {
  const terms = new Set<string>();
  const texts = [
    c.prefix,
    c.firstName,
    c.middleName,
    c.lastName,
    c.suffix,
    c.nickname,
    c.company,
    c.department,
    c.jobTitle,
    c.city,
    ...c.emails.map((e) => e.address),
    ...c.groupNames,
    ...c.fieldTexts,
  ];
  for (const t of texts) {
    if (!t) continue;
    for (const w of searchWords(foldForSearch(t))) {
      terms.add(w);
      if (/[@._+-]/.test(w)) for (const part of w.split(/[@._+-]+/)) if (part) terms.add(part);
    }
  }
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

const source = (over: Partial<TermSource>): TermSource => ({ ...emptyContact(), groupNames: [], fieldTexts: [], ...over });

const TRICKY: Partial<TermSource>[] = [
  { firstName: '\u0301Ali', lastName: 'Rezaei' },
  { firstName: 'ـ', middleName: '  ', lastName: 'کریمی' },
  { firstName: 'ΟΔΥΣΣΕΑΣ', lastName: 'ΣΟΦΟΣ' },
  { firstName: 'Σ', middleName: 'Σ', lastName: 'ΑΣ' },
  { firstName: 'علی‌رضا', lastName: 'مُحَمَّدی', company: 'شرکت ۱۲۳ آریا' },
  { firstName: 'آرش', middleName: 'ي', lastName: 'ك', company: '  ' },
  { firstName: '-.ali.-', lastName: '_x_', company: 'a.b@c.d', emails: [{ address: 'ali.rezaei+work@example.com' }] },
  { firstName: 'e\u0301', middleName: '\u0301', lastName: '\u200cب', company: 'Tehran Trading', groupNames: ['VIP', 'همکاران'] },
  { firstName: 'İstanbul', lastName: 'ǅemal', nickname: 'ß', fieldTexts: ['٣٤٥ ۶۷۸', 'x-y z'] },
  {
    firstName: 'علی',
    lastName: 'احمدی',
    phones: [
      { kind: 'mobile', number: '09121234567', extension: '' },
      { kind: 'work', number: '۰۲۱۸۸۷۷۶۶۵۵', extension: '' },
    ],
  },
];

describe('contact search terms', () => {
  it('are the terms of the plain definition, in its order, for texts whose parts fold unlike the whole', () => {
    for (const over of TRICKY) {
      const c = source(over);
      expect(termsOf(c, IRAN_TEHRAN)).toEqual(referenceTerms(c, IRAN_TEHRAN));
      // Asked again (now from the remembered folds), the same.
      expect(termsOf(c, IRAN_TEHRAN)).toEqual(referenceTerms(c, IRAN_TEHRAN));
    }
  });

  it('are the terms of the plain definition for 5,000 generated cards', () => {
    for (const g of contacts(5000, 11)) {
      const c = source({
        firstName: g.first,
        lastName: g.last,
        company: g.company,
        jobTitle: g.title,
        groupNames: g.groups,
        phones: [{ kind: 'mobile', number: g.mobile, extension: '' }, ...(g.work ? [{ kind: 'work' as const, number: g.work, extension: '' }] : [])],
      });
      expect(termsOf(c, IRAN_TEHRAN)).toEqual(referenceTerms(c, IRAN_TEHRAN));
    }
  });
});
