/**
 * People files and the attendance book end to end: browser mode with a test clock (so the test can
 * let three hours pass between clocking in and out), Debian's Chromium. A work schedule is made, a
 * staff member is added with a PIN, clocks in and out at the front desk, an entry is corrected with a
 * reason, leave is recorded, the monthly report is read and exported; an applicant fills the
 * application form, is interviewed and hired into personnel; English; and everything is still there
 * after a restart.
 */
import { toGregorian, toJalaali } from 'jalaali-js';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pdfPreviewLoaded, pollUntil, shot, useApp } from './app';

// Each test on its own data folder and server (with a test clock); what the earlier steps of the story made, it makes
// itself through the engine's requests (the seeding steps below).
const e2e = useApp({ name: 'people', fresh: 'test', env: { MONSHI_TEST_CLOCK: '1' }, viewport: { width: 1366, height: 860 }, acceptDownloads: true });
const { page } = e2e;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

const fa = (s: string | number) => String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, '0');
const today = new Date();
const tj = toJalaali(today.getFullYear(), today.getMonth() + 1, today.getDate());
const todayIso = `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
const isoOfJalali = (jy: number, jm: number, jd: number) => {
  const g = toGregorian(jy, jm, jd);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
};
/** Another day of this Jalali month for the leave: the 1st, or the 2nd when today is the 1st. */
const leaveDay = tj.jd === 1 ? 2 : 1;

/** Ids of what the seeding steps made. */
const made = { scheduleId: 0, rezaFile: 0, negarFile: 0 };

/** The office schedule of the first test (Saturday to Wednesday 8–16, Thursday to noon, Friday too) and the official holidays, today left a work day. */
async function seedSchedule() {
  const day = (weekday: number, end = '16:00') => ({ weekday, start: '08:00', end });
  const shifts = [day(0), day(1), day(2), day(3), day(4), day(5, '12:00'), day(6)];
  made.scheduleId = (await api('schedules/create', { name: 'اداری', shifts })).id;
  await api('holidays/add-official', { year: tj.jy });
  if ((await api('holidays/list', { from: todayIso, to: todayIso })).length) await api('holidays/delete', { date: todayIso });
}

/** The staff member of the second test, on that schedule, with the PIN 1234. */
async function seedStaff() {
  await seedSchedule();
  const contact = { firstName: 'رضا', lastName: 'کریمی', phones: [{ number: '09121112233', kind: 'mobile' as const }] };
  made.rezaFile = (await api('people/create', { kind: 'staff', contact, nationalId: '0010524304', scheduleId: made.scheduleId })).id;
  await api('people/set-pin', { id: made.rezaFile, pin: '1234' });
}

/** The third test's day: in with the PIN, out three hours later (the test clock moved). */
async function seedWorkedDay() {
  await seedStaff();
  await api('attendance/clock', { fileId: made.rezaFile, pin: '1234' });
  await api('clock/advance', { ms: 3 * 3_600_000 });
  await api('attendance/clock', { fileId: made.rezaFile, pin: '1234' });
  await api('attendance/absence-add', {
    fileId: made.rezaFile,
    category: 'leave',
    leaveType: 'entitled',
    unit: 'day',
    from: isoOfJalali(tj.jy, tj.jm, leaveDay),
    note: 'کار شخصی',
  });
}

/** The applicant of the sixth test, introduced by Reza, interviewed and hired onto the schedule. */
async function seedHired() {
  await seedWorkedDay();
  const contact = { firstName: 'نگار', lastName: 'صالحی', phones: [{ number: '09351234567', kind: 'mobile' as const }] };
  const application = {
    position: 'حسابدار',
    expectedSalary: '250000000',
    education: [{ degree: 'کارشناسی', field: 'حسابداری', institution: 'دانشگاه تهران' }],
    workHistory: [{ employer: 'شرکت آلفا' }],
  };
  const applicant = await api('people/create', { kind: 'applicant', contact, referrerFileId: made.rezaFile, application });
  await api('people/add-interview', { fileId: applicant.id, body: 'مصاحبهٔ اول: مسلط به اکسل.' });
  await api('people/set-status', { id: applicant.id, status: 'interview' });
  made.negarFile = (await api('people/hire', { id: applicant.id, scheduleId: made.scheduleId })).id;
}

/** The staff files tab of the people screen. */
async function openStaffFiles() {
  await page.getByTestId('nav-people').click();
  await page.getByTestId('files-staff').click();
  await poll(() => page.getByTestId('files-staff').getAttribute('aria-selected'), 'true');
}

it('makes a work schedule: Saturday to Wednesday 8 to 16, Thursday to noon, and (for this test) Friday', async () => {
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-setup').click();
  await page.getByTestId('schedule-new').click();
  const dialog = page.getByTestId('schedule-dialog');
  await dialog.getByTestId('name').fill('اداری');
  // Friday too, so that the test's "today" is a work day whatever day it runs.
  await dialog.getByTestId('shift-6-on').check();
  await shot(page, 'people-01-schedule-fa');
  await dialog.getByTestId('schedule-save').click();
  await dialog.waitFor({ state: 'detached' });
  await expect(page.getByTestId('schedule').textContent()).resolves.toContain('۵۲ ساعت در هفته');
  await page.getByTestId('holidays-official').click();
  await page.getByTestId('toast-success').filter({ hasText: 'تعطیلی افزوده شد' }).waitFor();
  await poll(() => page.getByTestId('holiday').count(), 10);
  await shot(page, 'people-02-setup-fa');
  // Should the test run on an official holiday, today is made a work day again.
  if ((await api('holidays/list', { from: todayIso, to: todayIso })).length) await api('holidays/delete', { date: todayIso });
});

it('adds a staff member: the national ID is checked, the person lands in the phonebook too', async () => {
  await seedSchedule();
  await page.getByTestId('nav-people').click();
  await page.getByTestId('files-staff').click();
  await page.getByTestId('file-new').click();
  const form = page.getByTestId('file-form');
  await form.getByTestId('firstName').fill('رضا');
  await form.getByTestId('lastName').fill('کریمی');
  await form.getByTestId('phones.0.number').fill('۰۹۱۲۱۱۱۲۲۳۳');
  await form.getByTestId('nationalId').fill('0010524305');
  await expect(form.getByTestId('field-error').first().textContent()).resolves.toContain('کد ملی درست نیست');
  await form.getByTestId('file-save').click();
  // The engine's message names the ID it refused.
  await poll(async () => (await form.getByTestId('field-error').first().textContent())?.includes('«0010524305»'), true);
  await form.getByTestId('nationalId').fill('۰۰۱۰۵۲۴۳۰۴');
  await form.getByTestId('scheduleId').selectOption({ label: 'اداری' });
  await shot(page, 'people-03-staff-form-fa');
  await form.getByTestId('file-save').click();
  await form.waitFor({ state: 'detached' });
  const detail = page.getByTestId('file-detail');
  await expect(detail.getByTestId('file-name').textContent()).resolves.toBe('رضا کریمی');
  await expect(detail.getByTestId('file-no').textContent()).resolves.toContain('۱');
  await expect(detail.getByTestId('file-schedule').textContent()).resolves.toBe('اداری');
  await detail.getByTestId('file-pin').click();
  await page.getByTestId('pin-dialog').getByTestId('pin').fill('1234');
  await page.getByTestId('pin-dialog').getByTestId('pin-save').click();
  await page.getByTestId('pin-dialog').waitFor({ state: 'detached' });
  expect((await api('contacts/search', { text: 'کریمی' })).total).toBe(1);
  await expect(page.getByTestId('files-count').textContent()).resolves.toBe('۱ پرونده');
  await shot(page, 'people-04-staff-file-fa');
});

it('clocks in with the PIN at the front desk, and out three hours later', async () => {
  await seedStaff();
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-clock').click();
  const tile = page.getByTestId('clock-tile').first();
  await tile.click();
  const pin = page.getByTestId('clock-pin');
  await pin.getByTestId('pin').fill('9999');
  await pin.getByTestId('clock-pin-ok').click();
  await expect(pin.getByTestId('field-error').textContent()).resolves.toBe('رمز ورود درست نیست.');
  await pin.getByTestId('pin').fill('۱۲۳۴');
  await pin.getByTestId('clock-pin-ok').click();
  const toastIn = page.getByTestId('toast-success').filter({ hasText: 'ورود رضا کریمی' });
  await expect(toastIn.textContent()).resolves.toMatch(/^ورود رضا کریمی ساعت [۰-۹]{2}:[۰-۹]{2} ثبت شد\.×$/);
  await poll(() => tile.getAttribute('data-in'), '1');
  await shot(page, 'people-05-clock-in-fa');

  await api('clock/advance', { ms: 3 * 3_600_000 });
  await tile.click();
  await pin.getByTestId('pin').fill('1234');
  await pin.getByTestId('clock-pin-ok').click();
  await poll(() => tile.getAttribute('data-in'), '0');
  await page.getByTestId('toast-success').filter({ hasText: 'خروج رضا کریمی' }).waitFor();
});

it('corrects the entry with a reason (kept in the history) and records leave', async () => {
  await seedStaff();
  await api('attendance/clock', { fileId: made.rezaFile, pin: '1234' });
  await api('clock/advance', { ms: 3 * 3_600_000 });
  await api('attendance/clock', { fileId: made.rezaFile, pin: '1234' });
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-book').click();
  await page.getByTestId('staff-select').selectOption({ index: 1 });
  const record = page.getByTestId('record');
  await poll(() => record.count(), 1);
  await record.getByTestId('record-correct').click();
  const dialog = page.getByTestId('record-dialog');
  const startIn = await dialog.getByTestId('start').inputValue();
  await dialog.getByTestId('record-save').click();
  await expect(dialog.getByTestId('field-error').textContent()).resolves.toContain('علت');
  // Half an hour earlier than the clock says.
  const [h, m] = startIn
    .replace(/[۰-۹]/g, (d) => String('۰۱۲۳۴۵۶۷۸۹'.indexOf(d)))
    .split(':')
    .map(Number) as [number, number];
  const earlier = h * 60 + m >= 30 ? `${pad(Math.floor((h * 60 + m - 30) / 60))}:${pad((h * 60 + m - 30) % 60)}` : '00:00';
  await dialog.getByTestId('start').fill(earlier);
  await dialog.getByTestId('reason').fill('کارت را دیر زد؛ طبق دفتر نگهبانی');
  await dialog.getByTestId('record-save').click();
  await dialog.waitFor({ state: 'detached' });
  await poll(() => record.getByTestId('record-in').textContent(), fa(earlier));
  await record.getByTestId('record-history').click();
  await expect(page.getByTestId('history').textContent()).resolves.toContain('کارت را دیر زد؛ طبق دفتر نگهبانی');

  await page.getByTestId('add-leave').click();
  const leave = page.getByTestId('absence-dialog');
  await leave.getByTestId('leave-entitled').click();
  await leave.getByTestId('from').fill(fa(`${tj.jy}/${pad(tj.jm)}/${pad(leaveDay)}`));
  await leave.getByTestId('note').fill('کار شخصی');
  await shot(page, 'people-06-leave-fa');
  await leave.getByTestId('absence-save').click();
  await leave.waitFor({ state: 'detached' });
  await poll(() => page.getByTestId('absence').count(), 1);
  await expect(page.getByTestId('absence').textContent()).resolves.toContain('مرخصی استحقاقی');
  // The same day again is refused, and the dialog says why.
  await page.getByTestId('add-mission').click();
  const mission = page.getByTestId('absence-dialog');
  await mission.getByTestId('from').fill(fa(`${tj.jy}/${pad(tj.jm)}/${pad(leaveDay)}`));
  await mission.getByTestId('absence-save').click();
  await expect(mission.getByTestId('form-banner').textContent()).resolves.toContain('از قبل مرخصی ثبت شده است');
  await mission.getByTestId('dialog-close').click();
  await shot(page, 'people-07-book-fa');
});

it('reads the monthly report and exports it as PDF and Excel', async () => {
  await seedWorkedDay();
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-report').click();
  const row = page.getByTestId('report-row');
  await poll(() => row.count(), 1);
  // Present one day; one day of entitled leave (or none if the 1st was a day off or a holiday).
  await expect(row.getByTestId('report-cell-1').textContent()).resolves.toBe('۱');
  const leaveCell = await row.getByTestId('report-cell-7').textContent();
  expect(leaveCell).toMatch(/^(۱|–) \/ – \/ –$/);
  await page.getByTestId('staff-select').selectOption({ index: 1 });
  await poll(() => page.locator('[data-testid="report-day"][data-status="present"]').count(), 1);
  await expect(page.locator(`[data-testid="report-day"][data-date="${todayIso}"]`).getAttribute('data-status')).resolves.toBe('present');
  await shot(page, 'people-08-report-fa');

  await page.getByTestId('report-pdf').click();
  await page.getByTestId('file-ready').waitFor();
  await pdfPreviewLoaded(page);
  await shot(page, 'people-09-report-pdf-fa');
  await page.getByTestId('file-ready').getByTestId('dialog-close').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('report-xlsx').click();
  expect((await download).suggestedFilename()).toMatch(/^attendance-\d{4}-\d{2}-1\.xlsx$/);
});

it('takes an application, notes the interview, prints it and hires the applicant without retyping', async () => {
  await seedStaff();
  await page.getByTestId('nav-people').click();
  await page.getByTestId('files-applicant').click();
  await page.getByTestId('file-new').click();
  const form = page.getByTestId('file-form');
  await form.getByTestId('firstName').fill('نگار');
  await form.getByTestId('lastName').fill('صالحی');
  await form.getByTestId('phones.0.number').fill('09351234567');
  await form.getByTestId('referrer').fill('رضا');
  await form.getByTestId('referrer-pick').first().click();
  await expect(form.getByTestId('referrer-picked').textContent()).resolves.toContain('رضا کریمی');
  await form.getByTestId('application.position').fill('حسابدار');
  await form.getByTestId('application.expectedSalary').fill('۲۵۰۰۰۰۰۰۰');
  await form.getByTestId('application.education.0.degree').fill('کارشناسی');
  await form.getByTestId('application.education.0.field').fill('حسابداری');
  await form.getByTestId('application.education.0.institution').fill('دانشگاه تهران');
  await form.getByTestId('application.workHistory.0.employer').fill('شرکت آلفا');
  await shot(page, 'people-10-application-form-fa');
  await form.getByTestId('file-save').click();
  await form.waitFor({ state: 'detached' });
  const detail = page.getByTestId('file-detail');
  await expect(detail.getByTestId('file-status').textContent()).resolves.toBe('جدید');
  await expect(detail.getByTestId('app-education').textContent()).resolves.toContain('دانشگاه تهران');
  await detail.getByTestId('interview-input').fill('مصاحبهٔ اول: مسلط به اکسل.');
  await detail.getByTestId('interview-add').click();
  await detail.getByTestId('interview').waitFor();
  await detail.getByTestId('file-status-select').selectOption('interview');
  await poll(() => detail.getByTestId('file-status').textContent(), 'مصاحبه');
  await detail.getByTestId('file-print').click();
  await page.getByTestId('file-ready').waitFor();
  await pdfPreviewLoaded(page);
  await shot(page, 'people-11-application-pdf-fa');
  await page.getByTestId('file-ready').getByTestId('dialog-close').click();

  await detail.getByTestId('file-hire').click();
  const hire = page.getByTestId('hire-dialog');
  await hire.getByTestId('hire-schedule').selectOption({ label: 'اداری' });
  await hire.getByTestId('hire-confirm').click();
  await hire.waitFor({ state: 'detached' });
  await expect(page.getByTestId('file-detail').getByTestId('file-name').textContent()).resolves.toBe('نگار صالحی');
  await expect(page.getByTestId('file-detail').getByTestId('file-national-id').textContent()).resolves.toBe('—');
  await expect(page.getByTestId('files-staff').getAttribute('aria-selected')).resolves.toBe('true');
  await poll(() => page.getByTestId('file-row').count(), 2);
  expect((await api('contacts/search', { text: 'صالحی' })).total).toBe(1);
  expect((await api('attendance/roster', {})).map((r) => r.displayName)).toContain('نگار صالحی');
  await shot(page, 'people-12-hired-fa');
});

it('searches files by phone and by referrer', async () => {
  await seedHired();
  await openStaffFiles();
  await page.getByTestId('files-search').fill('۰۹۱۲۱۱۱');
  await poll(() => page.getByTestId('file-row').count(), 1);
  await page.getByTestId('files-search').fill('');
  await page.getByTestId('files-referrer').fill('کریمی');
  await poll(
    async () => (await page.getByTestId('file-row').allTextContents()).join('|').includes('نگار صالحی') && (await page.getByTestId('file-row').count()) === 1,
    true,
  );
  await page.getByTestId('files-referrer').fill('');
});

it("shows a person's files on their phonebook contact, each opening the file", async () => {
  await seedHired();
  await openStaffFiles();
  await page.getByTestId('file-row').filter({ hasText: 'نگار صالحی' }).click();
  await page.getByTestId('file-detail').getByTestId('file-open-contact').click();
  const files = page.getByTestId('contact-detail').getByTestId('contact-file');
  await poll(() => files.count(), 2);
  await shot(page, 'people-13-contact-files-fa');
  await files.filter({ hasText: 'متقاضی استخدام' }).click();
  await poll(() => page.getByTestId('files-applicant').getAttribute('aria-selected'), 'true');
  await poll(() => page.getByTestId('file-detail').getByTestId('file-status').textContent(), 'استخدام شد');
  await page.getByTestId('files-staff').click();
});

it('in English, and after a restart', async () => {
  await seedHired();
  await openStaffFiles();
  await page.getByTestId('language-switch').click();
  await page.getByTestId('file-row').first().click();
  await page.getByTestId('file-detail').waitFor();
  await shot(page, 'people-14-files-en');
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-report').click();
  await poll(() => page.getByTestId('report-row').count(), 2);
  await shot(page, 'people-15-report-en');
  await page.getByTestId('att-tab-clock').click();
  await shot(page, 'people-16-clock-en');

  // Started again as a user would start it: with the real clock.
  await e2e.restart({});
  await page.getByTestId('nav-attendance').click();
  await page.getByTestId('att-tab-report').click();
  await poll(() => page.getByTestId('report-row').count(), 2);
  await expect(page.getByTestId('report-row').first().getByTestId('report-cell-1').textContent()).resolves.toBe('1');
});
