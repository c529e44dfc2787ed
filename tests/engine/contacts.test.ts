import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

describe('phonebook engine', () => {
  let dir: string;
  let e: TestEngine;
  let t = Date.parse('2025-03-20T08:00:00Z');
  beforeEach(() => {
    dir = tempDir();
    // This clock moves a minute at every reading, so the times below are exact; the alarm scheduler
    // (which reads it too) is off here and tested in tests/reminders.
    e = testEngine(dir, () => new Date((t += 60_000)), { noAlarms: true });
  });
  afterEach(() => {
    e.close();
    removeDir(dir);
  });

  const names = async (text: string, extra: object = {}) => (await e.ok('contacts/search', { text, ...extra })).items.map((c) => c.displayName);

  it('creates a contact with full details, normalises input and keeps it across a restart', async () => {
    const g = await e.ok('groups/create', { name: 'مشتریان', color: '#aa3300' });
    const f = await e.ok('fields/create', { name: 'نام مدیر', kind: 'text' });
    const c = await e.ok('contacts/create', {
      firstName: ' علي ',
      lastName: 'كريمي',
      company: 'نوآوران',
      jobTitle: 'مدیر فروش',
      phones: [
        { kind: 'mobile', number: '۰۹۱۲ ۱۲۳ ۴۵۶۷' },
        { kind: 'work', number: '88776655', extension: '۱۲' },
        { kind: 'home', number: '' },
      ],
      emails: [{ address: 'ali@example.com' }],
      birthDate: '1990-05-01',
      groupIds: [g.id],
      fields: [{ fieldId: f.id, value: 'رضا' }],
      street: 'خیابان ولیعصر،\nپلاک ۱۲',
    });
    expect(c.displayName).toBe('علی کریمی');
    expect(c.phones).toEqual([
      { kind: 'mobile', number: '0912 123 4567', extension: '', key: '989121234567', display: '0912 123 4567' },
      { kind: 'work', number: '88776655', extension: '12', key: '982188776655', display: '021 8877 6655' },
    ]);
    expect(c.createdAt).toBe('2025-03-20T08:01:00.000Z');
    e.close();
    e = testEngine(dir);
    const again = await e.ok('contacts/get', { id: c.id });
    expect(again).toMatchObject({
      firstName: 'علی',
      lastName: 'کریمی',
      birthDate: '1990-05-01',
      groupIds: [g.id],
      fields: [{ fieldId: f.id, value: 'رضا' }],
      street: 'خیابان ولیعصر،\nپلاک ۱۲',
    });
  });

  it('names the bad field, in the user language, and writes nothing', async () => {
    const bad = {
      firstName: 'سارا',
      phones: [
        { kind: 'mobile', number: '0912' },
        { kind: 'work', number: 'تلفن ندارد' },
      ],
    };
    const fa = await e.fail('contacts/create', bad, 'fa');
    expect(fa).toEqual({ code: 'validation', field: 'phones.1.number', message: 'شماره تلفن «تلفن ندارد» خوانا نیست.' });
    const en = await e.fail('contacts/create', { firstName: 'Sara', emails: [{ address: 'sara@' }] }, 'en');
    expect(en).toEqual({ code: 'validation', field: 'emails.0.address', message: 'The email address “sara@” is not valid.' });
    expect((await e.fail('contacts/create', {}, 'en')).field).toBe('firstName');
    expect((await e.fail('contacts/create', { firstName: 'x', birthDate: '1990-02-30' })).field).toBe('birthDate');
    expect((await e.fail('contacts/create', { firstName: 'x'.repeat(101) }, 'en')).message).toMatch(/“first name” is too long/);
    expect((await e.ok('contacts/search', {})).total).toBe(0);
  });

  it('searches as you type over names, company, groups, extra fields and phones in any format', async () => {
    const g = await e.ok('groups/create', { name: 'تامین‌کنندگان' });
    const f = await e.ok('fields/create', { name: 'منطقه', kind: 'choice', options: ['شمال', 'جنوب'] });
    await e.ok('contacts/create', { firstName: 'محمدرضا', lastName: 'می‌رزایی', phones: [{ kind: 'mobile', number: '09121234567' }] });
    await e.ok('contacts/create', { firstName: 'Ali', lastName: 'Rezaei', company: 'پارس‌آنلاین', groupIds: [g.id] });
    await e.ok('contacts/create', {
      firstName: 'زهرا',
      lastName: 'احمدی',
      phones: [{ kind: 'work', number: '021-88776655' }],
      fields: [{ fieldId: f.id, value: 'شمال' }],
    });

    expect(await names('محمد')).toEqual(['محمدرضا می‌رزایی']);
    expect(await names('میرزا')).toEqual(['محمدرضا می‌رزایی']); // ZWNJ ignored
    expect(await names('مي')).toEqual(['محمدرضا می‌رزایی']); // Arabic ي typed
    expect(await names('ali rez')).toEqual(['Ali Rezaei']);
    expect(await names('REZ')).toEqual(['Ali Rezaei']);
    expect(await names('rezaei ali')).toEqual(['Ali Rezaei']); // last name first
    expect(await names('ali پارس')).toEqual(['Ali Rezaei']); // words from two fields
    expect(await names('پارس')).toEqual(['Ali Rezaei']);
    expect(await names('تامین')).toEqual(['Ali Rezaei']);
    expect(await names('شمال')).toEqual(['زهرا احمدی']);
    for (const q of ['0912', '+98912', '912', '۰۹۱۲۱۲', '0098 912 123', '989121']) expect([q, await names(q)]).toEqual([q, ['محمدرضا می‌رزایی']]);
    for (const q of ['8877', '021 887', '2188', '+98 21 8877']) expect([q, await names(q)]).toEqual([q, ['زهرا احمدی']]);
    expect(await names('احمدی 0912')).toEqual([]);
    expect(await names('xyz')).toEqual([]);
  });

  it('an extension typed into the number is kept apart, so caller ID from the main number finds the contact', async () => {
    const c = await e.ok('contacts/create', {
      firstName: 'دفتر',
      lastName: 'پارس',
      phones: [
        { kind: 'work', number: '021 8877 6655 x123' },
        { kind: 'work', number: '0912 123 4567 داخلی ۲۱۲' },
        { kind: 'other', number: '88112233 ext. 12' },
        { kind: 'fax', number: '021 6611 2233 #212' },
      ],
    });
    expect(c.phones.map((p) => [p.number, p.extension, p.display])).toEqual([
      ['021 8877 6655', '123', '021 8877 6655'],
      ['0912 123 4567', '212', '0912 123 4567'],
      ['88112233', '12', '021 8811 2233'],
      ['021 6611 2233', '212', '021 6611 2233'],
    ]);
    for (const caller of ['02188776655', '+982188776655', '88776655', '09121234567', '982166112233']) {
      expect([caller, (await e.ok('calls/caller-card', { number: caller })).contact?.id]).toEqual([caller, c.id]);
    }
    const twice = await e.fail(
      'contacts/update',
      { id: c.id, data: { firstName: 'دفتر', phones: [{ kind: 'work', number: '88776655 x1', extension: '2' }] } },
      'en',
    );
    expect(twice).toMatchObject({ code: 'validation', field: 'phones.0.extension', message: expect.stringContaining('88776655 x1') });
  });

  it('short service numbers are stored, shown and found as typed; search reads international forms', async () => {
    const police = await e.ok('contacts/create', {
      firstName: 'پلیس',
      phones: [
        { kind: 'other', number: '۱۱۰' },
        { kind: 'work', number: '1566' },
      ],
    });
    expect(police.phones.map((p) => [p.key, p.display])).toEqual([
      ['110', '110'],
      ['1566', '1566'],
    ]);
    await e.ok('contacts/create', {
      firstName: 'نگار',
      phones: [
        { kind: 'mobile', number: '0912 765 4321' },
        { kind: 'work', number: '021 8877 1122' },
      ],
    });
    expect(await names('110')).toEqual(['پلیس']);
    expect(await names('1566')).toEqual(['پلیس']);
    expect((await e.ok('calls/caller-card', { number: '110' })).contact?.id).toBe(police.id);
    for (const q of ['+98 (0) 912 765', '98912765', '98 912 765 4321', '0098 (0)912 765', '+980912765', '98 21 8877 11']) {
      expect([q, await names(q)]).toEqual([q, ['نگار']]);
    }
    expect((await e.fail('contacts/create', { firstName: 'x', phones: [{ kind: 'mobile', number: '0000 000 0000' }] }, 'en')).field).toBe('phones.0.number');
    expect((await e.fail('contacts/create', { firstName: 'x', phones: [{ kind: 'mobile', number: '0912 123 4567 8901 2345' }] }, 'en')).field).toBe(
      'phones.0.number',
    );
  });

  it('lists in Persian alphabetical order with paging, group and field filters', async () => {
    const g = await e.ok('groups/create', { name: 'VIP' });
    const age = await e.ok('fields/create', { name: 'سن', kind: 'number' });
    const vip = await e.ok('fields/create', { name: 'ویژه', kind: 'bool' });
    for (const [n, a] of [
      ['یاسر', '۴۰'],
      ['پرویز', '25'],
      ['بهرام', '33'],
      ['چنگیز', '51'],
      ['آرش', '19'],
    ] as const) {
      await e.ok('contacts/create', {
        firstName: n,
        groupIds: n === 'پرویز' || n === 'یاسر' ? [g.id] : [],
        fields: [
          { fieldId: age.id, value: a },
          { fieldId: vip.id, value: n === 'آرش' ? 'بله' : 'خیر' },
        ],
      });
    }
    expect(await names('')).toEqual(['آرش', 'بهرام', 'پرویز', 'چنگیز', 'یاسر']);
    await e.ok('contacts/create', { firstName: 'Zoe' });
    await e.ok('contacts/create', { firstName: 'Adam' });
    expect((await names('')).slice(-3)).toEqual(['یاسر', 'Adam', 'Zoe']); // Persian names first
    const page = await e.ok('contacts/search', { offset: 2, limit: 2 });
    expect(page.items.map((c) => c.displayName)).toEqual(['پرویز', 'چنگیز']);
    expect(page).toMatchObject({ total: 7, totalExact: true });
    expect(await names('', { groupId: g.id })).toEqual(['پرویز', 'یاسر']);
    expect(await names('', { filters: [{ fieldId: age.id, op: 'range', min: '۲۵', max: '40' }] })).toEqual(['بهرام', 'پرویز', 'یاسر']);
    expect(await names('', { filters: [{ fieldId: vip.id, op: 'eq', value: 'yes' }] })).toEqual(['آرش']);
    expect(await names('پ', { filters: [{ fieldId: age.id, op: 'range', min: '30' }] })).toEqual([]);
    expect((await e.fail('contacts/search', { filters: [{ fieldId: age.id, op: 'range', min: 'سی' }] }, 'en')).field).toBe(`filters.${age.id}`);
  });

  it('flags a number already in the phonebook whatever its format', async () => {
    const a = await e.ok('contacts/create', { firstName: 'رضا', phones: [{ kind: 'mobile', number: '09351112233' }] });
    expect(await e.ok('contacts/find-by-phone', { number: '+98 935 111 2233' })).toEqual([
      { contactId: a.id, displayName: 'رضا', company: '', kind: 'mobile', display: '0935 111 2233' },
    ]);
    expect(await e.ok('contacts/find-by-phone', { number: '۰۹۳۵۱۱۱۲۲۳۳', excludeId: a.id })).toEqual([]);
    expect(await e.ok('contacts/find-by-phone', { number: '0935' })).toEqual([]);
  });

  it('keeps a timeline of notes, newest first, with author and time', async () => {
    await e.ok('settings/update', { userName: 'منشی جلو' });
    const c = await e.ok('contacts/create', { firstName: 'مینا' });
    await e.ok('contacts/add-note', { contactId: c.id, body: 'تماس گرفت؛ فاکتور می‌خواهد.' });
    const after = await e.ok('contacts/add-note', { contactId: c.id, body: 'فاکتور فرستاده شد', author: 'حسابداری' });
    expect(after.timeline.map((n) => [n.body, n.author])).toEqual([
      ['فاکتور فرستاده شد', 'حسابداری'],
      ['تماس گرفت؛ فاکتور می‌خواهد.', 'منشی جلو'],
    ]);
    expect((await e.fail('contacts/add-note', { contactId: c.id, body: '   ' })).field).toBe('body');
    const left = await e.ok('contacts/delete-note', { id: after.timeline[0]!.id });
    expect(left.timeline).toHaveLength(1);
  });

  it('updates and deletes, keeping the search index exact', async () => {
    const c = await e.ok('contacts/create', { firstName: 'کامران', phones: [{ kind: 'mobile', number: '09120000001' }] });
    await e.ok('contacts/update', { id: c.id, data: { firstName: 'کاوه', phones: [{ kind: 'mobile', number: '09120000002' }] } });
    expect(await names('کامران')).toEqual([]);
    expect(await names('کاوه')).toEqual(['کاوه']);
    expect(await names('09120000001')).toEqual([]);
    expect(await names('09120000002')).toEqual(['کاوه']);
    await e.ok('contacts/delete', { id: c.id });
    expect(await names('کاوه')).toEqual([]);
    expect(e.db.prepare('SELECT COUNT(*) n FROM search_terms').get()).toEqual({ n: 0 });
    expect((await e.fail('contacts/get', { id: c.id }, 'en')).code).toBe('not_found');
  });

  it('renaming or deleting a group re-indexes its members; field kinds with values are protected', async () => {
    const g = await e.ok('groups/create', { name: 'همکاران' });
    await e.ok('contacts/create', { firstName: 'نگار', groupIds: [g.id] });
    expect(await names('همکار')).toEqual(['نگار']);
    await e.ok('groups/update', { id: g.id, data: { name: 'شرکا', color: '#112233' } });
    expect(await names('همکار')).toEqual([]);
    expect(await names('شرکا')).toEqual(['نگار']);
    expect((await e.fail('groups/create', { name: 'شركا' }, 'en')).code).toBe('conflict');
    expect(await e.ok('groups/list', {})).toEqual([{ id: g.id, name: 'شرکا', color: '#112233', count: 1 }]);
    await e.ok('groups/delete', { id: g.id });
    expect(await names('شرکا')).toEqual([]);
    const f = await e.ok('fields/create', { name: 'کد', kind: 'text' });
    await e.ok('contacts/create', { firstName: 'x', fields: [{ fieldId: f.id, value: 'abc' }] });
    expect((await e.fail('fields/update', { id: f.id, data: { name: 'کد', kind: 'number' } }, 'en')).code).toBe('conflict');
    expect((await e.fail('fields/create', { name: 'رنگ', kind: 'choice', options: [] })).field).toBe('options');
  });

  it('settings are validated, stored and survive a restart', async () => {
    expect(await e.ok('settings/get', {})).toEqual({
      language: 'fa',
      calendar: 'jalali',
      phoneCountryCode: '98',
      phoneAreaCode: '21',
      userName: '',
      officeName: '',
      setupDone: false,
      sampleGroupId: null,
    });
    await e.ok('settings/update', { language: 'en', calendar: 'gregorian', phoneAreaCode: '31' });
    expect((await e.fail('settings/update', { phoneCountryCode: 'x' }, 'en')).field).toBe('phoneCountryCode');
    e.close();
    e = testEngine(dir);
    expect(await e.ok('settings/get', {})).toMatchObject({ language: 'en', calendar: 'gregorian', phoneAreaCode: '31' });
    const c = await e.ok('contacts/create', { firstName: 'x', phones: [{ kind: 'work', number: '32345678' }] });
    expect(c.phones[0]!.key).toBe('983132345678');
  });

  it('rejects unknown methods and malformed input without a stack trace', async () => {
    const r = await e.invoke('no/such' as 'app/info', {}, 'en');
    expect(r.ok).toBe(false);
    const bad = await e.fail('contacts/get', { id: 'abc' }, 'en');
    expect(bad).toMatchObject({ code: 'validation', field: 'id' });
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts/);
  });

  it('names exported and printed files with the date in the chosen calendar, in ASCII digits', async () => {
    await e.ok('contacts/create', { firstName: 'سارا', phones: [{ kind: 'mobile', number: '09121234567' }] });
    // The clock reads 2025-03-20 (Gregorian) = 1403/12/30, the leap day of Esfand 1403.
    expect((await e.ok('print/contacts', { scope: 'list' })).fileName).toBe('monshi-contacts-1403-12-30.pdf');
    expect((await e.ok('io/export', { format: 'csv' })).fileName).toBe('monshi-contacts-1403-12-30.csv');
    await e.ok('settings/update', { calendar: 'gregorian' });
    expect((await e.ok('print/contacts', { scope: 'list' })).fileName).toBe('monshi-contacts-2025-03-20.pdf');
  });
});
