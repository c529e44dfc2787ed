/**
 * Accounts in Chromium (issue 18): the first run makes the first manager (the recovery code shown once),
 * the manager adds a front-desk user in Settings → Users, the front desk signs in and sees no cheques
 * (nor reaches them by link; the engine refuses them), and a clerk switching in at the lock screen can.
 * A front-desk browser beside the clerk's does not even hear of the clerk's new cheque (the events its
 * socket receives are read in the page), and a restart of Monshi leaves the clerk signed in.
 */
import { engineApi, pollUntil, shot, useApp } from './app';

const e2e = useApp({ name: 'accounts', viewport: { width: 1280, height: 900 } });
const { page } = e2e;

it('the first run makes the first manager and shows the recovery code once', async () => {
  const guide = page.getByTestId('first-run');
  await guide.waitFor();
  // No password is the default choice: nothing changes for a one-person office.
  await expect(guide.getByTestId('guide-accounts-open').getAttribute('aria-checked')).resolves.toBe('true');
  await guide.getByTestId('guide-accounts-accounts').click();
  await guide.getByTestId('manager-name').fill('مینا');
  await guide.getByTestId('manager-password').fill('abc');
  await expect(guide.getByTestId('manager-password-strength').textContent()).resolves.toContain('خیلی ضعیف');
  await guide.getByTestId('manager-password').fill('Office-Desk-2025!');
  await expect(guide.getByTestId('manager-password-strength').textContent()).resolves.toContain('قوی');
  await guide.getByTestId('manager-create').click();
  const code = await page.getByTestId('recovery-code-value').textContent();
  expect(code).toMatch(/^([A-Z0-9]{5}-){4}[A-Z0-9]{5}$/);
  await shot(page, 'accounts-01-recovery-code');
  await page.getByTestId('recovery-code-kept').click();
  await expect(guide.getByTestId('guide-accounts-on').textContent()).resolves.toContain('مینا');
  await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('\u2068مینا\u2069 (مدیر)');
  expect(await engineApi(page, 'accounts/state', {})).toMatchObject({ mode: 'accounts', user: { name: 'مینا', role: 'manager' } });
});

it('the manager adds a front-desk user in Settings → Users; the mode is said there', async () => {
  await page.getByTestId('nav-settings').click();
  const users = page.getByTestId('users-section');
  await expect(users.getByTestId('accounts-mode').textContent()).resolves.toContain('حساب‌های کاربری روشن است');
  await users.getByTestId('user-name').fill('سارا');
  await users.getByTestId('user-password').fill('sara-desk-pass');
  await users.getByTestId('user-create').click();
  await users.getByTestId('user-سارا').waitFor();
  await expect(users.getByTestId('user-سارا').getByTestId('user-role').inputValue()).resolves.toBe('front-desk');
  await engineApi(page, 'users/create', { name: 'Omid', password: 'omid-clerk-pass', role: 'clerk' });
  await shot(page, 'accounts-02-settings-users');
});

it('the front desk signs in and sees no cheques; a link to them lands on the phonebook; the engine refuses them', async () => {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-sign-out').click();
  const signIn = page.getByTestId('sign-in');
  await signIn.waitFor();
  await signIn.getByTestId('name').fill('سارا');
  await signIn.getByTestId('password').fill('wrong-password');
  await signIn.getByTestId('sign-in-submit').click();
  await expect(signIn.getByTestId('sign-in-error').textContent()).resolves.toBe('نام یا گذرواژه درست نیست.');
  await shot(page, 'accounts-03-sign-in-wrong');
  await signIn.getByTestId('password').fill('sara-desk-pass');
  await signIn.getByTestId('sign-in-submit').click();
  await page.getByTestId('nav-phonebook').waitFor();
  await expect(page.getByTestId('nav-cheques').count()).resolves.toBe(0);
  await expect(page.getByTestId('nav-settings').count()).resolves.toBe(0);
  await expect(page.getByTestId('nav-calls').count()).resolves.toBe(1);
  // The first-run guide sets the office up: not the front desk's.
  await expect(page.getByTestId('first-run').count()).resolves.toBe(0);
  await page.evaluate(() => (location.hash = '#/cheques'));
  await expect(page.getByTestId('nav-phonebook').getAttribute('aria-current')).resolves.toBe('page');
  await expect(engineApi(page, 'cheques/search', {})).rejects.toThrow(/forbidden.*cheques\.read/);
  await shot(page, 'accounts-04-front-desk');
});

it('a clerk switching in at the lock screen sees the cheque book', async () => {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('user-menu-switch').click();
  const lock = page.getByTestId('lock-screen');
  await lock.waitFor();
  await shot(page, 'accounts-05-lock-screen');
  await lock.getByRole('radio', { name: 'با گذرواژه' }).click();
  await lock.getByTestId('name').fill('Omid');
  await lock.getByTestId('password').fill('omid-clerk-pass');
  await lock.getByTestId('sign-in-submit').click();
  await page.getByTestId('nav-cheques').click();
  await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('\u2068Omid\u2069 (کارمند دفتر)');
  await expect(engineApi(page, 'cheques/search', {})).resolves.toBeTruthy();
  await page.getByTestId('cheques-screen').waitFor();
  await shot(page, 'accounts-06-clerk-cheques');
  expect(e2e.pageErrors).toEqual([]);
});

it('a front-desk browser does not receive the cheque event the clerk’s browser receives', async () => {
  const desk = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const deskPage = await desk.newPage();
    // Every event the page's socket receives, as the page received it.
    const record = () => {
      const seen: string[] = [];
      (window as unknown as { monshiEvents: string[] }).monshiEvents = seen;
      const Native = window.WebSocket;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          this.addEventListener('message', (m: MessageEvent<string>) => {
            const msg = JSON.parse(m.data) as { t: string; name?: string };
            if (msg.t === 'evt' && msg.name) seen.push(msg.name);
          });
        }
      };
    };
    await deskPage.addInitScript(record);
    await page.addInitScript(record);
    await page.reload();
    await page.getByTestId('cheques-screen').waitFor();
    await deskPage.goto(e2e.app.url);
    const signIn = deskPage.getByTestId('sign-in');
    await signIn.getByTestId('name').fill('سارا');
    await signIn.getByTestId('password').fill('sara-desk-pass');
    await signIn.getByTestId('sign-in-submit').click();
    await deskPage.getByTestId('nav-phonebook').waitFor();

    const events = (p: typeof page) => p.evaluate(() => (window as unknown as { monshiEvents: string[] }).monshiEvents);
    await engineApi(page, 'cheques/create', { direction: 'received', bankCode: 'mellat', amount: 3_000_000, partyName: 'رضا', dueDate: '2025-06-10' });
    // Then a contact both may hear of: once the desk has that, whatever was sent before it has come too.
    await engineApi(page, 'contacts/create', { firstName: 'رضا', phones: [] });
    await pollUntil(deskPage, async () => (await events(deskPage)).includes('contacts/changed'), true);
    await pollUntil(page, async () => (await events(page)).includes('contacts/changed'), true);
    expect(await events(page)).toContain('cheques/changed');
    expect((await events(deskPage)).filter((n) => n.startsWith('cheque'))).toEqual([]);
    await expect(deskPage.getByTestId('nav-cheques').count()).resolves.toBe(0);
  } finally {
    await desk.close();
  }
});

it('a restart of Monshi leaves the clerk signed in (no password asked again)', async () => {
  await e2e.restart();
  await expect(page.getByTestId('user-menu').textContent()).resolves.toContain('\u2068Omid\u2069 (کارمند دفتر)');
  await expect(page.getByTestId('sign-in').count()).resolves.toBe(0);
  expect(await engineApi(page, 'accounts/state', {})).toMatchObject({ user: { name: 'Omid', role: 'clerk' }, locked: false });
  await shot(page, 'accounts-07-after-restart');
  expect(e2e.pageErrors).toEqual([]);
});
