import type { Contact } from '../../src/shared/contract/contacts';
import { parseVCards } from '../../src/main/contacts/io/vcard.parse';
import { fold, writeVCards } from '../../src/main/contacts/io/vcard.write';
import { FIELDS, groupName, sampleContacts } from './io-helpers';

/** What a re-import must give back for a stored contact. */
function expected(c: Contact, numberOf: (p: Contact['phones'][number]) => string) {
  const { id: _id, displayName: _d, createdAt: _c, updatedAt: _u, timeline: _t, phones, fields: _f, groupIds: _g, ...rest } = c;
  return { ...rest, phones: phones.map((p) => ({ kind: p.kind, number: numberOf(p), extension: p.extension })), groupIds: [], fields: [] };
}
const extraOf = (c: Contact) => c.fields.map((f) => ({ name: FIELDS.find((d) => d.id === f.fieldId)!.name, value: f.value }));

describe('write then parse gives the same contacts', () => {
  it.each(['3.0', '4.0'] as const)('vCard %s', (version) => {
    const contacts = sampleContacts();
    const records = parseVCards(writeVCards(contacts, version, groupName, FIELDS));
    expect(records).toHaveLength(contacts.length);
    // 3.0 keeps numbers as typed; 4.0 writes global tel: URIs, so the number comes back as +<key>.
    const numberOf = (p: Contact['phones'][number]) => (version === '4.0' && p.key ? `+${p.key}` : p.number);
    records.forEach((r, i) => {
      const c = contacts[i]!;
      expect(r.contact).toEqual(expected(c, numberOf));
      expect(r.groupNames).toEqual(c.groupIds.map(groupName));
      expect(r.extra).toEqual(extraOf(c));
    });
  });
});

describe('output', () => {
  const [reza] = sampleContacts();
  const v3 = writeVCards([reza!], '3.0', groupName, FIELDS);
  const v4 = writeVCards([reza!], '4.0', groupName, FIELDS);

  it('uses CRLF only, and no physical line is longer than 75 octets', () => {
    for (const text of [v3, v4]) {
      expect(text.endsWith('END:VCARD\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(v3.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(3); // long Persian lines were folded
  });

  it('writes phone types per version', () => {
    expect(v3).toContain('TEL;TYPE=CELL:0912 123 4567\r\n');
    expect(v3).toContain('TEL;TYPE=WORK,VOICE:021 8877 6655 x204\r\n');
    expect(v3).toContain('TEL;TYPE=FAX:021 8877 6656\r\n');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=cell:tel:+989121234567\r\n');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=work:tel:+982188776655;ext=204\r\n');
    expect(v4).toContain('TEL;VALUE=uri;TYPE=voice:tel:+442079460000\r\n');
  });

  it('escapes text, dates per version, categories and field names', () => {
    const unfolded3 = v3.replace(/\r\n /g, '');
    expect(unfolded3).toContain('ORG:شرکت «نوآوران»\\; سهامی خاص;فروش\\, صادرات\r\n');
    expect(unfolded3).toContain('TITLE:مدیر فروش\\\\بازاریابی\r\n');
    expect(unfolded3).toContain('BDAY:1990-05-01\r\n');
    expect(v4.replace(/\r\n /g, '')).toContain('BDAY:19900501\r\n');
    expect(unfolded3).toContain('CATEGORIES:مشتریان,همکاران VIP\r\n');
    expect(unfolded3).toContain(`X-MONSHI-FIELD;NAME="Account; ^'code^'":A-1024\\, =SUM(1)\r\n`);
    expect(unfolded3).toContain('N:پورمحمد;محمدرضا;علی;مهندس;Jr.\r\n');
  });

  it('writes nothing for no contacts', () => {
    expect(writeVCards([], '3.0', groupName)).toBe('');
  });
});

describe('fold', () => {
  it('never splits a UTF-8 sequence, a surrogate pair or an escape, and unfolds to the original', () => {
    const lines = [
      'NOTE:' + 'می‌رود '.repeat(40),
      'NOTE:' + '🙂'.repeat(60),
      'NOTE:' + 'a'.repeat(73) + '\\n' + 'b'.repeat(100),
      'NOTE:' + 'x'.repeat(70) + 'ی'.repeat(50),
    ];
    for (const line of lines) {
      const folded = fold(line);
      const physical = folded.split('\r\n');
      for (const p of physical) {
        expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
        expect(Buffer.from(p, 'utf8').toString('utf8')).toBe(p); // no lone surrogates
        expect(p.endsWith('\\') && !p.endsWith('\\\\')).toBe(false);
      }
      expect(folded.replace(/\r\n /g, '')).toBe(line);
    }
  });
  it('leaves short lines alone', () => {
    expect(fold('FN:علی رضایی')).toBe('FN:علی رضایی');
    expect(fold('X'.repeat(75))).toBe('X'.repeat(75));
    expect(fold('X'.repeat(76))).toBe('X'.repeat(75) + '\r\n X');
  });
});
