/**
 * The fax outbox on a real engine and a real SQLite file, sending with our real T.30 over an in-memory
 * line to a far end that keeps the pages (tests/helpers/fax-test-lines.ts), its retries on the engine's
 * manual clock: the far end's pages are the documents' pages in the chosen order (header strip aside)
 * with the header line stamped at sending time; busy, then sent after the busy delay; a transfer cut
 * after page 2 resumes at page 3 with "page 3/3" on it; cancel mid-fax; a restart continues the queue;
 * bad input queues nothing and names the field.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { FaxBitmap } from '../../src/fax';
import { readTiffF } from '../../src/fax/tiff/tiff-read';
import { headerRows, renderHeaders } from '../../src/main/fax/pages/page-header';
import { renderCover } from '../../src/main/fax/pages/cover-page';
import { bilevelPng } from '../../src/main/fax/pages/bilevel-png';
import type { FaxJob } from '../../src/shared/contract/fax-outbox.api';
import { pdfOf } from '../helpers/fax-docs';
import { testFaxLines } from '../helpers/fax-test-lines';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { manualTimers } from '../helpers/manual-timers';
import { waitFor } from '../helpers/wait';

const START = Date.parse('2026-12-07T09:00:00Z');
const FORMAT = { paper: 'a4', resolution: 'standard' } as const;
const ROWS = headerRows(FORMAT);
const MIN = 60_000;

let dir = '';
let clock: ReturnType<typeof manualTimers>;
const engines: TestEngine[] = [];
beforeEach(() => {
  dir = tempDir();
  clock = manualTimers(START);
});
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
  removeDir(dir);
});

function open(lines = testFaxLines()) {
  const e = testEngine(dir, () => new Date(clock.now()), { timers: clock.timers, faxLines: lines.lines });
  engines.push(e);
  return { e, lines };
}

/** A two-page PDF and a one-page text, at standard resolution; returns their ids. */
async function library(e: TestEngine): Promise<{ pdf: number; text: number }> {
  const bytes = await pdfOf((doc) => {
    doc.rect(100, 120, 200, 100).fill('#000');
    doc.addPage({ size: 'A4', margin: 0 });
    doc.fillColor('#000').fontSize(28).text('second page of the price list', 80, 300);
  });
  const pdf = await e.ok('fax/document-add', { fileName: 'prices.pdf', base64: bytes.toString('base64'), resolution: 'standard' }, 'en');
  const text = await e.ok(
    'fax/document-add',
    { fileName: 'note.txt', base64: Buffer.from('Dear customer,\nthe order is ready.\n').toString('base64'), resolution: 'standard' },
    'en',
  );
  return { pdf: pdf.id, text: text.id };
}

const docPages = async (e: TestEngine, id: number) =>
  readTiffF(Buffer.from((await e.ok('fax/document-tiff', { id }, 'en')).base64, 'base64')).map((p) => p.bitmap);
const belowHeader = (b: FaxBitmap) => Buffer.from(b.data.subarray(ROWS * b.rowBytes));
const headerOf = (b: FaxBitmap) => Buffer.from(b.data.subarray(0, ROWS * b.rowBytes));
const job = (e: TestEngine, id: number) => e.ok('fax/job', { id }, 'en');
const until = (e: TestEngine, id: number, ok: (j: FaxJob) => boolean, what: string) =>
  waitFor(
    async () => {
      const j = await job(e, id);
      return ok(j) && j;
    },
    { what, timeoutMs: 30_000 },
  );

test('a fax to a typed number: the far end gets the documents in the chosen order, header stamped, and the job says sent', async () => {
  const { e, lines } = open();
  await e.ok('fax/outbox-settings-save', { busyDelayMin: 3, noAnswerDelayMin: 10, failedDelayMin: 5, maxAttempts: 5, ourNumber: '+98 21 8888 0000' });
  const { pdf, text } = await library(e);
  const sent = await e.ok('fax/send', { documentIds: [text, pdf], number: '۴۴۵۵ ۶۶۷۷' }, 'en');
  expect(sent.jobs).toHaveLength(1);
  const id = sent.jobs[0]!.id;
  // Kept as the phonebook keeps a number: the digits normalised, its spaces as written (the outbox shows it in Persian digits).
  expect(sent.jobs[0]).toMatchObject({ pages: 3, number: '4455 6677' });
  expect(sent.jobs[0]!.documents).toEqual([
    { id: text, name: 'note.txt', pages: 1 },
    { id: pdf, name: 'prices.pdf', pages: 2 },
  ]);

  // Deleting a library document after queueing changes nothing of the fax.
  const expected = [...(await docPages(e, text)), ...(await docPages(e, pdf))];
  await e.ok('fax/document-delete', { id: text }, 'en');

  const done = await until(e, id, (j) => j.status === 'sent', 'the job to be sent');
  expect(done).toMatchObject({ attempts: 1, pagesConfirmed: 3, lastReason: '', remoteId: '+98 21 5555' });
  // Dialled as a call to this local number is: with the area code and the trunk prefix.
  expect(lines.calls.map((c) => [c.lineId, c.dial, c.localId, c.pages.length])).toEqual([['fax1', '02144556677', '+98 21 8888 0000', 3]]);
  expect(lines.farEnd).toHaveLength(3);
  lines.farEnd.forEach((p, i) => {
    expect(belowHeader(p.bitmap).equals(belowHeader(expected[i]!))).toBe(true);
    // The header line is on every page and was not in the stored document.
    expect(headerOf(p.bitmap).some((b) => b !== 0)).toBe(true);
  });
  // Stamped when it was sent: the strip of page 2 of 3 at that time, in the office's language.
  const strips = await renderHeaders({ lang: 'fa', calendar: 'jalali', officeName: '', ourNumber: '+98 21 8888 0000', when: new Date(START) }, 3, FORMAT);
  expect(headerOf(lines.farEnd[1]!.bitmap).equals(Buffer.from(strips[1]!.data.subarray(0, ROWS * strips[1]!.rowBytes)))).toBe(true);
});

test('busy: the job waits the busy delay (3 minutes), then dials again and is sent', async () => {
  const { e, lines } = open();
  lines.fates.push('busy');
  const { text } = await library(e);
  const id = (await e.ok('fax/send', { documentIds: [text], number: '09121234567' })).jobs[0]!.id;
  const waiting = await until(e, id, (j) => j.lastReason === 'busy', 'a busy attempt');
  expect(waiting).toMatchObject({ status: 'queued', attempts: 1, nextAttempt: new Date(START + 3 * MIN).toISOString() });
  clock.advance(3 * MIN - 1000);
  await new Promise((r) => setTimeout(r, 50));
  expect(lines.calls).toHaveLength(1);
  clock.advance(1000);
  const done = await until(e, id, (j) => j.status === 'sent', 'the second attempt to send it');
  expect(done.attempts).toBe(2);
  expect(lines.calls.map((c) => c.dial)).toEqual(['09121234567', '09121234567']);
  expect(lines.farEnd).toHaveLength(1);
});

test('a transfer cut after page 2: the retry (after 5 minutes) sends from page 3, which still says page 3 of 3', async () => {
  const { e, lines } = open();
  lines.fates.push({ cutAfter: 2 });
  const { pdf, text } = await library(e);
  const id = (await e.ok('fax/send', { documentIds: [pdf, text], number: '44556677' })).jobs[0]!.id;
  const broken = await until(e, id, (j) => j.attempts === 1 && j.status === 'queued', 'the broken attempt');
  expect(broken).toMatchObject({ pagesConfirmed: 2, lastReason: 'no-response', nextAttempt: new Date(START + 5 * MIN).toISOString() });
  expect(lines.farEnd).toHaveLength(2);
  clock.advance(5 * MIN);
  await until(e, id, (j) => j.status === 'sent', 'the retry');
  expect(lines.calls.map((c) => c.pages.length)).toEqual([3, 1]);
  const expected = [...(await docPages(e, pdf)), ...(await docPages(e, text))];
  expect(lines.farEnd).toHaveLength(3);
  lines.farEnd.forEach((p, i) => expect(belowHeader(p.bitmap).equals(belowHeader(expected[i]!))).toBe(true));
  const strips = await renderHeaders({ lang: 'fa', calendar: 'jalali', officeName: '', ourNumber: '', when: new Date(START + 5 * MIN) }, 3, FORMAT);
  expect(headerOf(lines.farEnd[2]!.bitmap).equals(Buffer.from(strips[2]!.data.subarray(0, ROWS * strips[2]!.rowBytes)))).toBe(true);
});

test('cancel while page 2 is on the line: the call is hung up, the job is cancelled and never dialled again', async () => {
  const { e, lines } = open();
  const { pdf, text } = await library(e);
  let cancelled: Promise<unknown> | null = null;
  e.subscribe((ev) => {
    if (ev.name === 'fax/outbox-changed' && ev.payload.job.progress?.page === 2 && !cancelled) cancelled = e.ok('fax/job-cancel', { id: ev.payload.job.id });
  });
  const id = (await e.ok('fax/send', { documentIds: [pdf, text], number: '44556677' })).jobs[0]!.id;
  await waitFor(() => cancelled, { what: 'page 2 to start' });
  await cancelled;
  expect((await job(e, id)).status).toBe('cancelled');
  await waitFor(() => lines.calls.length === 1 && !lines.lines.available()[0]!.busy, { what: 'the call to end' });
  const j = await job(e, id);
  expect(j).toMatchObject({ status: 'cancelled', lastReason: 'cancelled' });
  expect(j.pagesConfirmed).toBeLessThan(3);
  expect(lines.farEnd.length).toBeLessThan(3);
  clock.advance(60 * MIN);
  await new Promise((r) => setTimeout(r, 50));
  expect(lines.calls).toHaveLength(1);
  expect((await e.fail('fax/job-cancel', { id }, 'en')).code).toBe('conflict');
});

test('a restart: a fax cut off by the engine stopping is sent when it starts again, and a scheduled one at its time', async () => {
  const first = open();
  first.lines.fates.push('hang');
  const { text } = await library(first.e);
  const now = (await first.e.ok('fax/send', { documentIds: [text], number: '44556677' })).jobs[0]!.id;
  const tonight = (await first.e.ok('fax/send', { documentIds: [text], number: '44556678', sendAt: new Date(START + 10 * 3_600_000).toISOString() })).jobs[0]!
    .id;
  await until(first.e, now, (j) => j.status === 'sending', 'the first fax to be on the line');
  expect((await job(first.e, tonight)).status).toBe('scheduled');
  await first.e.close();
  engines.splice(0);

  const second = open();
  await until(second.e, now, (j) => j.status === 'sent', 'the interrupted fax after the restart');
  expect((await job(second.e, tonight)).status).toBe('scheduled');
  clock.advance(10 * 3_600_000);
  await until(second.e, tonight, (j) => j.status === 'sent', 'the scheduled fax');
  expect(second.lines.calls.map((c) => c.dial)).toEqual(['02144556677', '02144556678']);
  expect(second.lines.farEnd).toHaveLength(2);
});

test('no line can fax: the job waits for a line without spending an attempt, and the outbox says so', async () => {
  const e = testEngine(dir, () => new Date(clock.now()), { timers: clock.timers });
  engines.push(e);
  const { text } = await library(e);
  const id = (await e.ok('fax/send', { documentIds: [text], number: '44556677' })).jobs[0]!.id;
  const j = await until(e, id, (x) => x.waitingForLine, 'the job to wait for a line');
  expect(j).toMatchObject({ status: 'queued', attempts: 0 });
  expect((await e.ok('fax/outbox', {})).lineCanFax).toBe(false);
  clock.advance(30 * MIN);
  expect(await job(e, id)).toMatchObject({ status: 'queued', attempts: 0, waitingForLine: true });
});

test('a cover page goes first and counts itself; a group sends one job per member with a number and names the one without', async () => {
  const { e, lines } = open();
  const { text } = await library(e);
  const group = await e.ok('groups/create', { name: 'Suppliers', color: '#888888' }, 'en');
  const withFax = await e.ok('contacts/create', {
    firstName: 'Nima',
    groupIds: [group.id],
    phones: [
      { number: '0912 111 2222', kind: 'mobile' },
      { number: '021 6655 4433', kind: 'fax' },
    ],
  });
  const without = await e.ok('contacts/create', { firstName: 'Leila', groupIds: [group.id], phones: [] });
  const sent = await e.ok('fax/send', { documentIds: [text], groupId: group.id, cover: { to: 'Suppliers', subject: 'Order 12' } }, 'en');
  expect(sent.skipped).toEqual([{ contactId: without.id, name: 'Leila' }]);
  expect(sent.jobs.map((j) => [j.contactId, j.recipient, j.number, j.pages, j.cover])).toEqual([[withFax.id, 'Nima', '021 6655 4433', 2, true]]);
  await until(e, sent.jobs[0]!.id, (j) => j.status === 'sent', 'the fax with its cover');
  expect(lines.calls[0]!.dial).toBe('02166554433');
  // The far end's first page is the cover (ink on it, not the document's page), the second the document.
  const doc = await docPages(e, text);
  expect(lines.farEnd).toHaveLength(2);
  expect(belowHeader(lines.farEnd[0]!.bitmap).some((b) => b !== 0)).toBe(true);
  expect(belowHeader(lines.farEnd[0]!.bitmap).equals(belowHeader(doc[0]!))).toBe(false);
  expect(belowHeader(lines.farEnd[1]!.bitmap).equals(belowHeader(doc[0]!))).toBe(true);
});

test('a number typed in Persian or Arabic digits is stored, logged and dialled as the phonebook reads it', async () => {
  const { e, lines } = open();
  const { text } = await library(e);
  const sent = await e.ok('fax/send', { documentIds: [text], number: ' ۰۲۱ ۵۵۵۰ ١٠٠  ' }, 'fa');
  expect(sent.jobs[0]!.number).toBe('021 5550 100');
  await until(e, sent.jobs[0]!.id, (j) => j.status === 'sent', 'the fax to be sent');
  expect(lines.calls.map((c) => c.dial)).toEqual(['0215550100']);
  expect((await e.ok('fax/outbox', {})).jobs.map((j) => j.number)).toEqual(['021 5550 100']);
  const log = await e.ok('fax/log', {}, 'en');
  expect(log.rows.map((r) => [r.direction, r.remoteNumber])).toEqual([['out', '021 5550 100']]);
});

test('bad input is refused naming the field, in the user language, and nothing is queued', async () => {
  const { e, lines } = open();
  const { text } = await library(e);
  const contact = await e.ok('contacts/create', { firstName: 'Sara', lastName: 'Ahmadi', phones: [] }, 'en');
  const cases: [unknown, string, RegExp][] = [
    [{ documentIds: [], number: '44556677' }, 'documentIds', /at least one document/],
    [{ documentIds: [text, 999], number: '44556677' }, 'documentIds', /Document 999 is not in the fax library/],
    [{ documentIds: [text] }, 'number', /Type a fax number/],
    [{ documentIds: [text], number: 'abc' }, 'number', /fax number “abc” cannot be dialled/],
    [{ documentIds: [text], number: '44556677', contactIds: [contact.id] }, 'contactIds', /“Sara Ahmadi” has no number/],
  ];
  for (const [input, field, message] of cases) {
    const err = await e.fail('fax/send', input, 'en');
    expect([err.field, err.message]).toEqual([field, expect.stringMatching(message)]);
  }
  expect((await e.fail('fax/send', { documentIds: [text], number: 'abc' }, 'fa')).message).toBe('شمارهٔ فکس «abc» را نمی‌توان گرفت.');
  expect((await e.ok('fax/outbox', {})).jobs).toEqual([]);
  const outbox = path.join(e.dataDir, 'fax', 'outbox');
  expect(existsSync(outbox) ? readdirSync(outbox) : []).toEqual([]);
  expect(lines.calls).toEqual([]);
});

test("with a cover page each recipient's job has its own cover, its To naming that recipient and the number dialled", async () => {
  const { e, lines } = open();
  const { text } = await library(e);
  const nima = await e.ok('contacts/create', { firstName: 'Nima', phones: [{ number: '021 6655 4433', kind: 'fax' }] });
  const cover = { to: 'Front desk', from: 'Monshi', subject: 'Order 12', note: '' };
  const sent = await e.ok('fax/send', { documentIds: [text], number: '5550100', contactIds: [nima.id], cover }, 'en');
  expect(sent.jobs.map((j) => [j.recipient, j.number, j.pages, j.cover])).toEqual([
    ['', '5550100', 2, true],
    ['Nima', '021 6655 4433', 2, true],
  ]);
  // Each job's first stored page is, bit for bit, the cover drawn with that recipient in To — not the other's.
  const settings = await e.ok('settings/get', {});
  const expected = async (to: string) => {
    const format = { paper: 'a4', resolution: 'standard' } as const;
    const page = await renderCover({ ...cover, to }, { lang: settings.language, calendar: settings.calendar, when: new Date(START), pages: 2, format });
    return bilevelPng(page.bitmap, 2).toString('base64');
  };
  const firstPage = async (id: number) => (await e.ok('fax/job-page', { id, page: 1 }, 'en')).png;
  const [typed, contact] = [await firstPage(sent.jobs[0]!.id), await firstPage(sent.jobs[1]!.id)];
  expect(typed).toBe(await expected('Front desk — 5550100'));
  expect(contact).toBe(await expected('Nima — 021 6655 4433'));
  expect(typed).not.toBe(contact);
  expect(readdirSync(path.join(dir, 'fax', 'outbox')).filter((f) => f.endsWith('.tif'))).toHaveLength(2);
  // Both go out, each with its own cover first.
  for (const j of sent.jobs) await until(e, j.id, (x) => x.status === 'sent', 'each fax with its cover');
  expect(lines.farEnd).toHaveLength(4);
});
