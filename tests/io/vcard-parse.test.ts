import { parseVCards } from '../../src/main/contacts/io/vcard.parse';
import { fixture, fixtureBytes, parseError } from './io-helpers';

const one = (text: string) => {
  const records = parseVCards(text);
  expect(records).toHaveLength(1);
  return records[0]!;
};
const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('real exports', () => {
  it('reads an Android 2.1 export: quoted-printable UTF-8 split across soft breaks, TEL types, photo skipped', () => {
    const records = parseVCards(fixture('android-2.1.vcf'));
    expect(records.map((r) => r.line)).toEqual([1, 37, 46]); // the fourth, empty card is skipped
    const [ali, zahra, numberOnly] = records;
    expect(ali!.contact).toMatchObject({
      prefix: 'مهندس',
      firstName: 'علی',
      lastName: 'رضایی',
      company: 'شرکت پارس‌آنلاین',
      department: 'واحد فروش',
      jobTitle: 'کارشناس ارشد فروش',
      street: 'خیابان آزادی، کوچه سوم، پلاک ۱۲',
      city: 'تهران',
      province: 'تهران',
      postalCode: '1311615511',
      country: 'ایران',
      birthDate: '1980-01-15',
      notes: 'مشتری قدیمی؛ پرداخت‌ها همیشه به‌موقع.\nشماره دوم فقط عصرها جواب می‌دهد.',
      emails: [{ address: 'ali.rezaei@example.com' }],
    });
    expect(ali!.contact.phones).toEqual([
      { kind: 'mobile', number: '09121234567', extension: '' },
      { kind: 'mobile', number: '+98 935 111 2233', extension: '' },
      { kind: 'work', number: '021-88776655', extension: '' },
      { kind: 'home', number: '021 2244 6688', extension: '' },
      { kind: 'fax', number: '021-88776656', extension: '' },
      { kind: 'other', number: '02155554444', extension: '' },
    ]);
    expect(ali!.extra).toEqual([]); // X-ANDROID-CUSTOM is dropped
    // Android's custom label «دفتر» (office), quoted-printable inside X-CUSTOM(…), makes a work phone.
    expect(zahra!.contact.phones).toEqual([
      { kind: 'mobile', number: '0912 765 4321', extension: '' },
      { kind: 'work', number: '02166778899', extension: '' },
    ]);
    expect(numberOnly!.contact.firstName).toBe('');
    expect(numberOnly!.contact.phones).toEqual([{ kind: 'mobile', number: '09351112233', extension: '' }]);
  });

  it('reads an iPhone 3.0 export: item groups with X-ABLabel, repeated type=, preferred address, folded note', () => {
    const [sara, company] = parseVCards(fixture('iphone-3.0.vcf'));
    expect(sara!.contact).toMatchObject({
      prefix: 'خانم',
      firstName: 'سارا',
      lastName: 'کریمی',
      nickname: 'سارا جون',
      company: 'بازرگانی آریا',
      department: 'فروش, صادرات',
      jobTitle: 'مدیر فروش',
      street: 'خیابان ولیعصر, پلاک ۱۲\nواحد ۴',
      city: 'تهران',
      postalCode: '1415893743',
      birthDate: '1985-03-21',
      notes: 'تماس فقط صبح‌ها, قبل از ساعت ۱۰؛ منشی ایشان خانم احمدی است.\nپیش‌فاکتور را با ایمیل بفرستید; نه فکس.',
      emails: [{ address: 'sara@aria.example' }, { address: 'sales@aria.example' }],
    });
    expect(sara!.contact.phones).toEqual([
      { kind: 'mobile', number: '+98 912 345 6789', extension: '' }, // item1 labelled _$!<Mobile>!$_
      { kind: 'work', number: '021 2233 4455', extension: '' }, // item2 labelled «دفتر»
      { kind: 'mobile', number: '0935 111 2222', extension: '' },
      { kind: 'work', number: '021 8877 6655', extension: '204' },
      { kind: 'fax', number: '021 2200 1100', extension: '' }, // HOME + FAX is a fax
      { kind: 'home', number: '021-2200-1101', extension: '' },
    ]);
    expect(sara!.groupNames).toEqual(['مشتریان', 'VIP']);
    expect(sara!.extra).toEqual([{ name: 'Website', value: 'https://aria.example' }]);
    // A company card: FN repeats ORG and is no person's name; Apple's year-less birthday is dropped.
    expect(company!.line).toBe(34);
    expect(company!.contact).toMatchObject({ firstName: '', lastName: '', company: 'نوآوران', birthDate: null });
    expect(company!.contact.phones).toEqual([{ kind: 'other', number: '021 6600 1234', extension: '' }]);
  });

  it('reads a 4.0 card with tel: URIs, quoted TYPE lists, partial BDAY and our own extra fields', () => {
    const [reza, maryam] = parseVCards(fixture('vcard-4.0.vcf'));
    expect(reza!.contact.phones).toEqual([
      { kind: 'mobile', number: '+98-912-555-0101', extension: '' },
      { kind: 'work', number: '+98-21-8877-6655', extension: '305' },
      { kind: 'fax', number: '+982188776656', extension: '' },
      { kind: 'home', number: '021 2233 4455', extension: '' },
    ]);
    expect(reza!.contact).toMatchObject({
      prefix: 'Dr.',
      firstName: 'Reza',
      lastName: 'Mohammadi',
      company: 'Tehran Trading',
      department: 'Export',
      jobTitle: 'Export Manager',
      street: 'Valiasr St. 100',
      city: 'Tehran',
      postalCode: '1234567890',
      country: 'Iran',
      birthDate: null,
    });
    expect(reza!.extra).toEqual([{ name: 'Account: code', value: 'A-1024' }]);
    expect(maryam!).toMatchObject({ line: 19, contact: { firstName: 'Maryam', lastName: 'Hosseini', birthDate: '1990-05-01' } });
  });
});

describe('syntax', () => {
  it('unfolds CRLF or LF followed by a space or a tab', () => {
    const r = one('BEGIN:VCARD\nVERSION:3.0\nN:Kar\n imi;A\n\tli;;;\nNOTE:one\r\n  two\r\nEND:VCARD\n');
    expect(r.contact).toMatchObject({ firstName: 'Ali', lastName: 'Karimi', notes: 'one two' });
  });

  it('decodes quoted-printable per byte, so a character split between =XX sequences and lines survives', () => {
    // «علی» = D8 B9 D9 84 DB 8C, broken after the first byte of «ل».
    const r = one('BEGIN:VCARD\r\nVERSION:2.1\r\nN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:;=D8=B9=D9=\r\n=84=DB=8C;;;\r\nEND:VCARD\r\n');
    expect(r.contact.firstName).toBe('علی');
  });

  it('reads quoted-printable written as a bare 2.1 parameter, and base64 text values', () => {
    const b64 = Buffer.from('شرکت نوآوران', 'utf8').toString('base64');
    const r = one(card('FN;QUOTED-PRINTABLE:Ali=20Karimi', `ORG;ENCODING=b:${b64}`, 'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRg=='));
    expect(r.contact).toMatchObject({ firstName: 'Ali', lastName: 'Karimi', company: 'شرکت نوآوران' });
  });

  it('undoes \\, \\; \\n \\N and \\\\ escapes, and splits structured values only on unescaped ;', () => {
    const r = one(card('N:Smith\\; Jr.;Ali\\,Reza;;;', 'NOTE:a\\nb\\Nc\\\\d\\,e\\;f', 'ORG:Acme\\, Inc.;R\\;D'));
    expect(r.contact).toMatchObject({ lastName: 'Smith; Jr.', firstName: 'Ali,Reza', notes: 'a\nb\nc\\d,e;f', company: 'Acme, Inc.', department: 'R;D' });
  });

  it('accepts every parameter spelling for phone types', () => {
    const r = one(
      card(
        'TEL;CELL:1001',
        'TEL;TYPE=CELL,VOICE:1002',
        'TEL;TYPE=work;TYPE=pref:1003',
        'TEL;type="work,voice":1004',
        'TEL;TYPE=HOME:1005',
        'TEL;TYPE=fax,work:1006',
        'TEL;VALUE=uri:tel:+98-912-000-1007',
        'TEL;TYPE=pager:1008',
        'item9.tel;type=iPhone:1009',
      ),
    );
    expect(r.contact.phones.map((p) => `${p.kind}:${p.number}`)).toEqual([
      'mobile:1001',
      'mobile:1002',
      'work:1003',
      'work:1004',
      'home:1005',
      'fax:1006',
      'other:+98-912-000-1007',
      'other:1008',
      'mobile:1009',
    ]);
  });

  it('separates extensions written as ;ext=, x123, ext. and داخلی', () => {
    const r = one(
      card(
        'TEL;TYPE=WORK:021 8877 6655 x12',
        'TEL;TYPE=WORK:02188776655 ext. 345',
        'TEL;VALUE=uri;TYPE=work:tel:+982188776655;ext=7',
        'TEL;TYPE=WORK:021-8877-6655 داخلی ۲۱۵',
        'TEL;TYPE=CELL:0912 123 4567',
      ),
    );
    expect(r.contact.phones.map((p) => [p.number, p.extension])).toEqual([
      ['021 8877 6655', '12'],
      ['02188776655', '345'],
      ['+982188776655', '7'],
      ['021-8877-6655', '215'],
      ['0912 123 4567', ''],
    ]);
  });

  it('splits FN into given and family name when N is missing', () => {
    expect(one(card('FN:محمد علی رضایی')).contact).toMatchObject({ firstName: 'محمد علی', lastName: 'رضایی' });
    expect(one(card('FN:Cher')).contact).toMatchObject({ firstName: 'Cher', lastName: '' });
    // A FN without letters is a number, not a name.
    expect(one(card('FN:0912 123 4567', 'TEL:0912 123 4567')).contact.firstName).toBe('');
  });

  it('reads ADR parts, ROLE when there is no TITLE, NICKNAME lists, CATEGORIES with escaped commas', () => {
    const r = one(
      card(
        'ADR;TYPE=HOME:PO 12;Unit 4;Azadi St.;Tehran;Tehran;1311615511;Iran',
        'ROLE:Buyer',
        'NICKNAME:Ali,Aliko',
        'CATEGORIES:Friends,Work\\, Tehran,Friends',
      ),
    );
    expect(r.contact).toMatchObject({
      street: 'Azadi St.\nUnit 4\nPO 12',
      city: 'Tehran',
      province: 'Tehran',
      postalCode: '1311615511',
      country: 'Iran',
      jobTitle: 'Buyer',
      nickname: 'Ali, Aliko',
    });
    expect(r.groupNames).toEqual(['Friends', 'Work, Tehran']);
  });

  it('reads birthdays in basic, extended, timestamped and Jalali form, and drops partial or unreadable ones', () => {
    const bday = (v: string) => one(card('FN:A B', `BDAY${v}`)).contact.birthDate;
    expect(bday(':19800115')).toBe('1980-01-15');
    expect(bday(':1980-01-15')).toBe('1980-01-15');
    expect(bday(';VALUE=date-time:1980-01-15T00:00:00Z')).toBe('1980-01-15');
    expect(bday(':1369-02-11')).toBe('1990-05-01');
    expect(bday(':--0115')).toBeNull();
    expect(bday(':--01-15')).toBeNull();
    expect(bday(':1980')).toBeNull();
    expect(bday(';VALUE=text:circa 1800')).toBeNull();
    expect(bday(':1980-02-30')).toBeNull();
  });

  it('normalises text: Arabic letters to Persian, spaces collapsed', () => {
    expect(one(card('N:كريمي;  علي ;;;')).contact).toMatchObject({ firstName: 'علی', lastName: 'کریمی' });
  });

  it('tolerates a BOM, lowercase names, blank lines and junk between cards', () => {
    const text =
      '\uFEFFFrom: phone@example.com\r\nSubject: contacts\r\n\r\nbegin:vcard\r\nversion:3.0\r\n\r\nfn:Ali Karimi\r\nend:vcard\r\n' +
      '--boundary--\r\n\r\nBEGIN:VCARD\r\nFN:Sara Ahmadi\r\nEND:VCARD';
    const records = parseVCards(text);
    expect(records.map((r) => [r.line, r.contact.firstName])).toEqual([
      [4, 'Ali'],
      [11, 'Sara'],
    ]);
  });
});

describe('long values', () => {
  // The lexer joins a value's pieces once (issue 14: re-joining at every fold made a 1 MB photo take
  // 40 s); bench/import.bench.ts times it, this checks the text comes out whole.
  it('unfolds a value folded thousands of times, and a quoted-printable one with thousands of soft breaks', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`).join(' ');
    const folded = `NOTE:${words}`.match(/.{1,70}/g)!.join('\r\n ');
    expect(one(card('FN:A B', folded)).contact.notes).toBe(words);
    const qp = Array.from({ length: 3000 }, () => '=D8=B9').join('=\r\n');
    expect(one(card('FN:A B', `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp}`)).contact.notes).toBe('ع'.repeat(3000));
    const photo = 'QUJD'
      .repeat(200_000)
      .match(/.{1,74}/g)!
      .join('\r\n ');
    expect(one(card('FN:A B', `PHOTO;ENCODING=b;TYPE=JPEG:${photo}`, 'TEL:09121234567')).contact.phones).toHaveLength(1);
  });
});

describe('errors name the line', () => {
  it('a card without END:VCARD: the line where that card begins', () => {
    expect(parseError(() => parseVCards(fixture('broken-missing-end.vcf')))).toMatchObject({ line: 7, reason: 'unterminated' });
    expect(parseError(() => parseVCards('BEGIN:VCARD\nFN:A\nEND:VCARD\nBEGIN:VCARD\nFN:B\n'))).toMatchObject({ line: 4, reason: 'unterminated' });
  });
  // An unreadable value is not broken syntax: the other cards come in, and this card carries a remark
  // naming the line where the property begins (the service then lists it as skipped).
  it('invalid quoted-printable: the card is marked unreadable at the line where the property begins', () => {
    const [good, bad] = parseVCards(fixture('broken-bad-qp.vcf'));
    expect(good!.contact.firstName).toBe('علی');
    expect(good!.remarks).toBeUndefined();
    expect(bad!.remarks).toEqual([expect.objectContaining({ kind: 'unreadable', line: 9 })]);
    // Valid =XX sequences that are not UTF-8.
    expect(one(card('FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=D8=D8')).remarks).toEqual([expect.objectContaining({ kind: 'unreadable', line: 3 })]);
  });
  it('a line without a colon inside a card', () => {
    expect(parseError(() => parseVCards(fixture('broken-no-colon.vcf')))).toMatchObject({ line: 6, reason: 'bad_line' });
  });
  it('content outside a card, no card at all, only empty cards', () => {
    expect(parseError(() => parseVCards('BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:B\nTEL:1\nEND:VCARD\n'))).toMatchObject({ line: 4, reason: 'no_begin' });
    expect(parseError(() => parseVCards('name,phone\nAli,0912\n'))).toMatchObject({ line: 1, reason: 'not_vcard' });
    expect(parseError(() => parseVCards(''))).toMatchObject({ line: 1, reason: 'not_vcard' });
    expect(parseError(() => parseVCards(card('N:;;;;')))).toMatchObject({ reason: 'empty' });
  });
  it('the Android fixture bytes are plain UTF-8 (quoted-printable keeps the file ASCII)', () => {
    expect([...fixtureBytes('android-2.1.vcf')].every((b) => b < 0x80)).toBe(true);
  });
});
