/**
 * One call's page (#/call/12), end to end in browser mode on the demo line (the modem simulator behind
 * the real driver), Debian's Chromium. A recorded call with a contact and a missed one from a number
 * not in the phonebook; a call opened from the log has its own address, a reload keeps it, Back returns
 * to the log and Forward to the call; a note written on it stays; its recording plays on the page (the element plays, its time
 * advances, the samples are not silence, no CSP error); the contact's calls and the popup open it too;
 * a call the answering service took shows the caller's way through it and plays the voicemail they left;
 * an address of a call that does not exist says so in words. Persian, then English.
 */
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { waitFor } from '../helpers/wait';
import { engineApi, pollUntil, shot, useApp } from './app';
import { expectHeard, installAudioProbe, type AudioProbe } from './audio-probe';

jest.setTimeout(120_000);

const { page } = useApp({ name: 'call-view', viewport: { width: 1280, height: 860 } });
const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);
const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);
const hash = () => page.evaluate(() => window.location.hash);
const detail = () => page.getByTestId('call-detail');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let probe: AudioProbe;
let lineId = 0;
let contactId = 0;
let recorded = 0;
let missed = 0;

async function untilIdle(line = lineId) {
  const isIdle = async () => (await api('lines/list', {})).find((l) => l.id === line)?.status === 'idle';
  await waitFor(isIdle, { what: 'the demo line to be idle', everyMs: 100, timeoutMs: 20_000 });
}

/** The newest call once `done` holds for it. */
async function newest(done: (c: OutputOf<'calls/get'>) => boolean, what: string): Promise<OutputOf<'calls/get'>> {
  let call: OutputOf<'calls/get'> | undefined;
  await waitFor(
    async () => {
      call = (await api('calls/list', { limit: 1 })).rows[0];
      return call !== undefined && done(call);
    },
    { what, everyMs: 100, timeoutMs: 30_000 },
  );
  return call!;
}

beforeAll(async () => {
  // The probe watches every media element from the page's first script: installed, then the page loaded again.
  probe = await installAudioProbe(page);
  await page.reload();
  await page.getByTestId('phonebook').waitFor();
  lineId = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo', recordCalls: true })).id;
  contactId = (await api('contacts/create', { firstName: 'سارا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121234567' }] })).id;
  await untilIdle();
  // A call answered on the PC while the caller speaks: recorded; hung up after a few seconds.
  await api('lines/demo-call', { lineId, number: '09121234567' });
  await newest((c) => c.outcome === 'ringing' && c.numberRaw !== '', 'the call to ring with its caller ID');
  await api('ivr/demo-speak', { lineId, seconds: 3 });
  await api('calls/answer', { lineId });
  await waitFor(async () => (await api('recordings/active', {})).length > 0, { what: 'the recording to start', everyMs: 100, timeoutMs: 15_000 });
  await sleep(3500);
  await api('calls/hang-up', { lineId });
  recorded = (await newest((c) => c.endedAt !== null && c.recordingId !== null, 'the recorded call to end')).id;
  await waitFor(async () => (await api('recordings/list', {})).rows[0]?.endedAt != null, { what: 'the recording to end', everyMs: 100, timeoutMs: 15_000 });
  await untilIdle();
  // A number not in the phonebook rings once and gives up.
  await api('lines/demo-call', { lineId, number: '02188776655', name: 'ACME', rings: 1 });
  missed = (await newest((c) => c.outcome === 'missed' && c.id !== recorded, 'the missed call')).id;
  await untilIdle();
  // Popups of these calls are gone before the tests look at the screen.
  await page.reload();
  await page.getByTestId('phonebook').waitFor();
}, 90_000);

it('opens a call from the log at its own address; a reload keeps it; Back returns to the log and Forward to the call', async () => {
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-log').click();
  const row = page.locator(`[data-testid="call-row"][data-call-id="${recorded}"]`);
  const link = row.getByTestId('call-link');
  expect(await link.getAttribute('href')).toBe(`#/call/${recorded}`);
  // The call's contact in the log is a link too.
  expect(await row.getByTestId('call-contact').getAttribute('href')).toBe(`#/contact/${contactId}`);
  await link.click();
  await detail().waitFor();
  expect(await hash()).toBe(`#/call/${recorded}`);

  // What the front desk reads, in Persian: who, when (Jalali, Persian digits), the line, the way, the number, the contact as a link.
  await expect(page.getByTestId('call-detail-who').textContent()).resolves.toBe('سارا کریمی');
  expect(await page.getByTestId('call-detail-when').textContent()).toMatch(/^۱۴[۰-۹]{2}\/[۰-۹]{2}\/[۰-۹]{2} [۰-۹]{2}:[۰-۹]{2}$/);
  await expect(page.getByTestId('call-detail-line').textContent()).resolves.toBe('خط نمایشی');
  await expect(page.getByTestId('call-detail-direction').textContent()).resolves.toBe('ورودی');
  await expect(page.getByTestId('call-detail-number').textContent()).resolves.toBe('۰۹۱۲ ۱۲۳ ۴۵۶۷');
  const contact = page.getByTestId('call-detail-contact-link');
  expect(await contact.getAttribute('href')).toBe(`#/contact/${contactId}`);
  await expect(page.getByTestId('call-detail-ending').textContent()).resolves.toBe('پاسخ داده شد و سپس قطع شد.');
  expect(await page.getByTestId('call-detail-duration').textContent()).toMatch(/^۰۰:۰[۳-۹]$/);
  await expect(detail().getByTestId('dial-button').getAttribute('data-number')).resolves.toBe('09121234567');

  // The recording plays on the page: heard, not just a button pressed.
  const player = page.getByTestId('call-rec-player');
  await player.getByTestId('play').click();
  await player.getByTestId('waveform').waitFor();
  expectHeard(await probe.lastPlayed(), 0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);

  // A note on the call, kept by the engine: still there after the reload.
  await page.getByTestId('call-note-input').fill('فاکتور را خواست؛ سه‌شنبه تماس بگیرم');
  await page.getByTestId('call-note-add').click();
  await poll(() => page.getByTestId('call-note').count(), 1);
  await expect(api('calls/notes', { callId: recorded })).resolves.toMatchObject([{ body: 'فاکتور را خواست؛ سه‌شنبه تماس بگیرم' }]);
  await shot(page, 'call-view-01-recorded-fa');

  await page.reload();
  await detail().waitFor();
  expect(await hash()).toBe(`#/call/${recorded}`);
  await expect(page.getByTestId('call-detail-who').textContent()).resolves.toBe('سارا کریمی');
  await page.getByTestId('call-note').waitFor();
  await expect(page.getByTestId('call-note').locator('.note-body').textContent()).resolves.toBe('فاکتور را خواست؛ سه‌شنبه تماس بگیرم');
  await expect(page.locator('.app-nav [aria-current="page"]').getAttribute('data-testid')).resolves.toBe('nav-calls');

  // Back to the log before the reload, and Forward to the call again.
  await page.getByTestId('nav-phonebook').click();
  await page.getByTestId('nav-calls').click(); // the Calls tab returns to the log, not to the call
  expect(await hash()).toBe('#/calls');
  await link.click();
  await detail().waitFor();
  await page.goBack();
  await poll(hash, '#/calls');
  await page.getByTestId('call-log').waitFor({ state: 'visible' });
  await expect(page.getByTestId('call-view').count()).resolves.toBe(0);
  await page.goForward();
  await poll(hash, `#/call/${recorded}`);
  await detail().waitFor();

  // The contact link opens the contact in the phonebook.
  await contact.click();
  await poll(hash, `#/contact/${contactId}`);
  await page.getByTestId('contact-detail').waitFor();
});

it('shows a number not in the phonebook with the name the network sent, how it ended, and "not returned"', async () => {
  await page.evaluate((id) => (window.location.hash = `#/call/${id}`), missed);
  await poll(() => detail().getAttribute('data-outcome'), 'missed');
  await expect(page.getByTestId('call-detail-who').textContent()).resolves.toBe('ACME');
  await expect(page.getByTestId('call-detail-number').textContent()).resolves.toBe('۰۲۱ ۸۸۷۷ ۶۶۵۵');
  await expect(page.getByTestId('call-detail-contact').getByTestId('add-contact').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('call-detail-ending').textContent()).resolves.toBe('کسی پاسخ نداد و تماس‌گیرنده قطع کرد.');
  await expect(page.getByTestId('call-detail-returned').textContent()).resolves.toBe('پیگیری نشده');
  await expect(page.getByTestId('call-recording').count()).resolves.toBe(0);
  await shot(page, 'call-view-02-missed-fa');
});

it("opens a call from the contact's calls and from the popup of a ringing call, following it as it goes on", async () => {
  await page.evaluate((id) => (window.location.hash = `#/contact/${id}`), contactId);
  const mine = page.locator(`[data-testid="contact-call"][data-call-id="${recorded}"]`).getByTestId('call-link');
  await mine.click();
  await poll(hash, `#/call/${recorded}`);
  await detail().waitFor();

  await api('lines/demo-call', { lineId, number: '09121234567', rings: 2 });
  const card = page.getByTestId('caller-card');
  await card.waitFor({ timeout: 15_000 });
  const ringing = Number(await card.getAttribute('data-call-id'));
  await card.getByTestId('caller-open-call').click();
  await poll(hash, `#/call/${ringing}`);
  await detail().waitFor();
  // The page follows the call: it rang out while open.
  await poll(() => detail().getAttribute('data-outcome'), 'missed', 30_000);
  await untilIdle();
});

it('shows the way the caller went through the answering service and plays the voicemail they left', async () => {
  const mailboxId = (await api('mailboxes/create', { name: 'فروش', kind: 'department' })).id;
  const tree = await api('ivr/tree-create', { name: 'پیام‌گیر', tree: { root: 'vm', nodes: [{ id: 'vm', kind: 'voicemail', mailboxId, maxSeconds: 20 }] } });
  // Answered at the second ring: the caller ID comes between the first and the second.
  const ivrLine = (await api('lines/create', { name: 'خط پاسخگو', kind: 'demo', ringsBeforeAnswer: 2 })).id;
  // The same tree day and night, so the test does not depend on the hour it runs at.
  await api('ivr/settings-update', { assignments: [{ lineId: ivrLine, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
  await untilIdle(ivrLine);
  await api('lines/demo-call', { lineId: ivrLine, number: '09121234567', rings: 6 });
  const answered = await newest((c) => c.outcome === 'ivr' && c.lineId === ivrLine, 'the answering service to answer');
  await api('ivr/demo-speak', { lineId: ivrLine, seconds: 2 });
  await waitFor(async () => (await api('voicemail/list', { callId: answered.id })).length === 1, {
    what: 'the voicemail to be kept',
    everyMs: 200,
    timeoutMs: 30_000,
  });
  await newest((c) => c.id === answered.id && c.endedAt !== null, 'the answered call to end');

  await page.evaluate((id) => (window.location.hash = `#/call/${id}`), answered.id);
  await detail().waitFor();
  await expect(page.getByTestId('call-detail-who').textContent()).resolves.toBe('سارا کریمی');
  await expect(page.getByTestId('call-detail-ending').textContent()).resolves.toBe('پاسخگوی خودکار به این تماس پاسخ داد.');
  const ivr = page.getByTestId('call-ivr');
  await expect(ivr.getByTestId('ivr-run-tree').textContent()).resolves.toBe('پیام‌گیر');
  await expect(ivr.getByTestId('ivr-run-end').getAttribute('data-end')).resolves.toBe('voicemail');
  const item = page.getByTestId('call-voicemail-item');
  await expect(item.textContent()).resolves.toContain('فروش');
  await item.getByTestId('play').click();
  expectHeard(await probe.lastPlayed(), 0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  // Heard on the page is heard in the inbox too.
  await waitFor(async () => (await api('voicemail/unheard', {})).unheard === 0, { what: 'the message to be marked heard', everyMs: 100, timeoutMs: 10_000 });
  await shot(page, 'call-view-07-ivr-voicemail-fa');
  await untilIdle(ivrLine);
});

it('says a call that does not exist was not found', async () => {
  await page.evaluate(() => (window.location.hash = '#/call/999999'));
  const missing = page.getByTestId('call-not-found');
  await missing.waitFor();
  await expect(missing.textContent()).resolves.toBe('این تماس پیدا نشد؛ شاید نشانی اشتباه است یا تماس دیگر در فهرست نیست.');
  await shot(page, 'call-view-03-not-found-fa');
});

it('is all in English with the Gregorian calendar', async () => {
  await api('settings/update', { language: 'en', calendar: 'gregorian' });
  await poll(() => page.locator('html').getAttribute('dir'), 'ltr');
  await expect(page.getByTestId('call-not-found').textContent()).resolves.toBe(
    'This call was not found: the address may be wrong, or the call is no longer in the log.',
  );
  await shot(page, 'call-view-04-not-found-en');
  await page.evaluate((id) => (window.location.hash = `#/call/${id}`), recorded);
  await detail().waitFor();
  expect(await page.getByTestId('call-detail-when').textContent()).toMatch(/^20\d{2}[-/]\d{2}[-/]\d{2} \d{2}:\d{2}$/);
  await expect(page.getByTestId('call-detail-direction').textContent()).resolves.toBe('Incoming');
  await expect(page.getByTestId('call-detail-number').textContent()).resolves.toBe('0912 123 4567');
  await expect(page.getByTestId('call-detail-ending').textContent()).resolves.toBe('Answered, then hung up.');
  const player = page.getByTestId('call-rec-player');
  const before = await probe.playCount();
  await player.getByTestId('play').click();
  await poll(() => probe.playCount(), before + 1);
  expectHeard(await probe.lastPlayed(), 0.05);
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await shot(page, 'call-view-05-recorded-en');
  await page.evaluate((id) => (window.location.hash = `#/call/${id}`), missed);
  await poll(() => page.getByTestId('call-detail-ending').textContent(), 'Nobody answered, and the caller hung up.');
  await shot(page, 'call-view-06-missed-en');
  await api('settings/update', { language: 'fa', calendar: 'jalali' });
});
