/**
 * A front-desk day on the demo line, as a new user meets it (issue 13): a screen that shows part of a
 * line never resets what another screen set; the caller popup goes by itself after the call and never
 * covers the demo caller's keypad or Ring button; the call bar coming and going does not move the page;
 * the popup and the IVR's path say what happened (the IVR answered, no key was pressed); the "waiting
 * for the front desk" banner keeps off the tabs; the discard dialog focuses the safe button; "Hours and
 * lines" inputs have labels; the popup's Open goes to the people file when there is one. Persian, then
 * English where the text changed.
 */
import type { Locator } from 'playwright-core';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pollUntil, shot, useApp } from './app';
import { makeWav, tone } from '../ivr/audio-helpers';

jest.setTimeout(180_000);

// Each test on its own data folder and server, with the demo line, its menu and the caller made anew (below).
const { page } = useApp({
  name: 'desk',
  fresh: 'test',
  prepare: async (p) => {
    p.on('pageerror', (e) => console.error('pageerror', e));
    p.on('console', (m) => m.type() === 'error' && console.error('console', m.text()));
  },
});
let lineId = 0;
let treeId = 0;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);
const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);
const lineOf = async () => (await api('lines/list', {})).find((l) => l.id === lineId)!;

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
async function box(l: Locator): Promise<Box> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}
/** Every box of `under` that the popup's box covers (by test id), none expected. */
async function coveredBy(cover: Locator, under: Locator[]): Promise<string[]> {
  const c = await box(cover);
  const hit: string[] = [];
  for (const u of under) if (overlaps(c, await box(u))) hit.push((await u.getAttribute('data-testid')) ?? '?');
  return hit;
}
/** The answering screen's trees tab, where the demo caller's keypad and Ring button are. */
async function openDemoCaller() {
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('demo-caller-ring').waitFor();
}
const keypad = () => ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'star', '0', 'hash'].map((k) => page.getByTestId(`demo-key-${k}`));
const controls = () => [page.getByTestId('demo-caller-ring'), page.getByTestId('demo-caller-speak'), page.getByTestId('demo-caller-hangup'), ...keypad()];

beforeEach(async () => {
  // The demo line records every answered call and answers on the second ring (caller ID comes after the first); a menu (no key in 6 s → hang
  // up; 1 → the front desk) answers it day and night.
  lineId = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo', recordCalls: true, ringsBeforeAnswer: 2 })).id;
  const wav = makeWav([tone(440, 400, 8000, 0.2)], 8000, 16).toString('base64');
  const prompt = await api('prompts/import', { name: 'منو', base64: wav });
  treeId = (
    await api('ivr/tree-create', {
      name: 'منوی روز',
      tree: {
        root: 'n1',
        nodes: [
          { id: 'n1', kind: 'menu', promptId: prompt.id, options: [{ key: '1', next: 'n2' }], timeoutS: 6, retries: 0 },
          { id: 'n2', kind: 'operator', label: 'پذیرش', promptId: prompt.id, waitS: 30 },
        ],
      },
    })
  ).id;
  await api('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: treeId, closedTreeId: treeId, holidayTreeId: treeId }] });
  const contact = await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', phones: [{ kind: 'mobile', number: '09121234567' }] });
  await api('people/create', { kind: 'customer', contactId: contact.id });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);
}, 60_000);

test('saving "Hours and lines" or switching the line off and on keeps "record every answered call"', async () => {
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-setup').click();
  const row = page.getByTestId(`assign-line-${lineId}`);
  await row.getByTestId('assign-rings').fill('3');
  await page.getByTestId('setup-save').click();
  await poll(async () => (await lineOf()).ringsBeforeAnswer, 3, 5000);
  expect((await lineOf()).recordCalls).toBe(true);

  // The line card's off/on switch, on the Lines screen.
  await page.getByTestId('nav-lines').click();
  const card = page.locator(`[data-testid="line-card"][data-line-id="${lineId}"]`);
  await card.getByTestId('line-toggle').click();
  await poll(async () => (await lineOf()).enabled, false, 5000);
  await card.getByTestId('line-toggle').click();
  await poll(async () => (await lineOf()).enabled, true, 5000);
  expect(await lineOf()).toMatchObject({ recordCalls: true, ringsBeforeAnswer: 3 });
  // And the Lines screen's own form still shows it.
  await card.getByTestId('line-edit').click();
  await expect(page.getByTestId('recordCalls').isChecked()).resolves.toBe(true);
  await page.keyboard.press('Escape');
  await api('lines/update', { id: lineId, data: { ringsBeforeAnswer: 2 } });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);
});

test('the popup of an IVR call says the IVR answered and keeps off the keypad; the waiting banner keeps off the tabs; the card goes by itself', async () => {
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('demo-caller-ring').click();
  const popup = page.getByTestId('caller-card');
  await popup.waitFor();
  await poll(async () => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ivr', 20_000);
  // Press 1 at once (the menu waits 6 s): the front desk is called, and the caller waits 30 s.
  await page.getByTestId('demo-key-1').click();
  const waiting = page.getByTestId('operator-waiting');
  await waiting.waitFor({ timeout: 20_000 });
  await expect(popup.getByTestId('caller-stage').textContent()).resolves.toBe('پاسخگو پاسخ داد');
  await shot(page, 'desk-ivr-popup-fa');
  expect(await coveredBy(popup, controls())).toEqual([]);
  await shot(page, 'desk-waiting-fa');
  const header = [...(await page.locator('.app-nav [data-testid^="nav-"]').all()), page.getByTestId('language-switch')];
  expect(await coveredBy(waiting, header)).toEqual([]);
  expect(await coveredBy(popup, [waiting.getByTestId('operator-take')])).toEqual([]);

  // The caller hangs up while the pointer rests on the card: the card still goes.
  await page.getByTestId('demo-caller-hangup').click();
  await popup.hover();
  await poll(async () => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 10_000);
  await popup.waitFor({ state: 'detached', timeout: 12_000 });
  await shot(page, 'desk-after-call-fa');
});

test('a call answered at the desk: the call bar comes and goes without moving the page; the card keeps off the Ring button', async () => {
  await openDemoCaller();
  await api('lines/update', { id: lineId, data: { ringsBeforeAnswer: 0 } });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);
  const ring = page.getByTestId('demo-caller-ring');
  const ringBefore = await box(ring);
  await ring.click();
  const popup = page.getByTestId('caller-card');
  await popup.getByTestId('caller-answer').click();
  const bar = page.getByTestId('call-bar');
  await bar.waitFor();
  expect(await box(ring)).toEqual(ringBefore);
  expect(await coveredBy(popup, controls())).toEqual([]);
  await shot(page, 'desk-call-bar-fa');
  await page.getByTestId('demo-caller-hangup').click();
  await bar.waitFor({ state: 'detached', timeout: 20_000 });
  expect(await box(ring)).toEqual(ringBefore);
  await popup.waitFor({ state: 'detached', timeout: 12_000 });
  await api('lines/update', { id: lineId, data: { ringsBeforeAnswer: 2 } });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);
});

test('a menu timeout is "no key pressed", not unanswered; English too', async () => {
  await openDemoCaller();
  await page.getByTestId('demo-caller-ring').click();
  await page.getByTestId('caller-card').waitFor();
  // This call's run, not the last one's: the card ends first, then the run is shown.
  await poll(async () => page.getByTestId('caller-card').getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 30_000);
  const end = page.getByTestId('demo-caller-run-end');
  await poll(async () => (await end.count()) > 0 && (await page.getByTestId('demo-caller-run').textContent())!.includes('کلیدی زده نشد'), true, 30_000);
  await expect(page.getByTestId('demo-caller-run').textContent()).resolves.not.toContain('بی‌پاسخ');
  await expect(end.textContent()).resolves.toBe('کلیدی زده نشد؛ پاسخگو قطع کرد');
  await shot(page, 'desk-timeout-fa');
  await page.getByTestId('caller-card').waitFor({ state: 'detached', timeout: 12_000 });

  await page.getByTestId('language-switch').click();
  await page.getByTestId('demo-caller-ring').click();
  const popup = page.getByTestId('caller-card');
  await poll(async () => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ivr', 20_000);
  await expect(popup.getByTestId('caller-stage').textContent()).resolves.toBe('The answering service answered');
  await poll(async () => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 30_000);
  await poll(async () => (await page.getByTestId('demo-caller-run').textContent())?.includes('no key pressed') ?? false, true, 30_000);
  await expect(end.textContent()).resolves.toBe('no key pressed; the answering service hung up');
  await shot(page, 'desk-timeout-en');
  await popup.waitFor({ state: 'detached', timeout: 12_000 });
  await page.getByTestId('language-switch').click();
});

test('a note being typed keeps the popup after the call; saving it lets the card go', async () => {
  await openDemoCaller();
  await page.getByTestId('demo-caller-ring').click();
  const popup = page.getByTestId('caller-card');
  await popup.waitFor();
  await popup.getByTestId('caller-note').click();
  await popup.getByTestId('caller-note-input').fill('پیش‌فاکتور خواست');
  await poll(async () => popup.getByTestId('caller-stage').getAttribute('data-stage'), 'ended', 30_000);
  await page.waitForTimeout(8000);
  await expect(popup.count()).resolves.toBe(1);
  await popup.getByTestId('caller-note-save').click();
  await popup.waitFor({ state: 'detached', timeout: 12_000 });
});

test("the popup's Open goes to the caller's people file, or says it opens the contact", async () => {
  await openDemoCaller();
  await page.getByTestId('demo-caller-ring').click();
  const popup = page.getByTestId('caller-card');
  await popup.waitFor();
  await expect(popup.getByTestId('caller-open').textContent()).resolves.toBe('باز کردن پرونده');
  await popup.getByTestId('caller-open').click();
  await expect(page.getByTestId('file-name').textContent()).resolves.toContain('مریم احمدی');
  await page.getByTestId('demo-caller-hangup').count(); // the IVR screen is behind the people screen now
  await api('ivr/demo-hang-up', { lineId });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);

  // A caller with a contact but no file: the button says it opens the contact.
  await api('contacts/create', { firstName: 'Sara', lastName: 'Karimi', phones: [{ kind: 'mobile', number: '09351112233' }] });
  await api('lines/demo-call', { lineId, number: '09351112233', format: 'mdmf', rings: 10 });
  await page.getByTestId('caller-card').waitFor();
  await expect(page.getByTestId('caller-open').textContent()).resolves.toBe('باز کردن مخاطب');
  await page.getByTestId('caller-open').click();
  await expect(page.getByTestId('detail-name').textContent()).resolves.toContain('Sara Karimi');
  await api('ivr/demo-hang-up', { lineId });
  await poll(async () => (await lineOf()).status, 'idle', 20_000);
});

test('the discard dialog focuses Keep editing; "Hours and lines" inputs have labels (fa, en)', async () => {
  await page.getByTestId('nav-phonebook').click();
  await page.getByTestId('new-contact').click();
  await page.locator('[name="firstName"]').fill('نیمه‌کاره');
  await page.getByTestId('cancel-contact').click();
  await page.getByTestId('confirm-dialog').waitFor();
  await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('confirm-cancel');
  await page.keyboard.press('Enter');
  await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
  await expect(page.locator('[name="firstName"]').inputValue()).resolves.toBe('نیمه‌کاره');
  await page.getByTestId('cancel-contact').click();
  await page.getByTestId('confirm-ok').click();

  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-setup').click();
  const setup = page.getByTestId('answering-setup');
  // The weekday labels its checkbox; each time is named by its day and column (what a screen reader says).
  await setup.getByLabel('شنبه', { exact: true }).uncheck();
  await setup.getByLabel('شنبه', { exact: true }).check();
  await expect(setup.getByRole('textbox', { name: 'شنبه از', exact: true }).inputValue()).resolves.toBe('۰۸:۰۰');
  await expect(setup.getByRole('textbox', { name: 'شنبه تا', exact: true }).inputValue()).resolves.toBe('۱۷:۰۰');
  const row = setup.getByTestId(`assign-line-${lineId}`);
  await expect(row.getByLabel('در ساعت کاری').count()).resolves.toBe(1);
  await expect(row.getByLabel('پاسخ پس از چند زنگ').inputValue()).resolves.toBe('۲');
  await shot(page, 'desk-setup-fa');
  await page.getByTestId('language-switch').click();
  await setup.getByLabel('Friday', { exact: true }).check();
  await expect(setup.getByRole('textbox', { name: 'Friday From', exact: true }).inputValue()).resolves.toBe('08:00');
  await expect(setup.getByRole('textbox', { name: 'Friday To', exact: true }).inputValue()).resolves.toBe('17:00');
  await shot(page, 'desk-setup-en');
  await page.getByTestId('language-switch').click();
});

test('Settings: every card saves as it changes, typed fields when left; a refused value stays on its field (fa, en)', async () => {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-model').textContent()).resolves.toContain('هر تغییر همان‌جا ذخیره می‌شود');
  await expect(page.getByTestId('save-settings').count()).resolves.toBe(0);
  await page.getByTestId('userName').fill('زهرا رضایی');
  // Leaving the screen straight away: no button to forget.
  await page.getByTestId('nav-phonebook').click();
  await poll(async () => (await api('settings/get', {})).userName, 'زهرا رضایی', 5000);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('phoneAreaCode').fill('12345');
  await page.getByTestId('phoneAreaCode').press('Tab');
  const area = page.locator('.form-field', { has: page.getByTestId('phoneAreaCode') });
  await area.locator('.field-error').waitFor();
  await shot(page, 'desk-settings-error-fa');
  expect((await api('settings/get', {})).phoneAreaCode).toBe('21');
  await page.getByTestId('phoneAreaCode').fill('31');
  await page.getByTestId('phoneAreaCode').press('Tab');
  await poll(async () => (await api('settings/get', {})).phoneAreaCode, '31', 5000);
  await expect(area.locator('.field-error').count()).resolves.toBe(0);
  // The cards of other modules follow the same model (a checkbox saves when ticked).
  await page.getByTestId('alarm-sound').click();
  await poll(async () => (await api('alarms/settings', {})).sound, false, 5000);
  await page.getByTestId('alarm-sound').click();
  await poll(async () => (await api('alarms/settings', {})).sound, true, 5000);

  await page.getByTestId('settings-language').selectOption('en');
  await poll(async () => (await page.getByTestId('settings-model').textContent())?.includes('Every change is saved as you make it') ?? false, true, 5000);
  await page.getByTestId('phoneAreaCode').fill('21');
  await page.getByTestId('phoneAreaCode').press('Tab');
  await poll(async () => (await api('settings/get', {})).phoneAreaCode, '21', 5000);
  await shot(page, 'desk-settings-en');
  await page.getByTestId('settings-language').selectOption('fa');
  await poll(async () => (await api('settings/get', {})).language, 'fa', 5000);
});
