/**
 * Call recording end to end in the browser, on the demo line: the line is set to record every
 * answered call in its form (the form says how this modem records); a call answered from the popup
 * is recorded while the caller speaks (the call bar and the header show it), and after the hang-up
 * the call log row plays it (heard: the element plays, its time advances, the samples are not silence
 * — the demo conversation goes on after the caller's words — no CSP error; waveform drawn), keeps it and notes it; the contact's calls and timeline play it
 * too;
 * the Recordings tab lists it with the storage in use, refuses a bad limit naming the field, and a
 * free-space threshold above the disk's free space raises the header's disk warning. On a line that
 * does not record automatically, the call bar's Record button starts and stops a recording. English,
 * and everything is still there after a restart. Each test starts on its own data folder: the second
 * makes the first one's kept recording itself (its line through the engine's request, not the form).
 */
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { waitFor } from '../helpers/wait';
import { engineApi, pollUntil, shot, useApp } from './app';
import { expectHeard, installAudioProbe, type AudioProbe } from './audio-probe';

jest.setTimeout(150_000);

let probe: AudioProbe;
// Each test on its own data folder and server; the probe is installed on every new page (and kept across a restart).
const e2e = useApp({
  name: 'rec',
  fresh: 'test',
  viewport: { width: 1400, height: 900 },
  ready: 'nav-phonebook',
  prepare: async (p) => (probe = await installAudioProbe(p)),
});
const { page } = e2e;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);
const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

let lineId = 0;
let contactId = 0;

/** The whole seconds a running time on the page shows ('۰۰:۰۳' or '00:03' within its text); 0 before it shows one. */
function shownSeconds(text: string | null): number {
  const latin = (text ?? '').replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const m = /(\d+):(\d{2})(?::(\d{2}))?/.exec(latin);
  if (!m) return 0;
  return m[3] === undefined ? Number(m[1]) * 60 + Number(m[2]) : Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

/** Waits until the call bar's `testId` (its call time, or the recording mark's) has counted `seconds`. */
async function barCounted(testId: 'call-bar-duration' | 'rec-mark', seconds: number): Promise<void> {
  const shown = page.getByTestId('call-bar').getByTestId(testId);
  await waitFor(async () => shownSeconds(await shown.textContent()) >= seconds, { what: `${testId} to count ${seconds} s`, everyMs: 100, timeoutMs: 20_000 });
}

/** Rings the demo line; the caller says `seconds` of voice; answered from the popup. */
async function answeredCall(seconds: number): Promise<void> {
  await api('lines/demo-call', { lineId, number: '09121234567' });
  const popup = page.getByTestId('caller-card');
  await popup.waitFor({ timeout: 15_000 });
  await api('ivr/demo-speak', { lineId, seconds });
  await popup.getByTestId('caller-answer').click();
  await page.getByTestId('call-bar').waitFor();
}

async function hangUp(): Promise<void> {
  await page.getByTestId('call-bar').getByTestId('hang-up').click();
  const popup = page.getByTestId('caller-card');
  await poll(() => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 15_000);
  await popup.getByTestId('caller-dismiss').click();
}

/** Sara, whose number calls in every test. */
async function addSara(): Promise<void> {
  contactId = (await api('contacts/create', { firstName: 'سارا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121234567' }] })).id;
}

/**
 * What the first test leaves, its line made through the engine's request instead of the form: the demo
 * line recording every call, and Sara's call recorded automatically (over three seconds), kept and noted.
 */
async function keptRecording(): Promise<void> {
  await addSara();
  lineId = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo', recordCalls: true })).id;
  await poll(async () => (await api('lines/list', {}))[0]!.status, 'idle', 20_000);
  await answeredCall(3);
  await barCounted('rec-mark', 4);
  await hangUp();
  // Written to the end (a recording still being saved is not found yet).
  await poll(async () => (await api('recordings/list', {})).rows[0]?.endedAt != null, true);
  const { id } = (await api('recordings/list', {})).rows[0]!;
  await api('recordings/keep', { id, keep: true });
  await api('recordings/note', { id, note: 'قرار پنجشنبه ساعت ۱۰' });
  // The storage rules the first test leaves.
  await api('recordings/settings-update', { limitMb: 500, warnFreeMb: 1000 });
}

test('a line that records every call: recorded, played from the log and the contact, kept, noted; storage rules', async () => {
  await addSara();

  // The demo line, set to record every answered call in its form.
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('line-add-demo').click();
  let form = page.getByTestId('line-form');
  await form.getByTestId('recordCalls').check();
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });
  const card = page.getByTestId('line-card').first();
  await poll(() => card.getByTestId('line-status').getAttribute('data-status'), 'idle', 20_000);
  await expect(card.getByTestId('line-recording').textContent()).resolves.toBe('ضبط خودکار همهٔ تماس‌های پاسخ‌داده‌شده');
  lineId = (await api('lines/list', {}))[0]!.id;
  // The form says how this modem records.
  await card.getByRole('button', { name: 'ویرایش' }).click();
  form = page.getByTestId('line-form');
  await expect(form.getByTestId('record-ability').textContent()).resolves.toBe('این مودم مکالمه را با تلفنی که به پریز PHONE خود مودم وصل است ضبط می‌کند.');
  await shot(page, 'recordings-01-line-form-fa');
  await form.getByRole('button', { name: 'انصراف' }).click();

  // A call answered from the popup is recorded while the caller speaks.
  await answeredCall(3);
  const bar = page.getByTestId('call-bar');
  await bar.getByTestId('rec-mark').waitFor({ timeout: 10_000 });
  await page.getByTestId('header-recording').waitFor();
  // The caller's three seconds, and more, recorded (the length is checked below).
  await barCounted('rec-mark', 4);
  await shot(page, 'recordings-02-call-bar-fa');
  await hangUp();
  await page.getByTestId('header-recording').waitFor({ state: 'detached' });

  // The call log row plays it.
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-log').click();
  const row = page.getByTestId('call-row').first();
  await row.getByTestId('rec-play').click();
  const dialog = page.getByTestId('recording-dialog');
  await dialog.waitFor();
  await expect(dialog.getByTestId('rec-who').textContent()).resolves.toContain('سارا کریمی');
  await dialog.getByTestId('play').click();
  await dialog.getByTestId('waveform').waitFor();
  expectHeard(await probe.lastPlayed(), 0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await dialog.getByTestId('rec-keep').check();
  await dialog.getByTestId('rec-note').fill('قرار پنجشنبه ساعت ۱۰');
  await dialog.getByTestId('rec-note-save').click();
  await poll(async () => (await api('recordings/list', {})).rows[0]?.note ?? '', 'قرار پنجشنبه ساعت ۱۰');
  await shot(page, 'recordings-03-dialog-fa');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  const rec = (await api('recordings/list', {})).rows[0]!;
  expect(rec).toMatchObject({ keep: true, startedBy: 'auto', contactId });
  expect(rec.durationMs).toBeGreaterThan(3000);

  // The Recordings tab: the list, the storage, the rules.
  await page.getByTestId('calls-tab-recordings').click();
  const view = page.getByTestId('recordings-view');
  await view.getByTestId('rec-row').first().waitFor();
  await expect(view.getByTestId('rec-row').count()).resolves.toBe(1);
  await expect(view.getByTestId('rec-usage').textContent()).resolves.toMatch(/^۱ ضبط، .* از ۲٬۰۰۰ مگابایت · فضای آزاد دیسک: /);
  const rules = view.getByTestId('rec-rules');
  await rules.locator('input[name="limitMb"]').fill('۱۰');
  await rules.getByTestId('rec-rules-save').click();
  await expect(rules.getByTestId('field-error').textContent()).resolves.toBe('عددی از ۵۰ تا ۱٬۰۰۰٬۰۰۰ بنویسید.');
  await rules.locator('input[name="limitMb"]').fill('۵۰۰');
  await rules.locator('input[name="warnFreeMb"]').fill('۱۰۰۰۰۰۰');
  await rules.getByTestId('rec-rules-save').click();
  await view.getByTestId('rec-warn-disk').waitFor();
  await page.getByTestId('header-disk-warning').waitFor();
  expect(await api('recordings/settings', {})).toEqual({ limitMb: 500, retentionDays: 180, warnFreeMb: 1_000_000 });
  await shot(page, 'recordings-04-tab-disk-warning-fa');
  await rules.locator('input[name="warnFreeMb"]').fill('۱۰۰۰');
  await rules.getByTestId('rec-rules-save').click();
  await page.getByTestId('header-disk-warning').waitFor({ state: 'detached' });

  // The contact's calls play it too.
  await page.getByTestId('nav-phonebook').click();
  await page.locator(`[data-testid="contact-row"][data-contact-id="${contactId}"]`).click();
  const calls = page.getByTestId('contact-calls');
  await calls.getByTestId('rec-play').click();
  await page.getByTestId('recording-dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('recording-dialog').waitFor({ state: 'detached' });
  // And the contact's timeline, among the notes, newest first.
  const timeline = page.getByTestId('timeline');
  await timeline.getByTestId('note-input').fill('قبل از تماس بعدی پیش‌فاکتور را بفرستیم');
  await timeline.getByTestId('add-note').click();
  await timeline.getByTestId('note').first().waitFor();
  const entry = timeline.getByTestId('timeline-recording');
  await expect(entry.textContent()).resolves.toContain('قرار پنجشنبه ساعت ۱۰');
  await shot(page, 'recordings-05-contact-fa');
  await entry.getByTestId('rec-play').click();
  await page.getByTestId('recording-dialog').waitFor();
  await page.keyboard.press('Escape');
});

test('the call bar button records on a line that does not record every call; English; after a restart', async () => {
  await keptRecording();
  await api('lines/update', { id: lineId, data: { name: 'خط نمایشی', kind: 'demo', recordCalls: false } });
  await poll(async () => (await api('lines/list', {}))[0]!.status, 'idle', 20_000);
  await answeredCall(2);
  const bar = page.getByTestId('call-bar');
  await bar.getByTestId('rec-start').waitFor();
  // A second into the call on the bar's own clock: a recording that started by itself would show by now.
  await barCounted('call-bar-duration', 1);
  await expect(bar.getByTestId('rec-mark').count()).resolves.toBe(0);
  await bar.getByTestId('rec-start').click();
  await bar.getByTestId('rec-mark').waitFor();
  await barCounted('rec-mark', 2);
  await bar.getByTestId('rec-stop').click();
  await bar.getByTestId('rec-start').waitFor();
  await hangUp();
  await poll(async () => (await api('recordings/list', {})).total, 2);
  const byButton = (await api('recordings/list', {})).rows[0]!;
  expect(byButton.startedBy).toBe('button');

  // English.
  await page.getByTestId('language-switch').click();
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-recordings').click();
  const view = page.getByTestId('recordings-view');
  await poll(() => view.getByTestId('rec-row').count(), 2);
  await expect(view.getByTestId('rec-usage').textContent()).resolves.toMatch(/^2 recordings, .* of 500 MB · Free disk space: /);
  await view.getByTestId('rec-kept-only').check();
  await poll(() => view.getByTestId('rec-row').count(), 1);
  await view.getByTestId('rec-kept-only').uncheck();
  await poll(() => view.getByTestId('rec-row').count(), 2);
  await view.getByTestId('rec-row').first().getByTestId('rec-play').click();
  const dialog = page.getByTestId('recording-dialog');
  await expect(dialog.getByTestId('rec-who').textContent()).resolves.toContain('Incoming');
  await shot(page, 'recordings-06-dialog-en');
  await page.keyboard.press('Escape');
  await shot(page, 'recordings-07-tab-en');

  // After a restart.
  await e2e.restart();
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-recordings').click();
  await poll(() => page.getByTestId('rec-row').count(), 2, 15_000);
  await page.getByTestId('rec-row').nth(1).getByTestId('rec-play').click();
  await page.getByTestId('recording-dialog').getByTestId('play').click();
  await page.getByTestId('recording-dialog').getByTestId('waveform').waitFor();
  // The kept recording, after a restart: heard too.
  expectHeard(await probe.lastPlayed(), 0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await expect(page.getByTestId('recording-dialog').getByTestId('rec-keep').isChecked()).resolves.toBe(true);
});
