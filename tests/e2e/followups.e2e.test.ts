/**
 * Call outcomes and follow-ups (issue 19) end to end in browser mode with a test clock, on the demo
 * line (the modem simulator behind the real driver), Debian's Chromium. Persian: a demo call from a
 * contact rings, and on its caller card the front desk sets the outcome and a follow-up (Jalali date,
 * time in Persian digits); the clock is moved to the follow-up and its alarm rings (the chime heard,
 * the title names the contact). English: the call's page shows the outcome set in the card; another
 * follow-up is added there; the Follow-ups tab shows the rung one overdue in red, it is marked done;
 * the office's outcome list is edited and the call page offers the new one; the dashboard's tile
 * counts; everything is still there after a restart.
 */
import { toJalaali } from 'jalaali-js';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { waitFor } from '../helpers/wait';
import { engineApi, pollUntil, shot, useApp } from './app';
import { installAudioProbe, type AudioProbe } from './audio-probe';

jest.setTimeout(180_000);

let probe: AudioProbe;
const e2e = useApp({
  name: 'followups',
  env: { MONSHI_TEST_CLOCK: '1' },
  viewport: { width: 1280, height: 900 },
  prepare: async (p) => (probe = await installAudioProbe(p)),
});
const { page } = e2e;
const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);
const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

const fa = (s: string | number) => String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, '0');
const jalali = (t: Date) => {
  const j = toJalaali(t.getFullYear(), t.getMonth() + 1, t.getDate());
  return `${j.jy}/${pad(j.jm)}/${pad(j.jd)}`;
};
const engineNow = async () => new Date((await api('clock/advance', { ms: 0 })).now);

let lineId = 0;
let callId = 0;
let dueAt = new Date();

beforeAll(async () => {
  lineId = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo' })).id;
  await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', phones: [{ number: '0912 123 4567', kind: 'mobile' }] });
  await waitFor(async () => (await api('lines/list', {})).find((l) => l.id === lineId)?.status === 'idle', {
    what: 'the demo line',
    everyMs: 100,
    timeoutMs: 20_000,
  });
}, 60_000);

it('on the caller card of a demo call: an outcome and a follow-up set in Persian; the follow-up rings at its time', async () => {
  await page.goto(`${e2e.app.url}#/phonebook`);
  await api('lines/demo-call', { lineId, number: '09121234567', rings: 3 });
  const card = page.getByTestId('caller-card');
  await card.waitFor({ timeout: 20_000 });
  callId = Number(await card.getAttribute('data-call-id'));
  // Outcome and follow-up open on the card (which asked the engine for nothing before); open, they keep it on screen after the call.
  await card.getByTestId('caller-disposition').click();
  await card.getByTestId('followup-add').click();
  const interested = (await api('followups/outcome-kinds', {})).find((k) => k.nameEn === 'Interested')!;
  await card.getByTestId('call-outcome').selectOption(String(interested.id));
  await page.getByText('نتیجهٔ تماس ثبت شد.').waitFor();

  const now = await engineNow();
  dueAt = new Date(Math.ceil((now.getTime() + 5 * 60_000) / 60_000) * 60_000);
  const form = card.getByTestId('followup-form');
  await form.getByTestId('followup-date').fill(fa(jalali(dueAt)));
  await form.getByTestId('followup-time').fill(fa(`${pad(dueAt.getHours())}:${pad(dueAt.getMinutes())}`));
  await form.getByTestId('followup-note').fill('پیش‌فاکتور را بفرستیم');
  await shot(page, 'followups-01-card-form-fa');
  await form.getByTestId('followup-save').click();
  await card.getByTestId('followup-item').waitFor();
  await expect(card.getByTestId('followup-note').textContent()).resolves.toBe('پیش‌فاکتور را بفرستیم');
  await shot(page, 'followups-02-card-saved-fa');

  // What the card saved is what the engine holds: this call, the contact, the time meant.
  const d = await api('followups/of-call', { callId });
  expect(d.outcome?.nameFa).toBe('علاقه‌مند');
  expect(d.followups.map((f) => [f.contactName, f.dueAt, f.note])).toEqual([['مریم احمدی', dueAt.toISOString(), 'پیش‌فاکتور را بفرستیم']]);

  await card.getByTestId('caller-dismiss').click();
  await api('clock/advance', { ms: dueAt.getTime() - (await engineNow()).getTime() + 1500 });
  const dialog = page.getByTestId('alarm-dialog');
  await dialog.waitFor({ timeout: 10_000 });
  expect(await probe.webAudioRms(2000)).toBeGreaterThan(0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await expect(dialog.getByTestId('alarm-title').textContent()).resolves.toBe('پیگیری: \u2068مریم احمدی\u2069');
  await expect(dialog.textContent()).resolves.toContain('پیش‌فاکتور را بفرستیم');
  await expect(dialog.textContent()).resolves.toContain('پیگیری');
  await shot(page, 'followups-03-alarm-fa');
  await dialog.getByTestId('alarm-dismiss').click();
  await dialog.waitFor({ state: 'detached' });
});

it('English: the call page shows the outcome, adds a follow-up; the list shows overdue in red, Done; outcomes edited; kept after a restart', async () => {
  await api('settings/update', { language: 'en' });
  await page.goto(`${e2e.app.url}#/call/${callId}`);
  const section = page.getByTestId('call-disposition');
  await section.waitFor();
  const outcome = section.getByTestId('call-outcome');
  await poll(async () => outcome.locator('option:checked').textContent(), 'Interested');
  await section.getByTestId('followup-add').click();
  const tomorrow = new Date((await engineNow()).getTime() + 86_400_000);
  const form = section.getByTestId('followup-form');
  await form.getByTestId('followup-date').fill(jalali(tomorrow));
  await form.getByTestId('followup-time').fill('25:00');
  await form.getByTestId('followup-save').click();
  // 25:00 is no time of day: the field says so and nothing is saved.
  await form.getByText('Write the time as 14:30.').waitFor();
  expect((await api('followups/of-call', { callId })).followups.length).toBe(1);
  await form.getByTestId('followup-time').fill('09:30');
  await form.getByTestId('followup-save').click();
  await poll(async () => section.getByTestId('followup-item').count(), 2);
  await shot(page, 'followups-04-call-page-en');

  // From the call log: the row's Outcome opens the same part in a dialog; the outcome chosen there is the call's.
  await page.goto(`${e2e.app.url}#/calls/log`);
  const row = page.locator(`[data-testid="call-row"][data-call-id="${callId}"]`);
  await row.getByTestId('call-outcome-open').click();
  const dialog = page.getByTestId('call-outcome-dialog');
  const order = (await api('followups/outcome-kinds', {})).find((k) => k.nameEn === 'Placed an order')!;
  await dialog.getByTestId('call-outcome').selectOption(String(order.id));
  await page.getByText('The call’s outcome was saved.').first().waitFor();
  await poll(async () => (await api('followups/of-call', { callId })).outcome?.nameEn, 'Placed an order');
  await shot(page, 'followups-05a-log-dialog-en');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  await page.goto(`${e2e.app.url}#/calls/followups`);
  const items = page.getByTestId('followups-view').getByTestId('followup-item');
  await poll(async () => items.count(), 2);
  const rung = items.first();
  await expect(rung.getAttribute('data-due')).resolves.toBe('overdue');
  const red = await rung.getByTestId('followup-when').evaluate((el) => getComputedStyle(el).color);
  expect(red).toBe('rgb(179, 38, 30)');
  await expect(page.getByTestId('followups-counts').textContent()).resolves.toBe('1 overdue, 0 due today');
  await shot(page, 'followups-05-list-en');
  await rung.getByTestId('followup-done').click();
  await poll(async () => items.count(), 1);
  await page.getByTestId('followups-view-done').click();
  await poll(async () => items.count(), 1);
  await expect(items.first().getByTestId('followup-note').textContent()).resolves.toBe('پیش‌فاکتور را بفرستیم');

  // The office's outcome list: add one, and the call page offers it.
  await page.getByTestId('outcome-kinds-manage').click();
  const kindsDialog = page.getByTestId('outcome-kinds-dialog');
  await kindsDialog.getByTestId('outcome-kind-add').click();
  const last = kindsDialog.getByTestId('outcome-kind-row').last();
  await last.locator('input').nth(0).fill('پیش‌فاکتور خواست');
  await last.locator('input').nth(1).fill('Asked for a quote');
  await shot(page, 'followups-06-outcomes-en');
  await kindsDialog.getByTestId('outcome-kinds-save').click();
  await kindsDialog.waitFor({ state: 'detached' });

  await e2e.restart();
  await page.goto(`${e2e.app.url}#/call/${callId}`);
  const after = page.getByTestId('call-disposition');
  await poll(async () => after.getByTestId('followup-item').count(), 2);
  await poll(async () => after.getByTestId('call-outcome').locator('option:checked').textContent(), 'Placed an order');
  await expect(after.getByTestId('call-outcome').locator('option').allTextContents()).resolves.toContain('Asked for a quote');
  await page.goto(`${e2e.app.url}#/dashboard`);
  const tile = page.getByTestId('tile-followups');
  await tile.waitFor();
  await poll(async () => tile.getByTestId('part-overdue').locator('dd').textContent(), '0');
  await shot(page, 'followups-07-dashboard-en');
  await tile.getByTestId('tile-open').click();
  await page.getByTestId('followups-view').waitFor();
});
