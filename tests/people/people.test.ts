/**
 * People files on a real SQLite file: one contact behind a file (never two copies), automatic and
 * edited file numbers, the national ID check, search by every promised key, photo and documents,
 * applicants (application, interview notes, status, hiring without retyping), the phonebook guard,
 * the printed application form, and a restart.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { pdfText, savePdf, testWithPoppler } from '../print/helpers/poppler';

let dir: string;
let e: TestEngine;
const clock = () => new Date(2026, 9, 5, 10, 0); // 13 Mehr 1405

beforeEach(() => {
  dir = tempDir();
  e = testEngine(dir, clock, { noLines: true, noAlarms: true });
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const person = (firstName: string, lastName: string, mobile: string) => ({ firstName, lastName, phones: [{ kind: 'mobile', number: mobile }] });

test('a file with a new person creates one phonebook contact, numbered per kind', async () => {
  const a = await e.ok('people/create', { kind: 'staff', contact: person('رضا', 'کریمی', '09121111111'), nationalId: '0010524304' });
  expect(a).toMatchObject({ kind: 'staff', fileNo: '1', registeredOn: '2026-10-05', nationalId: '0010524304' });
  expect(a.contact.displayName).toBe('رضا کریمی');
  const found = await e.ok('contacts/search', { text: 'کریمی' });
  expect(found.items.map((c) => c.id)).toEqual([a.contact.id]);

  const b = await e.ok('people/create', { kind: 'staff', contact: person('سارا', 'نوری', '09122222222') });
  const c = await e.ok('people/create', { kind: 'customer', contactId: a.contact.id });
  expect([b.fileNo, c.fileNo]).toEqual(['2', '1']);
  expect(await e.ok('people/next-number', { kind: 'staff' })).toEqual({ fileNo: '3' });
  // The same contact: a change in the phonebook shows on both files.
  await e.ok('contacts/update', { id: a.contact.id, data: { ...person('رضا', 'کریمی‌نژاد', '09121111111') } });
  expect((await e.ok('people/get', { id: c.id })).contact.displayName).toBe('رضا کریمی‌نژاد');
  expect((await e.ok('people/get', { id: a.id })).related.map((r) => r.kind)).toEqual(['customer']);
  expect((await e.ok('people/of-contact', { contactId: a.contact.id })).map((f) => [f.kind, f.fileNo])).toEqual([
    ['staff', '1'],
    ['customer', '1'],
  ]);
});

test('file numbers are editable and unique per kind; digits in any script', async () => {
  const a = await e.ok('people/create', { kind: 'customer', contact: person('علی', 'احمدی', '09123333333'), fileNo: '۱۴۰۵-۰۱' });
  expect(a.fileNo).toBe('1405-01');
  const err = await e.fail('people/create', { kind: 'customer', contact: person('مینا', 'رضایی', '09124444444'), fileNo: '1405-01' });
  expect(err).toMatchObject({ code: 'conflict', field: 'fileNo' });
  expect(err.message).toContain('1405-01');
  // Nothing half-made: the contact of the refused file was not left in the phonebook.
  expect((await e.ok('contacts/search', { text: 'مینا' })).total).toBe(0);
  await e.ok('people/create', { kind: 'staff', contact: person('مینا', 'رضایی', '09124444444'), fileNo: '1405-01' });
  const b = await e.ok('people/create', { kind: 'customer', contact: person('نیما', 'یزدانی', '09125555555'), fileNo: '99' });
  expect((await e.ok('people/create', { kind: 'customer', contact: person('تینا', 'یزدانی', '09125555556') })).fileNo).toBe('100');
  await e.ok('people/update', { id: b.id, data: { kind: 'customer', fileNo: '250' } });
  expect((await e.ok('people/get', { id: b.id })).fileNo).toBe('250');
});

test('errors name the field: national ID, phone, person', async () => {
  const bad = await e.fail('people/create', { kind: 'staff', contact: person('رضا', 'کریمی', '09121111111'), nationalId: '0010524305' });
  expect(bad).toMatchObject({ code: 'validation', field: 'nationalId' });
  expect(bad.message).toContain('کد ملی');
  const en = await e.fail('people/create', { kind: 'staff', contact: person('Reza', 'Karimi', '09121111111'), nationalId: '123' }, 'en');
  expect(en.message).toMatch(/national ID/);
  // Ten identical digits: the check digit matches, so the message says why it is refused.
  const same = await e.fail('people/create', { kind: 'staff', contact: person('Reza', 'Karimi', '09121111111'), nationalId: '1111111111' }, 'en');
  expect(same).toMatchObject({ field: 'nationalId', message: expect.stringContaining('never issued') });
  expect((await e.fail('people/create', { kind: 'staff', contact: person('رضا', 'کریمی', '09121111111'), nationalId: '1230000003' })).message).toContain(
    'صادر نمی‌شود',
  );
  const phone = await e.fail('people/create', { kind: 'staff', contact: { firstName: 'رضا', phones: [{ kind: 'mobile', number: 'abc' }] } });
  expect(phone.field).toBe('contact.phones.0.number');
  expect(await e.fail('people/create', { kind: 'staff' })).toMatchObject({ code: 'validation', field: 'contactId' });
  const a = await e.ok('people/create', { kind: 'staff', contact: person('رضا', 'کریمی', '09121111111') });
  expect(await e.fail('people/create', { kind: 'staff', contactId: a.contact.id })).toMatchObject({ code: 'conflict', field: 'contactId' });
});

test('search by file number, registration dates, name, phone, national ID and referrer', async () => {
  const boss = await e.ok('people/create', { kind: 'customer', contact: person('محمد', 'تهرانی', '09121000000'), registeredOn: '2026-03-21' });
  const a = await e.ok('people/create', {
    kind: 'customer',
    contact: person('علی', 'احمدی', '09123333333'),
    registeredOn: '2026-04-10',
    referrerFileId: boss.id,
    nationalId: '0010524304',
  });
  const b = await e.ok('people/create', {
    kind: 'customer',
    contact: person('زهرا', 'کاظمی', '02188776655'),
    registeredOn: '2026-05-01',
    referrerText: 'آقای صادقی از بانک',
  });
  await e.ok('people/create', { kind: 'staff', contact: person('علی', 'احمدی‌پور', '09127777777') });
  const ids = async (q: Record<string, unknown>) => (await e.ok('people/search', { kind: 'customer', ...q })).items.map((f) => f.id);
  expect(await ids({})).toEqual([b.id, a.id, boss.id]);
  expect(await ids({ text: 'احمدی' })).toEqual([a.id]);
  expect(await ids({ text: 'علي احمدي' })).toEqual([a.id]); // Arabic letters fold
  expect(await ids({ text: '۰۹۱۲۳۳۳' })).toEqual([a.id]);
  expect(await ids({ text: '88776655' })).toEqual([b.id]);
  expect(await ids({ text: String(a.fileNo) })).toContain(a.id);
  expect(await ids({ fileNo: a.fileNo })).toEqual([a.id]);
  expect(await ids({ text: '0010524304' })).toEqual([a.id]);
  expect(await ids({ referrer: 'تهرانی' })).toEqual([a.id]);
  expect(await ids({ referrer: 'صادقي' })).toEqual([b.id]);
  expect(await ids({ from: '2026-04-01', to: '2026-04-30' })).toEqual([a.id]);
  expect(await ids({ from: '2026-04-11' })).toEqual([b.id]);
  const s = (await e.ok('people/search', { kind: 'customer', text: 'احمدی' })).items[0]!;
  // The list shows a number as every other screen does (0912 …), whatever form it was typed in.
  expect(s).toMatchObject({ displayName: 'علی احمدی', referrer: 'محمد تهرانی', phone: '0912 333 3333' });
  await e.ok('people/create', { kind: 'customer', contact: person('نادر', 'صالحی', '+98 912 444 4444') });
  expect((await e.ok('people/search', { kind: 'customer', text: 'صالحی' })).items[0]).toMatchObject({ phone: '0912 444 4444' });
  expect(await ids({ text: '+98 (0) 912 444' })).toHaveLength(1);
});

test('photo and documents are kept in the database', async () => {
  const a = await e.ok('people/create', { kind: 'staff', contact: person('رضا', 'کریمی', '09121111111') });
  const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
  expect((await e.ok('people/set-photo', { id: a.id, base64: png, mime: 'image/png' })).hasPhoto).toBe(true);
  expect(await e.ok('people/photo', { id: a.id })).toEqual({ mime: 'image/png', base64: png });
  const withDoc = await e.ok('people/add-document', {
    fileId: a.id,
    name: 'قرارداد.pdf',
    mime: 'application/pdf',
    base64: Buffer.from('%PDF-1.4 test').toString('base64'),
  });
  expect(withDoc.documents).toEqual([expect.objectContaining({ name: 'قرارداد.pdf', size: 13 })]);
  const doc = await e.ok('people/document', { id: withDoc.documents[0]!.id });
  expect(Buffer.from(doc.base64, 'base64').toString()).toBe('%PDF-1.4 test');
  expect(await e.fail('people/add-document', { fileId: a.id, name: 'x', base64: '' })).toMatchObject({ field: 'document' });
  expect((await e.ok('people/delete-document', { id: doc.count && withDoc.documents[0]!.id })).documents).toEqual([]);
  expect((await e.ok('people/set-photo', { id: a.id, base64: null })).hasPhoto).toBe(false);
});

test('an applicant: application, interview notes, status, then hired into personnel without retyping', async () => {
  const ref = await e.ok('people/create', { kind: 'staff', contact: person('محمد', 'تهرانی', '09121000000') });
  const app = await e.ok('people/create', {
    kind: 'applicant',
    contact: { ...person('نگار', 'صالحی', '09351234567'), birthDate: '1998-05-01' },
    nationalId: '0010524304',
    referrerFileId: ref.id,
    application: {
      fatherName: 'حسن',
      maritalStatus: 'single',
      position: 'حسابدار',
      expectedSalary: '۲۵۰۰۰۰۰۰۰',
      skills: 'اکسل، حسابداری',
      education: [{ degree: 'کارشناسی', field: 'حسابداری', institution: 'دانشگاه تهران', year: '1399', grade: '17.5' }, { degree: '' }],
      workHistory: [{ employer: 'شرکت آلفا', role: 'کمک‌حسابدار', from: '1400', to: '1403', leaving: 'پایان قرارداد' }],
    },
  });
  expect(app.status).toBe('new');
  expect(app.application).toMatchObject({
    position: 'حسابدار',
    expectedSalary: '250000000',
    education: [expect.objectContaining({ institution: 'دانشگاه تهران' })],
  });
  expect(app.application!.education).toHaveLength(1);
  const noted = await e.ok('people/add-interview', { fileId: app.id, body: 'مصاحبهٔ اول خوب بود.', author: 'مدیر' });
  expect(noted.interviews).toEqual([expect.objectContaining({ body: 'مصاحبهٔ اول خوب بود.', author: 'مدیر' })]);
  expect((await e.ok('people/set-status', { id: app.id, status: 'interview' })).status).toBe('interview');
  expect((await e.ok('people/search', { kind: 'applicant', status: 'interview' })).items.map((f) => f.position)).toEqual(['حسابدار']);

  const staff = await e.ok('people/hire', { id: app.id, registeredOn: '2026-10-10' });
  expect(staff).toMatchObject({ kind: 'staff', fileNo: '2', registeredOn: '2026-10-10', nationalId: '0010524304', referrer: { id: ref.id } });
  expect(staff.contact.id).toBe(app.contact.id);
  expect(staff.related).toEqual([expect.objectContaining({ id: app.id, kind: 'applicant' })]);
  expect((await e.ok('people/get', { id: app.id })).status).toBe('hired');
  expect(await e.fail('people/hire', { id: app.id })).toMatchObject({ code: 'conflict' });
  expect((await e.ok('contacts/search', { text: 'صالحی' })).total).toBe(1);
  expect((await e.ok('attendance/roster', {})).map((r) => r.displayName)).toEqual(['محمد تهرانی', 'نگار صالحی']);
});

test('the phonebook cannot delete a person who has a file; deleting the file keeps the contact', async () => {
  const a = await e.ok('people/create', { kind: 'customer', contact: person('رضا', 'کریمی', '09121111111') });
  const err = await e.fail('contacts/delete', { id: a.contact.id });
  expect(err).toMatchObject({ code: 'conflict' });
  expect(err.message).toContain('مشتری');
  await e.ok('people/delete', { id: a.id });
  expect((await e.ok('contacts/get', { id: a.contact.id })).displayName).toBe('رضا کریمی');
  await e.ok('contacts/delete', { id: a.contact.id });
});

test('files survive a restart', async () => {
  const a = await e.ok('people/create', { kind: 'applicant', contact: person('رضا', 'کریمی', '09121111111'), application: { position: 'منشی' } });
  await e.close();
  e = testEngine(dir, clock, { noLines: true, noAlarms: true });
  expect((await e.ok('people/get', { id: a.id })).application?.position).toBe('منشی');
});

testWithPoppler('the application form prints blank and filled, in Persian and English', async () => {
  const blank = await e.ok('people/print-application', {});
  const blankText = pdfText(savePdf('application-blank-fa', Buffer.from(blank.base64, 'base64'))).replace(/\s+/g, '');
  for (const label of ['فرمدرخواستاستخدام', 'نامپدر', 'کدملی', 'سوابقتحصیلی', 'سوابقکاری', 'حقوقدرخواستی', 'امضایمتقاضی']) expect(blankText).toContain(label);
  const app = await e.ok('people/create', {
    kind: 'applicant',
    contact: person('نگار', 'صالحی', '09351234567'),
    nationalId: '0010524304',
    application: { fatherName: 'حسن', position: 'حسابدار', education: [{ degree: 'کارشناسی', institution: 'دانشگاه تهران' }] },
  });
  await e.ok('people/add-interview', { fileId: app.id, body: 'مصاحبهٔ خوبی بود' });
  const filled = await e.ok('people/print-application', { id: app.id });
  expect(filled.fileName).toBe(`application-${app.fileNo}.pdf`);
  const text = pdfText(savePdf('application-filled-fa', Buffer.from(filled.base64, 'base64'))).replace(/\s+/g, '');
  for (const v of ['نگار', 'صالحی', 'حسن', '۰۰۱۰۵۲۴۳۰۴', 'حسابدار', 'دانشگاهتهران', 'مصاحبهٔخوبیبود']) expect(text).toContain(v);
  const en = await e.ok('people/print-application', { id: app.id }, 'en');
  const enText = pdfText(savePdf('application-filled-en', Buffer.from(en.base64, 'base64')));
  expect(enText).toContain('Employment application form');
  expect(enText).toContain('0010524304');
});
