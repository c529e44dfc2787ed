/**
 * The address is where the user is: browser mode, Debian's Chromium. A contact opened from the search, one of
 * their cheques and the call log each change the address; Back walks back through them (the screen and the
 * record shown, read from the page) and Forward again. A link copied from the app (a contact, a cheque, a people
 * file, a tab) opened in a fresh browser lands on that record right after the one-time sign-in, the first
 * version's links still open, and a reload keeps the screen.
 */
import type { BrowserContext, Page } from 'playwright-core';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pollUntil, shot, useApp } from './app';
import { installAudioProbe } from './audio-probe';

// Each test on its own data folder and server, with the same two contacts, cheque and file added through the engine's requests.
const { app, browser, page } = useApp({ name: 'navigation', fresh: 'test', viewport: { width: 1280, height: 860 } });
let maryam: number;
let reza: number;
let chequeId: number;
let fileId: number;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);
const pad = (n: number) => String(n).padStart(2, '0');
const hashOf = (p: Page) => p.evaluate(() => window.location.hash);
/** The header tab the page says is current. */
const currentTab = (p: Page) => p.locator('.app-nav [aria-current="page"]').getAttribute('data-testid');
/** What the page shows, read from the page itself: the tab, the open contact, and the open cheque's payer. */
async function shown(p: Page): Promise<string> {
  const tab = await currentTab(p);
  const contact = p.getByTestId('contact-detail');
  const cheque = p.getByTestId('cheque-detail');
  const file = p.getByTestId('file-detail');
  const parts = [tab];
  if (tab === 'nav-phonebook' && (await contact.count()) > 0)
    parts.push(`contact ${await contact.getAttribute('data-contact-id')} ${await p.getByTestId('detail-name').textContent()}`);
  if ((await cheque.count()) > 0) parts.push(`cheque ${await cheque.getByTestId('cheque-detail-party').textContent()}`);
  if (tab === 'nav-people' && (await file.count()) > 0) parts.push(`file ${await file.getAttribute('data-file-id')}`);
  return parts.join(' | ');
}
const poll = (p: Page, want: string) => pollUntil(p, () => shown(p), want);

beforeEach(async () => {
  maryam = (await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', phones: [{ number: '09351112233', kind: 'mobile' }] })).id;
  reza = (await api('contacts/create', { firstName: 'رضا', lastName: 'کریمی', phones: [{ number: '09121234567', kind: 'mobile' }] })).id;
  const due = new Date(Date.now() + 20 * 86_400_000);
  chequeId = (
    await api('cheques/create', {
      direction: 'received',
      amount: 5_000_000,
      dueDate: `${due.getFullYear()}-${pad(due.getMonth() + 1)}-${pad(due.getDate())}`,
      contactId: maryam,
      bankCode: 'mellat',
    })
  ).id;
  fileId = (await api('people/create', { kind: 'customer', contactId: reza })).id;
});

it('opens a contact from the search, a cheque of theirs, the call log; Back walks back through them and Forward again', async () => {
  await page.getByTestId('search-input').fill('مریم');
  const row = page.getByTestId('contact-row').filter({ hasText: 'مریم احمدی' });
  await pollUntil(page, () => page.getByTestId('contact-row').count(), 1);
  await row.click();
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
  expect(await hashOf(page)).toBe(`#/contact/${maryam}`);

  // The contact's cheque is a real link: its address is the cheque's.
  const link = page.getByTestId('contact-cheque').first();
  expect(await link.getAttribute('href')).toBe(`#/cheque/${chequeId}`);
  await link.click();
  await poll(page, 'nav-cheques | cheque مریم احمدی');
  expect(await hashOf(page)).toBe(`#/cheque/${chequeId}`);
  await shot(page, 'navigation-01-cheque-fa');
  await page.keyboard.press('Escape');
  await poll(page, 'nav-cheques');
  expect(await hashOf(page)).toBe('#/cheques');

  await page.getByTestId('nav-calls').click();
  await page.getByTestId('calls-screen').waitFor();
  await poll(page, 'nav-calls');
  expect(await hashOf(page)).toBe('#/calls');
  await page.getByTestId('calls-tab-report').click();
  await pollUntil(page, () => hashOf(page), '#/calls/report');
  await shot(page, 'navigation-02-calls-report-fa');

  // Back: the log, the cheque book, the cheque in its window, the contact beside the list.
  await page.goBack();
  await pollUntil(page, () => hashOf(page), '#/calls');
  await expect(page.getByTestId('calls-tab-log').getAttribute('aria-selected')).resolves.toBe('true');
  await page.goBack();
  await poll(page, 'nav-cheques');
  await page.goBack();
  await poll(page, 'nav-cheques | cheque مریم احمدی');
  await shot(page, 'navigation-03-back-to-cheque-fa');
  await page.goBack();
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
  await shot(page, 'navigation-04-back-to-contact-fa');

  // Forward: the cheque again, then the book, then the log.
  await page.goForward();
  await poll(page, 'nav-cheques | cheque مریم احمدی');
  await page.goForward();
  await poll(page, 'nav-cheques');
  await page.goForward();
  await poll(page, 'nav-calls');
  await expect(page.getByTestId('calls-tab-log').getAttribute('aria-selected')).resolves.toBe('true');

  // The phonebook's tab returns to the contact left open there, as before the router.
  await page.getByTestId('nav-phonebook').click();
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
});

it('keeps a form left open by Back on its own screen, hidden, instead of over the screen Back went to', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/calls';
  });
  await poll(page, 'nav-calls');
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/contact/${maryam}`);
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
  await page.getByTestId('new-contact').click();
  const form = page.getByTestId('contact-form');
  await form.waitFor();
  await page.getByTestId('firstName').fill('نگار');
  await page.goBack();
  await poll(page, 'nav-calls');
  await form.waitFor({ state: 'hidden' });
  // The screen Back went to is in use: Ctrl+F is not held by a form nobody sees.
  await page.keyboard.press('Control+KeyF');
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
  await form.waitFor();
  await expect(page.getByTestId('firstName').inputValue()).resolves.toBe('نگار');
  // Still the same form, asking before it throws the typed name away.
  await page.keyboard.press('Escape');
  await page.getByTestId('confirm-ok').click();
  await form.waitFor({ state: 'detached' });
});

it("opens the new-contact form from a call's address over the contact that was open, and closes back to it", async () => {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#/contact/${maryam}`);
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
  await page.evaluate(() => {
    window.location.hash = '#/new-contact/%2B98%20912%20555%200000';
  });
  const form = page.getByTestId('contact-form');
  await form.waitFor();
  await expect(form.locator('input[name="phones.0.number"]').inputValue()).resolves.toBe('+98 912 555 0000');
  await page.getByTestId('cancel-contact').click();
  await form.waitFor({ state: 'detached' });
  await pollUntil(page, () => hashOf(page), `#/contact/${maryam}`);
  await poll(page, `nav-phonebook | contact ${maryam} مریم احمدی`);
});

/** A fresh browser (no cookie) signs in with a one-time address carrying the copied link's hash. */
async function openCopied(hash: string): Promise<{ ctx: BrowserContext; p: Page }> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const p = await ctx.newPage();
  p.setDefaultTimeout(10_000);
  await p.goto(`${app.url}${hash}`);
  await p.locator('.app-nav').waitFor();
  return { ctx, p };
}

it('opens a copied link to a contact, a cheque, a people file or a tab in a fresh browser, after the one-time sign-in', async () => {
  const cases: [string, string][] = [
    [`#/contact/${reza}`, `nav-phonebook | contact ${reza} رضا کریمی`],
    [`#/cheque/${chequeId}`, 'nav-cheques | cheque مریم احمدی'],
    [`#/file/${fileId}`, `nav-people | file ${fileId}`],
  ];
  for (const [hash, want] of cases) {
    const { ctx, p } = await openCopied(hash);
    // Signed in: the one-time code has left the address, the link's hash has not.
    expect(new URL(p.url()).search).toBe('');
    await poll(p, want);
    expect(await hashOf(p)).toBe(hash);
    await shot(p, `navigation-05-link-${hash.split('/')[1]}-fa`);
    await ctx.close();
  }
  // The file's kind comes from the file: its tab of People shows with it.
  const { ctx, p } = await openCopied('#/calls/report');
  await pollUntil(p, () => p.getByTestId('calls-tab-report').getAttribute('aria-selected'), 'true');
  expect(await currentTab(p)).toBe('nav-calls');
  await ctx.close();
});

it("keeps opening the first version's links, rewritten to the new address", async () => {
  const { ctx, p } = await openCopied(`#contact=${maryam}`);
  await poll(p, `nav-phonebook | contact ${maryam} مریم احمدی`);
  await pollUntil(p, () => hashOf(p), `#/contact/${maryam}`);
  await p.evaluate(() => {
    window.location.hash = '#lines';
  });
  await pollUntil(p, () => currentTab(p), 'nav-lines');
  await pollUntil(p, () => hashOf(p), '#/lines');
  // An address the app cannot read is the phonebook, never a broken page.
  await p.evaluate(() => {
    window.location.hash = '#/contact/banana';
  });
  await pollUntil(p, () => hashOf(p), '#/phonebook');
  await poll(p, 'nav-phonebook');
  await ctx.close();
});

it('gives the designer, an answering tree, a line and the cheque books window addresses of their own', async () => {
  const field = [{ kind: 'payee' as const, xMm: 40, yMm: 52, widthMm: 120 }];
  await api('cheque-templates/create', { name: 'ملت — جاری', bank: 'بانک ملت', widthMm: 180, heightMm: 85, fields: field });
  const second = (await api('cheque-templates/create', { name: 'صادرات — ارزی', bank: 'بانک صادرات', widthMm: 175, heightMm: 80, fields: field })).id;
  const tree = (name: string) => api('ivr/tree-create', { name, tree: { root: 'n1', nodes: [{ id: 'n1', kind: 'hangup' }] } });
  await tree('منوی روز');
  const night = (await tree('منوی شب')).id;
  const line = (await api('lines/create', { name: 'خط نمایشی', kind: 'demo' })).id;

  // Not the first of each list (which opens when none is named), but the one the link names.
  const { ctx, p } = await openCopied(`#/template/${second}`);
  await pollUntil(p, () => p.getByTestId('cheque-designer').locator('h2').textContent(), 'صادرات — ارزی');
  expect(await currentTab(p)).toBe('nav-cheques');
  await expect(p.getByTestId('cheques-tab-templates').getAttribute('aria-current')).resolves.toBe('page');
  await p.getByTestId('template-item').filter({ hasText: 'ملت — جاری' }).click();
  await pollUntil(p, () => p.getByTestId('cheque-designer').locator('h2').textContent(), 'ملت — جاری');
  await p.goBack();
  await pollUntil(p, () => p.getByTestId('cheque-designer').locator('h2').textContent(), 'صادرات — ارزی');

  await p.evaluate((h) => {
    window.location.hash = h;
  }, `#/ivr-tree/${night}`);
  await pollUntil(p, () => p.locator('.ivr-tree-link.active').textContent(), 'منوی شب');
  await expect(p.locator('input[name="tree-name"]').inputValue()).resolves.toBe('منوی شب');
  await shot(p, 'navigation-07-ivr-tree-fa');

  await p.evaluate((h) => {
    window.location.hash = h;
  }, `#/line/${line}`);
  await p.getByTestId('line-form').waitFor();
  await expect(p.getByTestId('line-form').textContent()).resolves.toContain('خط نمایشی');
  await p.keyboard.press('Escape');
  await pollUntil(p, () => hashOf(p), '#/lines');
  await p.goBack();
  await p.getByTestId('line-form').waitFor();

  await p.evaluate((h) => {
    window.location.hash = h;
  }, '#/cheques/books');
  await p.getByTestId('cheque-books').waitFor();
  expect(await currentTab(p)).toBe('nav-cheques');
  await ctx.close();
});

it('keeps the screen and the record over a reload', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/people';
  });
  await page.getByTestId('files-customer').click();
  await pollUntil(page, () => hashOf(page), '#/people/customer');
  await page.getByTestId('file-row').first().click();
  await poll(page, `nav-people | file ${fileId}`);
  expect(await hashOf(page)).toBe(`#/file/${fileId}`);
  await page.reload();
  await poll(page, `nav-people | file ${fileId}`);
  // The route names the file, not its kind: the customer tab is chosen once the file is read (never staff first).
  await pollUntil(page, () => page.getByTestId('files-customer').getAttribute('aria-selected'), 'true');
  await expect(page.getByTestId('files-staff').getAttribute('aria-selected')).resolves.toBe('false');
  await shot(page, 'navigation-06-reload-file-fa');

  await page.getByTestId('nav-cheques').click();
  await page.getByTestId('cheques-tab-templates').click();
  await pollUntil(page, () => hashOf(page), '#/cheques/templates');
  await page.reload();
  await pollUntil(page, () => page.getByTestId('cheques-tab-templates').getAttribute('aria-current'), 'page');
  expect(await currentTab(page)).toBe('nav-cheques');
  await page.goBack();
  await pollUntil(page, () => hashOf(page), '#/cheques');
  await pollUntil(page, () => page.getByTestId('cheques-tab-book').getAttribute('aria-current'), 'page');
});

it('starts and opens every screen (each loaded when first shown) without a Content Security Policy violation', async () => {
  const fresh = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  const probe = await installAudioProbe(fresh);
  await fresh.goto(app.url);
  await fresh.getByTestId('contact-row').first().waitFor();
  const tabs = await fresh.locator('.app-nav [data-testid^="nav-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''));
  expect(tabs.length).toBeGreaterThan(4);
  for (const tab of tabs) {
    await fresh.getByTestId(tab).click();
    await pollUntil(fresh, () => currentTab(fresh), tab);
    // The screen drew something of its own: its chunk loaded and ran.
    await pollUntil(
      fresh,
      () =>
        fresh
          .locator('.app-main > .screen:not([hidden]) *')
          .count()
          .then((n) => n > 0),
      true,
    );
  }
  await expect(probe.cspErrors()).resolves.toEqual([]);
  await fresh.close();
}, 60_000);
