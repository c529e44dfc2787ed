/**
 * The import's staging file (src/main/contacts/io/import-stage.ts): the reader thread writes the rows of
 * the contacts it prepared beside the data while the preview runs, under the groups' names at the
 * preview, and the commit copies them. A group renamed in between must still give the name the
 * phonebook has at the commit, and the file must not outlive its preview.
 */
import { readdirSync } from 'node:fs';
import { removeDir, tempDir, testEngine } from '../helpers/engine';

const card = (first: string, last: string, tel: string, groups: string) =>
  ['BEGIN:VCARD', 'VERSION:3.0', `FN:${first} ${last}`, `N:${last};${first};;;`, `TEL;TYPE=CELL:${tel}`, `CATEGORIES:${groups}`, 'END:VCARD', ''].join('\r\n');
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const stagingFiles = (dir: string) => readdirSync(dir).filter((f) => f.includes('.import-'));

describe('the import staging file', () => {
  it('a group renamed between the preview and the commit: the cards join a group of the name they give, found by it, as before staging', async () => {
    const dir = tempDir();
    const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
    try {
      const group = await e.ok('groups/create', { name: 'Friends' });
      const file = card('Dariush', 'Zand', '09121112233', 'Friends') + card('Parisa', 'Nouri', '09121112244', 'Friends,Golfers');
      const preview = await e.ok('io/import-preview', { fileName: 'c.vcf', base64: base64(file) });
      expect(stagingFiles(dir)).toHaveLength(1);
      await e.ok('groups/update', { id: group.id, data: { name: 'Customers' } });
      expect(await e.ok('io/import-commit', { previewId: preview.previewId, onDuplicate: 'add' })).toMatchObject({ added: 2 });
      // The file names «Friends», which no group is called any more: ensureGroup makes a new one, as it always did.
      const groups = await e.ok('groups/list', {});
      expect(groups.map((g) => [g.name, g.count]).sort()).toEqual([
        ['Customers', 0],
        ['Friends', 2],
        ['Golfers', 1],
      ]);
      expect((await e.ok('contacts/search', { text: 'customers' })).total).toBe(0);
      expect((await e.ok('contacts/search', { text: 'friends' })).total).toBe(2);
      expect((await e.ok('contacts/search', { text: 'golfers' })).total).toBe(1);
      const texts = e.db.prepare<[], string>('SELECT search_text FROM contacts ORDER BY id').pluck().all();
      expect(texts).toEqual(['dariush|zand|friends|dariush zand|9121112233', 'parisa|nouri|friends|golfers|parisa nouri|9121112244']);
      expect(stagingFiles(dir)).toEqual([]);
    } finally {
      e.close();
      removeDir(dir);
    }
  });

  it('is removed when the file cannot be read, and when the engine closes with a preview not committed', async () => {
    const dir = tempDir();
    const e = testEngine(dir, undefined, { noLines: true, noAlarms: true });
    try {
      const broken = card('Dariush', 'Zand', '09121112233', 'Friends') + 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\n';
      await e.fail('io/import-preview', { fileName: 'c.vcf', base64: base64(broken) });
      expect(stagingFiles(dir)).toEqual([]);
      await e.ok('io/import-preview', { fileName: 'c.vcf', base64: base64(card('Dariush', 'Zand', '09121112233', 'Friends')) });
      expect(stagingFiles(dir)).toHaveLength(1);
    } finally {
      e.close();
    }
    try {
      expect(stagingFiles(dir)).toEqual([]);
    } finally {
      removeDir(dir);
    }
  });
});
