/**
 * The attendance book on a real SQLite file with an injected clock: clocking in and out (with a
 * PIN), manual entries and corrections whose old times and reasons stay in the history, overlapping
 * records and leave refused, schedules with a night shift, the holiday table, the monthly report and
 * its PDF and Excel files read back, and a restart.
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { pdfText, savePdf, testWithPoppler } from '../print/helpers/poppler';

let dir: string;
let e: TestEngine;
let now = new Date(2026, 9, 5, 7, 55); // Monday 13 Mehr 1405
const clock = () => now;
const setNow = (y: number, m: number, d: number, h: number, min: number) => (now = new Date(y, m - 1, d, h, min));

let staffId: number;
let scheduleId: number;

beforeEach(async () => {
  dir = tempDir();
  setNow(2026, 10, 5, 7, 55);
  e = testEngine(dir, clock, { noLines: true, noAlarms: true });
  const office = [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: '08:00', end: '16:00' }));
  scheduleId = (await e.ok('schedules/create', { name: 'اداری', shifts: office, graceMinutes: 5 })).id;
  staffId = (
    await e.ok('people/create', {
      kind: 'staff',
      contact: { firstName: 'رضا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121111111' }] },
      scheduleId,
    })
  ).id;
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

test('schedules: weekly hours, one shift a weekday, night shifts', async () => {
  const list = await e.ok('schedules/list', {});
  expect(list).toEqual([expect.objectContaining({ name: 'اداری', weeklyMinutes: 40 * 60, staffCount: 1, graceMinutes: 5 })]);
  const night = await e.ok('schedules/create', { name: 'شب', shifts: [{ weekday: 0, start: '22:00', end: '06:00' }] });
  expect(night.weeklyMinutes).toBe(8 * 60);
  const dup = await e.fail('schedules/create', {
    name: 'x',
    shifts: [
      { weekday: 1, start: '08:00', end: '12:00' },
      { weekday: 1, start: '13:00', end: '17:00' },
    ],
  });
  expect(dup).toMatchObject({ code: 'validation', field: 'shifts.1.weekday' });
  expect(await e.fail('schedules/create', { name: 'x', shifts: [{ weekday: 1, start: '08:00', end: '08:00' }] })).toMatchObject({ field: 'shifts.0.end' });
});

test('clock in and out at the front desk, with a PIN', async () => {
  await e.ok('people/set-pin', { id: staffId, pin: '۱۲۳۴' });
  expect(await e.fail('attendance/clock', { fileId: staffId, pin: '9999' })).toMatchObject({ code: 'auth', field: 'pin' });
  expect(await e.ok('attendance/clock', { fileId: staffId, pin: '1234' })).toMatchObject({ action: 'in', displayName: 'رضا کریمی' });
  expect((await e.ok('attendance/roster', {}))[0]!.inSince).toBe(new Date(2026, 9, 5, 7, 55).toISOString());
  // A double tap is not an exit.
  expect(await e.fail('attendance/clock', { fileId: staffId, pin: '1234' })).toMatchObject({ code: 'conflict' });
  setNow(2026, 10, 5, 16, 20);
  expect(await e.ok('attendance/clock', { fileId: staffId, pin: '1234' })).toMatchObject({ action: 'out' });
  expect((await e.ok('attendance/roster', {}))[0]!.inSince).toBeNull();
  const records = await e.ok('attendance/records', { fileId: staffId, from: '2026-10-05', to: '2026-10-05' });
  expect(records).toEqual([
    expect.objectContaining({
      source: 'clock',
      start: new Date(2026, 9, 5, 7, 55).toISOString(),
      end: new Date(2026, 9, 5, 16, 20).toISOString(),
      history: [],
    }),
  ]);
  const report = await e.ok('attendance/report', { year: 1405, month: 7, fileId: staffId });
  const day = report.people[0]!.days.find((d) => d.date === '2026-10-05')!;
  expect(day).toMatchObject({ status: 'present', firstIn: '07:55', lastOut: '16:20', lateMinutes: 0, overtimeMinutes: 25 });
});

test('a forgotten exit: the next clock-in starts a new day and the old record waits for a correction', async () => {
  await e.ok('attendance/clock', { fileId: staffId });
  setNow(2026, 10, 6, 8, 1);
  expect((await e.ok('attendance/clock', { fileId: staffId })).action).toBe('in');
  const report = await e.ok('attendance/report', { year: 1405, month: 7, fileId: staffId });
  expect(report.people[0]!.totals.openRecords).toBe(1);
});

test('manual entries and corrections keep every old time with its reason', async () => {
  setNow(2026, 10, 8, 12, 0);
  const r = await e.ok('attendance/record-add', {
    fileId: staffId,
    start: { date: '2026-10-05', time: '08:30' },
    end: { date: '2026-10-05', time: '16:00' },
    note: 'کارت یادش رفت',
  });
  expect(r.history).toEqual([expect.objectContaining({ action: 'create', reason: 'کارت یادش رفت' })]);
  const overlap = await e.fail('attendance/record-add', {
    fileId: staffId,
    start: { date: '2026-10-05', time: '15:00' },
    end: { date: '2026-10-05', time: '17:00' },
  });
  expect(overlap).toMatchObject({ code: 'conflict', field: 'start' });
  expect(overlap.message).toContain('۱۴۰۵/۰۷/۱۳');
  expect(
    await e.fail('attendance/record-add', { fileId: staffId, start: { date: '2026-10-06', time: '16:00' }, end: { date: '2026-10-06', time: '08:00' } }),
  ).toMatchObject({ field: 'end' });
  expect(
    await e.fail('attendance/record-correct', {
      id: r.id,
      start: { date: '2026-10-05', time: '08:00' },
      end: { date: '2026-10-05', time: '16:00' },
      reason: '',
    }),
  ).toMatchObject({ field: 'reason' });

  await e.ok('settings/update', { userName: 'مدیر دفتر' });
  const fixed = await e.ok('attendance/record-correct', {
    id: r.id,
    start: { date: '2026-10-05', time: '08:00' },
    end: { date: '2026-10-05', time: '16:00' },
    reason: 'ساعت ورود طبق دفتر نگهبانی',
  });
  expect(fixed.start).toBe(new Date(2026, 9, 5, 8, 0).toISOString());
  expect(fixed.history[1]).toMatchObject({
    action: 'correct',
    reason: 'ساعت ورود طبق دفتر نگهبانی',
    by: 'مدیر دفتر',
    oldStart: new Date(2026, 9, 5, 8, 30).toISOString(),
    newStart: new Date(2026, 9, 5, 8, 0).toISOString(),
  });
  const before = await e.ok('attendance/report', { year: 1405, month: 7, fileId: staffId });
  expect(before.people[0]!.days.find((d) => d.date === '2026-10-05')!.lateMinutes).toBe(0);

  const gone = await e.ok('attendance/record-delete', { id: r.id, reason: 'ثبت اشتباه' });
  expect(gone.deleted).toBe(true);
  expect(await e.ok('attendance/records', { fileId: staffId, from: '2026-10-05', to: '2026-10-05' })).toEqual([]);
  const all = await e.ok('attendance/records', { fileId: staffId, from: '2026-10-05', to: '2026-10-05', includeDeleted: true });
  expect(all[0]!.history.map((h) => h.action)).toEqual(['create', 'correct', 'delete']);
  expect(all[0]!.history[2]!.reason).toBe('ثبت اشتباه');
  expect(await e.fail('attendance/record-correct', { id: r.id, start: { date: '2026-10-05', time: '08:00' }, end: null, reason: 'x' })).toMatchObject({
    code: 'not_found',
  });
});

test('leave and missions: overlaps refused, hours side by side allowed', async () => {
  const day = await e.ok('attendance/absence-add', {
    fileId: staffId,
    category: 'leave',
    leaveType: 'entitled',
    unit: 'day',
    from: '2026-10-10',
    to: '2026-10-12',
  });
  expect(day).toMatchObject({ from: '2026-10-10', to: '2026-10-12', displayName: 'رضا کریمی' });
  const clash = await e.fail('attendance/absence-add', {
    fileId: staffId,
    category: 'leave',
    leaveType: 'sick',
    unit: 'day',
    from: '2026-10-12',
    to: '2026-10-14',
  });
  expect(clash).toMatchObject({ code: 'conflict', field: 'from' });
  expect(clash.message).toContain('مرخصی');
  expect(
    await e.fail('attendance/absence-add', { fileId: staffId, category: 'mission', unit: 'hour', from: '2026-10-11', start: '09:00', end: '11:00' }),
  ).toMatchObject({ code: 'conflict' });
  await e.ok('attendance/absence-add', {
    fileId: staffId,
    category: 'leave',
    leaveType: 'entitled',
    unit: 'hour',
    from: '2026-10-13',
    start: '08:00',
    end: '10:00',
  });
  await e.ok('attendance/absence-add', { fileId: staffId, category: 'mission', unit: 'hour', from: '2026-10-13', start: '10:00', end: '12:00' });
  expect(
    await e.fail('attendance/absence-add', {
      fileId: staffId,
      category: 'leave',
      leaveType: 'unpaid',
      unit: 'hour',
      from: '2026-10-13',
      start: '11:00',
      end: '13:00',
    }),
  ).toMatchObject({ code: 'conflict' });
  expect(await e.fail('attendance/absence-add', { fileId: staffId, category: 'leave', unit: 'day', from: '2026-10-20' })).toMatchObject({ field: 'leaveType' });
  expect(
    await e.fail('attendance/absence-add', { fileId: staffId, category: 'leave', leaveType: 'sick', unit: 'day', from: '2026-10-20', to: '2026-10-19' }),
  ).toMatchObject({ field: 'to' });
  expect(
    await e.fail('attendance/absence-add', { fileId: staffId, category: 'mission', unit: 'hour', from: '2026-10-20', start: '12:00', end: '09:00' }),
  ).toMatchObject({ field: 'end' });
  const list = await e.ok('attendance/absences', { fileId: staffId, from: '2026-10-01', to: '2026-10-31' });
  expect(list.map((a) => [a.category, a.unit])).toEqual([
    ['leave', 'day'],
    ['leave', 'hour'],
    ['mission', 'hour'],
  ]);
  await e.ok('attendance/absence-delete', { id: day.id });
  await e.ok('attendance/absence-add', { fileId: staffId, category: 'leave', leaveType: 'sick', unit: 'day', from: '2026-10-10', to: '2026-10-12' });
});

test('the holiday table: official fixed dates for a Jalali year, edits, and the report honours them', async () => {
  expect(await e.ok('holidays/add-official', { year: 1405 })).toEqual({ added: 10 });
  expect(await e.ok('holidays/add-official', { year: 1405 })).toEqual({ added: 0 });
  const farvardin = await e.ok('holidays/list', { from: '2026-03-21', to: '2026-04-20' });
  expect(farvardin.map((h) => h.date)).toEqual(['2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-04-01', '2026-04-02']);
  expect(farvardin[0]!.title).toBe('عید نوروز');
  // A religious holiday is added by hand; then renamed; the report sees it.
  await e.ok('holidays/set', { date: '2026-10-06', title: 'تعطیل' });
  await e.ok('holidays/set', { date: '2026-10-06', title: 'تعطیل رسمی' });
  expect(await e.ok('holidays/list', { from: '2026-10-01', to: '2026-10-31' })).toEqual([{ date: '2026-10-06', title: 'تعطیل رسمی' }]);
  setNow(2026, 10, 25, 12, 0);
  const r = await e.ok('attendance/report', { year: 1405, month: 7, fileId: staffId });
  expect(r.people[0]!.days.find((d) => d.date === '2026-10-06')).toMatchObject({ status: 'holiday', holiday: 'تعطیل رسمی' });
  expect(r.people[0]!.totals.holidays).toBe(1);
  await e.ok('holidays/delete', { date: '2026-10-06' });
  expect(await e.fail('holidays/delete', { date: '2026-10-06' })).toMatchObject({ code: 'not_found' });
});

describe('the monthly report for everyone', () => {
  beforeEach(async () => {
    const other = await e.ok('people/create', { kind: 'staff', contact: { firstName: 'سارا', lastName: 'نوری' }, scheduleId });
    setNow(2026, 10, 8, 12, 0);
    await e.ok('attendance/record-add', { fileId: staffId, start: { date: '2026-10-05', time: '08:20' }, end: { date: '2026-10-05', time: '17:00' } });
    await e.ok('attendance/record-add', { fileId: other.id, start: { date: '2026-10-05', time: '08:00' }, end: { date: '2026-10-05', time: '15:00' } });
    await e.ok('attendance/absence-add', { fileId: other.id, category: 'leave', leaveType: 'sick', unit: 'day', from: '2026-10-06', to: '2026-10-07' });
    await e.ok('people/create', { kind: 'staff', contact: { firstName: 'Left' }, active: false });
  });

  test('totals per person', async () => {
    const r = await e.ok('attendance/report', { year: 1405, month: 7 });
    expect(r).toMatchObject({ from: '2026-09-23', to: '2026-10-22' });
    expect(r.people.map((p) => p.displayName)).toEqual(['رضا کریمی', 'سارا نوری']);
    const [reza, sara] = r.people;
    expect(reza!.totals).toMatchObject({ presentDays: 1, lateDays: 1, lateMinutes: 20, overtimeMinutes: 60 });
    expect(sara!.totals).toMatchObject({ presentDays: 1, earlyDays: 1, earlyMinutes: 60, leaveDays: { entitled: 0, sick: 2, unpaid: 0 } });
    // Both were registered on 5 Oct: the days before are not absences. 6 and 7 Oct passed without Reza.
    expect(reza!.totals.absentDays).toBe(2);
    expect(sara!.totals.absentDays).toBe(0);
    expect(reza!.days.find((d) => d.date === '2026-10-04')!.status).toBe('none');
  });

  testWithPoppler('PDF in Persian and English', async () => {
    const out = await e.ok('attendance/report-export', { year: 1405, month: 7, format: 'pdf' });
    expect(out).toMatchObject({ fileName: 'attendance-1405-07.pdf', mime: 'application/pdf', count: 2 });
    const text = pdfText(savePdf('attendance-1405-07-fa', Buffer.from(out.base64, 'base64'))).replace(/\s+/g, '');
    for (const part of ['گزارشحضوروغیابمهر۱۴۰۵', 'رضاکریمی', 'ساران', 'مرخصیاستعلاجی', '۰:۲۰', 'غایب', 'اداری']) expect(text).toContain(part);
    const en = await e.ok('attendance/report-export', { year: 1405, month: 7, format: 'pdf', fileId: staffId }, 'en');
    expect(en.fileName).toBe('attendance-1405-07-1.pdf');
    const enText = pdfText(savePdf('attendance-1405-07-en', Buffer.from(en.base64, 'base64')));
    expect(enText).toContain('Attendance report, Mehr 1405');
    expect(enText).toContain('Absent');
  });

  test('Excel workbook: a summary sheet and one sheet per person, right to left in Persian', async () => {
    const out = await e.ok('attendance/report-export', { year: 1405, month: 7, format: 'xlsx' });
    expect(out.fileName).toBe('attendance-1405-07.xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(out.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['خلاصه', '1 رضا کریمی', '2 سارا نوری']);
    const sum = wb.worksheets[0]!;
    expect(sum.views[0]?.rightToLeft).toBe(true);
    expect(sum.getRow(2).getCell(1).value).toBe('رضا کریمی');
    // Lateness of 20 minutes as an Excel time (a fraction of a day, read back as a time of 30 Dec 1899).
    const late = sum.getRow(2).getCell(8);
    expect(late.numFmt).toBe('[h]:mm');
    expect((late.value as Date).getTime() - Date.UTC(1899, 11, 30)).toBe(20 * 60_000);
    const days = wb.worksheets[1]!;
    expect(days.rowCount).toBe(31);
    expect(days.getRow(14).getCell(1).value).toBe('1405/07/13');
    expect(days.getRow(14).getCell(4).value).toBe('08:20');
  });
});

test('everything survives a restart', async () => {
  setNow(2026, 10, 8, 12, 0);
  await e.ok('attendance/record-add', { fileId: staffId, start: { date: '2026-10-05', time: '08:00' }, end: { date: '2026-10-05', time: '16:00' } });
  await e.ok('attendance/absence-add', { fileId: staffId, category: 'mission', unit: 'day', from: '2026-10-06' });
  await e.ok('holidays/set', { date: '2026-10-07', title: 'x' });
  await e.close();
  e = testEngine(dir, clock, { noLines: true, noAlarms: true });
  const r = await e.ok('attendance/report', { year: 1405, month: 7, fileId: staffId });
  expect(['2026-10-05', '2026-10-06', '2026-10-07'].map((d) => r.people[0]!.days.find((x) => x.date === d)!.status)).toEqual(['present', 'mission', 'holiday']);
});
