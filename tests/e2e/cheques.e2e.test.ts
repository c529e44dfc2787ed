/**
 * The cheque book end to end: browser mode with a test clock (MONSHI_TEST_CLOCK=1), Debian's Chromium.
 * A received cheque is registered in Persian (amount and Sayad ID in Persian digits, Jalali due date,
 * payer picked from the phonebook, mistakes shown under their fields), a scan attached, its due-date
 * warning rings and opens it, it moves through statuses and its history shows every step; a cheque
 * book is defined and a paid cheque written on its next leaf, a leaf voided; quick views, totals and
 * the PDF report; English; and everything is still there after a restart. The amount is read back in
 * words under the field as it is typed (Persian words in both languages, toman words when chosen), and a
 * contact's page lists their cheques with a link to the cheque book filtered to them. Each test starts on
 * its own data folder: the cheques an earlier step of the story made through the form, a later test
 * registers through the engine's requests (the same data the form sends), so each runs alone with `-t`.
 */
import { toJalaali } from 'jalaali-js';
import type { InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { engineApi, pdfPreviewLoaded, pollUntil, settled, shot, useApp } from './app';

// Each test on its own data folder and server (with the test clock): what a test needs it registers itself.
const e2e = useApp({ name: 'cheques', fresh: 'test', env: { MONSHI_TEST_CLOCK: '1' }, viewport: { width: 1280, height: 860 }, acceptDownloads: true });
const { page } = e2e;

const api = <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => engineApi(page, method, input);

const poll = <T>(read: () => Promise<T>, want: T, timeoutMs?: number): Promise<void> => pollUntil(page, read, want, timeoutMs);

const fa = (s: string | number) => String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const pad = (n: number) => String(n).padStart(2, '0');
/** A local day `days` from now as the form's Jalali date in Persian digits. */
function jalaliIn(days: number): string {
  const t = new Date(Date.now() + days * 86_400_000);
  const j = toJalaali(t.getFullYear(), t.getMonth() + 1, t.getDate());
  return fa(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`);
}
/** A local day `days` from now as the engine's ISO date. */
function isoIn(days: number): string {
  const t = new Date(Date.now() + days * 86_400_000);
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
}
const screen = () => page.getByTestId('cheques-screen');
const rows = () => screen().getByTestId('cheque-row');

/** The payer of the received cheque, in the phonebook. */
const addMaryam = async () =>
  (await api('contacts/create', { firstName: 'مریم', lastName: 'احمدی', company: 'بازرگانی آسیا', phones: [{ number: '09351112233', kind: 'mobile' }] })).id;

/**
 * Maryam's received cheque as the first test registers it through the form (due in four days), with a
 * scan attached (a piece of this very page, its thumbnail a JPEG as the page makes it).
 */
async function receivedCheque(contactId: number): Promise<number> {
  const cheque = await api('cheques/create', {
    direction: 'received',
    amount: 125_000_000,
    dueDate: isoIn(4),
    contactId,
    partyId: '0076229645',
    bankCode: 'mellat',
    branch: 'شعبهٔ فردوسی',
    series: '1234',
    serial: '567890',
    sayadId: '1234567890123456',
    purpose: 'فاکتور ۱۴۵ — اجارهٔ آذر',
  });
  const clip = { x: 0, y: 0, width: 480, height: 220 };
  const png = await page.screenshot({ clip });
  const jpeg = await page.screenshot({ clip, type: 'jpeg' });
  await api('cheques/add-image', { chequeId: cheque.id, fileName: 'روی-چک.png', base64: png.toString('base64'), thumbBase64: jpeg.toString('base64') });
  return cheque.id;
}

/** The steps the status test takes in the cheque's page: deposited, bounced with a certificate, deposited again, cashed. */
async function cashed(id: number): Promise<void> {
  const date = isoIn(0);
  await api('cheques/set-status', { id, status: 'deposited', date, counterparty: 'بانک ملت — حساب جاری ۱۲۳', note: 'واگذاری برای وصول' });
  await api('cheques/set-status', { id, status: 'bounced', date, certificate: true, note: 'کسری موجودی' });
  await api('cheques/set-status', { id, status: 'deposited', date });
  await api('cheques/set-status', { id, status: 'cashed', date });
}

/** The cheque book of the book test and the paid cheque written on its first leaf (due in twenty days). */
async function paidCheque(): Promise<number> {
  const book = await api('cheque-books/create', {
    bankCode: 'melli',
    branch: 'میدان ونک',
    account: '0102030405',
    series: '987',
    firstSerial: '0047120',
    leafCount: 10,
  });
  const cheque = await api('cheques/create', {
    direction: 'paid',
    amount: 48_500_000,
    dueDate: isoIn(20),
    partyName: 'پخش البرز',
    partyId: '10380284790',
    purpose: 'خرید کالا',
    bookId: book.id,
  });
  return cheque.id;
}

/** What the first four tests leave: Maryam's received cheque, cashed after its history, and the paid cheque. */
async function story(): Promise<{ maryamId: number }> {
  const maryamId = await addMaryam();
  await cashed(await receivedCheque(maryamId));
  await paidCheque();
  return { maryamId };
}

/** Opens the cheque book and waits until it lists `count` cheques. */
async function openCheques(count: number): Promise<void> {
  await page.getByTestId('nav-cheques').click();
  await poll(() => rows().count(), count);
}

it('registers a received cheque in Persian; each mistake shows under its field', async () => {
  await addMaryam();
  await page.getByTestId('nav-cheques').click();
  await screen().getByTestId('cheques-empty').waitFor();
  await page.getByTestId('cheque-new-received').click();
  const form = page.getByTestId('cheque-form');
  await form.getByTestId('cheque-save').click();
  await expect(form.getByTestId('field-error').first().textContent()).resolves.toBe('مبلغ را بنویسید.');

  // The amount in words under the field as it is typed; nothing for an invalid amount (its error comes on save).
  const words = form.getByTestId('amount-words-rials');
  await form.getByTestId('amount').fill('۱۲۵');
  await poll(() => words.textContent(), 'یکصد و بیست و پنج ریال');
  await form.getByTestId('amount').fill('۱۲۵٬۰۰۰٬۰۰۰');
  await poll(() => words.textContent(), 'یکصد و بیست و پنج میلیون ریال');
  await expect(form.getByTestId('amount-words').textContent()).resolves.toBe('به حروف: یکصد و بیست و پنج میلیون ریال');
  await expect(form.getByTestId('amount-words-toman').count()).resolves.toBe(0); // toman only when chosen in Settings
  await form.getByTestId('amount').fill('۱۲.۵');
  await poll(() => form.getByTestId('amount-words').count(), 0);
  await form.getByTestId('amount').fill('۱۲۵٬۰۰۰٬۰۰۰');
  await words.waitFor();
  await form.getByTestId('dueDate').fill(jalaliIn(4));
  await form.getByTestId('partyName').fill('مریم');
  await form.getByTestId('party-result').first().click();
  await expect(form.getByTestId('party-contact').textContent()).resolves.toContain('مریم احمدی');
  await form.getByTestId('partyId').fill('۰۰۷۶۲۲۹۶۴۶');
  await form.getByTestId('bankCode').selectOption('mellat');
  await form.getByTestId('branch').fill('شعبهٔ فردوسی');
  await form.getByTestId('series').fill('۱۲۳۴');
  await form.getByTestId('serial').fill('۵۶۷۸۹۰');
  await form.getByTestId('sayadId').fill('۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵');
  await form.getByTestId('purpose').fill('فاکتور ۱۴۵ — اجارهٔ آذر');
  await form.getByTestId('cheque-save').click();
  await expect(form.getByTestId('field-error').first().textContent()).resolves.toBe('شناسهٔ صیاد ۱۶ رقم است؛ ۱۵ رقم نوشته شده.');
  await form.getByTestId('sayadId').fill('۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶');
  await form.getByTestId('cheque-save').click();
  await expect(form.getByTestId('field-error').first().textContent()).resolves.toBe('کد ملی یا شناسهٔ ملی درست نیست (رقم کنترل نمی‌خواند).');
  await form.getByTestId('partyId').fill('۰۰۷۶۲۲۹۶۴۵');
  await expect(form.textContent()).resolves.toContain('کد ملی درست است');
  await shot(page, 'cheques-01-form-fa');
  await form.getByTestId('cheque-save').click();
  await form.waitFor({ state: 'detached' });

  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('cheque-status').textContent()).resolves.toBe('نزد صندوق');
  await expect(detail.getByTestId('cheque-sayad').textContent()).resolves.toBe('۱۲۳۴ ۵۶۷۸ ۹۰۱۲ ۳۴۵۶');
  await expect(detail.getByTestId('amount').textContent()).resolves.toContain('۱۲۵٬۰۰۰٬۰۰۰ ریال');
  await expect(detail.getByTestId('amount-words-rials').textContent()).resolves.toBe('یکصد و بیست و پنج میلیون ریال');

  // A scan: any PNG will do; a piece of this very page.
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 480, height: 220 } });
  await detail.getByTestId('cheque-attach-input').setInputFiles({ name: 'روی-چک.png', mimeType: 'image/png', buffer: png });
  await detail.getByTestId('cheque-thumb').waitFor();
  await expect(detail.locator('[data-testid="cheque-thumb"] img').getAttribute('src')).resolves.toMatch(/^data:image\/jpeg;base64,/);
  await settled(page);
  await shot(page, 'cheques-02-detail-fa');
  await detail.getByTestId('dialog-close').click();
  await poll(() => rows().count(), 1);
  await expect(rows().first().getByTestId('cheque-party').textContent()).resolves.toBe('مریم احمدی');
});

it('warns three days before the due date; the alarm opens the cheque', async () => {
  await receivedCheque(await addMaryam());
  // The warning rings at 09:00 three days before the due date (four days from now): tomorrow at 09:00.
  const now = new Date();
  const ring = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0);
  await api('clock/advance', { ms: ring.getTime() - Date.now() + 2000 });
  const dialog = page.getByTestId('alarm-dialog');
  await dialog.waitFor({ timeout: 5000 });
  await expect(dialog.getByTestId('alarm-title').textContent()).resolves.toBe('سررسید چک دریافتی ۱۲۵٬۰۰۰٬۰۰۰ ریال — \u2068مریم احمدی\u2069');
  await expect(dialog.textContent()).resolves.toContain('بانک ملت — شعبهٔ فردوسی');
  await shot(page, 'cheques-03-alarm-fa');
  await dialog.getByTestId('alarm-open').click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('cheque-detail-party').textContent()).resolves.toBe('مریم احمدی');
  await api('alarms/dismiss', { id: (await api('alarms/pending', {}))[0]!.id });
});

it('moves the cheque through statuses; each step is in its history', async () => {
  await receivedCheque(await addMaryam());
  await openCheques(1);
  await rows().first().click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  const step = async (to: string, fill?: () => Promise<void>) => {
    await detail.getByTestId(`to-${to}`).click();
    await fill?.();
    await detail.getByTestId('status-apply').click();
    await poll(() => detail.getByTestId('cheque-status').getAttribute('data-status'), to);
  };
  await step('deposited', async () => {
    await detail.getByTestId('counterparty').fill('بانک ملت — حساب جاری ۱۲۳');
    await detail.getByTestId('statusNote').fill('واگذاری برای وصول');
  });
  await step('bounced', async () => {
    await detail.getByTestId('certificate').check();
    await detail.getByTestId('statusNote').fill('کسری موجودی');
  });
  await step('deposited');
  await step('cashed');
  await detail.getByTestId('cheque-final').waitFor();
  const events = detail.getByTestId('cheque-event');
  await poll(() => events.count(), 6); // registered, the scan, and four status changes
  await expect(events.nth(2).textContent()).resolves.toContain('نزد صندوق ← در جریان وصول');
  await expect(events.nth(2).textContent()).resolves.toContain('بانک ملت — حساب جاری ۱۲۳');
  await expect(events.nth(3).textContent()).resolves.toContain('با گواهی عدم پرداخت');
  await expect(events.nth(5).textContent()).resolves.toContain('در جریان وصول ← وصول شده');
  await expect(detail.getByTestId('cheque-delete').count()).resolves.toBe(0); // a cheque with history is kept
  await shot(page, 'cheques-04-history-fa');
  await detail.getByTestId('dialog-close').click();
});

it('defines a cheque book and writes a paid cheque on its next leaf; a leaf is voided', async () => {
  await page.getByTestId('nav-cheques').click();
  await screen().getByTestId('cheques-empty').waitFor();
  await page.getByTestId('cheque-books-open').click();
  const books = page.getByTestId('cheque-books');
  const bookForm = books.getByTestId('cheque-book-form');
  await bookForm.getByTestId('bankCode').selectOption('melli');
  await bookForm.getByTestId('branch').fill('میدان ونک');
  await bookForm.getByTestId('account').fill('۰۱۰۲۰۳۰۴۰۵');
  await bookForm.getByTestId('series').fill('۹۸۷');
  await bookForm.getByTestId('firstSerial').fill('۰۰۴۷۱۲۰');
  await bookForm.getByTestId('leafCount').fill('۱۰');
  await bookForm.getByTestId('cheque-book-create').click();
  const book = books.getByTestId('cheque-book');
  await book.waitFor();
  await expect(book.getByTestId('cheque-book-next').textContent()).resolves.toBe('برگ بعدی: ۰۰۴۷۱۲۰');
  await book.getByTestId('cheque-book-write').click();

  const form = page.getByTestId('cheque-form');
  await expect(form.getByTestId('bookId').locator('option:checked').textContent()).resolves.toContain('۰۰۴۷۱۲۰');
  await form.getByTestId('amount').fill('48,500,000');
  await form.getByTestId('dueDate').fill(jalaliIn(20));
  await form.getByTestId('partyName').fill('پخش البرز');
  await form.getByTestId('partyId').fill('10380284790');
  await form.getByTestId('purpose').fill('خرید کالا');
  await shot(page, 'cheques-05-paid-form-fa');
  await form.getByTestId('cheque-save').click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('cheque-status').textContent()).resolves.toBe('پاس نشده');
  await expect(detail.textContent()).resolves.toContain('بانک ملی ایران — میدان ونک');
  await expect(detail.textContent()).resolves.toContain('۹۸۷ / ۰۰۴۷۱۲۰');

  // Print it on its leaf with a template from the designer (made here through the API).
  await api('cheque-templates/create', {
    name: 'ملت — جاری',
    bank: 'بانک ملت',
    widthMm: 180,
    heightMm: 85,
    fields: [{ kind: 'payee', xMm: 40, yMm: 52, widthMm: 120 }],
  });
  await api('cheque-templates/create', {
    name: 'ملی — جاری ونک',
    bank: 'بانک ملی ایران',
    widthMm: 180,
    heightMm: 85,
    fields: [
      { kind: 'dateDigits', xMm: 20, yMm: 14, widthMm: 32 },
      { kind: 'amountWords', xMm: 15, yMm: 40, widthMm: 150, font: 'nastaliq', suffix: 'ریال', guard: 'slashes' },
      { kind: 'payee', xMm: 40, yMm: 52, widthMm: 120 },
    ],
  });
  await detail.getByTestId('cheque-print').click();
  const print = page.getByTestId('print-on-cheque');
  await print.getByTestId('print-template').nth(1).waitFor();
  await expect(print.locator('[data-testid="print-template"]:has(input:checked)').textContent()).resolves.toContain('ملی — جاری ونک');
  await settled(page);
  await shot(page, 'cheques-06a-print-fa');
  await print.getByTestId('print-on-cheque-go').click();
  await page.getByTestId('file-ready').waitFor();
  await expect(page.getByTestId('file-ready-count').textContent()).resolves.toMatch(/ — ۱ برگ$/);
  await page.getByTestId('file-ready').getByTestId('dialog-close').click();
  await detail.getByTestId('dialog-close').click();

  await books.waitFor();
  await expect(book.getByTestId('cheque-book-next').textContent()).resolves.toBe('برگ بعدی: ۰۰۴۷۱۲۱');
  await book.getByTestId('cheque-book-leaves').click();
  const leaf = book.locator('[data-testid="leaf"][data-serial="0047121"]');
  await leaf.getByTestId('leaf-void').click();
  await book.getByTestId('markNote').fill('خط خورد');
  await book.getByTestId('leaf-mark-save').click();
  await poll(() => leaf.getAttribute('data-state'), 'void');
  await expect(book.getByTestId('cheque-book-next').textContent()).resolves.toBe('برگ بعدی: ۰۰۴۷۱۲۲');
  await expect(book.getByTestId('cheque-book-counts').textContent()).resolves.toContain('سفید ۸ · نوشته‌شده ۱ · باطل ۱ · مفقود ۰');
  await shot(page, 'cheques-06-books-fa');
  await books.getByTestId('dialog-close').click();
});

it('filters by type, quick views and words; shows totals by status and month; prints the report', async () => {
  await story();
  await openCheques(2);
  await screen().getByTestId('cheque-type-paid').click();
  await poll(() => rows().count(), 1);
  await screen().getByTestId('cheque-type-all').click();
  await screen().getByTestId('cheque-view-dueWeek').click();
  await poll(() => rows().count(), 1); // the received cheque is due in four days; the paid one in twenty
  await screen().getByTestId('cheque-view-all').click();
  await screen().getByTestId('cheque-search').fill('اجاره');
  await poll(() => rows().count(), 1);
  await screen().getByTestId('cheque-search').fill('');
  await screen().getByTestId('cheque-more-filters').click();
  await screen().getByTestId('amountMin').fill('۵۰٬۰۰۰٬۰۰۰');
  await poll(() => rows().count(), 1);
  await screen().getByTestId('amountMin').fill('');
  await poll(() => rows().count(), 2);
  // Every row can be picked; only a paid cheque not cleared yet goes to print on its leaf.
  await poll(() => screen().getByTestId('cheque-pick').count(), 2);
  await screen().locator('.cheque-row.dir-paid [data-testid="cheque-pick"]').check();
  await expect(screen().getByTestId('cheque-print-selected').textContent()).resolves.toBe('چاپ روی چک (۱)');
  await screen().locator('.cheque-row.dir-received [data-testid="cheque-pick"]').check();
  await expect(screen().getByTestId('cheque-print-selected').textContent()).resolves.toBe('چاپ روی چک (۱)');
  await expect(screen().getByTestId('cheque-status-selected').textContent()).resolves.toBe('تغییر وضعیت (۲)');
  await shot(page, 'cheques-07-list-fa');
  await screen().locator('.cheque-row.dir-received [data-testid="cheque-pick"]').uncheck();
  await screen().getByTestId('cheque-mode-totals').click();
  await screen().getByTestId('totals-status-row').first().waitFor();
  await poll(() => screen().getByTestId('totals-status-row').count(), 2);
  await shot(page, 'cheques-08-totals-fa');
  await screen().getByTestId('cheque-mode-list').click();
  await screen().getByTestId('cheque-export').click();
  await page.getByTestId('cheque-export-pdf').click();
  await page.getByTestId('file-ready').waitFor();
  await expect(page.getByTestId('file-ready-count').textContent()).resolves.toMatch(/ — ۲ چک$/);
  await pdfPreviewLoaded(page);
  await shot(page, 'cheques-09-report-fa');
  await page.getByTestId('file-ready').getByTestId('dialog-close').click();
});

it('in English, and after a restart', async () => {
  await story();
  await openCheques(2);
  await page.getByTestId('language-switch').click();
  await poll(() => rows().first().getByTestId('cheque-status').textContent(), 'Cashed');
  await shot(page, 'cheques-10-list-en');
  await rows().first().click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('cheque-event').nth(2).textContent()).resolves.toContain('On hand → Deposited for collection');
  await settled(page);
  await shot(page, 'cheques-11-detail-en');
  await detail.getByTestId('dialog-close').click();

  // The words stay Persian (the cheque's own words); the label is English.
  await page.getByTestId('cheque-new-received').click();
  const form = page.getByTestId('cheque-form');
  await form.getByTestId('amount').fill('۳۷٬۴۵۰٬۰۰۰');
  await poll(() => form.getByTestId('amount-words').textContent(), 'In words (as on the cheque): سی و هفت میلیون و چهارصد و پنجاه هزار ریال');
  await shot(page, 'cheques-11b-form-words-en');
  await form.getByTestId('dialog-close').click();
  await form.waitFor({ state: 'detached' });

  await e2e.restart();
  await page.getByTestId('nav-cheques').click();
  await poll(() => rows().count(), 2);
  await expect(screen().getByTestId('cheque-count').textContent()).resolves.toBe('2 cheques');
  await rows().first().click();
  await poll(() => page.getByTestId('cheque-detail').getByTestId('cheque-event').count(), 6);
  await page.getByTestId('cheque-detail').getByTestId('cheque-thumb').waitFor();
  await page.getByTestId('cheque-detail').getByTestId('dialog-close').click();
});

it('shows amounts in toman too when chosen in Settings; the warning days are a setting', async () => {
  await story();
  await openCheques(2);
  await page.getByTestId('language-switch').click();
  await poll(() => rows().first().getByTestId('cheque-status').textContent(), 'Cashed');
  await page.getByTestId('nav-settings').click();
  const card = page.getByTestId('cheque-settings');
  await card.getByTestId('cheque-warn-days').fill('5');
  await card.getByTestId('cheque-warn-days').blur();
  await card.getByTestId('cheque-show-toman').check();
  await poll(async () => JSON.stringify(await api('cheques/settings', {})), JSON.stringify({ warnDays: 5, warnTime: '09:00', showToman: true }));
  await card.scrollIntoViewIfNeeded();
  await shot(page, 'cheques-12-settings-en');
  await page.getByTestId('nav-cheques').click();
  // Rials stay the headline (the cheque is written in rials); toman beside them, in small print — in the list and its totals.
  await poll(() => rows().first().getByTestId('amount').textContent(), '125,000,000 rials12,500,000 toman');
  await expect(rows().first().locator('.amount-main').textContent()).resolves.toBe('125,000,000 rials');
  await expect(rows().first().locator('.amount-second').textContent()).resolves.toBe('12,500,000 toman');
  await expect(screen().locator('.cheque-total.dir-received .amount-main').textContent()).resolves.toBe('125,000,000 rials');
  await rows().first().click();
  await expect(page.getByTestId('cheque-detail').locator('.cheque-headline .amount-main').textContent()).resolves.toBe('125,000,000 rials');
  await expect(page.getByTestId('cheque-detail').locator('.cheque-headline .amount-second').textContent()).resolves.toBe('12,500,000 toman');
  await page.getByTestId('cheque-detail').getByTestId('dialog-close').click();
  await screen().getByTestId('cheque-mode-totals').click();
  await screen().getByTestId('totals-status-row').first().waitFor();
  await expect(screen().getByTestId('totals-status-row').first().locator('.amount-main').textContent()).resolves.toBe('125,000,000 rials');
  await screen().getByTestId('cheque-mode-list').click();
  await shot(page, 'cheques-13-toman-en');
  await page.getByTestId('cheque-new-received').click();
  const form = page.getByTestId('cheque-form');
  await form.getByTestId('amount').fill('12345');
  await poll(() => form.getByTestId('amount-words-toman').textContent(), 'یک هزار و دویست و سی و چهار تومان و پنج ریال');
  await form.getByTestId('dialog-close').click();
  await form.waitFor({ state: 'detached' });
  await page.getByTestId('language-switch').click(); // back to Persian
});

it("lists a contact's cheques on their page; a row opens the cheque, 'all cheques' the cheque book filtered to them", async () => {
  const { maryamId } = await story();
  await api('cheques/settings-update', { showToman: true });
  const paid = await api('cheques/create', {
    direction: 'paid',
    amount: 20_000_000,
    dueDate: isoIn(30),
    contactId: maryamId,
    bankCode: 'saman',
    purpose: 'پیش‌پرداخت',
  });
  await page.evaluate((h) => {
    window.location.hash = h;
  }, `#contact=${maryamId}`);
  const section = page.getByTestId('contact-cheques');
  await section.waitFor();
  await expect(section.getByTestId('contact-cheque-counts').textContent()).resolves.toBe('۲ چک — ۱ دریافتی، ۱ پرداختی');
  // The received cheque is cashed; the paid one is still open (rials first, toman beside them, as chosen).
  await expect(section.getByTestId('contact-cheque-open').textContent()).resolves.toBe(
    'باز (وصول یا پاس نشده): پرداختی: ۱ چک، ۲۰٬۰۰۰٬۰۰۰ ریال (۲٬۰۰۰٬۰۰۰ تومان)',
  );
  await expect(section.getByTestId('contact-cheque-statuses').textContent()).resolves.toContain('دریافتی · وصول شده: ۱');
  const items = section.getByTestId('contact-cheque');
  await poll(() => items.count(), 2);
  await expect(items.first().getAttribute('data-cheque-id')).resolves.toBe(String(paid.id)); // latest due first
  await expect(section.getByTestId('contact-cheques-all').textContent()).resolves.toBe('همهٔ چک‌ها (۲) در دفتر چک');
  await section.scrollIntoViewIfNeeded();
  await shot(page, 'cheques-14-contact-fa');

  await items.first().click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await expect(detail.getByTestId('cheque-detail-party').textContent()).resolves.toBe('مریم احمدی');
  await expect(detail.getByTestId('amount-words-toman').textContent()).resolves.toBe('دو میلیون تومان');
  await detail.getByTestId('dialog-close').click();

  await page.getByTestId('nav-phonebook').click();
  await section.getByTestId('contact-cheques-all').click();
  await screen().waitFor();
  await expect(screen().getByTestId('cheque-contact-filter').textContent()).resolves.toContain('مریم احمدی');
  await poll(() => rows().count(), 2);
  await expect(screen().getByTestId('cheque-count').textContent()).resolves.toBe('۲ چک');
  await shot(page, 'cheques-15-contact-filter-fa');
  await screen().getByTestId('cheque-contact-filter-clear').click();
  await poll(() => rows().count(), 3);
});

it('changes the status of two picked cheques at once, in Persian; the history of each has the change', async () => {
  const { maryamId } = await story();
  await api('cheques/create', { direction: 'paid', amount: 20_000_000, dueDate: isoIn(30), contactId: maryamId, bankCode: 'saman', purpose: 'پیش‌پرداخت' });
  await openCheques(3);
  const pick = (dir: 'paid' | 'received') => screen().locator(`.cheque-row.dir-${dir} [data-testid="cheque-pick"]`);
  // A cashed cheque with an issued one: no status fits both, and the dialog says why.
  await pick('received').check();
  await pick('paid').first().check();
  await screen().getByTestId('cheque-status-selected').click();
  const dialog = page.getByTestId('batch-status');
  await expect(dialog.getByTestId('batch-none').textContent()).resolves.toBe(
    'هیچ وضعیتی نیست که همهٔ این چک‌ها بتوانند بگیرند: ۱ دریافتی «وصول شده»، ۱ پرداختی «پاس نشده». چک‌های هم‌وضعیت را با هم برگزینید.',
  );
  await settled(page);
  await shot(page, 'cheques-16-batch-none-fa');
  await dialog.getByTestId('dialog-close').click();
  await pick('received').uncheck();

  // The two paid cheques cleared by the bank together.
  await pick('paid').nth(1).check();
  await expect(screen().getByTestId('cheque-status-selected').textContent()).resolves.toBe('تغییر وضعیت (۲)');
  await screen().getByTestId('cheque-status-selected').click();
  await poll(() => dialog.getByTestId('batch-cheque').count(), 2);
  await expect(dialog.locator('[data-testid^="to-"]').allTextContents()).resolves.toEqual(['پاس شد', 'برگشت خورد', 'عودت گرفتیم', 'ابطال', 'مفقود شد']);
  await dialog.getByTestId('to-cleared').click();
  await dialog.getByTestId('statusNote').fill('صورت‌حساب بانک ملی، آذر');
  await expect(dialog.getByTestId('batch-status-apply').textContent()).resolves.toBe('ثبت «پاس شده» برای ۲ چک');
  await settled(page);
  await shot(page, 'cheques-17-batch-dialog-fa');
  await dialog.getByTestId('batch-status-apply').click();
  await dialog.waitFor({ state: 'detached' });
  await expect(page.getByTestId('toast-success').filter({ hasText: 'وضعیت ۲ چک' }).textContent()).resolves.toMatch(/^وضعیت ۲ چک «پاس شده» شد\./);
  // The list read again, the selection cleared.
  await poll(async () => (await screen().locator('.cheque-row.dir-paid [data-testid="cheque-status"]').allTextContents()).join('|'), 'پاس شده|پاس شده');
  await expect(screen().getByTestId('cheque-status-selected').count()).resolves.toBe(0);
  await expect(screen().locator('[data-testid="cheque-pick"]:checked').count()).resolves.toBe(0);
  await shot(page, 'cheques-18-batch-done-fa');

  await screen().locator('.cheque-row.dir-paid').first().click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  const last = detail.getByTestId('cheque-event').last();
  await expect(last.textContent()).resolves.toContain('پاس نشده ← پاس شده');
  await expect(last.textContent()).resolves.toContain('صورت‌حساب بانک ملی، آذر');
  await settled(page);
  await shot(page, 'cheques-19-batch-history-fa');
  await detail.getByTestId('dialog-close').click();
});

it('groups the amount as it is typed or pasted, keeping the caret; the saved value is the amount meant', async () => {
  await page.getByTestId('nav-cheques').click();
  await page.getByTestId('cheque-new-received').click();
  const form = page.getByTestId('cheque-form');
  const amount = form.getByTestId('amount');
  const caret = () => amount.evaluate((el) => (el as HTMLInputElement).selectionStart);
  await amount.click();
  const seen: string[] = [];
  for (const key of '۱۲۵۰۰۰۰') {
    await page.keyboard.type(key);
    seen.push(await amount.inputValue());
  }
  expect(seen).toEqual(['۱', '۱۲', '۱۲۵', '۱٬۲۵۰', '۱۲٬۵۰۰', '۱۲۵٬۰۰۰', '۱٬۲۵۰٬۰۰۰']);
  // A digit typed after the first one: the groups move, the caret stays after the new digit.
  await amount.evaluate((el) => (el as HTMLInputElement).setSelectionRange(1, 1));
  await page.keyboard.type('۳');
  await expect(amount.inputValue()).resolves.toBe('۱۳٬۲۵۰٬۰۰۰');
  await expect(caret()).resolves.toBe(2);
  // Backspace just after a separator takes the digit before it, not only the separator.
  await amount.evaluate((el) => (el as HTMLInputElement).setSelectionRange(3, 3));
  await page.keyboard.press('Backspace');
  await expect(amount.inputValue()).resolves.toBe('۱٬۲۵۰٬۰۰۰');
  await expect(caret()).resolves.toBe(1);
  // Latin digits typed: commas.
  await amount.fill('');
  await page.keyboard.type('48500000');
  await expect(amount.inputValue()).resolves.toBe('48,500,000');
  // Pasted from the clipboard, grouped either way.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  const pastes: [string, string][] = [
    ['1,234,000', '1,234,000'],
    ['۱۲٬۳۴۵٬۰۰۰', '۱۲٬۳۴۵٬۰۰۰'],
    ['12345000', '12,345,000'],
  ];
  for (const [pasted, shown] of pastes) {
    await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
    await amount.selectText();
    await page.keyboard.press('Control+V');
    await poll(() => amount.inputValue(), shown);
  }
  await poll(() => form.getByTestId('amount-words-rials').textContent(), 'دوازده میلیون و سیصد و چهل و پنج هزار ریال');
  await shot(page, 'cheques-20-amount-typed-fa');
  await form.getByTestId('dueDate').fill(jalaliIn(40));
  await form.getByTestId('partyName').fill('کارگاه نوری');
  await form.getByTestId('bankCode').selectOption('tejarat');
  await form.getByTestId('cheque-save').click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  const id = Number(await detail.locator('.cheque-detail').getAttribute('data-id'));
  expect((await api('cheques/get', { id })).amount).toBe(12_345_000); // the value stored, not the text
  await expect(detail.getByTestId('amount').textContent()).resolves.toContain('۱۲٬۳۴۵٬۰۰۰ ریال');
  await detail.getByTestId('dialog-close').click();
});

it('a cheque with history: amount and party only through a correction with a reason; no delete, void instead', async () => {
  // The cheque the amount test saved, beside the others: the void takes it out of totals that hold more.
  await story();
  await api('cheques/create', { direction: 'received', amount: 12_345_000, dueDate: isoIn(40), partyName: 'کارگاه نوری', bankCode: 'tejarat' });
  await openCheques(3);
  await api('settings/update', { userName: 'خانم رضایی' });
  const row = screen().locator('.cheque-row', { hasText: 'کارگاه نوری' });
  await row.click();
  const detail = page.getByTestId('cheque-detail');
  await detail.waitFor();
  await detail.getByTestId('to-deposited').click();
  await detail.getByTestId('status-apply').click();
  await poll(() => detail.getByTestId('cheque-status').getAttribute('data-status'), 'deposited');
  // No Delete any more, and the page says why.
  await expect(detail.getByTestId('cheque-delete').count()).resolves.toBe(0);
  await expect(detail.getByTestId('cheque-no-delete').textContent()).resolves.toBe('حذف نمی‌شود: این چک سابقه دارد. اگر نباید حساب شود، باطلش کنید.');
  // The edit form keeps the amount and party as they are and points to the correction.
  await detail.getByTestId('cheque-edit').click();
  const form = page.getByTestId('cheque-form');
  await expect(form.getByTestId('money-locked').textContent()).resolves.toContain('اصلاح مبلغ/طرف چک');
  await expect(form.getByTestId('amount').evaluate((el) => (el as HTMLInputElement).readOnly)).resolves.toBe(true);
  await expect(form.getByTestId('partyName').count()).resolves.toBe(0);
  await form.getByTestId('dialog-close').click();
  await form.waitFor({ state: 'detached' });

  await detail.getByTestId('cheque-correct').click();
  const fix = page.getByTestId('cheque-correction');
  await fix.getByTestId('amount').fill('');
  await fix.getByTestId('amount').pressSequentially('۱۲۵۴۳۰۰۰');
  await expect(fix.getByTestId('amount').inputValue()).resolves.toBe('۱۲٬۵۴۳٬۰۰۰');
  await fix.getByTestId('correction-save').click();
  await expect(fix.getByTestId('field-error').textContent()).resolves.toBe('دلیل اصلاح را بنویسید.');
  // The engine's own refusal reaches the field too: the reason of spaces only.
  await fix.getByTestId('reason').fill('   ');
  await fix.getByTestId('correction-save').click();
  await expect(fix.getByTestId('field-error').textContent()).resolves.toBe('دلیل اصلاح را بنویسید.');
  await fix.getByTestId('reason').fill('رقم‌ها جابه‌جا ثبت شده بود');
  await settled(page);
  await shot(page, 'cheques-21-correction-fa');
  await fix.getByTestId('correction-save').click();
  await fix.waitFor({ state: 'detached' });
  await poll(
    () =>
      detail
        .getByTestId('amount')
        .textContent()
        .then((s) => s?.startsWith('۱۲٬۵۴۳٬۰۰۰ ریال') ?? false),
    true,
  );
  const last = detail.getByTestId('cheque-event').last();
  await expect(last.getAttribute('data-kind')).resolves.toBe('corrected');
  await expect(last.textContent()).resolves.toContain('مبلغ: ۱۲٬۳۴۵٬۰۰۰ ← ۱۲٬۵۴۳٬۰۰۰');
  await expect(last.textContent()).resolves.toContain('دلیل: رقم‌ها جابه‌جا ثبت شده بود');
  await expect(last.textContent()).resolves.toContain('به دست خانم رضایی');
  const id = Number(await detail.locator('.cheque-detail').getAttribute('data-id'));
  expect((await api('cheques/get', { id })).amount).toBe(12_543_000);
  await settled(page);
  await shot(page, 'cheques-22-corrected-fa');

  // Voided: it stays with its history, out of the totals.
  const receivedTotal = async () => (await api('cheques/search', { direction: 'received' })).totals.find((x) => x.direction === 'received')?.amount ?? 0;
  const before = await receivedTotal();
  await detail.getByTestId('cheque-void').click();
  const voidDialog = page.getByTestId('cheque-void-dialog');
  await voidDialog.getByTestId('void-save').click();
  await expect(voidDialog.getByTestId('field-error').textContent()).resolves.toBe('دلیل ابطال را بنویسید.');
  await voidDialog.getByTestId('reason').fill('مشتری چک دیگری داد');
  await voidDialog.getByTestId('void-save').click();
  await voidDialog.waitFor({ state: 'detached' });
  await poll(() => detail.getByTestId('cheque-status').textContent(), 'باطل شده');
  await expect(detail.getByTestId('cheque-event').last().textContent()).resolves.toContain('در جریان وصول ← باطل شده');
  await expect(detail.getByTestId('cheque-void').count()).resolves.toBe(0);
  await expect(detail.getByTestId('cheque-correct').count()).resolves.toBe(0);
  await settled(page);
  await shot(page, 'cheques-23-void-fa');
  await detail.getByTestId('dialog-close').click();
  const left = before - 12_543_000;
  expect(await receivedTotal()).toBe(left);
  await expect(row.getByTestId('cheque-status').textContent()).resolves.toBe('باطل شده');
  // The totals line on screen: what is left (nothing, when this file's tests run alone).
  if (left > 0)
    await poll(() => screen().locator('.cheque-total.dir-received .amount-main').textContent(), `${fa(left.toLocaleString('en-US')).replace(/,/g, '٬')} ریال`);
  else await poll(() => screen().locator('.cheque-total.dir-received').count(), 0);
});
