/**
 * The phonebook files a contact under its name without the title (migration 0012 and the engine's
 * re-keying at start): «مهندس حسین کریمی» sits under ح between «بهرام» and «مریم», in a new
 * phonebook and in one written before the change.
 */
import path from 'node:path';
import { loadMigrations, openDatabase } from '../../src/main/db/database';
import { migrationsDir } from '../../src/main/paths';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const all = loadMigrations(migrationsDir());
const upTo = all.findIndex((m) => m.name.endsWith('_contacts_filed_without_title')) + 1;

describe('contacts filed without their title', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  const names = async (e: ReturnType<typeof testEngine>) => (await e.ok('contacts/search', { text: '' })).items.map((c) => c.displayName);

  it('sorts a titled name by the name itself', async () => {
    const e = testEngine(dir, undefined, { noAlarms: true });
    for (const c of [{ firstName: 'مریم' }, { prefix: 'مهندس', firstName: 'حسین', lastName: 'کریمی' }, { firstName: 'بهرام' }, { prefix: 'Dr.', firstName: 'Anna' }, { firstName: 'Bob' }]) await e.ok('contacts/create', c);
    expect(await names(e)).toEqual(['بهرام', 'مهندس حسین کریمی', 'مریم', 'Dr. Anna', 'Bob']);
    e.close();
  });

  it('re-files the titled contacts of an older phonebook once, at the first start after the upgrade', async () => {
    expect(upTo).toBeGreaterThan(0);
    // A phonebook of the previous version: the sort keys as that version wrote them (title first).
    const old = testEngine(dir, undefined, { noAlarms: true });
    for (const c of [{ firstName: 'مریم' }, { prefix: 'مهندس', firstName: 'حسین', lastName: 'کریمی' }, { firstName: 'بهرام' }]) await old.ok('contacts/create', c);
    old.close();
    const file = path.join(dir, 'monshi.sqlite');
    const raw = openDatabase(file, { migrations: all.slice(0, upTo) });
    const titled = raw.prepare("SELECT id FROM contacts WHERE prefix = 'مهندس'").pluck().get() as number;
    const oldKey = raw.prepare("SELECT sort_key FROM contacts WHERE first_name = 'مریم'").pluck().get() as string;
    raw.prepare("UPDATE contacts SET sort_key = ? || '0' WHERE id = ?").run(oldKey, titled); // filed under م, after مریم
    raw.pragma(`user_version = ${upTo - 1}`);
    raw.close();

    const e = testEngine(dir, undefined, { noAlarms: true });
    expect(await names(e)).toEqual(['بهرام', 'مهندس حسین کریمی', 'مریم']);
    e.close();
  });
});
