/**
 * A new office's first start: the guide on the empty phonebook sets the office, the area code and the
 * user's name (which then signs a note), adds the demo line, adds sample data marked as such and
 * removes it in one step, and stays closed after "Done" and a restart.
 */
import { engineApi, pollUntil, shot, useApp } from './app';

const e2e = useApp({ name: 'first-run', viewport: { width: 1280, height: 900 } });
const { page } = e2e;

const guide = () => page.getByTestId('first-run');
const rows = () => page.getByTestId('contact-row');

it('loads without a failed request or a console error, and shows its icon', async () => {
  await page.waitForLoadState('networkidle');
  expect(e2e.loadProblems).toEqual([]);
  const icon = await page.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '';
    const r = await fetch(href);
    return { type: r.headers.get('content-type'), svg: (await r.text()).startsWith('<svg') };
  });
  expect(icon).toEqual({ type: 'image/svg+xml', svg: true });
});

it('greets a new office on the empty phonebook and saves the office, area code and name', async () => {
  await guide().waitFor();
  await expect(guide().textContent()).resolves.toContain('به منشی خوش آمدید');
  await shot(page, 'first-run-01-fa');
  await guide().getByTestId('guide-officeName').fill('دفتر فنی نوآوران');
  await guide().getByTestId('guide-phoneAreaCode').fill('۳۱');
  await guide().getByTestId('guide-userName').fill('نگار صالحی');
  await guide().getByTestId('guide-userName').press('Tab'); // each field is saved as it is left
  await pollUntil(
    page,
    async () => {
      const s = await engineApi(page, 'settings/get', {});
      return [s.officeName, s.phoneAreaCode, s.userName].join('|');
    },
    'دفتر فنی نوآوران|31|نگار صالحی',
  );
});

it('adds the demo line in one click, and it is running among the lines', async () => {
  await guide().getByTestId('guide-add-demo').click();
  await guide().getByTestId('guide-lines').waitFor();
  await expect(guide().getByTestId('guide-add-demo').count()).resolves.toBe(0);
  const lines = await engineApi(page, 'lines/list', {});
  expect(lines.map((l) => [l.kind, l.name])).toEqual([['demo', 'خط نمایشی']]);
});

it("adds sample contacts marked as sample data; the user's name signs a note; one click removes them all", async () => {
  await guide().getByTestId('guide-add-sample').click();
  await guide().getByTestId('guide-remove-sample').waitFor();
  await pollUntil(page, () => rows().count(), 6);
  // Said under the step, not in a toast over the bottom of the page where "Done" is.
  await expect(guide().getByTestId('guide-notice-contacts').textContent()).resolves.toContain('۶');
  await expect(page.locator('.toast').count()).resolves.toBe(0);
  await guide().getByTestId('guide-done').click({ trial: true }); // nothing covers it
  const groups = await engineApi(page, 'groups/list', {});
  expect(groups.map((g) => [g.name, g.count])).toEqual([['دادهٔ نمونه (قابل حذف)', 6]]);
  // Filed without the title: «مهندس حسین کریمی» under ح.
  await rows().filter({ hasText: 'حسین کریمی' }).click();
  await page.getByTestId('note-input').fill('قرار جلسه برای شنبه');
  await page.getByTestId('add-note').click();
  await page.getByTestId('note').first().waitFor();
  await expect(page.getByTestId('note').first().textContent()).resolves.toContain('نگار صالحی');
  await page.getByTestId('close-detail').click();
  // A contact of the user's own stays when the samples go.
  await engineApi(page, 'contacts/create', { firstName: 'پرویز', phones: [{ kind: 'mobile', number: '09120001122' }] });
  await guide().getByTestId('guide-remove-sample').click();
  await guide().getByTestId('guide-add-sample').waitFor();
  await pollUntil(page, () => rows().count(), 1);
  await expect(engineApi(page, 'groups/list', {})).resolves.toEqual([]);
  await shot(page, 'first-run-02-after-remove');
});

it('closes with Done and stays closed after a restart; English speaks English', async () => {
  await guide().getByTestId('guide-lang-en').click();
  // The language is saved through the engine, then the page turns English.
  await guide().getByText('Welcome to Monshi').waitFor();
  await shot(page, 'first-run-03-en');
  await guide().getByTestId('guide-done').click();
  await guide().waitFor({ state: 'detached' });
  await e2e.restart();
  await rows().first().waitFor();
  await expect(guide().count()).resolves.toBe(0);
  expect((await engineApi(page, 'settings/get', {})).setupDone).toBe(true);
  // Settings keep the office's name and open the guide again.
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('officeName').inputValue()).resolves.toBe('دفتر فنی نوآوران');
  await page.getByTestId('settings-show-guide').click();
  await guide().waitFor();
  await expect(page.getByTestId('phonebook').isVisible()).resolves.toBe(true);
});
