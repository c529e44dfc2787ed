/**
 * The reminder book and alarms end to end: browser mode with a test clock (MONSHI_TEST_CLOCK=1, so
 * the test can move the engine's time forward), Debian's Chromium. A group is made, a weekly meeting
 * with a participant from the phonebook is written in Jalali, a birthday comes in from the phonebook
 * by itself, the clock is advanced to the alarm, the alarm dialog opens with its chime heard (the
 * page's Web Audio output measured, not the call), is snoozed and rings again, then
 * dismissed; search and print; English; and everything is still there after a restart.
 */
import { toJalaali, toGregorian } from 'jalaali-js';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pdfPreviewLoaded, pollUntil, shot, useApp } from './app';
import { installAudioProbe, type AudioProbe } from './audio-probe';

let probe: AudioProbe;
// Each test on its own data folder and server with a test clock; what it needs (the birthday, the meeting) it adds itself.
const e2e = useApp({
  name: 'reminders',
  fresh: 'test',
  env: { MONSHI_TEST_CLOCK: '1' },
  acceptDownloads: true,
  prepare: async (p) => (probe = await installAudioProbe(p)),
});
const { page } = e2e;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

/** Occurrences on the reminder book's screen (today's agenda on the phonebook has its own). */
const occ = (sel = '') => page.getByTestId('reminders-screen').locator(`[data-testid="occurrence"]${sel}`);

const fa = (s: string | number) => String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, '0');
/** A local instant as the form's Jalali date and time, in Persian digits. */
function jalaliInputs(t: Date): { date: string; time: string } {
  const j = toJalaali(t.getFullYear(), t.getMonth() + 1, t.getDate());
  return { date: fa(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`), time: fa(`${pad(t.getHours())}:${pad(t.getMinutes())}`) };
}

/** The meeting: three minutes from the start of the test (and of its server's clock), on the minute. */
let meetingAt = new Date();
const meeting = { subject: 'جلسه با بانک ملت دربارهٔ وام', place: 'شعبهٔ مرکزی، خیابان فردوسی', note: 'مدارک ضمانت و ترازنامهٔ ۱۴۰۴ همراه باشد.' };
let maryamId = 0;

beforeEach(async () => {
  meetingAt = new Date(Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000);
  // Born 35 Jalali years ago, five days from today in the Jalali calendar.
  const soon = new Date(Date.now() + 5 * 86_400_000);
  const j = toJalaali(soon.getFullYear(), soon.getMonth() + 1, soon.getDate());
  const g = toGregorian(j.jy - 35, j.jm, j.jd);
  const birthDate = `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
  const maryam = { firstName: 'مریم', lastName: 'احمدی', company: 'بانک ملت', birthDate, phones: [{ number: '09351112233', kind: 'mobile' as const }] };
  maryamId = (await api('contacts/create', maryam)).id;
});

/** The group and the weekly meeting the second test makes in the form, made through the engine's requests. */
async function seedMeeting() {
  const group = await api('reminder-groups/create', { name: 'جلسات بانکی' });
  const iso = `${meetingAt.getFullYear()}-${pad(meetingAt.getMonth() + 1)}-${pad(meetingAt.getDate())}`;
  await api('reminders/create', {
    kind: 'meeting',
    ...meeting,
    groupId: group.id,
    date: iso,
    time: `${pad(meetingAt.getHours())}:${pad(meetingAt.getMinutes())}`,
    // Saturday is 0, as the form counts the week.
    repeat: { kind: 'weekly', days: [(meetingAt.getDay() + 1) % 7] },
    alarmMinutesBefore: 0,
    participantIds: [maryamId],
  });
}

it('shows the birthday from the phonebook in the next 30 days without any reminder', async () => {
  await page.getByTestId('nav-reminders').click();
  const birthday = occ('[data-source="birthday"]');
  await birthday.waitFor();
  await expect(birthday.getByTestId('occ-subject').textContent()).resolves.toBe('تولد \u2068مریم احمدی\u2069');
  await expect(birthday.textContent()).resolves.toContain('۳۵ ساله');
});

it('makes a group, then a weekly meeting with a participant; a missing subject is named', async () => {
  await page.getByTestId('nav-reminders').click();
  await page.getByTestId('reminder-groups-open').click();
  const groups = page.getByTestId('reminder-groups');
  await groups.getByTestId('rgroup-name').fill('جلسات بانکی');
  await groups.getByTestId('rgroup-add').click();
  await groups.getByTestId('rgroup-row').waitFor();
  await groups.getByTestId('dialog-close').click();

  await page.getByTestId('reminder-new').click();
  const form = page.getByTestId('reminder-form');
  await form.getByTestId('kind-meeting').click();
  // The kinds are as wide as their buttons: stretched across the form, they left an empty box beside «کار».
  const emptyPx = await form
    .getByRole('radiogroup')
    .first()
    .evaluate((g) => g.getBoundingClientRect().width - [...g.children].reduce((w, c) => w + c.getBoundingClientRect().width, 0));
  expect(emptyPx).toBeLessThan(4);
  const { date, time } = jalaliInputs(meetingAt);
  await form.getByTestId('date').fill(date);
  await form.getByTestId('time').fill(time);
  await form.getByTestId('repeat').selectOption('weekly');
  await form.getByTestId('reminder-save').click();
  await expect(form.getByTestId('field-error').first().textContent()).resolves.toBe('موضوع را بنویسید.');

  await form.getByTestId('subject').fill('جلسه با بانک ملت دربارهٔ وام');
  await form.getByTestId('groupId').selectOption({ label: 'جلسات بانکی' });
  await form.getByTestId('participant-search').fill('مریم');
  await form.getByTestId('participant-result').first().click();
  await expect(form.getByTestId('participants').textContent()).resolves.toContain('مریم احمدی');
  await form.getByTestId('place').fill('شعبهٔ مرکزی، خیابان فردوسی');
  await form.getByTestId('note').fill('مدارک ضمانت و ترازنامهٔ ۱۴۰۴ همراه باشد.');
  await form.getByTestId('alarm').selectOption('0');
  await shot(page, 'reminders-01-form-fa');
  await form.getByTestId('reminder-save').click();
  await form.waitFor({ state: 'detached' });

  const meeting = occ('[data-source="reminder"]');
  await poll(() => meeting.count(), 5); // weekly, over the next 30 days
  await expect(meeting.first().getByTestId('occ-subject').textContent()).resolves.toBe('جلسه با بانک ملت دربارهٔ وام');
  await expect(meeting.first().textContent()).resolves.toContain('با مریم احمدی');
  await shot(page, 'reminders-02-list-fa');
});

it('rings at the time: the alarm dialog, snoozed, rings again, dismissed', async () => {
  await seedMeeting();
  await page.getByTestId('nav-phonebook').click();
  await api('clock/advance', { ms: meetingAt.getTime() - Date.now() + 1500 });
  const dialog = page.getByTestId('alarm-dialog');
  await dialog.waitFor({ timeout: 5000 });
  // The chime is heard: the speakers' signal, not silence.
  expect(await probe.webAudioRms(2000)).toBeGreaterThan(0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await expect(dialog.getByTestId('alarm-title').textContent()).resolves.toBe('جلسه با بانک ملت دربارهٔ وام');
  await expect(dialog.textContent()).resolves.toContain('شعبهٔ مرکزی');
  await shot(page, 'reminders-03-alarm-fa');

  await dialog.getByTestId('alarm-snooze-minutes').selectOption('10');
  await dialog.getByTestId('alarm-snooze').click();
  await dialog.waitFor({ state: 'detached' });
  expect((await api('alarms/pending', {}))[0]?.snoozedUntil).not.toBeNull();

  await api('clock/advance', { ms: 10 * 60_000 + 1000 });
  await dialog.waitFor({ timeout: 5000 });
  await dialog.getByTestId('alarm-dismiss').click();
  await dialog.waitFor({ state: 'detached' });
  await expect(api('alarms/pending', {})).resolves.toEqual([]);
});

it("shows today's agenda on the phonebook and opens the reminder from it", async () => {
  await seedMeeting();
  const agenda = page.getByTestId('today-agenda');
  await agenda.waitFor();
  if (meetingAt.toDateString() === new Date().toDateString()) {
    await agenda.locator('[data-testid="occurrence"][data-source="reminder"]').click();
    await page.getByTestId('reminder-form').waitFor();
    await expect(page.getByTestId('reminder-form').getByTestId('subject').inputValue()).resolves.toBe('جلسه با بانک ملت دربارهٔ وام');
    await page.getByTestId('reminder-form').getByTestId('dialog-close').click();
  }
  await page.getByTestId('nav-phonebook').click();
  await shot(page, 'reminders-04-agenda-fa');
});

it('searches by a word of the note and filters by group; prints the list', async () => {
  await seedMeeting();
  await page.getByTestId('nav-reminders').click();
  await page.getByTestId('reminders-search').fill('ترازنامه');
  await poll(() => occ().count(), 5);
  await page.getByTestId('reminders-search').fill('سفر');
  await page.getByTestId('reminders-empty').waitFor();
  await page.getByTestId('reminders-search').fill('');
  await poll(() => occ().count(), 6);
  await page.getByTestId('reminders-group').selectOption({ label: 'جلسات بانکی' });
  await poll(() => occ('[data-source="birthday"]').count(), 0);
  await page.getByTestId('reminders-group').selectOption('');
  await poll(() => occ().count(), 6);
  await page.getByTestId('reminders-print-full').click();
  await page.getByTestId('file-ready').waitFor();
  await expect(page.getByTestId('file-ready-count').textContent()).resolves.toMatch(/ — ۶ مورد$/);
  await pdfPreviewLoaded(page);
  await shot(page, 'reminders-05-print-fa');
  await page.getByTestId('file-ready').getByTestId('dialog-close').click();
});

it('in English, and after a restart', async () => {
  await seedMeeting();
  await page.getByTestId('nav-reminders').click();
  await page.getByTestId('language-switch').click();
  await page.getByTestId('range-month').click();
  await occ().first().waitFor();
  await shot(page, 'reminders-06-en');
  // Restarted as a user would start it: with the real clock.
  await e2e.restart({});
  await page.getByTestId('nav-reminders').click();
  await poll(() => occ('[data-source="reminder"]').count(), 5);
  await expect(page.getByTestId('reminders-count').textContent()).resolves.toMatch(/^\d+ items$/);
});

it("after two weeks away a daily reminder's missed repeats are one alarm: how many times, from and to; dismissed at once", async () => {
  if ((await page.getByTestId('language-switch').textContent())?.includes('فارسی')) await page.getByTestId('language-switch').click();
  // A daily reminder from five minutes from now, then the computer "sleeps" for two weeks.
  const first = new Date(Math.ceil((Date.parse((await api('clock/advance', { ms: 0 })).now) + 5 * 60_000) / 60_000) * 60_000);
  const day = (t: Date) => `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  const daily = await api('reminders/create', {
    subject: 'بستن صندوق و گزارش روزانه',
    date: day(first),
    time: `${pad(first.getHours())}:${pad(first.getMinutes())}`,
    repeat: { kind: 'daily' },
  });
  await api('clock/advance', { ms: 14 * 86_400_000, away: true });

  const pending = await api('alarms/pending', {});
  const merged = pending.find((a) => a.refId === daily.id && a.source === 'reminder')!;
  expect([merged.late, merged.missedCount, merged.firstOccursAt]).toEqual([true, 14, first.toISOString()]);
  expect(pending.filter((a) => a.refId === daily.id && a.source === 'reminder')).toHaveLength(1);

  const dialog = page.getByTestId('alarm-dialog');
  await dialog.waitFor({ timeout: 5000 });
  await expect(dialog.locator('h2').first().textContent()).resolves.toContain('در نبودِ شما');
  // Oldest first: handle what is before the daily reminder until it shows.
  for (let i = 0; i < 5 && (await dialog.getByTestId('alarm-card').getAttribute('data-alarm-id')) !== String(merged.id); i++) {
    const id = await dialog.getByTestId('alarm-card').getAttribute('data-alarm-id');
    await dialog.getByTestId('alarm-dismiss').click();
    await poll(async () => (await dialog.getByTestId('alarm-card').getAttribute('data-alarm-id')) !== id, true);
  }
  const jalali = (t: Date) => {
    const j = toJalaali(t.getFullYear(), t.getMonth() + 1, t.getDate());
    return fa(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`);
  };
  const last = new Date(first.getTime() + 13 * 86_400_000);
  await expect(dialog.getByTestId('alarm-missed').textContent()).resolves.toBe(`۱۴ بار از ${jalali(first)} تا ${jalali(last)} زنگ نزد`);
  await shot(page, 'reminders-07-missed-fa');

  await dialog.getByTestId('alarm-dismiss').click();
  await poll(async () => (await api('alarms/pending', {})).some((a) => a.refId === daily.id && a.source === 'reminder'), false);
});
