/**
 * A load that fails is shown, never dropped: browser mode, Debian's Chromium. A cheque book is deleted
 * behind the page's back (straight from the database file, as another program or a restored backup
 * would), so the engine answers "not found" when the user opens its leaves. The panel must say so in
 * the user's language with a Retry, not show an empty panel as if the book had no leaves; once the
 * book is back, Retry shows its leaves. A phonebook search the engine refuses says why in the list.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { engineApi, shot, useApp } from './app';

const e2e = useApp({ name: 'load-errors', fresh: 'test' });
const { app, page } = e2e;

/** Runs `fn` on the engine's database file through a connection of the test's own. */
function onDatabase<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(path.join(e2e.dataDir, 'monshi.sqlite'));
  try {
    db.pragma('foreign_keys = OFF'); // only the book's own row goes; its leaves stay for the restore
    return fn(db);
  } finally {
    db.close();
  }
}

it('says why a cheque book’s leaves could not load, in Persian and in English, and Retry loads them', async () => {
  const book = await engineApi(page, 'cheque-books/create', { bankCode: 'melli', account: '0102030405', firstSerial: '0047120', leafCount: 5 });
  await page.getByTestId('nav-cheques').click();
  await page.getByTestId('cheque-books-open').click();
  const card = page.getByTestId('cheque-books').getByTestId('cheque-book');
  await card.waitFor();

  const row = onDatabase((db) => {
    const r = db.prepare('SELECT * FROM cheque_books WHERE id = ?').get(book.id) as Record<string, unknown>;
    db.prepare('DELETE FROM cheque_books WHERE id = ?').run(book.id);
    return r;
  });
  await card.getByTestId('cheque-book-leaves').click();
  const error = card.getByTestId('load-error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toBe('این دسته‌چک پیدا نشد. تلاش دوباره');
  await expect(error.getAttribute('role')).resolves.toBe('alert');
  await expect(card.getByTestId('cheque-leaves').count()).resolves.toBe(0);
  await shot(page, 'load-errors-01-leaves-fa');

  // In English the engine words it in English (the panel asks again in the new language).
  await engineApi(page, 'settings/update', { language: 'en' });
  await page.getByTestId('cheque-books').getByText('Our cheque books').waitFor();
  await card.getByTestId('cheque-book-leaves').click();
  await card.getByTestId('cheque-book-leaves').click();
  await expect(card.getByTestId('load-error').textContent()).resolves.toBe('This cheque book was not found. Try again');
  await shot(page, 'load-errors-02-leaves-en');

  onDatabase((db) => {
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO cheque_books (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
  });
  await card.getByTestId('load-retry').click();
  await card.getByTestId('cheque-leaves').waitFor();
  await expect(card.getByTestId('leaf').count()).resolves.toBe(5);
  await expect(card.getByTestId('load-error').count()).resolves.toBe(0);
  await shot(page, 'load-errors-03-leaves-retried');
});

it('says why the phonebook search failed instead of "no contacts", with Try again, and recovers with the next search', async () => {
  await engineApi(page, 'settings/update', { language: 'en' });
  await engineApi(page, 'contacts/create', { firstName: 'Maryam', lastName: 'Ahmadi', phones: [{ number: '09351112233', kind: 'mobile' }] });
  await page.goto(app.url);
  await page.getByTestId('phonebook').waitFor();
  const list = page.getByTestId('contact-list');
  await list.getByTestId('contact-row').first().waitFor();
  // Longer than the engine takes (200 characters): the engine refuses the search and names the field.
  await page.getByTestId('search-input').fill('a'.repeat(201));
  const error = list.getByTestId('list-error');
  await error.waitFor();
  await expect(error.textContent()).resolves.toMatch(/is too long\. Try again$/);
  await expect(list.getByTestId('list-empty').count()).resolves.toBe(0);
  await expect(list.getByTestId('contact-row').count()).resolves.toBe(0);
  await expect(list.getByTestId('contact-row-placeholder').count()).resolves.toBe(0);
  await shot(page, 'load-errors-04-search-en');
  await page.getByTestId('search-input').fill('Maryam');
  await list.getByTestId('contact-row').first().waitFor();
  await expect(error.count()).resolves.toBe(0);
});

it('says why the lines could not load instead of "no lines", and Retry shows them', async () => {
  await engineApi(page, 'settings/update', { language: 'en' });
  await engineApi(page, 'lines/create', { name: 'Front desk', kind: 'demo' });
  // The lines' table goes away behind the engine's back (the references to it are left as they are).
  const rename = (from: string, to: string) =>
    onDatabase((db) => {
      db.pragma('legacy_alter_table = ON');
      db.exec(`ALTER TABLE ${from} RENAME TO ${to}`);
    });
  rename('lines', 'lines_away');
  try {
    await page.goto(`${app.url}#/lines`);
    const error = page.getByTestId('lines-load-error');
    await error.waitFor();
    await expect(error.getAttribute('role')).resolves.toBe('alert');
    await expect(error.textContent()).resolves.toMatch(/Try again$/);
    await expect(page.getByTestId('lines-empty').count()).resolves.toBe(0);
    await shot(page, 'load-errors-05-lines-en');
  } finally {
    rename('lines_away', 'lines');
  }
  await page.getByTestId('lines-load-error').getByTestId('load-retry').click();
  await page.locator('.line-card-item').getByText('Front desk').waitFor();
  await expect(page.getByTestId('lines-load-error').count()).resolves.toBe(0);
  await shot(page, 'load-errors-06-lines-retried');
});
