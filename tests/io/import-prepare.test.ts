/**
 * The reader thread prepares each imported record for the commit (import-prepare.ts): cleaned, its
 * row and its search terms but its groups'. With the groups added at the commit, the result must be
 * exactly what the engine's own preparation gives (cleanContact, termsOf, the row's columns): for every
 * fixture file and for generated cards, through the thread and in this one.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { IRAN_TEHRAN } from '../../src/shared/text/phone';
import { cleanContact } from '../../src/main/contacts/contact.validate';
import { columnsOf } from '../../src/main/contacts/contact-row';
import { termsOf } from '../../src/main/contacts/contacts.terms';
import { finishPrepared, prepareRecord, type PreparedRecord } from '../../src/main/contacts/io/import-prepare';
import { readInWorker } from '../../src/main/contacts/io/import-reader';
import { readImportFile } from '../../src/main/contacts/io/read-file';
import { ImportParseError, type ImportedRecord } from '../../src/main/contacts/io/record';
import { contacts, vcard } from '../../bench/generate';
import { fixtureBytes } from './io-helpers';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const ctx = { region: IRAN_TEHRAN, calendar: 'jalali' as const };

/** The engine thread's preparation (contacts.service prepare), with group ids given by name. */
function engineWay(r: ImportedRecord, ids: Map<string, number>, names: Map<number, string>) {
  const groupIds = r.groupNames.map((g) => ids.get(g)!);
  const { data, children } = cleanContact({ ...r.contact, groupIds }, { ...ctx, groupExists: () => true, field: () => undefined });
  const terms = termsOf({ ...data, groupNames: data.groupIds.map((g) => names.get(g) ?? ''), fieldTexts: [] }, IRAN_TEHRAN);
  return { cols: columnsOf(data, terms), children: { ...children, terms } };
}

function recordsOf(name: string, bytes: Buffer): ImportedRecord[] {
  try {
    return readImportFile(name, bytes)?.records ?? [];
  } catch (e) {
    if (e instanceof ImportParseError) return [];
    throw e;
  }
}

/** Every record prepared, finished with its groups (named as the phonebook might: another spelling than the file's). */
function expectSameAsEngine(records: ImportedRecord[], prepared: (PreparedRecord | null)[]): number {
  const ids = new Map<string, number>();
  const names = new Map<number, string>();
  for (const r of records)
    for (const g of r.groupNames)
      if (!ids.has(g)) {
        ids.set(g, ids.size + 1);
        names.set(ids.size, `${g} Office`);
      }
  let n = 0;
  records.forEach((r, i) => {
    const p = prepared[i] ?? null;
    if (r.extra.length > 0) return expect(p).toBeNull();
    if (p === null) return expect(() => engineWay(r, ids, names)).toThrow(); // the form refuses it: prepared at the commit, which says why
    const groupIds = r.groupNames.map((g) => ids.get(g)!);
    expect(finishPrepared(p, groupIds, names)).toEqual(engineWay(r, ids, names));
    n++;
  });
  return n;
}

describe('import records prepared in the reader thread', () => {
  const files = readdirSync(path.join(__dirname, 'fixtures')).filter((f) => !f.startsWith('.'));

  it.each(files)('%s: prepared records are the engine’s own preparation', (name) => {
    const records = recordsOf(name, fixtureBytes(name));
    expectSameAsEngine(
      records,
      records.map((r) => prepareRecord(r, ctx)),
    );
  });

  it('prepares generated cards through the thread exactly as here, groups and all', async () => {
    const bytes = Buffer.from([...contacts(3_000, 11)].map(vcard).join(''), 'utf8');
    const records: ImportedRecord[] = [];
    const prepared: (PreparedRecord | null)[] = [];
    await readInWorker(
      'cards.vcf',
      Buffer.from(bytes),
      'auto',
      (_h, chunk, p) => {
        records.push(...chunk);
        prepared.push(...(p ?? []));
      },
      new Set(),
      ctx,
    );
    expect(prepared).toHaveLength(3_000);
    expect(prepared).toEqual(records.map((r) => prepareRecord(r, ctx)));
    expect(records.some((r) => r.groupNames.length > 0)).toBe(true);
    expect(expectSameAsEngine(records, prepared)).toBe(3_000);
  });

  it('prepares nothing when the file is read without asking', async () => {
    const seen: unknown[] = [];
    await readInWorker('cards.vcf', Buffer.from([...contacts(10, 3)].map(vcard).join(''), 'utf8'), 'auto', (_h, _c, p) => seen.push(p), new Set());
    expect(seen).toEqual([undefined]);
  });

  it('a commit after Settings changed the area code reads the phones in the new one, not as the preview’s thread did', async () => {
    const dir = tempDir();
    const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
    try {
      await e.ok('settings/update', { phoneAreaCode: '21' });
      const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Dariush Zand', 'N:Zand;Dariush;;;', 'TEL;TYPE=WORK:88776655', 'END:VCARD', ''].join('\r\n');
      const preview = await e.ok('io/import-preview', { fileName: 'c.vcf', base64: Buffer.from(card, 'utf8').toString('base64') });
      await e.ok('settings/update', { phoneAreaCode: '31' });
      await e.ok('io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
      const keys = e.db.prepare<[], { phone_key: string | null }>('SELECT phone_key FROM contact_phones').all();
      expect(keys).toEqual([{ phone_key: '983188776655' }]);
      expect((await e.ok('contacts/search', { text: '031887766' })).total).toBe(1);
      expect((await e.ok('contacts/search', { text: '021887766' })).total).toBe(0);
    } finally {
      e.close();
      removeDir(dir);
    }
  });

  it('a card whose preview moved a phone and an email into the notes is stored as the preview showed it', async () => {
    // Both are values the form's own check would take (a number of 41 characters, an email of 258):
    // only the preview's limits move them, after the reader thread prepared the card.
    const longNumber = `0912 123 4567${' '.repeat(28)}`.replace(/ +$/, (m) => m.replace(/ /g, '-'));
    const longMail = `${'n'.repeat(250)}@ex.com`;
    const dir = tempDir();
    const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
    try {
      const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Nima Sadr', 'N:Sadr;Nima;;;', `TEL;TYPE=WORK:${longNumber}`, 'TEL;TYPE=CELL:09121234567'];
      const card = [...lines, `EMAIL:${longMail}`, 'END:VCARD', ''].join('\r\n');
      const bytes = Buffer.from(card, 'utf8');
      const [record] = recordsOf('c.vcf', bytes);
      expect(prepareRecord(record!, ctx)).not.toBeNull();
      const preview = await e.ok('io/import-preview', { fileName: 'c.vcf', base64: bytes.toString('base64') }, 'en');
      expect(preview.changed).toBe(1);
      await e.ok('io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' });
      const row = e.db.prepare<[], { id: number; notes: string }>('SELECT id, notes FROM contacts').get()!;
      expect(row.notes).toBe(`Phone: ${record!.contact.phones[0]!.number}\nEmail: ${longMail}`);
      const c = await e.ok('contacts/get', { id: row.id });
      expect(c.phones.map((p) => p.number)).toEqual(['09121234567']);
      expect(c.emails).toEqual([]);
    } finally {
      e.close();
      removeDir(dir);
    }
  });
});
