/**
 * The answering service end to end in the browser: import a prompt (a WAV file picked in the page),
 * make a mailbox, build a small tree in the visual editor (a problem is named on its node until
 * fixed), assign it to the demo line, ring the demo line, press a key on the on-screen keypad, speak,
 * and find the message in the inbox behind the header's new-voicemail indicator; play it (the
 * sound is heard: the element plays, its time advances, its samples are not silence, no CSP error;
 * the waveform is drawn) and playing marks it heard; the call log's row of the call opens the IVR's path (tree, key,
 * mailbox, end). Persian first, then English. Then a transfer node is added in
 * the editor (its problems named until the digits and the fallback are set) and a call through it
 * ends 'transferred' in the demo caller's last-call line. Each test starts on its own data folder; the
 * later ones make the first one's prompts, mailbox, tree and line through the engine's requests.
 */
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pollUntil, shot, useApp } from './app';
import { expectHeard, installAudioProbe, type AudioProbe } from './audio-probe';
import { makeWav, tone } from '../ivr/audio-helpers';

jest.setTimeout(120_000);

let probe: AudioProbe;
// Each test on its own data folder and server; what a test needs of the answering service it makes itself.
const e2e = useApp({
  name: 'ivr',
  fresh: 'test',
  viewport: { width: 1400, height: 900 },
  ready: 'nav-phonebook',
  prepare: async (p) => (probe = await installAudioProbe(p)),
});
const { page } = e2e;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

/** The prompts the first test picks in the page: a 44.1 kHz stereo welcome and an 8-bit mailbox greeting. */
const welcomeWav = () => makeWav([tone(440, 1200, 44100, 0.2), tone(440, 1200, 44100, 0.2)], 44100, 16);
const greetingWav = () => makeWav([tone(660, 600, 22050, 0.3)], 22050, 8);

/**
 * What the first test builds in the page, made through the engine's requests: Maryam, the demo line
 * answering on the second ring, the two prompts, the mailbox 'فروش' and the tree 'پاسخگوی روز' (a menu
 * whose key 1 leads to the mailbox, node ids as the editor gives them) assigned to the line day and night.
 */
async function answeringService(): Promise<void> {
  const line = await api('lines/create', { name: 'خط نمایشی', kind: 'demo', ringsBeforeAnswer: 2 });
  await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', phones: [{ kind: 'mobile', number: '09121234567' }] });
  const welcome = await api('prompts/import', { name: 'خوشامد', base64: welcomeWav().toString('base64') });
  const greeting = await api('prompts/import', { name: 'پیام صندوق', base64: greetingWav().toString('base64') });
  const mailbox = await api('mailboxes/create', { name: 'فروش', greetingPromptId: greeting.id });
  const tree = await api('ivr/tree-create', {
    name: 'پاسخگوی روز',
    tree: {
      root: 'n1',
      nodes: [
        { id: 'n1', kind: 'menu', label: 'منوی اصلی', promptId: welcome.id, options: [{ key: '1', next: 'n2' }] },
        { id: 'n2', kind: 'voicemail', label: 'صندوق فروش', mailboxId: mailbox.id },
      ],
    },
  });
  await api('ivr/settings-update', { assignments: [{ lineId: line.id, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
}

/** Turns the app English (as the first test leaves it) and reloads the page on it. */
async function inEnglish(): Promise<void> {
  await api('settings/update', { language: 'en' });
  await page.reload();
  await poll(() => page.locator('html').getAttribute('dir'), 'ltr');
}

test('build a tree, assign it to the demo line, leave a voicemail, hear it in the inbox', async () => {
  const line = await api('lines/create', { name: 'خط نمایشی', kind: 'demo' });
  await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', phones: [{ kind: 'mobile', number: '09121234567' }] });

  // Prompts: a 44.1 kHz stereo WAV picked in the page.
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-prompts').click();
  await page.getByTestId('prompt-name').fill('خوشامد');
  await page.getByTestId('prompt-file').setInputFiles({ name: 'welcome.wav', mimeType: 'audio/wav', buffer: welcomeWav() });
  await page.getByTestId('prompt-item').first().waitFor();
  await page.getByTestId('prompt-name').fill('پیام صندوق');
  await page.getByTestId('prompt-file').setInputFiles({ name: 'greeting.wav', mimeType: 'audio/wav', buffer: greetingWav() });
  await page.getByTestId('prompt-item').nth(1).waitFor();
  await page.getByTestId('prompt-item').first().getByTestId('play').click();
  await page.getByTestId('prompt-item').first().getByTestId('waveform').waitFor();
  expectHeard(await probe.lastPlayed());
  await expect(probe.cspErrors()).resolves.toEqual([]);
  // A play the browser refuses is said in the player (not a pause button forever); the next click plays.
  await page.evaluate(() => {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      HTMLMediaElement.prototype.play = play;
      return Promise.reject(new DOMException('autoplay', 'NotAllowedError'));
    };
  });
  const second = page.getByTestId('prompt-item').nth(1);
  await second.getByTestId('play').click();
  await expect(second.getByTestId('play-failed').textContent()).resolves.toBe('مرورگر اجازهٔ پخش صدا را نداد. دوباره پخش را بزنید.');
  await expect(second.getByTestId('play').getAttribute('aria-label')).resolves.toBe('پخش');
  await shot(page, 'ivr-prompt-play-refused-fa');
  await second.getByTestId('play').click();
  await second.getByTestId('play-failed').waitFor({ state: 'detached' });
  expectHeard(await probe.lastPlayed());
  await shot(page, 'ivr-prompts-fa');

  // A mailbox with its greeting.
  await page.getByTestId('ivr-tab-mailboxes').click();
  await page.getByTestId('mailbox-new').click();
  await page.getByTestId('mailbox-name').fill('فروش');
  await page.getByTestId('mailbox-greeting').selectOption({ label: 'پیام صندوق' });
  await page.getByTestId('mailbox-save').click();
  await page.getByTestId('mailbox-item').waitFor();

  // The tree: a menu whose key 1 leads to the mailbox.
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('tree-new').click();
  await page.getByTestId('tree-name').fill('پاسخگوی روز');
  const root = page.getByTestId('node-n1');
  await root.getByTestId('node-prompt').first().selectOption({ label: 'خوشامد' });
  await page.getByTestId('add-option-n1-kind').selectOption('voicemail');
  await page.getByTestId('add-option-n1').click();
  // Until a mailbox is chosen the node shows its problem.
  await page.getByTestId('node-n2').getByTestId('node-problem').waitFor();
  await page.getByTestId('node-n2').getByTestId('node-label').fill('صندوق فروش');
  await shot(page, 'ivr-tree-problem-fa');
  await page.getByTestId('node-n2').getByTestId('node-mailbox').selectOption({ label: 'فروش' });
  await expect(page.getByTestId('node-problem').count()).resolves.toBe(0);
  await page.getByTestId('tree-save').click();
  await page.getByTestId('tree-link').first().waitFor();
  await shot(page, 'ivr-tree-fa');

  // Assign it to the demo line, day and night, answering on the second ring.
  await page.getByTestId('ivr-tab-setup').click();
  const row = page.getByTestId(`assign-line-${line.id}`);
  for (const s of ['assign-office', 'assign-closed', 'assign-holiday']) await row.getByTestId(s).selectOption({ label: 'پاسخگوی روز' });
  await row.getByTestId('assign-rings').fill('2');
  await page.getByTestId('setup-save').click();
  await poll(async () => (await api('ivr/settings', {})).assignments.length, 1, 5000);
  await shot(page, 'ivr-setup-fa');

  // Ring the demo line, press 1, speak.
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('demo-caller-ring').click();
  await poll(async () => (await api('lines/list', {}))[0]!.status, 'in-call', 20_000);
  await page.getByTestId('demo-key-1').click();
  await page.getByTestId('demo-caller-speak').click();
  const indicator = page.getByTestId('voicemail-indicator');
  await indicator.waitFor({ timeout: 30_000 });
  await expect(indicator.textContent()).resolves.toContain('یک پیام صوتی تازه');
  await shot(page, 'ivr-indicator-fa');

  // The inbox: the caller, the contact, play (heard, with the waveform): playing marks it heard.
  await indicator.click();
  const item = page.getByTestId('voicemail-item').first();
  await item.waitFor();
  await expect(item.textContent()).resolves.toContain('مریم احمدی');
  await item.getByTestId('play').click();
  await item.getByTestId('waveform').waitFor();
  expectHeard(await probe.lastPlayed());
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await indicator.waitFor({ state: 'detached' });
  await expect(item.getByTestId('voicemail-mark').textContent()).resolves.toBe('شنیده‌نشده');
  await item.getByTestId('voicemail-note').fill('پیش‌فاکتور می‌خواهد');
  await item.getByTestId('voicemail-note-save').click();
  await shot(page, 'ivr-inbox-fa');
  const [msg] = await api('voicemail/list', {});
  expect(msg).toMatchObject({ heard: true, note: 'پیش‌فاکتور می‌خواهد', contactName: 'مریم احمدی' });
  expect(msg!.durationMs).toBeGreaterThan(2000);
  const calls = await api('calls/list', {});
  expect(calls.rows[0]).toMatchObject({ outcome: 'ivr' });

  // The call log shows what the IVR did on the call: the tree, the key pressed, the mailbox, the end;
  // its link goes back to the inbox.
  const callId = calls.rows[0]!.id;
  await poll(async () => (await api('ivr/run', { callId }))?.end ?? null, 'voicemail', 10_000);
  for (let n = await page.getByTestId('caller-dismiss').count(); n > 0; n--) await page.getByTestId('caller-dismiss').first().click();
  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-tab-log').click();
  await page.locator(`[data-testid="call-row"][data-call-id="${callId}"]`).getByTestId('ivr-run-open').click();
  const runDialog = page.getByTestId('ivr-run-dialog');
  await runDialog.getByTestId('ivr-run-path').waitFor();
  await expect(runDialog.getByTestId('ivr-run-tree').textContent()).resolves.toBe('پاسخگوی روز');
  await expect(runDialog.locator('.ivr-run-step').allTextContents()).resolves.toEqual(['منوی اصلی', 'کلید ۱', 'صندوق فروش']);
  await expect(runDialog.getByTestId('ivr-run-end').getAttribute('data-end')).resolves.toBe('voicemail');
  await expect(runDialog.getByTestId('ivr-run-end').locator('strong').textContent()).resolves.toBe('پیام در صندوق صوتی');
  await shot(page, 'ivr-run-in-log-fa');
  await runDialog.getByTestId('ivr-run-inbox').click();
  await runDialog.waitFor({ state: 'detached' });
  // The same from the contact's calls.
  await page.getByTestId('voicemail-item').first().getByRole('button', { name: 'باز کردن مخاطب' }).click();
  await page.getByTestId('contact-calls').getByTestId('ivr-run-open').click();
  await runDialog.getByTestId('ivr-run-path').waitFor();
  await expect(runDialog.locator('.ivr-run-step').allTextContents()).resolves.toEqual(['منوی اصلی', 'کلید ۱', 'صندوق فروش']);
  await shot(page, 'ivr-run-contact-fa');
  await runDialog.getByTestId('dialog-close').click();
  await page.getByTestId('nav-voicemail').click();

  // English.
  await page.getByTestId('voicemail-mark').first().click();
  await page.getByTestId('voicemail-indicator').waitFor();
  await page.getByTestId('language-switch').click();
  await page.getByText('1 new voicemail').waitFor();
  await shot(page, 'ivr-inbox-en');
  await page.getByTestId('nav-ivr').click();
  await shot(page, 'ivr-tree-en');
});

test('the sound-card test: the same tree with the PC as the caller (Chromium with a fake microphone)', async () => {
  await answeringService();
  // The first test leaves the app in English (the panel's buttons are named in English below).
  await api('settings/update', { language: 'en' });
  const { chromium } = await import('playwright-core');
  const b = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  try {
    const p = await b.newPage({ viewport: { width: 1400, height: 900 } });
    const heard = await installAudioProbe(p);
    await p.goto(e2e.app.url);
    await p.getByTestId('nav-ivr').click();
    const panel = p.getByTestId('soundcard-test');
    await panel.getByTestId('soundcard-start').click();
    await panel.getByTestId('soundcard-path').waitFor();
    // The menu's prompt comes out of the speakers.
    expectHeard(await heard.lastPlayed(0));
    await expect(heard.cspErrors()).resolves.toEqual([]);
    await panel.getByRole('button', { name: '1', exact: true }).click();
    await panel.locator('.rec-dot').waitFor({ timeout: 10_000 });
    // The caller speaks for a second and a half (the fake microphone's tone): an act that takes time, not a wait for something to happen.
    await p.waitForTimeout(1500);
    await shot(p, 'ivr-soundcard-en');
    await panel.getByRole('button', { name: 'Done speaking' }).click();
    await panel.getByTestId('soundcard-start').waitFor({ timeout: 10_000 });
    // The only message in this test's data folder (the second in the story, after the first test's voicemail).
    await poll(async () => (await api('voicemail/list', {})).length, 1, 10_000);
    const [latest] = await api('voicemail/list', {});
    expect(latest!.durationMs).toBeGreaterThan(800);
    expect(latest!.numberRaw).toBe('');
  } finally {
    await b.close();
  }
});

test('a transfer node in the editor: problems until digits and fallback are set; a call through it is transferred', async () => {
  await answeringService();
  // The UI is in English after the first test.
  await inEnglish();
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('tree-link').first().click();
  await page.getByTestId('add-option-n1-kind').selectOption('transfer');
  await page.getByTestId('add-option-n1').click();
  const node = page.getByTestId('node-n3');
  await node.getByTestId('node-label').fill('Sales desk');
  await expect(node.getByTestId('node-problem').allTextContents()).resolves.toEqual([
    'Enter the extension or number to transfer to.',
    'Choose where the call goes if the line cannot transfer it.',
  ]);
  await node.getByTestId('node-digits').fill('12a');
  await expect(node.getByTestId('node-digits').getAttribute('aria-invalid')).resolves.toBe('true');
  await expect(node.getByTestId('node-problem').first().textContent()).resolves.toBe('Use only the digits 0–9, * and #, at most 20.');
  await shot(page, 'ivr-transfer-problem-en');
  await node.getByTestId('node-digits').fill('12#');
  await page.getByTestId('add-n3-fallback-kind').selectOption('hangup');
  await page.getByTestId('add-n3-fallback').click();
  await expect(page.getByTestId('node-problem').count()).resolves.toBe(0);
  await page.getByTestId('tree-save').click();
  await poll(
    async () => JSON.stringify((await api('ivr/trees', {}))[0]!.tree.nodes.find((n) => n.id === 'n3')),
    JSON.stringify({ id: 'n3', label: 'Sales desk', kind: 'transfer', promptId: null, digits: '12#', fallback: 'n4' }),
    5000,
  );
  await shot(page, 'ivr-transfer-en');

  // Persian: the number is shown in Persian digits; typed in Persian digits it is stored in ASCII.
  await page.getByTestId('language-switch').click();
  // The language is saved through the engine before the page turns Persian: the save's message is in the language of its moment.
  await poll(() => page.locator('html').getAttribute('dir'), 'rtl');
  await page.getByTestId('node-n3').getByTestId('node-digits').fill('۱۲#');
  await page.getByTestId('tree-save').click();
  await page.getByText('درخت ذخیره شد.').waitFor();
  const stored = (await api('ivr/trees', {}))[0]!.tree.nodes.find((n) => n.id === 'n3');
  expect(stored).toMatchObject({ kind: 'transfer', digits: '12#' });
  await expect(page.getByTestId('node-n3').getByTestId('node-digits').inputValue()).resolves.toBe('۱۲#');

  // A call: key 2 reaches the transfer node; the demo line flashes, dials 12# and hangs up.
  await page.getByTestId('demo-caller-ring').click();
  await poll(async () => (await api('lines/list', {}))[0]!.status, 'in-call', 20_000);
  await page.getByTestId('demo-key-2').click();
  const end = page.getByTestId('demo-caller-run-end');
  await end.waitFor({ timeout: 30_000 });
  await expect(end.getAttribute('data-end')).resolves.toBe('transferred');
  await expect(end.textContent()).resolves.toBe('به داخلی منتقل شد');
  await expect(page.getByTestId('demo-caller-run').textContent()).resolves.toContain('Sales desk');
  await poll(async () => (await api('lines/list', {}))[0]!.status, 'idle', 10_000);
  await page.getByTestId('demo-caller-run').scrollIntoViewIfNeeded();
  await shot(page, 'ivr-transfer-fa');

  // The sound card cannot flash: the path says so and the fallback (hang up) is taken.
  // The ended calls' cards cover the panel.
  for (let n = await page.getByTestId('caller-dismiss').count(); n > 0; n--) await page.getByTestId('caller-dismiss').first().click();
  const panel = page.getByTestId('soundcard-test');
  await panel.getByTestId('soundcard-start').click();
  await panel.getByTestId('soundcard-path').waitFor();
  await panel.getByRole('button', { name: '۲', exact: true }).click();
  await panel.getByTestId('soundcard-start').waitFor({ timeout: 10_000 });
  const path = await panel.getByTestId('soundcard-path').textContent();
  expect(path?.replace(/[\u2068\u2069]/g, '')).toBe('منوی اصلی ← کلید ۲ ← Sales desk ← این خط نمی‌تواند منتقل کند؛ شاخهٔ جایگزین ← قطع تماس');
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'ivr-transfer-soundcard-fa');

  // A ring-through node on the sound card: the panel says the caller waits and takes the call.
  const desk = await api('ivr/tree-create', {
    name: 'میز پذیرش',
    tree: { root: 'op', nodes: [{ id: 'op', kind: 'operator', promptId: null, waitS: 60, fallback: null }] },
  });
  await page.reload();
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  const panel2 = page.getByTestId('soundcard-test');
  await panel2.locator('select').selectOption(String(desk.id));
  await panel2.getByTestId('soundcard-start').click();
  await panel2.getByTestId('soundcard-take').waitFor({ timeout: 10_000 });
  await panel2.scrollIntoViewIfNeeded();
  await shot(page, 'ivr-soundcard-waiting-fa');
  await panel2.getByTestId('soundcard-take').click();
  await panel2.getByTestId('soundcard-start').waitFor({ timeout: 10_000 });
  await expect(panel2.getByTestId('soundcard-take').count()).resolves.toBe(0);
});
