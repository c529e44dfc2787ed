import { decodeText, detectFormat } from '../../src/main/contacts/io/detect';
import { parseCsv } from '../../src/main/contacts/io/csv';
import { parseVCards } from '../../src/main/contacts/io/vcard.parse';
import { decodeWindows1256, decodeWindows1256ByTable } from '../../src/main/contacts/io/windows-1256';
import { fixtureBytes } from './io-helpers';

describe('decodeText', () => {
  const text = 'نام,Mobile\r\nعلی,0912\r\n';

  it('reads UTF-8 with and without BOM, dropping the BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toBe(text);
  });

  it('reads UTF-16 LE and BE by BOM, and without BOM by their NUL bytes', () => {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toBe(text);
    expect(decodeText(le)).toBe(text);
    expect(decodeText(be)).toBe(text);
  });

  it('reads an Excel "Unicode text" file (UTF-16LE, tabs) end to end', () => {
    const records = parseCsv(decodeText(fixtureBytes('excel-unicode.txt')));
    expect(records.map((r) => [r.line, r.contact.firstName, r.contact.company])).toEqual([
      [2, 'سارا', 'بازرگانی آریا'],
      [3, 'John', 'Acme; Ltd'],
    ]);
  });

  it('falls back to Windows-1256 for bytes that are not UTF-8', () => {
    const records = parseCsv(decodeText(fixtureBytes('legacy-1256.csv')));
    // cp1256 has only Arabic ي and ك; import normalisation makes them Persian.
    expect(records.map((r) => [r.contact.firstName, r.contact.lastName, r.contact.company])).toEqual([
      ['علی', 'کاظمی', 'پارس'],
      ['مهدی', 'یزدانی', 'گلستان'],
    ]);
  });

  it('has a Windows-1256 table equal to the runtime decoder for every byte', () => {
    const all = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    expect(decodeWindows1256ByTable(all)).toBe(new TextDecoder('windows-1256').decode(all));
    expect(decodeWindows1256(all)).toBe(decodeWindows1256ByTable(all));
  });

  it('mends a UTF-8 character that a byte-counting writer folded in two, keeping the line count', () => {
    const name = Buffer.from('FN:علی', 'utf8'); // ع = D8 B9
    const split = name.indexOf(0xb9);
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\n'),
      name.subarray(0, split),
      Buffer.from('\r\n '),
      name.subarray(split),
      Buffer.from('\r\nEND:VCARD\r\nX\r\n'),
    ]);
    const decoded = decodeText(bytes);
    expect(decoded.split('\r\n')).toHaveLength(7);
    expect(parseVCards(decoded)[0]!.contact.firstName).toBe('علی');
  });
});

describe('detectFormat', () => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  it('trusts content over the file name', () => {
    expect(detectFormat('contacts.csv', utf8('\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD'))).toBe('vcard');
    expect(detectFormat('export', fixtureBytes('android-2.1.vcf'))).toBe('vcard');
    expect(detectFormat('x.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('BEGIN:VCARD\r\n', 'utf16le')]))).toBe('vcard');
  });
  it('uses the extension, then a delimited first line', () => {
    expect(detectFormat('broken.vcf', utf8('nothing here'))).toBe('vcard');
    expect(detectFormat('list.csv', utf8('Name\nAli'))).toBe('csv');
    expect(detectFormat('Contacts.TXT', fixtureBytes('excel-unicode.txt'))).toBe('csv');
    expect(detectFormat('download', utf8('Name;Mobile\nAli;0912'))).toBe('csv');
    expect(detectFormat('notes', utf8('just some words'))).toBeNull();
  });
  it('refuses binary spreadsheets', () => {
    expect(detectFormat('contacts.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]))).toBeNull();
    expect(detectFormat('contacts.csv', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toBeNull();
  });
});
