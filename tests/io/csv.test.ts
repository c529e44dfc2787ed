import type { Contact } from '../../src/shared/contract/contacts';
import { CSV_COLUMNS, parseCsv, writeCsv } from '../../src/main/contacts/io/csv';
import { detectDelimiter, quoteCell, readCell, readRows } from '../../src/main/contacts/io/csv.grid';
import { FIELDS, fixture, groupName, parseError, sampleContacts } from './io-helpers';

describe('real files', () => {
  it('reads a Google Contacts export: Type/Value pairs, ::: lists, system groups, line numbers after multi-line cells', () => {
    const [ali, john, negar] = parseCsv(fixture('google.csv'));
    expect(ali!.line).toBe(2);
    expect(ali!.contact).toMatchObject({
      firstName: 'علی',
      lastName: 'رضایی',
      company: 'پارس‌آنلاین',
      jobTitle: 'کارشناس فروش',
      department: 'فروش',
      birthDate: '1980-01-15',
      notes: 'مشتری قدیمی\nفقط عصرها تماس بگیرید',
      street: 'خیابان آزادی، پلاک ۱۲',
      city: 'تهران',
      postalCode: '1311615511',
      country: 'ایران',
      emails: [{ address: 'ali@pars.example' }, { address: 'ali.r@mail.example' }],
    });
    expect(ali!.contact.phones).toEqual([
      { kind: 'mobile', number: '0912 123 4567', extension: '' },
      { kind: 'mobile', number: '0935 111 2233', extension: '' },
      { kind: 'work', number: '021 8877 6655', extension: '' },
      { kind: 'fax', number: '021 8877 6656', extension: '' },
    ]);
    expect(ali!.groupNames).toEqual(['دوستان', 'همکاران']);
    expect(ali!.extra).toEqual([]);
    // Notes (1 extra line) and the formatted address (2 extra lines) push John to line 6.
    expect(john).toMatchObject({ line: 6, groupNames: [], contact: { firstName: 'John', lastName: 'Smith', birthDate: null } });
    expect(john!.contact.phones).toEqual([{ kind: 'home', number: '+1 555 0100', extension: '' }]);
    expect(john!.extra).toEqual([
      { name: 'Hobby', value: 'Chess' },
      { name: 'Website', value: 'https://smith.example' },
    ]);
    // Only the full "Name" column: split into given and family name; a custom phone label is 'other'.
    expect(negar).toMatchObject({
      line: 7,
      contact: { firstName: 'نگار', lastName: 'صادقی', phones: [{ kind: 'other', number: '09121112233', extension: '' }] },
    });
  });

  it('reads an Outlook export: Title next to Job Title is a prefix, 0/0/00 is no date, the business address wins', () => {
    const [hamid, mina] = parseCsv(fixture('outlook.csv'));
    expect(hamid!.contact).toMatchObject({
      prefix: 'Mr.',
      firstName: 'Hamid',
      lastName: 'Nouri',
      company: 'Alborz Construction',
      department: 'Procurement',
      jobTitle: 'Buyer',
      street: '12 Azadi St.\nUnit 4',
      city: 'Karaj',
      province: 'Alborz',
      postalCode: '3143456789',
      country: 'Iran',
      birthDate: '1990-05-01',
      emails: [{ address: 'h.nouri@alborz.example' }],
      notes: 'Prefers calls after 10am.',
    });
    expect(hamid!.contact.phones.map((p) => `${p.kind}:${p.number}`)).toEqual([
      'fax:026 3456 7891',
      'work:026 3456 7890',
      'home:026 3222 1111',
      'mobile:0912 345 6789',
    ]);
    expect(hamid!.groupNames).toEqual(['Suppliers', 'VIP']);
    // Outlook's system columns (Priority, Sensitivity, Gender, Initials, E-mail Type…) are not fields; the home address is kept as extra.
    expect(hamid!.extra).toEqual([
      { name: 'Profession', value: 'Civil engineer' },
      { name: 'Home Street', value: '5 Golestan Alley' },
      { name: 'Home City', value: 'Karaj' },
    ]);
    expect(mina).toMatchObject({ line: 3, extra: [], contact: { firstName: 'Mina', birthDate: '1988-12-25' } }); // 25/12/1988: day first
  });

  it('reads a Persian Excel sheet: BOM, semicolons, Persian headers and digits, Jalali dates, an extension column, a blank row', () => {
    const [maryam, ali, sina] = parseCsv(fixture('persian-excel.csv'));
    expect(maryam!.line).toBe(2);
    expect(maryam!.contact).toMatchObject({
      firstName: 'مریم',
      lastName: 'احمدی',
      company: 'صنایع غذایی بهار',
      jobTitle: 'حسابدار',
      birthDate: '1990-05-01',
      city: 'تهران',
      street: 'خیابان ولیعصر؛ نبش کوچه ۱۲\nطبقه سوم',
      emails: [{ address: 'maryam@bahar.example' }],
    });
    expect(maryam!.contact.phones).toEqual([
      { kind: 'mobile', number: '۰۹۱۲ ۳۴۵ ۶۷۸۹', extension: '' },
      { kind: 'mobile', number: '۰۹۳۵ ۱۲۳ ۴۵۶۷', extension: '' },
      { kind: 'work', number: '۰۲۱-۸۸۷۷۶۶۵۵', extension: '215' },
      { kind: 'fax', number: '۰۲۱-۸۸۷۷۶۶۵۶', extension: '' },
    ]);
    expect(maryam!.groupNames).toEqual(['مشتریان', 'ویژه']);
    expect(maryam!.extra).toEqual([{ name: 'کد ملی', value: '0012345678' }]);
    // The address cell spans two lines and a blank row follows: the next record starts on line 5.
    expect(ali).toMatchObject({ line: 5, contact: { firstName: 'علی', lastName: 'کریمی', birthDate: '1985-03-21', notes: 'یادداشت؛ با "نقل‌قول"' } });
    expect(ali!.groupNames).toEqual(['تامین‌کنندگان', 'همکاران']);
    expect(sina).toMatchObject({ line: 6, contact: { company: 'داروسازی سینا', phones: [{ kind: 'work', number: '021 6655 4433', extension: '' }] } });
  });
});

describe('errors name the line', () => {
  it('a row with fewer cells than the header, after a multi-line cell', () => {
    expect(parseError(() => parseCsv(fixture('broken-ragged.csv')))).toMatchObject({ line: 5, reason: 'ragged_row' });
    expect(parseError(() => parseCsv('Name,Mobile\nAli,1,2\n'))).toMatchObject({ line: 2, reason: 'ragged_row' });
  });
  // A bad date is a value, not syntax: the row comes in without it and the preview says so.
  it('an unreadable birth date: the row is kept without it, with a remark', () => {
    const rows = parseCsv(fixture('broken-bad-date.csv'));
    expect(rows.map((r) => [r.line, r.contact.firstName, r.contact.birthDate])).toEqual([
      [2, 'علی', '1990-05-01'],
      [5, 'سارا', null],
    ]);
    expect(rows[1]!.remarks).toEqual([{ kind: 'birthday_invalid', value: '۱۳۶۹/۱۳/۰۱' }]);
    expect(parseCsv('Name,Birthday\nAli,someday\n')[0]!.remarks).toEqual([{ kind: 'birthday_invalid', value: 'someday' }]);
    expect(parseCsv('Name,Birthday\nAli,1604-05-12\n')[0]!.remarks).toEqual([{ kind: 'birthday_invalid', value: '1604-05-12' }]); // Jalali 1604 = 2225
    expect(parseCsv('Name,Birthday\nA B,1369-02-11 \nC D,1/5/1990\nE F,\nG H,۱۹۹۰-۰۵-۰۱\n').map((r) => r.contact.birthDate)).toEqual([
      '1990-05-01',
      '1990-01-05',
      null,
      '1990-05-01',
    ]);
  });
  it('a quote that never closes: the line where it opened', () => {
    expect(parseError(() => parseCsv('Name,Notes\nAli,ok\nSara,"open\nstill open\n'))).toMatchObject({ line: 3, reason: 'bad_line' });
  });
  it('only a header, an empty file, no known column', () => {
    expect(parseError(() => parseCsv('\uFEFFFirst Name,Mobile\r\n\r\n,\r\n'))).toMatchObject({ reason: 'empty' });
    expect(parseError(() => parseCsv(''))).toMatchObject({ reason: 'empty' });
    expect(parseError(() => parseCsv('Ali,09121234567\nSara,09121234568\n'))).toMatchObject({ line: 1, reason: 'no_header' });
  });
});

describe('headers and cells', () => {
  it('matches headers in any case, spacing and letter form', () => {
    const [r] = parseCsv('FIRST  NAME,last_name,نام‌خانوادگي,E-Mail Address,تلفن همراه,Home Phone 2\nA,B,C,a@b.example,0912,021\n');
    expect(r!.contact).toMatchObject({ firstName: 'A', lastName: 'B', emails: [{ address: 'a@b.example' }] });
    expect(r!.extra).toEqual([{ name: 'نام‌خانوادگی', value: 'C' }]); // a second last-name column keeps its value (name normalised)
    expect(r!.contact.phones.map((p) => p.kind)).toEqual(['mobile', 'home']);
  });
  it('reads "Title" as the job title when there is no "Job Title" column', () => {
    expect(parseCsv('Name,Title\nAli Karimi,Buyer\n')[0]!.contact).toMatchObject({ firstName: 'Ali', lastName: 'Karimi', jobTitle: 'Buyer', prefix: '' });
  });
  it("detects the delimiter, and honours Excel's sep= line", () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3').delimiter).toBe(';');
    expect(detectDelimiter('a\tb\tc').delimiter).toBe('\t');
    expect(detectDelimiter('"a;b",c').delimiter).toBe(',');
    expect(detectDelimiter('sep=;\na,b;c')).toEqual({ delimiter: ';', hintLine: true });
    expect(parseCsv('sep=;\r\nName;Mobile\r\nAli, Reza;0912\r\n')).toMatchObject([{ line: 3, contact: { firstName: 'Ali,', lastName: 'Reza' } }]);
  });
  it('reads quoted cells with delimiters, doubled quotes, CR, LF and CRLF line breaks', () => {
    expect(readRows('a,"b,""c""\r\nd",e\r\nf\rg\n"h"', ',')).toEqual([
      { line: 1, cells: ['a', 'b,"c"\r\nd', 'e'] },
      { line: 3, cells: ['f'] },
      { line: 4, cells: ['g'] },
      { line: 5, cells: ['h'] },
    ]);
  });
  it('guards formula cells for spreadsheets, reversibly, but leaves phone numbers alone', () => {
    for (const v of ['=1+1', '@SUM(A1)', '+cmd|calc', '-x', "'=already", "''+x", '+98 912 123 4567', '-5', "O'Neil", 'a,b', ' lead', 'x"y']) {
      const cell = quoteCell(v);
      const [row] = readRows(cell, ',');
      expect(readCell(row!.cells[0]!)).toBe(v);
    }
    expect(quoteCell('=1+1')).toBe("'=1+1");
    expect(quoteCell('+98 912 123 4567')).toBe('+98 912 123 4567');
  });
});

describe('export', () => {
  const contacts = sampleContacts();
  const text = writeCsv(contacts, groupName, FIELDS);

  it('starts with a BOM, uses CRLF between rows and our column names, fields in their order', () => {
    expect(text.startsWith('\uFEFFPrefix,First Name,')).toBe(true);
    const header = text.slice(1, text.indexOf('\r\n'));
    expect(header).toBe([...CSV_COLUMNS, '"Account; ""code"""', 'کد ملی'].join(','));
    expect(readRows(text.slice(1), ',').map((r) => r.cells.length)).toEqual(Array(contacts.length + 1).fill(CSV_COLUMNS.length + 2));
  });

  it('reads back to the same contacts, groups and fields', () => {
    const records = parseCsv(text);
    expect(records).toHaveLength(contacts.length);
    records.forEach((r, i) => {
      const c: Contact = contacts[i]!;
      const { id: _i, displayName: _d, createdAt: _c, updatedAt: _u, timeline: _t, phones, fields, groupIds, ...rest } = c;
      expect(r.contact).toEqual({ ...rest, phones: phones.map(({ kind, number, extension }) => ({ kind, number, extension })), groupIds: [], fields: [] });
      expect(r.groupNames).toEqual(groupIds.map(groupName));
      // Extra fields come back in column order (the fields' position order).
      const byName = new Map(fields.map((f) => [FIELDS.find((d) => d.id === f.fieldId)!.name, f.value]));
      expect(r.extra).toEqual(['Account; "code"', 'کد ملی'].filter((n) => byName.has(n)).map((name) => ({ name, value: byName.get(name) })));
    });
  });
});
