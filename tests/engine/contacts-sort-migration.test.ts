/**
 * The phonebook files a contact under its name without the title (migration 0012 and the engine's
 * re-keying at start): «مهندس حسین کریمی» sits under ح between «بهرام» and «مریم», in a new
 * phonebook and in one written before the change.
 */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { sortKeyOf } from '../../src/main/contacts/contacts.terms';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_contacts_filed_without_title')) + 1;

describe('contacts filed without their title', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => removeDir(dir));

  const names = async (e: ReturnType<typeof testEngine>) => (await e.ok('contacts/search', { text: '' })).items.map((c) => c.displayName);

  it('sorts a titled name by the name itself', async () => {
    const e = testEngine(dir, undefined, { noAlarms: true });
    for (const c of [
      { firstName: 'مریم' },
      { prefix: 'مهندس', firstName: 'حسین', lastName: 'کریمی' },
      { firstName: 'بهرام' },
      { prefix: 'Dr.', firstName: 'Anna' },
      { firstName: 'Bob' },
    ])
      await e.ok('contacts/create', c);
    expect(await names(e)).toEqual(['بهرام', 'مهندس حسین کریمی', 'مریم', 'Dr. Anna', 'Bob']);
    e.close();
  });

  it('re-files the titled contacts of an older phonebook once, at the first start after the upgrade', async () => {
    expect(upTo).toBeGreaterThan(0);
    // A phonebook of the previous version, keyed as that version keyed it: by the whole display name.
    const raw = openDatabase(path.join(dir, 'monshi.sqlite'), { migrations: all.slice(0, upTo - 1) });
    const insert = raw.prepare(
      "INSERT INTO contacts (prefix, first_name, last_name, display_name, sort_key, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '', " +
        "'2025-01-01', '2025-01-01')",
    );
    for (const [prefix, first, last] of [
      ['', 'مریم', ''],
      ['مهندس', 'حسین', 'کریمی'],
      ['', 'بهرام', ''],
    ] as const) {
      const display = [prefix, first, last].filter(Boolean).join(' ');
      insert.run(prefix, first, last, display, sortKeyOf(display));
    }
    raw.close();

    const e = testEngine(dir, undefined, { noAlarms: true, noLines: true });
    expect(await names(e)).toEqual(['بهرام', 'مهندس حسین کریمی', 'مریم']);
    e.close();
  });
});
