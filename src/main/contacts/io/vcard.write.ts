/**
 * Contacts → a vCard 3.0 or 4.0 file (CRLF, folded at 75 octets, UTF-8).
 *
 * Phones: 3.0 writes the number as the user typed it (`TEL;TYPE=CELL:0912 123 4567`, extension as
 * " x12"), which every phone reads. 4.0 follows RFC 6350's advice and writes a tel: URI in global
 * form from the phone's key (`TEL;VALUE=uri;TYPE=cell:tel:+989121234567;ext=12`), so the number means
 * the same thing on a device outside the office's country; a number that could not be read as one
 * (key null) stays text. Re-importing a 4.0 file therefore gives the same phone key, but the number
 * spelled "+98…".
 */
import type { Contact, CustomField, PhoneKind } from '../../../shared/contract/contacts';
import { MONSHI_FIELD } from './vcard.parse';

export type VCardVersion = '3.0' | '4.0';

const TYPES: Record<VCardVersion, Record<PhoneKind, string>> = {
  '3.0': { mobile: 'CELL', work: 'WORK,VOICE', home: 'HOME,VOICE', fax: 'FAX', other: 'VOICE' },
  '4.0': { mobile: 'cell', work: 'work', home: 'home', fax: 'fax', other: 'voice' },
};

/**
 * Writes the cards. `groupNames` names a group id (''/unknown ids are left out); `fields` names the
 * user-defined fields, written as X-MONSHI-FIELD;NAME="…" so a re-import restores them (fields not
 * listed are left out).
 */
export function writeVCards(
  contacts: readonly Contact[],
  version: VCardVersion,
  groupNames: (id: number) => string,
  fields: readonly Pick<CustomField, 'id' | 'name'>[] = [],
): string {
  const fieldName = new Map(fields.map((f) => [f.id, f.name]));
  const out: string[] = [];
  for (const c of contacts) {
    for (const line of cardLines(c, version, groupNames, fieldName)) out.push(fold(line));
  }
  return out.length === 0 ? '' : out.join('\r\n') + '\r\n';
}

function cardLines(c: Contact, version: VCardVersion, groupNames: (id: number) => string, fieldName: Map<number, string>): string[] {
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, 'PRODID:-//Monshi//Monshi//EN'];
  lines.push(`N:${[c.lastName, c.firstName, c.middleName, c.prefix, c.suffix].map(esc).join(';')}`);
  lines.push(`FN:${esc(c.displayName)}`);
  if (c.nickname) lines.push(`NICKNAME:${esc(c.nickname)}`);
  if (c.company || c.department) lines.push(`ORG:${esc(c.company)}${c.department ? ';' + esc(c.department) : ''}`);
  if (c.jobTitle) lines.push(`TITLE:${esc(c.jobTitle)}`);
  for (const p of c.phones) lines.push(telLine(p, version));
  for (const e of c.emails) lines.push(`${version === '3.0' ? 'EMAIL;TYPE=INTERNET' : 'EMAIL'}:${esc(e.address)}`);
  if ([c.street, c.city, c.province, c.postalCode, c.country].some((s) => s !== '')) {
    lines.push(`ADR:;;${[c.street, c.city, c.province, c.postalCode, c.country].map(esc).join(';')}`);
  }
  // 4.0 allows only the basic form (19800115); 3.0 readers expect the extended one.
  if (c.birthDate) lines.push(`BDAY:${version === '4.0' ? c.birthDate.replace(/-/g, '') : c.birthDate}`);
  if (c.notes) lines.push(`NOTE:${esc(c.notes)}`);
  const groups = c.groupIds.map(groupNames).filter((g) => g !== '');
  if (groups.length > 0) lines.push(`CATEGORIES:${groups.map(esc).join(',')}`);
  for (const f of c.fields) {
    const name = fieldName.get(f.fieldId);
    if (name !== undefined && f.value !== '') lines.push(`${MONSHI_FIELD};NAME=${paramValue(name)}:${esc(f.value)}`);
  }
  lines.push('END:VCARD');
  return lines;
}

function telLine(p: Contact['phones'][number], version: VCardVersion): string {
  const type = TYPES[version][p.kind];
  if (version === '4.0' && p.key) return `TEL;VALUE=uri;TYPE=${type}:tel:+${p.key}${p.extension ? `;ext=${p.extension}` : ''}`;
  const text = p.extension ? `${p.number} x${p.extension}` : p.number;
  return `TEL;${version === '4.0' ? 'VALUE=text;' : ''}TYPE=${type}:${esc(text)}`;
}

/** Text value escaping (RFC 6350 §3.4): backslash, ',', ';' and line breaks. */
export function esc(s: string): string {
  if (!/[\\;,\r\n]/.test(s)) return s;
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A quoted parameter value with RFC 6868 escapes, so any field name survives. */
function paramValue(s: string): string {
  return `"${s
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
}

const MAX_OCTETS = 75;

/**
 * Folds a line into physical lines of at most 75 octets (RFC 6350 §3.2), the continuation lines
 * starting with a space. Breaks fall between characters, never inside a UTF-8 sequence, a surrogate
 * pair or a backslash escape, so even readers that decode each physical line alone stay correct.
 */
export function fold(line: string): string {
  if (line.length <= MAX_OCTETS / 4 || Buffer.byteLength(line, 'utf8') <= MAX_OCTETS) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = MAX_OCTETS;
  for (let k = 0; k < line.length;) {
    const atomLength = line[k] === '\\' && k + 1 < line.length ? 2 : 1;
    let size = 0;
    let units = 0;
    for (let a = 0; a < atomLength; a++) {
      const cp = line.codePointAt(k + units)!;
      size += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      units += cp > 0xffff ? 2 : 1;
    }
    if (octets + size > limit) {
      parts.push(line.slice(start, k));
      start = k;
      octets = 0;
      limit = MAX_OCTETS - 1; // the leading space counts
    }
    octets += size;
    k += units;
  }
  parts.push(line.slice(start));
  return parts.join('\r\n ');
}
