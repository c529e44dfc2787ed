/**
 * Fax-on-demand through the IVR on the demo line, in Chromium: a PDF is added to the fax library on the
 * Fax screen; in the tree editor the root becomes a "Fax on demand" node (a key with no document is
 * named as the node's problem until a document is chosen); the tree answers the demo line; the demo
 * caller rings, presses 1 on the keypad, then "Press Start to receive a fax" — the demo fax machine
 * receives the document on the same call. The fax log lists it (out, 1/1 pages, the caller, matched
 * to the contact), the contact's page shows it on the timeline, and the demo caller's last call ends
 * "went to fax". Persian first; the editor's problem in English too.
 */
import { engineApi, pollUntil, shot, useApp } from './app';
import { addFaxFile, demoFaxLine, useLanguage } from './fax-setup';
import { rectPdf } from '../helpers/fax-docs';

jest.setTimeout(240_000);

const app = useApp({ name: 'fax-on-demand', fresh: 'test', viewport: { width: 1400, height: 900 }, ready: 'nav-phonebook' });
const { page } = app;

test('fax-on-demand: build the node in the editor, ring, press 1, press Start; the log shows the fax with 1/1 pages', async () => {
  await useLanguage(page, 'fa');
  const lineId = await demoFaxLine(page, { ringsBeforeAnswer: 2 });
  const contact = await engineApi(page, 'contacts/create', { firstName: 'سارا', lastName: 'کریمی', phones: [{ kind: 'mobile', number: '09121234567' }] });

  // The library: a PDF picked on the Fax screen.
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-screen').waitFor();
  const docId = await addFaxFile(page, 'price-list.pdf', await rectPdf());

  // The tree: its root turned into a fax-on-demand node, key 1 → the price list.
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('tree-new').click();
  await page.getByTestId('tree-name').fill('فکس درخواستی');
  const root = page.getByTestId('node-n1');
  await root.getByTestId('node-kind').selectOption('fax-document');
  await root.getByTestId('node-label').fill('فهرست قیمت');
  await root.getByTestId('fax-doc-add').click();
  // A key with no document yet: named under the node, and the tree is not saved.
  await expect(root.getByTestId('node-problem').allTextContents()).resolves.toEqual(['برای کلید ۱ سندی از کتابخانهٔ فکس انتخاب نشده است.']);
  await shot(page, 'fax-on-demand-problem-fa');
  await root.getByTestId('fax-doc-document-0').selectOption({ label: 'price-list.pdf' });
  await expect(page.getByTestId('node-problem').count()).resolves.toBe(0);
  await page.getByTestId('tree-save').click();
  await page.getByText('درخت ذخیره شد.').waitFor();
  const tree = (await engineApi(page, 'ivr/trees', {}))[0]!;
  expect(tree.tree.nodes[0]).toMatchObject({ kind: 'fax-document', documents: [{ key: '1', documentId: docId }] });
  await shot(page, 'fax-on-demand-tree-fa');
  await engineApi(page, 'ivr/settings-update', { assignments: [{ lineId, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });

  // Press Start before any call: the demo panel says why nothing happens.
  await page.getByTestId('demo-caller-fax-start').click();
  await page.getByText('دستگاه فکس تماس‌گیرنده در تماسی نیست؛ نخست زنگ بزنید و منتظر پاسخ بمانید.').waitFor();

  // The call: ring, key 1 on the keypad, Start on the caller's fax machine.
  await page.getByTestId('demo-caller-ring').click();
  await pollUntil(page, async () => (await engineApi(page, 'lines/list', {}))[0]!.status, 'in-call', 20_000);
  await page.getByTestId('demo-key-1').click();
  await page.getByTestId('demo-caller-fax-start').click();
  const end = page.getByTestId('demo-caller-run-end');
  await end.waitFor({ timeout: 120_000 });
  await expect(end.getAttribute('data-end')).resolves.toBe('fax');
  await expect(end.textContent()).resolves.toBe('سند فکس شد (دفتر فکس را ببینید)');
  await pollUntil(page, async () => (await engineApi(page, 'fax/log', {})).rows[0]?.pagesDone ?? null, 1, 60_000);
  await page.getByTestId('demo-caller-run').scrollIntoViewIfNeeded();
  await shot(page, 'fax-on-demand-call-fa');

  // The fax log: out, 1/1 pages, the contact, completed.
  await page.getByTestId('nav-fax').click();
  await page.getByTestId('fax-log-link').click();
  await page.getByTestId('fax-log-list').waitFor();
  const row = page.getByTestId('fax-log-row').first();
  await expect(row.getByTestId('fax-log-pages').textContent()).resolves.toBe('۱ از ۱');
  await expect(row.getByTestId('fax-log-party').textContent()).resolves.toContain('سارا کریمی');
  await expect(row.getByTestId('fax-log-result').textContent()).resolves.toBe('انجام شد');
  await shot(page, 'fax-on-demand-log-fa');
  const [entry] = (await engineApi(page, 'fax/log', { contactId: contact.id })).rows;
  expect(entry).toMatchObject({ direction: 'out', pagesDone: 1, pagesTotal: 1, remoteNumber: '09121234567', contactId: contact.id });
  const call = (await engineApi(page, 'calls/list', {})).rows[0]!;
  expect(call.outcome).toBe('fax');

  // English: the same problem in the editor, named on the node (the ended call's card put away first).
  for (let n = await page.getByTestId('caller-dismiss').count(); n > 0; n--) await page.getByTestId('caller-dismiss').first().click();
  await useLanguage(page, 'en');
  await page.getByTestId('nav-ivr').click();
  await page.getByTestId('ivr-tab-trees').click();
  await page.getByTestId('tree-link').first().click();
  await page.getByTestId('node-n1').getByTestId('fax-doc-add').click();
  await expect(page.getByTestId('node-n1').getByTestId('node-problem').allTextContents()).resolves.toEqual(['Key 2 has no document from the fax library.']);
  await shot(page, 'fax-on-demand-problem-en');
});
