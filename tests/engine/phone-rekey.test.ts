/**
 * Phone keys follow the office's region and the current rules: a local number saved before the area
 * code was set, or keyed by an older rule, is found by a call from that number after the change — at
 * once when Settings changes, and at the next start for keys an older version wrote.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

let dir: string;
let e: TestEngine;
beforeEach(() => {
  dir = tempDir('monshi-rekey-');
  e = testEngine(dir);
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const keysOf = (id: number) =>
  e.db
    .prepare<[number], { phone_key: string | null }>('SELECT phone_key FROM contact_phones WHERE contact_id = ? ORDER BY position')
    .all(id)
    .map((r) => r.phone_key);

it('a local number saved before the area code was set is found by the call once the area code is set', async () => {
  await e.ok('settings/update', { phoneAreaCode: '' });
  const c = await e.ok('contacts/create', {
    firstName: 'دفتر',
    lastName: 'مرکزی',
    phones: [
      { kind: 'work', number: '88776655' },
      { kind: 'mobile', number: '09121112233' },
    ],
  });
  expect((await e.ok('contacts/find-by-phone', { number: '02188776655' })).map((m) => m.contactId)).toEqual([]);

  await e.ok('settings/update', { phoneAreaCode: '21' });
  expect(keysOf(c.id)).toEqual(['982188776655', '989121112233']);
  expect((await e.ok('contacts/find-by-phone', { number: '02188776655' })).map((m) => m.contactId)).toEqual([c.id]);
  const card = await e.ok('calls/caller-card', { number: '02188776655' });
  expect(card.contact?.id).toBe(c.id);
  // Search by the number's national form reaches it too (its search terms were computed again).
  expect((await e.ok('contacts/search', { text: '021887', limit: 10, offset: 0 })).items.map((i) => i.id)).toEqual([c.id]);

  // Moved to Isfahan: the same digits are now an Isfahan number.
  await e.ok('settings/update', { phoneAreaCode: '31' });
  expect(keysOf(c.id)).toEqual(['983188776655', '989121112233']);
  expect(await e.ok('contacts/find-by-phone', { number: '02188776655' })).toEqual([]);
});

it('keys an older version wrote are computed again at the next start, once', async () => {
  await e.ok('settings/update', { phoneAreaCode: '21' });
  const c = await e.ok('contacts/create', {
    firstName: 'آتش‌نشانی',
    phones: [
      { kind: 'other', number: '125' },
      { kind: 'work', number: '88776655' },
    ],
  });
  expect(keysOf(c.id)).toEqual(['125', '982188776655']);
  // What the rules before issue 13 wrote for a short service number: the area code in front.
  e.db.prepare("UPDATE contact_phones SET phone_key = '9821125' WHERE phone_key = '125'").run();
  e.db.prepare("DELETE FROM settings WHERE key = 'internal.phoneKeysWrittenFor'").run();
  await e.close();

  e = testEngine(dir);
  expect(keysOf(c.id)).toEqual(['125', '982188776655']);
  expect((await e.ok('contacts/find-by-phone', { number: '125' })).map((m) => m.contactId)).toEqual([c.id]);
  // The signature is kept: a later start reads one row and changes nothing.
  e.db.prepare("UPDATE contact_phones SET phone_key = 'untouched' WHERE phone_key = '125'").run();
  await e.close();
  e = testEngine(dir);
  expect(keysOf(c.id)).toEqual(['untouched', '982188776655']);
});
