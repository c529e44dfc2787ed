/**
 * Who a record is: a shared office number does not make four colleagues one contact; the file's own
 * duplicates are found in the preview; year-less birthdays and extra companies are not lost silently;
 * name parts that are lists stay words of one name.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { everyone, importBytes, previewOf } from './import-helpers';
import { fixtureBytes } from './io-helpers';

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

describe('merge needs the name to agree, not only a number', () => {
  it('WhatsApp: five people on one office number stay five contacts with their names; the same person twice is merged', async () => {
    const { preview, outcome } = await importBytes(e, fixtureBytes('whatsapp-shared-office.vcf'), 'whatsapp.vcf', 'en', 'merge');
    // The sixth card is Ali Rezaei again (line 1): the only duplicate, found inside the file.
    expect(preview.duplicates).toBe(1);
    expect(preview.rows.map((r) => r.sameAsLine)).toEqual([null, null, null, null, null, 1]);
    expect(preview.notices.filter((n) => n.line === 10)).toEqual([
      { line: 10, kind: 'note', message: 'Shares a number with “Ali Rezaei” but the name differs; added as a separate contact.' },
    ]);
    expect(outcome).toMatchObject({ added: 5, merged: 1 });
    const list = await everyone(e);
    expect(list.map((c) => c.displayName).sort()).toEqual(['Ali Rezaei', 'Ali Rezaie', 'Mehdi Ahmadi', 'Nargess Mousavi', 'Sara Karimi']);
    const ali = list.find((c) => c.displayName === 'Ali Rezaei')!;
    expect(ali.emails).toEqual([{ address: 'ali.rezaei@office.example' }]);
    for (const c of list) expect(c.phones.some((p) => p.key === '982188776655')).toBe(true);
  });

  it('against the phonebook: a contact with the same number but another name is not a duplicate; a number-only contact is', async () => {
    await e.ok('contacts/create', { firstName: 'Sara', lastName: 'Karimi', phones: [{ kind: 'work', number: '021 8877 6655' }] });
    await e.ok('contacts/create', { phones: [{ kind: 'mobile', number: '0912 100 0001' }] });
    const preview = await previewOf(e, fixtureBytes('whatsapp-shared-office.vcf'), 'whatsapp.vcf');
    const dup = (line: number) => preview.rows.find((r) => r.line === line)!.duplicateOf.map((d) => d.displayName);
    expect(dup(1)).toEqual(['0912 100 0001']); // Ali's mobile was saved without a name
    expect(dup(10)).toEqual(['Sara Karimi']);
    expect(dup(17)).toEqual([]);
  });
});

describe('what the parser used to lose without a word', () => {
  it('vCard 4.0: a birthday without a year is listed in the preview as not imported', async () => {
    const preview = await previewOf(e, fixtureBytes('vcard-4.0-bday-no-year.vcf'), 'v4.vcf', 'fa');
    expect(preview.notices).toEqual([{ line: 1, kind: 'changed', message: 'تاریخ تولد «--0415» سال ندارد؛ وارد نشد.' }]);
    expect(preview.rows[0]!.contact).toMatchObject({ firstName: 'Kaveh', birthDate: null });
  });

  it('iPhone: the first ORG goes with the first TITLE, a second ORG is noted; middle names stay words', async () => {
    const { preview } = await importBytes(e, fixtureBytes('iphone-3.0-two-orgs.vcf'), 'iphone.vcf');
    const [hans] = await everyone(e);
    expect(hans).toMatchObject({
      prefix: 'Dr.',
      firstName: 'Hans',
      middleName: 'Peter Karl',
      lastName: 'Müller',
      company: 'Acme GmbH',
      department: 'Vertrieb',
      jobTitle: 'Ingenieur',
    });
    expect(preview.notices).toEqual([{ line: 1, kind: 'changed', message: 'A second company “Beta AG” was not imported (a contact has one company).' }]);
  });
});
