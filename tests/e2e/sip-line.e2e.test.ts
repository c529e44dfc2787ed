/**
 * A SIP line end to end in Chromium against a real Kamailio (digest auth on, free ports, started here):
 * the user adds a line of kind SIP in the line form (the modem-only fields hidden, the fax note shown),
 * a missing server is named under its field, the line registers and says so on its card and in the
 * call bar, a wrong password typed in the form shows the line down because of the password; «IVR calls at
 * once» and «record: two channels / mixed» are saved, shown again after a reload and a restart, and the
 * card's off/on switch (another save of the line) does not reset them — in
 * Persian, then in English; the line and its stored password survive a restart.
 */
import { useApp, engineApi, pollUntil, shot } from './app';
import { useLanguage } from './fax-setup';
import { startKamailio, type Kamailio } from '../helpers/sip-kamailio';

const e2e = useApp({ name: 'sip-line' });
const { page } = e2e;
let kam: Kamailio;

beforeAll(async () => {
  kam = await startKamailio({ auth: true });
}, 30_000);
afterAll(async () => {
  await kam?.stop();
});

const statusOf = async (name: string) => (await engineApi(page, 'lines/list', {})).find((l) => l.name === name)?.status ?? null;

async function addSipLine(name: string, user: string, password: string): Promise<void> {
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('line-add').click();
  const form = page.getByTestId('line-form');
  await form.getByTestId('kind').selectOption('sip');
  await form.getByTestId('sip-fields').waitFor();
  // Modem-only fields are gone for SIP; the defaults are set.
  for (const id of ['port', 'callerIdMode', 'extraInit', 'faxMode']) await expect(form.getByTestId(id).count()).resolves.toBe(0);
  await expect(form.getByTestId('sipTransport').inputValue()).resolves.toBe('udp');
  await expect(form.getByTestId('codec1').inputValue()).resolves.toBe('PCMU');
  await expect(form.getByTestId('codec2').inputValue()).resolves.toBe('PCMA');
  await form.getByTestId('name').fill(name);
  await form.getByTestId('sipUser').fill(user);
  await form.getByTestId('sipPassword').fill(password);
  // No server: refused, and the error is under the server field.
  await form.getByTestId('line-save').click();
  await expect(form.locator('[aria-invalid="true"]').getAttribute('name')).resolves.toBe('sipServer');
  await form.getByTestId('sipServer').fill(`127.0.0.1:${kam.sipPort}`);
  await shot(page, `sip-line-form-${user}`);
  // The lower half: codecs, calls at once, RTP ports side by side, the fax note.
  await form.getByTestId('sip-fax-note').scrollIntoViewIfNeeded();
  await shot(page, `sip-line-form-${user}-lower`);
}

test('in Persian: add a SIP line, see it registered, then a wrong password shows why it is down', async () => {
  await useLanguage(page, 'fa');
  await addSipLine('مرکز تلفن', '3001', 'secret3001');
  const form = page.getByTestId('line-form');
  await expect(form.getByTestId('sipChannels').inputValue()).resolves.toBe('۲');
  await expect(form.getByTestId('sip-fax-note').textContent()).resolves.toBe('فکس روی خط‌های SIP ارائه نمی‌شود (T.38 بعداً).');
  await expect(form.getByText('سرور SIP را بنویسید').count()).resolves.toBe(0);
  // «IVR calls at once» out of range: named under its field, and nothing is saved.
  await expect(form.getByTestId('ivrAtOnce').inputValue()).resolves.toBe('۰');
  await expect(form.getByTestId('recordSides').inputValue()).resolves.toBe('stereo');
  await form.getByTestId('ivrAtOnce').fill('۹۹');
  await form.getByTestId('line-save').click();
  await expect(form.locator('[aria-invalid="true"]').getAttribute('name')).resolves.toBe('ivrAtOnce');
  await expect(form.getByText('یک عدد صحیح از ۰ تا ۶۴ بنویسید.').count()).resolves.toBe(1);
  expect((await engineApi(page, 'lines/list', {})).some((l) => l.name === 'مرکز تلفن')).toBe(false);
  await form.getByTestId('ivrAtOnce').fill('۱');
  await form.getByTestId('recordSides').selectOption('mixed');
  await form.getByTestId('call-settings').scrollIntoViewIfNeeded();
  await shot(page, 'sip-line-call-settings-fa');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });
  await pollUntil(page, () => statusOf('مرکز تلفن'), 'idle', 15_000);
  const lineId = (await engineApi(page, 'lines/list', {})).find((l) => l.name === 'مرکز تلفن')!.id;
  await expect(engineApi(page, 'lines/call-settings', { lineId })).resolves.toMatchObject({ ivrAtOnce: 1, recordSides: 'mixed' });
  const card = page.getByTestId('line-card').filter({ hasText: 'مرکز تلفن' });
  await expect(card.getByTestId('line-status').textContent()).resolves.toBe('ثبت‌شده در سرور');
  await expect(card.getByTestId('line-sip-account').textContent()).resolves.toBe(`sip:3001@127.0.0.1:${kam.sipPort} (UDP)`);
  await expect(card.getByTestId('line-sip-fax-note').textContent()).resolves.toContain('T.38');
  await expect(page.getByTestId('call-bar-line').filter({ hasText: 'مرکز تلفن' }).textContent()).resolves.toContain('ثبت‌شده در سرور');
  await shot(page, 'sip-line-registered-fa');

  // The form shows that a password is set, never the password; a wrong one typed there: down, and why.
  await card.getByTestId('line-edit').click();
  const edit = page.getByTestId('line-form');
  await expect(edit.getByTestId('sipPassword').inputValue()).resolves.toBe('');
  await expect(edit.getByTestId('sip-password-state').textContent()).resolves.toContain('ذخیره شده است');
  await expect(edit.getByTestId('ivrAtOnce').inputValue()).resolves.toBe('۱');
  await expect(edit.getByTestId('recordSides').inputValue()).resolves.toBe('mixed');
  await edit.getByTestId('sipPassword').fill('wrong');
  await edit.getByTestId('line-save').click();
  await edit.waitFor({ state: 'detached' });
  await pollUntil(page, () => statusOf('مرکز تلفن'), 'disconnected', 15_000);
  await expect(card.getByTestId('line-status').textContent()).resolves.toBe('قطع');
  await expect(card.getByTestId('line-sip-problem').textContent()).resolves.toBe('سرور نام کاربری یا رمز عبور را نپذیرفت؛ رمز عبور را بررسی کنید.');
  await shot(page, 'sip-line-wrong-password-fa');

  // Another screen saves the same line (the card's off/on switch, lines/update): the call settings stay, after a reload too.
  await card.getByTestId('line-toggle').click();
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === lineId)?.enabled, false, 5_000);
  await card.getByTestId('line-toggle').click();
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {})).find((l) => l.id === lineId)?.enabled, true, 5_000);
  await page.reload();
  await page.getByTestId('nav-lines').click();
  await page.getByTestId('line-card').filter({ hasText: 'مرکز تلفن' }).getByTestId('line-edit').click();
  const again = page.getByTestId('line-form');
  await expect(again.getByTestId('ivrAtOnce').inputValue()).resolves.toBe('۱');
  await expect(again.getByTestId('recordSides').inputValue()).resolves.toBe('mixed');
  await again.getByTestId('ivrAtOnce').fill('۰');
  await again.getByTestId('recordSides').selectOption('stereo');
  await again.getByTestId('line-save').click();
  await again.waitFor({ state: 'detached' });
  await expect(engineApi(page, 'lines/call-settings', { lineId })).resolves.toMatchObject({ ivrAtOnce: 0, recordSides: 'stereo' });
}, 90_000);

test('in English: add a SIP line and see it registered; it is still registered after a restart', async () => {
  await useLanguage(page, 'en');
  await addSipLine('Office PBX', '3002', 'secret3002');
  const form = page.getByTestId('line-form');
  await expect(form.getByTestId('sip-fax-note').textContent()).resolves.toBe('Fax is not offered on SIP lines (T.38 later).');
  await form.getByTestId('ivrAtOnce').fill('3');
  await form.getByTestId('recordSides').selectOption('mixed');
  await form.getByTestId('call-settings').scrollIntoViewIfNeeded();
  await shot(page, 'sip-line-call-settings-en');
  await form.getByTestId('sipTransport').selectOption('tcp');
  await form.getByTestId('line-save').click();
  await form.waitFor({ state: 'detached' });
  await pollUntil(page, () => statusOf('Office PBX'), 'idle', 15_000);
  const card = page.getByTestId('line-card').filter({ hasText: 'Office PBX' });
  await expect(card.getByTestId('line-status').textContent()).resolves.toBe('Registered');
  await expect(card.getByTestId('line-sip-account').textContent()).resolves.toBe(`sip:3002@127.0.0.1:${kam.sipPort} (TCP)`);
  await expect(card.getByTestId('line-sip-channels').textContent()).resolves.toBe('2');
  await expect(page.getByTestId('call-bar-line').filter({ hasText: 'Office PBX' }).textContent()).resolves.toContain('Registered');
  await shot(page, 'sip-line-registered-en');

  await e2e.restart();
  await page.getByTestId('nav-lines').click();
  await pollUntil(page, () => statusOf('Office PBX'), 'idle', 15_000);
  await expect(page.getByTestId('line-card').filter({ hasText: 'Office PBX' }).getByTestId('line-status').textContent()).resolves.toBe('Registered');
  // The call settings survive the restart and are shown again in the form.
  await page.getByTestId('line-card').filter({ hasText: 'Office PBX' }).getByTestId('line-edit').click();
  const edit = page.getByTestId('line-form');
  await expect(edit.getByTestId('ivrAtOnce').inputValue()).resolves.toBe('3');
  await expect(edit.getByTestId('recordSides').inputValue()).resolves.toBe('mixed');
}, 120_000);
