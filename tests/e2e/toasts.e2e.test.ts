/**
 * Toasts across a language switch, in Chromium: a toast written in Persian stays right to left (its close
 * button on its left) after the user switches to English, a new English one is left to right beside it,
 * and the stack stays at the bottom centre of the window in either language.
 */
import { pollUntil, shot, useApp } from './app';

jest.setTimeout(120_000);

const { page } = useApp({ name: 'toasts', fresh: 'test' });

type Box = { dir: string; lang: string; text: string; textLeft: number; closeLeft: number; centre: number };

/** Each shown toast: its computed direction, its language and where its text and close button are. */
const toastBoxes = () =>
  page.locator('.toasts .toast').evaluateAll((els) =>
    els.map((el): Box => {
      const box = (e: Element) => e.getBoundingClientRect();
      const t = box(el.querySelector('.toast-text')!);
      const whole = box(el);
      return {
        dir: getComputedStyle(el).direction,
        lang: el.getAttribute('lang') ?? '',
        text: el.querySelector('.toast-text')!.textContent ?? '',
        textLeft: t.left,
        closeLeft: box(el.querySelector('button')!).left,
        centre: Math.round(whole.left + whole.width / 2),
      };
    }),
  );

async function saveOfficeName(name: string): Promise<void> {
  await page.getByTestId('officeName').fill(name);
  await page.getByTestId('officeName').blur();
}

test('a Persian toast stays right to left after switching to English; the English one beside it is left to right, both centred', async () => {
  await page.getByTestId('nav-settings').click();
  await saveOfficeName('دفتر نوآوران');
  await page.getByTestId('toast-success').waitFor();
  const before = await toastBoxes();
  expect(before.map((b) => b.dir)).toEqual(['rtl']);
  const width = page.viewportSize()!.width;

  await page.getByTestId('language-switch').click();
  await pollUntil(page, () => page.evaluate(() => document.documentElement.dir), 'ltr');
  await saveOfficeName('Novin Office');
  await pollUntil(page, async () => (await toastBoxes()).length, 2);
  const after = await toastBoxes();
  const [fa, en] = after;
  expect(en!.text).toBe('Settings saved.');
  // Each reads in its own direction: the close button at the end of its line.
  expect(fa!.closeLeft).toBeLessThan(fa!.textLeft);
  expect(en!.closeLeft).toBeGreaterThan(en!.textLeft);
  expect([fa!.dir, fa!.lang, en!.dir, en!.lang]).toEqual(['rtl', 'fa', 'ltr', 'en']);
  // The stack is at the bottom centre in English as it was in Persian.
  for (const b of [...before, ...after]) expect(Math.abs(b.centre - width / 2)).toBeLessThanOrEqual(2);
  await shot(page, 'toasts-01-fa-and-en');
});
