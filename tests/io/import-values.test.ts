/**
 * Import through the engine (a real SQLite file) of real-world files with one odd value: the odd
 * card is imported with what can be read, or listed in the preview as skipped with its line and
 * reason, and never stops the other cards.
 */
import type { Contact } from '../../src/shared/contract/contacts';
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

const byName = (list: Contact[], name: string) => list.find((c) => c.displayName === name);

describe('one odd value does not sink the file', () => {
  it('Outlook: a phone written as text is kept in the notes, the card and the others come in', async () => {
    const { preview, outcome } = await importBytes(e, fixtureBytes('outlook-2.1-text-phone.vcf'), 'outlook.vcf');
    expect(outcome).toMatchObject({ added: 3, rejected: 0 });
    const list = await everyone(e);
    const anna = byName(list, 'Anna Weber')!;
    expect(anna.phones.map((p) => p.number)).toEqual(['+49 170 1234567']);
    expect(anna.notes).toBe('Phone: BusinessPhone');
    expect(anna.emails).toEqual([{ address: 'anna@weber.example' }]);
    expect(byName(list, 'Jonas Schmidt')!.notes).toBe('Phone: Tel geschäftlich');
    expect(byName(list, 'Sara Karimi')).toBeDefined();
    expect(preview.notices).toEqual([
      { line: 1, kind: 'changed', message: '“BusinessPhone” is not a phone number; kept in the notes.' },
      { line: 10, kind: 'changed', message: '“Tel geschäftlich” is not a phone number; kept in the notes.' },
    ]);
    expect(preview.changed).toBe(2);
  });

  it('Gmail: a card with only an email is listed as skipped (fa and en); an email without a domain goes to the notes', async () => {
    const fa = await previewOf(e, fixtureBytes('gmail-3.0-email-only.vcf'), 'gmail.vcf', 'fa');
    expect(fa.notices[0]).toEqual({
      line: 1,
      kind: 'skipped',
      message: 'نه نامی دارد، نه شرکتی، نه شماره‌ای (فقط ایمیل: only.email@gmail.example)؛ وارد نمی‌شود.',
    });
    const { preview, outcome } = await importBytes(e, fixtureBytes('gmail-3.0-email-only.vcf'), 'gmail.vcf', 'en');
    expect(preview).toMatchObject({ total: 2, skipped: 1 });
    expect(preview.notices).toEqual([
      { line: 1, kind: 'skipped', message: 'No name, company or phone number (only an email: only.email@gmail.example); not imported.' },
      { line: 7, kind: 'changed', message: '“e@c” is not a valid email address; kept in the notes.' },
    ]);
    expect(outcome).toMatchObject({ added: 2, rejected: 1 });
    const list = await everyone(e);
    expect(list.map((c) => c.displayName).sort()).toEqual(['Maryam Hosseini', 'Reza Ahmadi']);
    expect(byName(list, 'Reza Ahmadi')).toMatchObject({ emails: [], notes: 'Email: e@c' });
  });

  it('Evolution: base64 that is no text, on a property we do not keep, is ignored', async () => {
    const { outcome } = await importBytes(e, fixtureBytes('evolution-3.0-binary-noise.vcf'), 'evolution.vcf');
    expect(outcome).toMatchObject({ added: 2, rejected: 0 });
    expect((await everyone(e)).map((c) => c.displayName).sort()).toEqual(['Leila Moradi', 'Nima Sadeghi']);
  });

  it('CardBook: an unknown CHARSET and a stray "=" in quoted-printable on ignored properties are ignored', async () => {
    const { outcome } = await importBytes(e, fixtureBytes('cardbook-3.0-ignored-qp.vcf'), 'cardbook.vcf');
    expect(outcome).toMatchObject({ added: 2, rejected: 0 });
    expect((await everyone(e)).map((c) => c.displayName).sort()).toEqual(['Omid Jafari', 'Shirin Nouri']);
  });

  it('a card whose kept value cannot be decoded is skipped with its line; the others come in', async () => {
    const { preview, outcome } = await importBytes(e, fixtureBytes('broken-bad-qp.vcf'), 'bad-qp.vcf');
    expect(preview.notices).toEqual([
      { line: 6, kind: 'skipped', message: 'The text on line 9 cannot be read (broken encoding); this contact is not imported.' },
    ]);
    expect(outcome).toMatchObject({ added: 1, rejected: 1 });
  });
});

describe('one set of limits for the edit form and import', () => {
  const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

  it('lists cards over the limits as skipped with the reason, and every imported contact saves again in the form', async () => {
    const phones = Array.from({ length: 300 }, (_, i) => `TEL:0912${String(i).padStart(7, '0')}`);
    const file = card('FN:' + 'ب'.repeat(300_000)) + card('FN:Many Phones', ...phones) + card('FN:Normal Person', 'TEL:09121234567');
    const { preview, outcome } = await importBytes(e, Buffer.from(file, 'utf8'), 'big.vcf');
    expect(preview.notices).toEqual([
      { line: 1, kind: 'skipped', message: 'The first name is longer than 100 characters; not imported.' },
      { line: 5, kind: 'skipped', message: '300 phone numbers, at most 50 are allowed; not imported.' },
    ]);
    expect(outcome).toMatchObject({ added: 1, rejected: 2 });
    for (const c of await everyone(e)) {
      const { id, displayName: _d, createdAt: _c, updatedAt: _u, timeline: _t, phones: p, ...data } = c;
      await e.ok('contacts/update', { id, data: { ...data, phones: p.map(({ kind, number, extension }) => ({ kind, number, extension })) } });
    }
  });
});

describe('values for the phonebook’s own extra fields', () => {
  it('a value a number field cannot take is kept in the notes; the other rows come in with theirs', async () => {
    const field = await e.ok('fields/create', { name: 'Employees', kind: 'number' });
    const csv = 'Name,Mobile,Employees\r\nAli Karimi,09121234567,twenty\r\nSara Ahmadi,09121234568,30\r\n';
    const { preview, outcome } = await importBytes(e, Buffer.from(csv, 'utf8'), 'crm.csv');
    expect(preview.notices).toEqual([{ line: 2, kind: 'changed', message: '“twenty” is not a valid value for “Employees”; kept in the notes.' }]);
    expect(outcome).toMatchObject({ added: 2, rejected: 0 });
    const list = await everyone(e);
    expect(byName(list, 'Ali Karimi')).toMatchObject({ fields: [], notes: 'Employees: twenty' });
    expect(byName(list, 'Sara Ahmadi')!.fields).toEqual([{ fieldId: field.id, value: '30' }]);
  });
});
