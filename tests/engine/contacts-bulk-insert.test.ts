/**
 * The import writes its new contacts a table at a time (bulk-insert.repo.ts) instead of one contact
 * with all its rows after another (contacts.repo.ts insert, which saving a contact still uses). Both
 * write the same varied contacts into two real SQLite files: every table must hold exactly the same
 * rows (ids of contacts, phones and emails included), and the search must answer every query the
 * same, right after the write — through more than one batch, with a flush asked in the middle.
 */
import { contacts as generated } from '../../bench/generate';
import { createBulkInsert } from '../../src/main/contacts/bulk-insert.repo';
import { createContactsRepo } from '../../src/main/contacts/contacts.repo';
import { createContactsService } from '../../src/main/contacts/contacts.service';
import { emptyContact } from '../../src/main/contacts/io/record';
import type { EngineContext } from '../../src/main/kernel/context';
import type { ContactData } from '../../src/shared/contract/contacts';
import { DEFAULT_SETTINGS } from '../../src/shared/contract/settings';
import { IRAN_TEHRAN } from '../../src/shared/text/phone';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

const NOW = '2026-12-07T08:00:00.000Z';
const ctx: EngineContext = { clock: () => new Date(NOW), settings: { get: () => DEFAULT_SETTINGS, phoneRegion: () => IRAN_TEHRAN }, emit: () => {} };

/** Hand-made contacts with what generated cards lack: emails, extensions, several phones, fields of every kind, no phone. */
type Ids = { groups: readonly [number, number]; fields: readonly [number, number, number, number] };

function odd({ groups, fields }: Ids): ContactData[] {
  const c = (over: Partial<ContactData>): ContactData => ({ ...emptyContact(), ...over });
  return [
    c({ firstName: 'علی‌رضا', lastName: 'مُحَمَّدی', company: 'شرکت ۱۲۳ آریا', phones: [{ kind: 'work', number: '021 8888 1234 داخلی ۲۱۲', extension: '' }] }),
    c({ prefix: 'مهندس', firstName: 'حسین', lastName: 'کریمی', emails: [{ address: 'h.karimi+work@example.com' }, { address: 'hk@example.ir' }] }),
    c({
      firstName: 'Ali',
      lastName: 'Rezaei',
      phones: [
        { kind: 'mobile', number: '0912 123 4567', extension: '' },
        { kind: 'home', number: '+98 21 4444 5555', extension: '12' },
        { kind: 'other', number: '110', extension: '' },
      ],
    }),
    c({ company: 'ΟΔΥΣΣΕΑΣ ΣΟΦΟΣ', department: 'Sales', jobTitle: 'Head', city: 'Tehran', groupIds: [...groups], notes: 'line one\nline two' }),
    c({ nickname: 'Mamad', birthDate: '1990-04-15', street: 'No. 4, Azadi St.', postalCode: '۱۲۳۴۵۶۷۸۹۰', groupIds: [groups[0]] }),
    c({
      firstName: 'سارا',
      lastName: 'حسینی',
      fields: [
        { fieldId: fields[0], value: 'یادداشت ویژه' },
        { fieldId: fields[1], value: '۱۲٬۵۰۰' },
        { fieldId: fields[2], value: '1402/05/01' },
        { fieldId: fields[3], value: 'بله' },
      ],
    }),
    c({
      firstName: 'Sara',
      lastName: 'Hosseini',
      phones: [{ kind: 'mobile', number: '09121234567', extension: '' }],
      fields: [{ fieldId: fields[1], value: '' }],
    }),
  ];
}

function varied(n: number, ids: Ids): ContactData[] {
  const { groups, fields } = ids;
  const out = odd(ids);
  let i = 0;
  for (const g of generated(n, 91)) {
    i++;
    out.push({
      ...emptyContact(),
      firstName: g.first,
      lastName: g.last,
      company: g.company,
      jobTitle: g.title,
      phones: [{ kind: 'mobile', number: g.mobile, extension: '' }, ...(g.work ? [{ kind: 'work' as const, number: g.work, extension: '' }] : [])],
      emails: i % 7 === 0 ? [{ address: `${g.first.toLowerCase()}.${i}@example.com` }] : [],
      groupIds: i % 5 === 0 ? [i % 2 === 0 ? groups[0] : groups[1]] : [],
      fields: i % 11 === 0 ? [{ fieldId: fields[0], value: `${g.company} ${i}` }] : [],
    });
  }
  return out;
}

const TABLES = [
  'SELECT * FROM contacts ORDER BY id',
  'SELECT * FROM contact_phones ORDER BY id',
  'SELECT * FROM contact_emails ORDER BY id',
  'SELECT * FROM contact_groups ORDER BY contact_id, group_id',
  'SELECT * FROM contact_field_values ORDER BY contact_id, field_id',
  'SELECT * FROM search_terms ORDER BY term, contact_id',
];

let dirs: [string, string];
let byRow: TestEngine;
let byTable: TestEngine;
let list: ContactData[];

/** The same groups and fields, and one contact saved before (so new ids continue after an existing one). */
async function setUp(e: TestEngine): Promise<Ids> {
  const group = async (name: string) => (await e.ok('groups/create', { name })).id;
  const field = async (name: string, kind: 'text' | 'number' | 'date' | 'bool') => (await e.ok('fields/create', { name, kind })).id;
  const ids: Ids = {
    groups: [await group('Clients'), await group('همکاران')],
    fields: [await field('Note', 'text'), await field('Credit', 'number'), await field('Since', 'date'), await field('VIP', 'bool')],
  };
  await e.ok('contacts/create', { ...emptyContact(), firstName: 'Existing', phones: [{ kind: 'mobile', number: '09350000000', extension: '' }] });
  return ids;
}

beforeAll(async () => {
  dirs = [tempDir(), tempDir()];
  byRow = testEngine(dirs[0], () => new Date(NOW), { noLines: true, noAlarms: true });
  byTable = testEngine(dirs[1], () => new Date(NOW), { noLines: true, noAlarms: true });
  const ids = await setUp(byRow);
  expect(await setUp(byTable)).toEqual(ids);
  list = varied(6_200, ids); // many batches of 500

  const rowService = createContactsService(byRow.db, ctx);
  const rowRepo = createContactsRepo(byRow.db);
  byRow.db.transaction(() => {
    for (const c of list) {
      const { cols, children } = rowService.prepare(c);
      rowRepo.insert(cols, children, NOW);
    }
  })();

  const tableService = createContactsService(byTable.db, ctx);
  const bulk = createBulkInsert(byTable.db);
  byTable.db.transaction(() => {
    list.forEach((c, i) => {
      const { cols, children } = tableService.prepare(c);
      bulk.add(cols, children, NOW);
      if (i === 3) bulk.flush(); // as the duplicate check does when a held contact could be found
    });
    bulk.flush();
  })();
}, 120_000);

afterAll(async () => {
  await Promise.all([byRow.close(), byTable.close()]);
  for (const d of dirs) removeDir(d);
});

describe('the import writes table by table what contact-by-contact writing writes', () => {
  it.each(TABLES)('%s: the same rows', (sql) => {
    const a = byRow.db.prepare(sql).all();
    expect(a.length).toBeGreaterThan(0);
    expect(byTable.db.prepare(sql).all()).toEqual(a);
  });

  it('every contact is there, with its phones, emails, groups and fields', () => {
    expect(byTable.db.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBe(list.length + 1);
    expect(byTable.db.prepare('SELECT COUNT(*) FROM contact_emails').pluck().get()).toBe(list.reduce((n, c) => n + c.emails.length, 0));
    expect(byTable.db.prepare('SELECT COUNT(*) FROM contact_field_values').pluck().get()).toBeGreaterThan(list.length / 11);
  });

  it('the search finds the same contacts in the same order for every kind of query, right after the write', async () => {
    const queries = [
      'علیرضا',
      'محمدی',
      'شرکت ۱۲۳',
      'کریمی',
      'hk@example',
      'karimi',
      'ali rezaei',
      '0912',
      '+98 912',
      '۰۹۱۲۱۲',
      '4444',
      '110',
      'οδυσσεας',
      'sales',
      'clients',
      'همکاران',
      'یادداشت',
      'mamad',
      'سارا ح',
      'sara h',
      ...list.slice(100, 130).flatMap((c) => [c.firstName.slice(0, 2), `${c.firstName} ${c.lastName}`, c.phones[0]?.number.slice(0, 6) ?? '']),
    ];
    let found = 0;
    for (const text of queries) {
      const a = await byRow.ok('contacts/search', { text, limit: 50 });
      const b = await byTable.ok('contacts/search', { text, limit: 50 });
      expect({ text, ids: b.items.map((c) => c.id), total: b.total }).toEqual({ text, ids: a.items.map((c) => c.id), total: a.total });
      if (a.items.length > 0) found++;
    }
    expect(found).toBe(queries.length);
  });
});

describe('an import that merges finds the contacts it has not written yet', () => {
  const card = (name: string, tel: string | null, email: string) =>
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `FN:${name}`,
      `N:${name.split(' ')[1]};${name.split(' ')[0]};;;`,
      ...(tel ? [`TEL;TYPE=CELL:${tel}`] : []),
      `EMAIL:${email}`,
      'END:VCARD',
      '',
    ].join('\r\n');
  const filler = (i: number) => card(`Filler Person${i}`, `0935${String(1_000_000 + i).slice(1)}`, `f${i}@example.com`);

  it.each(['merge', 'skip'] as const)(
    'the same person twice in a row, 5,000 cards apart and without a phone: %s each time, in one commit',
    async (onDuplicate) => {
      const dir = tempDir();
      const e = testEngine(dir, () => new Date(NOW), { noLines: true, noAlarms: true });
      try {
        const cards = [card('Reza Amini', '09121110001', 'reza@a.example'), card('Reza Amini', '0912 111 0001', 'reza@b.example')];
        cards.push(card('Nima Tehrani', '09121110002', 'nima@a.example'), card('Mina Nouri', null, 'mina@a.example'));
        for (let i = 0; i < 5_100; i++) cards.push(filler(i));
        cards.push(card('Nima Tehrani', '+98 912 111 0002', 'nima@b.example'), card('Mina Nouri', null, 'mina@b.example'));
        const preview = await e.ok('io/import-preview', { fileName: 'c.vcf', base64: Buffer.from(cards.join(''), 'utf8').toString('base64') });
        // The preview flags the two with a phone (it compares records of one file by number only).
        expect(preview.duplicates).toBe(2);
        const outcome = await e.ok('io/import-commit', { previewId: preview.previewId, onDuplicate });
        const merged = onDuplicate === 'merge';
        expect(outcome).toMatchObject({ added: 5_103, merged: merged ? 3 : 0, skipped: merged ? 0 : 3 });
        for (const name of ['reza', 'nima', 'mina']) {
          const found = await e.ok('contacts/search', { text: `${name[0]?.toUpperCase()}${name.slice(1)}` });
          expect(found.items).toHaveLength(1);
          const emails = (await e.ok('contacts/get', { id: found.items[0]?.id })).emails.map((m) => m.address);
          expect(emails).toEqual(merged ? [`${name}@a.example`, `${name}@b.example`] : [`${name}@a.example`]);
        }
        expect(e.db.prepare('SELECT COUNT(*) FROM contacts').pluck().get()).toBe(5_103);
        expect((await e.ok('contacts/search', { text: 'Filler Person5099' })).items.map((c) => c.displayName)).toEqual(['Filler Person5099']);
      } finally {
        await e.close();
        removeDir(dir);
      }
    },
    120_000,
  );
});
