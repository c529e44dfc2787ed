/**
 * vCard 2.1 / 3.0 / 4.0 → imported records. The lexer (vcard.lines.ts) deals with the syntax; this
 * file decides what each property means for a Monshi contact. Properties with no place in a contact
 * (PHOTO, X-ANDROID-CUSTOM, IMPP, …) are dropped without complaint: the file came from a phone and the
 * user cannot fix it, so only broken syntax is an error.
 */
import type { PhoneKind } from '../../../shared/contract/contacts';
import { parseBirthDate } from './birth-date';
import { kindFromLabels, splitExtension } from './phone-label';
import type { LegacyCharset } from './encoding';
import { addRemark, emptyContact, finishRecord, ImportParseError, isBlankRecord, splitFullName, type ImportedRecord } from './record';
import { readCards, splitValue, unescapeValue, type VCardBlock, type VProperty } from './vcard.lines';

/** Our own extra fields (vcard.write.ts); any other X- property is vendor noise. */
export const MONSHI_FIELD = 'X-MONSHI-FIELD';
/** Name of the extra field that receives URL properties (websites have no place of their own in a contact). */
export const WEBSITE_FIELD = 'Website';

/** The properties toRecord reads: only their values are decoded, so nothing in the others can fail a card. */
const KEPT = new Set(['N', 'FN', 'NICKNAME', 'ORG', 'TITLE', 'ROLE', 'TEL', 'EMAIL', 'ADR', 'BDAY', 'NOTE', 'CATEGORIES', 'URL', MONSHI_FIELD, 'X-ABLABEL']);

/**
 * Parses every card of a vCard file. Throws ImportParseError naming the line for broken syntax (a card
 * without END:VCARD, a line without ':') and when the file holds no card. Cards with no data at all
 * are skipped; a kept value that cannot be decoded (broken quoted-printable, bytes not in the CHARSET)
 * is left out and noted in the record's remarks. `legacy`: the text is a single-byte file read as
 * Latin-1, to be decoded value by value (encoding.ts).
 */
export function parseVCards(text: string, legacy: LegacyCharset | null = null): ImportedRecord[] {
  const records = [...vcardRecords(text, legacy)];
  if (records.length === 0) throw noVCardData();
  return records;
}

/**
 * The records of parseVCards one at a time, as the cards are read (the import's reader posts them in
 * chunks while it reads on). Does not check that there was any: the caller throws noVCardData().
 */
export function* vcardRecords(text: string, legacy: LegacyCharset | null = null): Generator<ImportedRecord> {
  for (const card of readCards(text, { keep: KEPT, legacy })) {
    const r = toRecord(card);
    if (!isBlankRecord(r)) yield r;
  }
}

/** A vCard file whose cards hold no contact data at all. */
export const noVCardData = () => new ImportParseError(1, 'empty', 'the file holds no contact data');

type PendingPhone = { group: string; types: string[]; value: string; uri: boolean };

function toRecord(card: VCardBlock): ImportedRecord {
  const r: ImportedRecord = { line: card.line, contact: emptyContact(), groupNames: [], extra: [] };
  const c = r.contact;
  let fullName = '';
  let title = '';
  let role = '';
  let addressIsPref = false;
  let hasAddress = false;
  const notes: string[] = [];
  const phones: PendingPhone[] = [];
  const labels = new Map<string, string>(); // Apple: item1.X-ABLabel names the kind of item1.TEL

  let hasOrg = false;
  for (const p of card.props) {
    if (p.unreadable !== undefined) {
      addRemark(r, { kind: 'unreadable', line: p.line, detail: `${p.name}: ${p.unreadable}` });
      continue;
    }
    switch (p.name) {
      case 'N': {
        // Each part may be a list (two middle names: "Hans,Peter"): its items are words of one name.
        const [last = '', first = '', middle = '', prefix = '', suffix = ''] = nameParts(p);
        Object.assign(c, { lastName: last, firstName: first, middleName: middle, prefix, suffix });
        break;
      }
      case 'FN':
        fullName = text(p);
        break;
      case 'NICKNAME':
        c.nickname ||= splitValue(p.value, ',')
          .map(unescapeValue)
          .filter((s) => s.trim())
          .join(', ');
        break;
      case 'ORG': {
        // The first ORG goes with the first TITLE (as both are read); a further one is only noted.
        if (hasOrg) {
          addRemark(r, {
            kind: 'extra_org',
            value: parts(p)
              .filter((u) => u.trim() !== '')
              .join(', '),
          });
          break;
        }
        const [company = '', ...units] = parts(p);
        c.company = company;
        c.department = units.filter((u) => u.trim() !== '').join(', ');
        hasOrg = true;
        break;
      }
      case 'TITLE':
        title ||= text(p);
        break;
      case 'ROLE':
        role ||= text(p);
        break;
      case 'TEL':
        phones.push({ group: p.group, types: types(p), value: text(p), uri: isUri(p) });
        break;
      case 'EMAIL':
        c.emails.push({ address: text(p).replace(/^mailto:/i, '') });
        break;
      case 'ADR': {
        // The first address, unless a later one is marked preferred.
        const pref = types(p).includes('pref') || p.params.has('PREF');
        if (hasAddress && (addressIsPref || !pref)) break;
        const [po = '', ext = '', street = '', city = '', province = '', postalCode = '', country = ''] = parts(p);
        Object.assign(c, { street: [street, ext, po].filter((s) => s.trim() !== '').join('\n'), city, province, postalCode, country });
        hasAddress = true;
        addressIsPref = pref;
        break;
      }
      case 'BDAY':
        c.birthDate = birthDate(p, r);
        break;
      case 'NOTE':
        notes.push(text(p));
        break;
      case 'CATEGORIES':
        r.groupNames.push(...splitValue(p.value, ',').map(unescapeValue));
        break;
      case 'URL':
        r.extra.push({ name: WEBSITE_FIELD, value: text(p) });
        break;
      case MONSHI_FIELD:
        r.extra.push({ name: p.params.get('NAME')?.[0] ?? '', value: text(p) });
        break;
      case 'X-ABLABEL':
        labels.set(p.group, appleLabel(text(p)));
        break;
    }
  }

  const hasName = [c.prefix, c.firstName, c.middleName, c.lastName, c.suffix].some((s) => s.trim() !== '');
  // FN is only a fallback: our writer (and Apple) put the company or nickname there for cards without a person's name.
  if (!hasName && fullName.trim() !== c.company.trim() && fullName.trim() !== c.nickname.trim()) Object.assign(c, splitFullName(fullName));
  c.jobTitle = title || role;
  c.notes = notes.join('\n');
  c.phones = phones.map((ph) => toPhone(ph, labels));
  return finishRecord(r);
}

const text = (p: VProperty) => unescapeValue(p.value);
const parts = (p: VProperty) => splitValue(p.value, ';').map(unescapeValue);
const nameParts = (p: VProperty) =>
  splitValue(p.value, ';').map((part) =>
    splitValue(part, ',')
      .map(unescapeValue)
      .filter((w) => w.trim() !== '')
      .join(' '),
  );

function types(p: VProperty): string[] {
  return p.params.get('TYPE') ?? [];
}

function isUri(p: VProperty): boolean {
  return p.params.get('VALUE')?.[0]?.toLowerCase() === 'uri' || /^\s*tel:/i.test(p.value);
}

function toPhone(ph: PendingPhone, labels: Map<string, string>): { kind: PhoneKind; number: string; extension: string } {
  const label = ph.group ? labels.get(ph.group) : undefined;
  const kind = kindFromLabels(label ? [...ph.types, label] : ph.types);
  return { kind, ...(ph.uri ? fromTelUri(ph.value) : splitExtension(ph.value)) };
}

/** tel:+98-912-123-4567;ext=12 → the number as written (separators kept) and the extension. */
function fromTelUri(uri: string): { number: string; extension: string } {
  const [number = '', ...params] = uri.trim().replace(/^tel:/i, '').split(';');
  const ext = params.find((x) => /^ext=/i.test(x))?.slice(4) ?? '';
  return { number: safeDecode(number), extension: safeDecode(ext) };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Apple wraps its built-in labels: `_$!<Mobile>!$_`; custom labels are plain text. */
function appleLabel(label: string): string {
  return /^_\$!<(.*)>!\$_$/.exec(label)?.[1] ?? label;
}

/**
 * A birthday we can store, or null. Year-less and unreadable dates are left out of the contact (not
 * failing the import: phones write whatever their users typed) and noted for the preview.
 */
function birthDate(p: VProperty, r: ImportedRecord): string | null {
  const raw = unescapeValue(p.value).trim();
  // Apple's year-less birthdays carry a fake year (1604).
  if (p.params.has('X-APPLE-OMIT-YEAR')) {
    addRemark(r, { kind: 'birthday_no_year', value: raw.replace(/^\d{4}-?/, '--') });
    return null;
  }
  const d = parseBirthDate(raw);
  if (d.kind === 'no_year') addRemark(r, { kind: 'birthday_no_year', value: raw });
  if (d.kind === 'invalid') addRemark(r, { kind: 'birthday_invalid', value: raw });
  return d.kind === 'date' ? d.iso : null;
}
