/**
 * Phonebook CSV: import from our own export, Excel sheets with Persian or English headers, Google
 * Contacts and Outlook; export that Excel opens with Persian intact and that imports back unchanged.
 */
import type { Contact, CustomField, PhoneKind } from '../../../shared/contract/contacts';
import { toAsciiDigits } from '../../../shared/text/digits';
import { parseBirthDate } from './birth-date';
import { mapColumns, type AddressPart, type Column } from './csv.columns';
import { detectDelimiter, quoteCell, readCell, readRows, type CsvRow } from './csv.grid';
import { kindFromLabels, splitExtension } from './phone-label';
import { addRemark, emptyContact, finishRecord, ImportParseError, isBlankRecord, splitFullName, type ImportedRecord } from './record';

// Several values in one cell: ours (" ; "), Google's (" ::: "), and what people type in Excel,
// Persian comma and semicolon (، ؛) included.
const PHONE_SEPARATORS = /\s*(?::::|[;,؛،/]|\r?\n)\s*/;
const EMAIL_SEPARATORS = /\s*(?::::|[;,\s])\s*/;
const GROUP_SEPARATORS = /\s*(?::::|[;,؛،])\s*/;
/** Outlook writes this into every empty date column. */
const OUTLOOK_NO_DATE = /^0{1,2}\/0{1,2}\/0{2,4}$/;
/** Google's built-in groups, which every contact of a Google export is in. */
const GOOGLE_SYSTEM_GROUPS = new Set(['* mycontacts', '* starred']);

/**
 * Parses a CSV with a header row. Throws ImportParseError naming the line when the header is missing
 * or unknown ('no_header'), a row has a different number of cells than the header ('ragged_row'), a
 * quote never closes ('unterminated'), or no row holds data ('empty'). Blank rows are skipped; an
 * unreadable birth date is left out and noted in the record's remarks.
 */
export function parseCsv(text: string): ImportedRecord[] {
  const body = text.replace(/^\uFEFF/, '');
  const { delimiter, hintLine } = detectDelimiter(body);
  const rows = hintLine ? readRows(body.replace(/^[^\r\n]*(?:\r\n|\r|\n)?/, ''), delimiter, 2) : readRows(body, delimiter);
  const data = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = data.shift();
  if (!header) throw new ImportParseError(1, 'empty', 'the file is empty');
  const headers = header.cells.map((h) => readCell(h).trim());
  const columns = mapColumns(headers);
  if (columns.every((c) => c.role === 'extra' || c.role === 'ignore')) {
    throw new ImportParseError(header.line, 'no_header', 'no known column in the first row (a header row is required)');
  }
  const records: ImportedRecord[] = [];
  for (const row of data) {
    if (row.cells.length !== headers.length) {
      throw new ImportParseError(row.line, 'ragged_row', `${row.cells.length} cells where the header has ${headers.length}`);
    }
    const r = toRecord(row, columns, headers);
    if (!isBlankRecord(r)) records.push(r);
  }
  if (records.length === 0) throw new ImportParseError(header.line, 'empty', 'the file has a header but no contacts');
  return records;
}

type AddressSet = { parts: Partial<Record<AddressPart, string>>; cells: { name: string; value: string }[] };

function toRecord(row: CsvRow, columns: Column[], headers: string[]): ImportedRecord {
  const r: ImportedRecord = { line: row.line, contact: emptyContact(), groupNames: [], extra: [] };
  const c = r.contact;
  const cells = row.cells.map((v) => {
    const value = readCell(v).trim();
    return OUTLOOK_NO_DATE.test(value) ? '' : value;
  });
  const phoneLabels = new Map<string, string>();
  columns.forEach((col, i) => {
    if (col.role === 'phoneLabel') phoneLabels.set(col.pair, cells[i]!);
  });
  const addresses = new Map<string, AddressSet>();
  let fullName = '';
  let extension = '';

  columns.forEach((col, i) => {
    const value = cells[i]!;
    const name = headers[i]!;
    if (value === '') return;
    switch (col.role) {
      case 'text':
        // Two columns for one detail (Google's "Occupation" and "Organization 1 - Title"): keep both.
        if (c[col.field] === '') c[col.field] = value;
        else if (c[col.field] !== value) r.extra.push({ name, value });
        break;
      case 'fullName':
        fullName ||= value;
        break;
      case 'phone':
        addPhones(c.phones, col.kind, value);
        break;
      case 'phoneValue':
        addPhones(c.phones, kindFromLabels([phoneLabels.get(col.pair) ?? '']), value);
        break;
      case 'extension':
        extension ||= toAsciiDigits(value);
        break;
      case 'email':
        for (const address of value.split(EMAIL_SEPARATORS)) c.emails.push({ address });
        break;
      case 'address': {
        const set = addresses.get(col.set) ?? { parts: {}, cells: [] };
        addresses.set(col.set, set);
        set.parts[col.part] ??= value;
        set.cells.push({ name, value });
        break;
      }
      case 'birthDate': {
        const d = parseBirthDate(value);
        // A value, not syntax: the row is imported without it and the preview says so.
        if (d.kind === 'invalid') addRemark(r, { kind: 'birthday_invalid', value });
        if (d.kind === 'no_year') addRemark(r, { kind: 'birthday_no_year', value });
        if (d.kind === 'date') c.birthDate = d.iso;
        break;
      }
      case 'groups':
        r.groupNames.push(...groupList(value));
        break;
      case 'extra':
        r.extra.push({ name: col.name, value });
        break;
      case 'phoneLabel':
      case 'ignore':
        break;
    }
  });

  if (!c.firstName && !c.middleName && !c.lastName && fullName) Object.assign(c, splitFullName(fullName));
  if (extension) {
    const target = c.phones.find((p) => p.kind === 'work') ?? c.phones[0];
    if (target && !target.extension) target.extension = extension;
  }
  applyAddresses(r, addresses);
  return finishRecord(r);
}

function addPhones(list: { kind: PhoneKind; number: string; extension: string }[], kind: PhoneKind, cell: string): void {
  for (const one of cell.replace(/;\s*ext\s*=/gi, ' x').split(PHONE_SEPARATORS)) {
    if (one !== '') list.push({ kind, ...splitExtension(one) });
  }
}

function groupList(cell: string): string[] {
  return cell
    .split(GROUP_SEPARATORS)
    .filter((g) => !GOOGLE_SYSTEM_GROUPS.has(g.toLowerCase()))
    .map((g) => g.replace(/^\*\s*/, ''));
}

/** A contact holds one address: the first set with data; the others are kept as extra fields. */
function applyAddresses(r: ImportedRecord, addresses: Map<string, AddressSet>): void {
  let chosen = false;
  for (const { parts, cells } of addresses.values()) {
    if (chosen) {
      r.extra.push(...cells);
      continue;
    }
    chosen = true;
    const lines = [parts.street, parts.street2, parts.street3, parts.extended, parts.po].filter((s): s is string => !!s);
    const onlyFormatted = lines.length === 0 && !parts.city && !parts.province && !parts.postalCode && !parts.country;
    Object.assign(r.contact, {
      street: onlyFormatted ? (parts.formatted ?? '') : lines.join('\n'),
      city: parts.city ?? '',
      province: parts.province ?? '',
      postalCode: parts.postalCode ?? '',
      country: parts.country ?? '',
    });
  }
}

/** Columns of our export; parseCsv reads each of them back to the same detail. */
export const CSV_COLUMNS = [
  'Prefix',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Nickname',
  'Company',
  'Department',
  'Job Title',
  'Mobile',
  'Work Phone',
  'Home Phone',
  'Fax',
  'Other Phone',
  'Email',
  'Street',
  'City',
  'Province',
  'Postal Code',
  'Country',
  'Birth Date',
  'Groups',
  'Notes',
] as const;

const PHONE_COLUMNS: PhoneKind[] = ['mobile', 'work', 'home', 'fax', 'other'];

/**
 * Contacts → CSV for Excel: UTF-8 with a BOM (without it Excel reads Persian as ANSI), CRLF, RFC 4180
 * quoting, ISO birth dates. Several phones of one kind share a cell, joined by " ; " (extension as
 * " x12"); emails likewise; groups are joined by ";" (so a group name containing ';' or ',' comes back
 * split). Each user-defined field in `fieldDefs` gets a column named after it, in field order.
 */
export function writeCsv(
  contacts: readonly Contact[],
  groupNames: (id: number) => string,
  fieldDefs: readonly Pick<CustomField, 'id' | 'name' | 'position'>[],
): string {
  const fields = [...fieldDefs].sort((a, b) => a.position - b.position || a.id - b.id);
  const lines = [[...CSV_COLUMNS, ...fields.map((f) => f.name)]];
  for (const c of contacts) {
    const values = new Map(c.fields.map((f) => [f.fieldId, f.value]));
    lines.push([
      c.prefix,
      c.firstName,
      c.middleName,
      c.lastName,
      c.suffix,
      c.nickname,
      c.company,
      c.department,
      c.jobTitle,
      ...PHONE_COLUMNS.map((kind) =>
        c.phones
          .filter((p) => p.kind === kind)
          .map((p) => (p.extension ? `${p.number} x${p.extension}` : p.number))
          .join(' ; '),
      ),
      c.emails.map((e) => e.address).join(' ; '),
      c.street,
      c.city,
      c.province,
      c.postalCode,
      c.country,
      c.birthDate ?? '',
      c.groupIds
        .map(groupNames)
        .filter((g) => g !== '')
        .join(';'),
      c.notes,
      ...fields.map((f) => values.get(f.id) ?? ''),
    ]);
  }
  return '\uFEFF' + lines.map((cells) => cells.map((v) => quoteCell(v)).join(',')).join('\r\n') + '\r\n';
}
