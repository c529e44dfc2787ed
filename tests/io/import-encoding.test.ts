/**
 * The encoding of a whole file, decided as a person would: a UTF-8 file with one damaged byte is
 * still UTF-8; Western, Cyrillic and Greek code pages are told from Persian Windows-1256 by the text;
 * a property's CHARSET is honoured; text that could not be decoded is never imported.
 */
import { decodeFile } from '../../src/main/contacts/io/encoding';
import { readImportFile } from '../../src/main/contacts/io/read-file';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { fixtureBytes, parseError } from './io-helpers';
import { everyone, importBytes } from './import-helpers';

let dir: string;
let e: TestEngine;
beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, undefined, { noAlarms: true });
});
afterEach(() => {
  e.close();
  removeDir(dir);
});

const names = async () => (await everyone(e)).map((c) => c.displayName).sort();

describe('a UTF-8 file with one byte that is not UTF-8', () => {
  it('is read as UTF-8 (names intact); the card holding the bad byte is listed with its line, not imported as mojibake', async () => {
    const { preview, outcome } = await importBytes(e, fixtureBytes('android-utf8-bad-byte.vcf'), 'contacts.vcf', 'fa');
    expect(preview.encoding).toBe('UTF-8');
    expect(preview.notices).toEqual([
      { line: 7, kind: 'skipped', message: 'خط ۱۲ بایت‌هایی دارد که UTF-8 نیستند؛ این مخاطب وارد نمی‌شود تا متن خراب ذخیره نشود.' },
    ]);
    expect(outcome).toMatchObject({ added: 5, rejected: 1 });
    expect(await names()).toEqual(['حسین جعفری', 'سارا موسوی', 'علی رضایی', 'مریم نوری', 'مهدی احمدی']);
  });

  it('stops with the line of the bad byte when the file is neither clearly UTF-8 nor clearly a code page', async () => {
    const bytes = Buffer.concat([
      Buffer.from('BEGIN:VCARD\r\nFN:علی رضایی\r\nTEL:09121234567\r\n', 'utf8'),
      Buffer.from([0x4e, 0x4f, 0x54, 0x45, 0x3a, 0xc7, 0xe1, 0xed, 0xd1, 0x0d, 0x0a]),
      Buffer.from('END:VCARD\r\n'),
    ]);
    expect(parseError(() => decodeFile(bytes))).toMatchObject({ line: 4, reason: 'mixed_encoding' });
    const error = await e.fail('io/import-preview', { fileName: 'x.vcf', base64: bytes.toString('base64') }, 'en');
    expect(error.message).toMatch(/^Line 4: /);
    expect(await names()).toEqual([]);
  });
});

describe('single-byte code pages', () => {
  it('KDE, Latin-1 with CHARSET on each property: German letters and the email stay as written', async () => {
    const { preview } = await importBytes(e, fixtureBytes('kde-2.1-latin1.vcf'), 'kde.vcf');
    expect(preview.encoding).toBe('Windows-1252');
    const [hans] = (await everyone(e)).filter((c) => c.lastName === 'Nüßlebaum');
    expect(hans).toMatchObject({
      firstName: 'Hans',
      street: 'Königstraße 5',
      city: 'München',
      notes: 'Grüße – über Café',
      emails: [{ address: 'hans.nüßlebaum@example.de' }],
    });
    expect(await names()).toEqual(['Hans Nüßlebaum', 'Åse Øster']);
  });

  it('Outlook, Greek Windows-1253 without a CHARSET: told from Windows-1256 by the text', async () => {
    const { preview } = await importBytes(e, fixtureBytes('outlook-2.1-greek-1253.vcf'), 'greek.vcf');
    expect(preview.encoding).toBe('Windows-1253');
    expect(await names()).toEqual(['Γιώργος Παπαδόπουλος', 'Ελένη Οικονόμου']);
    expect((await everyone(e)).find((c) => c.firstName === 'Γιώργος')!.company).toBe('Εταιρεία Αθηνών');
  });

  it('Outlook CSV in Cyrillic Windows-1251', async () => {
    const { preview } = await importBytes(e, fixtureBytes('outlook-cyrillic-1251.csv'), 'outlook.csv');
    expect(preview.encoding).toBe('Windows-1251');
    expect(await names()).toEqual(['Ольга Смирнова', 'Сергей Иванов']);
  });

  it('Persian Windows-1256 is still read as Windows-1256', () => {
    const file = readImportFile('legacy.csv', fixtureBytes('legacy-1256.csv'))!;
    expect(file.encoding).toBe('Windows-1256');
    expect(file.records.map((r) => r.contact.firstName)).toEqual(['علی', 'مهدی']);
  });

  it('Windows-1252 bytes 0x80–0x9F are the Windows letters, not control codes', () => {
    const bytes = Buffer.from('Name,Company\r\nJos\xe9 \x8aimun,\x80 Caf\xe9 \x93Br\xfcder\x94\r\n', 'latin1');
    const [r] = readImportFile('x.csv', bytes)!.records;
    expect([r!.contact.firstName, r!.contact.lastName, r!.contact.company]).toEqual(['José', 'Šimun', '€ Café “Brüder”']);
  });
});
