/**
 * The fax log on a real engine and a real SQLite file, fed through the seam a line uses (FaxLines.onReceived)
 * with faxes our T.30 transmitter sent to our receiver over a line in memory: the TIFF Class F kept equals
 * what was sent, bit for bit (our reader, and libtiff's tiffinfo/tifftopnm); the contact is matched by the
 * caller's number, else by the TSI; a fax cut short keeps its pages and says so; the rotation and the log
 * survive a restart; the outbox's writer logs a sent fax; list filters, the printout and the report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTiffF } from '../../src/fax/tiff/tiff-read';
import { getPixel, sameBitmap } from '../../src/fax/t4/bitmap';
import { decodePng } from '../../src/main/fax/pages/png-decode';
import { FCF } from '../../src/fax/t30/fcf';
import type { EngineEvent } from '../../src/main/engine/engine';
import type { FaxLogEntry } from '../../src/main/fax/fax-calls';
import { createFaxLogService } from '../../src/main/fax/fax-log.service';
import { createContactsService } from '../../src/main/contacts/contacts.service';
import { createSettingsService } from '../../src/main/settings/settings.service';
import { blankPage, textPage } from '../helpers/fax-pages';
import { faxLinesStandIn, receivedOverMemory } from '../helpers/fax-received';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { POPPLER, testWithTools } from '../helpers/reference-tools';

const testLibtiff = testWithTools(['tiffinfo', 'tifftopnm'], 'libtiff-tools and netpbm');
const testPoppler = testWithTools(...POPPLER);
const NOW = new Date('2026-12-07T09:00:00Z');

let dir = '';
let e: TestEngine;
let fax: ReturnType<typeof faxLinesStandIn>;
let events: EngineEvent[] = [];
const start = () => {
  fax = faxLinesStandIn();
  e = testEngine(dir, () => NOW, { faxLines: fax.lines, noLines: true, noAlarms: true });
  e.subscribe((ev) => events.push(ev));
};
beforeEach(() => {
  dir = tempDir();
  events = [];
  start();
});
afterEach(async () => {
  await e.close();
  removeDir(dir);
});

const sent = [textPage(1728, 400, 41), textPage(1728, 300, 42)];
const receivedFiles = () => {
  const d = path.join(dir, 'fax', 'received');
  return existsSync(d) ? readdirSync(d) : [];
};

/** The PBM (P4) pages tifftopnm writes, one after another: 1 bit per pixel, rows packed MSB first, 1 = black — our layout. */
function tifftopnmPages(file: string): { width: number; height: number; data: Buffer }[] {
  const r = spawnSync('tifftopnm', [file], { maxBuffer: 64 << 20 });
  expect(r.status).toBe(0);
  const pages: { width: number; height: number; data: Buffer }[] = [];
  for (let at = 0; at < r.stdout.length;) {
    const header = /^P4\s+(\d+)\s+(\d+)\s/.exec(r.stdout.subarray(at, at + 40).toString('latin1'))!;
    const [width, height] = [Number(header[1]), Number(header[2])];
    const size = ((width + 7) >> 3) * height;
    pages.push({ width, height, data: r.stdout.subarray(at + header[0].length, at + header[0].length + size) });
    at += header[0].length + size;
  }
  return pages;
}

testLibtiff('a fax received through our T.30 is kept as TIFF Class F equal to what was sent, logged with its contact, and popped up', async () => {
  const contact = await e.ok('contacts/create', { firstName: 'Reza', lastName: 'Karimi', phones: [{ kind: 'fax', number: '021 8888 1234' }] });
  const got = await receivedOverMemory({ pages: sent, tsi: '+98 21 5555 0000', callerNumber: '02188881234', lineId: '1' });
  expect(got.report.ok).toBe(true);
  fax.deliver(got);

  const { rows, total } = await e.ok('fax/log', {}, 'en');
  expect(total).toBe(1);
  const row = rows[0]!;
  expect(row).toMatchObject({
    direction: 'in',
    remoteNumber: '02188881234',
    remoteId: '+98 21 5555 0000',
    contactId: contact.id,
    contactName: 'Reza Karimi',
    matchedBy: 'number',
    pagesTotal: 2,
    pagesDone: 2,
    ok: true,
    reason: null,
    attempts: 1,
    hasPages: true,
    bps: 14400,
    fine: true,
    rotation: 0,
  });
  // The popup's event carries everything the card shows.
  const popped = events.find((x) => x.name === 'fax/received');
  expect(popped?.payload).toEqual({
    id: row.id,
    numberDisplay: row.numberDisplay,
    contactId: contact.id,
    contactName: 'Reza Karimi',
    remoteId: '+98 21 5555 0000',
    pages: 2,
    ok: true,
    lineId: '1',
    lineName: '',
    // No routing rule: the fax is for nobody in particular.
    routedTo: null,
  });

  // The file: our reader, libtiff's tiffinfo and tifftopnm all see the pages that were sent, bit for bit.
  const [name] = receivedFiles();
  expect(receivedFiles()).toEqual([name]);
  const file = path.join(dir, 'fax', 'received', name!);
  const back = readTiffF(readFileSync(file));
  expect(back.map((p) => [p.compression, p.yResolution])).toEqual([
    ['mr', 196],
    ['mr', 196],
  ]);
  back.forEach((p, i) => expect(sameBitmap(p.bitmap, sent[i]!)).toBe(true));
  const info = spawnSync('tiffinfo', [file], { encoding: 'utf8' });
  expect(info.stderr).toBe('');
  expect(info.stdout.match(/Compression Scheme: CCITT Group 3/g)).toHaveLength(2);
  expect(info.stdout).toMatch(/Image Width: 1728 Image Length: 400/);
  const pnm = tifftopnmPages(file);
  expect(pnm).toHaveLength(2);
  pnm.forEach((p, i) => expect([p.width, p.height, p.data.equals(Buffer.from(sent[i]!.data))]).toEqual([1728, sent[i]!.height, true]));

  // Exported as it was kept.
  const tiff = await e.ok('fax/log-tiff', { id: row.id }, 'en');
  expect(Buffer.from(tiff.base64, 'base64').equals(readFileSync(file))).toBe(true);
  expect(tiff).toMatchObject({ mime: 'image/tiff', count: 2 });
  expect(tiff.fileName).toMatch(/^fax-in-\d{4}-\d\d-\d\d-\+98_21_5555_0000\.tif$/);
});

test('the contact is matched by a TSI that is one of its numbers when the caller ID is withheld; the number wins over the TSI', async () => {
  const byTsi = await e.ok('contacts/create', { company: 'Pars Trading', phones: [{ kind: 'fax', number: '021 5555 0000' }] });
  const byNumber = await e.ok('contacts/create', { firstName: 'Mina', phones: [{ kind: 'mobile', number: '09121234567' }] });
  fax.deliver(await receivedOverMemory({ pages: [blankPage(1728, 200)], tsi: '+98 21 5555 0000', callerNumber: null }));
  fax.deliver(await receivedOverMemory({ pages: [blankPage(1728, 200)], tsi: '+98 21 5555 0000', callerNumber: '09121234567' }));
  const { rows } = await e.ok('fax/log', {}, 'en');
  expect(rows.map((r) => [r.contactId, r.matchedBy])).toEqual([
    [byNumber.id, 'number'],
    [byTsi.id, 'remote-id'],
  ]);
  // The contact's timeline lists the faxes matched to it, and only those.
  expect((await e.ok('fax/log', { contactId: byTsi.id }, 'en')).rows.map((r) => r.contactId)).toEqual([byTsi.id]);
  // Searching by the contact's name, by digits of the TSI, and by direction.
  expect((await e.ok('fax/log', { text: 'pars' }, 'en')).total).toBe(1);
  expect((await e.ok('fax/log', { text: 'Mina' }, 'en')).rows[0]?.contactId).toBe(byNumber.id);
  expect((await e.ok('fax/log', { text: '5555 0000' }, 'en')).total).toBe(2);
  expect((await e.ok('fax/log', { text: '0912 123' }, 'en')).total).toBe(1);
  expect((await e.ok('fax/log', { direction: 'out' }, 'en')).total).toBe(0);
});

test('a fax cut short after its first page keeps that page and says why it stopped', async () => {
  let confirmed = 0;
  const got = await receivedOverMemory({
    pages: sent,
    tsi: 'Cut Short',
    callerNumber: '02133334444',
    // The caller's line goes dead after the first page was confirmed.
    tamper: (from, s) => {
      if (from === 'answerer' && s.kind === 'frame' && (s.octets[2]! & 0xfe) === FCF.MCF) confirmed++;
      return from === 'caller' && confirmed >= 1 ? null : s;
    },
  });
  expect([got.report.ok, got.pages.length]).toEqual([false, 1]);
  fax.deliver(got);
  const [row] = (await e.ok('fax/log', {}, 'en')).rows;
  expect(row).toMatchObject({ ok: false, pagesDone: 1, pagesTotal: 1, hasPages: true });
  expect(row!.reason).toBe(got.report.reason);
  const back = readTiffF(readFileSync(path.join(dir, 'fax', 'received', receivedFiles()[0]!)));
  expect(back).toHaveLength(1);
  expect(sameBitmap(back[0]!.bitmap, sent[0]!)).toBe(true);
  expect((await e.fail('fax/log-page', { id: row!.id, page: 2 }, 'en')).message).toBe('This fax has no page 2.');
});

test('a rotation is kept per fax: the page comes turned, and after a restart the log and the rotation are still there', async () => {
  const standard = textPage(1728, 300, 43, false);
  fax.deliver(await receivedOverMemory({ pages: [standard], fine: false, callerNumber: '02122223333' }));
  const [row] = (await e.ok('fax/log', {}, 'en')).rows;
  // A standard page's lines are drawn twice: the picture has the paper's shape.
  expect(await e.ok('fax/log-page', { id: row!.id }, 'en')).toMatchObject({ page: 1, pages: 1, width: 1728, height: 600 });
  expect(await e.ok('fax/log-rotate', { id: row!.id, rotation: 90 }, 'en')).toMatchObject({ id: row!.id, rotation: 90 });
  expect((await e.fail('fax/log-rotate', { id: row!.id, rotation: 45 }, 'en')).code).toBe('validation');

  await e.close();
  start();
  const again = await e.ok('fax/log-entry', { id: row!.id }, 'en');
  expect(again).toMatchObject({ rotation: 90, pagesDone: 1, remoteNumber: '02122223333' });
  expect(again.trace.length).toBeGreaterThan(5);
  const turned = await e.ok('fax/log-page', { id: row!.id }, 'en');
  expect([turned.width, turned.height]).toEqual([600, 1728]);
  // Turned clockwise: the picture's pixel (x, y) is the page's (y, 599 − x), each page line drawn twice.
  const png = decodePng(Buffer.from(turned.png, 'base64'), 5e6);
  let black = 0;
  for (let y = 0; y < png.height; y += 3) {
    for (let x = 0; x < png.width; x += 3) {
      const dark = png.data[(y * png.width + x) * 4]! < 128;
      black += dark ? 1 : 0;
      if (dark !== (getPixel(standard, y, Math.floor((599 - x) / 2)) === 1)) throw new Error(`pixel ${x},${y} differs`);
    }
  }
  expect(black).toBeGreaterThan(1000);
});

test('the writer the outbox calls logs a sent fax with its confirmed pages, attempts and the reason in words', async () => {
  const contact = await e.ok('contacts/create', { firstName: 'Ali', phones: [{ kind: 'work', number: '021 7777 6666' }] });
  const entry = (ok: boolean, at: string): FaxLogEntry => ({
    direction: 'out',
    lineId: '1',
    remoteNumber: '02177776666',
    report: {
      ok,
      reason: ok ? null : 'busy',
      remoteId: ok ? 'ALI OFFICE' : '',
      pages: ok ? 3 : 0,
      bps: ok ? 9600 : null,
      ecm: ok,
      fine: true,
      startedAt: Date.parse(at),
      durationMs: 61_000,
      trace: ['dial'],
    },
    pagesTotal: 3,
    tiffPath: null,
    jobId: 7,
    callId: null,
    attempts: ok ? 1 : 3,
  });
  const logged = await recordThroughEngine(entry(true, '2026-12-05T08:00:00Z'));
  await recordThroughEngine(entry(false, '2026-12-06T08:00:00Z'));
  const { rows } = await e.ok('fax/log', { direction: 'out' }, 'en');
  expect(rows.map((r) => [r.id === logged ? 'sent' : 'failed', r.ok, r.pagesDone, r.pagesTotal, r.attempts, r.reason, r.contactId, r.jobId])).toEqual([
    ['failed', false, 0, 3, 3, 'busy', contact.id, 7],
    ['sent', true, 3, 3, 1, null, contact.id, 7],
  ]);
  expect((await e.ok('fax/log', { from: '2026-12-06', to: '2026-12-06' }, 'en')).total).toBe(1);
  expect((await e.fail('fax/log-tiff', { id: logged }, 'en')).code).toBe('not_found');

  const report = await e.ok('fax/log-report', { from: '2026-12-05', to: '2026-12-07' }, 'en');
  expect(report.totals).toEqual({ faxesIn: 0, pagesIn: 0, faxesOut: 2, pagesOut: 3, failed: 1 });
  expect(report.perDay.map((d) => [d.date, d.faxesOut, d.pagesOut])).toEqual([
    ['2026-12-05', 1, 3],
    ['2026-12-06', 1, 0],
    ['2026-12-07', 0, 0],
  ]);
  expect(report.perContact).toEqual([{ contactId: contact.id, contactName: 'Ali', numberDisplay: '', faxesIn: 0, pagesIn: 0, faxesOut: 2, pagesOut: 3 }]);
});

testPoppler('the log prints as a PDF in the user language with each fax and the reason in words', async () => {
  await e.ok('contacts/create', { firstName: 'Sara', phones: [{ kind: 'fax', number: '021 4444 3333' }] });
  fax.deliver(await receivedOverMemory({ pages: [blankPage(1728, 100)], tsi: 'SARA FAX', callerNumber: '02144443333' }));
  await recordThroughEngine({
    direction: 'out',
    lineId: '1',
    remoteNumber: '02199998888',
    report: { ok: false, reason: 'no-answer', remoteId: '', pages: 0, bps: null, ecm: false, fine: true, startedAt: NOW.getTime(), durationMs: 0, trace: [] },
    pagesTotal: 2,
    tiffPath: null,
    jobId: 1,
    callId: null,
    attempts: 2,
  });
  for (const [lang, words] of [
    ['en', ['Fax log', 'Sara', 'SARA FAX', 'Received', 'Sent', 'No answer', 'Completed', '2 faxes']],
    ['fa', ['دفتر فکس‌ها', 'Sara', 'SARA FAX', 'دریافتی', 'ارسالی', 'کسی پاسخ نداد', 'انجام شد']],
  ] as const) {
    const out = await e.ok('fax/log-print', {}, lang);
    expect(out.mime).toBe('application/pdf');
    const file = path.join(dir, `log-${lang}.pdf`);
    writeFileSync(file, Buffer.from(out.base64, 'base64'));
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    for (const w of words) expect({ lang, w, found: text.includes(w) }).toEqual({ lang, w, found: true });
  }
});

test('an unknown fax is not_found in the user language; a fax whose file went missing says so', async () => {
  expect((await e.fail('fax/log-entry', { id: 99 }, 'fa')).message).toBe('این فکس در دفتر فکس‌ها پیدا نشد.');
  fax.deliver(await receivedOverMemory({ pages: [blankPage(1728, 100)], callerNumber: null }));
  const [row] = (await e.ok('fax/log', {}, 'en')).rows;
  removeDir(path.join(dir, 'fax', 'received'));
  expect((await e.fail('fax/log-page', { id: row!.id }, 'en')).message).toBe('The page file of this fax is not in the data folder.');
});

/**
 * The outbox's call: the fax log's writer (what services.ts hands the outbox), made on the engine's own
 * database file; the requests above then read what it wrote.
 */
async function recordThroughEngine(entry: FaxLogEntry): Promise<number> {
  const settings = createSettingsService(e.db);
  const ctx = { clock: () => NOW, settings, emit: () => undefined };
  const log = createFaxLogService(e.db, ctx, { dataDir: dir, contacts: createContactsService(e.db, ctx) });
  return log.writer.record(entry).id;
}

test('a fax that cannot be kept leaves neither a row nor a file, and the line is not stopped by it', async () => {
  const got = await receivedOverMemory({ pages: [blankPage(1728, 100)], callerNumber: '02111112222' });
  // The row cannot be written (as on a full disk): the file already written is removed again.
  e.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON fax_log BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
  expect(() => fax.deliver(got)).not.toThrow();
  expect((await e.ok('fax/log', {}, 'en')).total).toBe(0);
  expect(receivedFiles()).toEqual([]);
  expect(events.some((x) => x.name === 'fax/received')).toBe(false);
  expect(readFileSync(path.join(dir, 'monshi.log'), 'utf8')).toMatch(/fax log: a fax received on line 1 could not be kept/);

  // The folder cannot be written (a file stands where it goes): no row names a file that is not there.
  e.db.exec('DROP TRIGGER refuse');
  removeDir(path.join(dir, 'fax', 'received'));
  writeFileSync(path.join(dir, 'fax', 'received'), 'not a folder');
  expect(() => fax.deliver(got)).not.toThrow();
  expect((await e.ok('fax/log', {}, 'en')).total).toBe(0);
});
