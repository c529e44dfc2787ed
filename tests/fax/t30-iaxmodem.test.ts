/**
 * Our T.30 engine and Class 1 driver against the world: two real software fax modems (iaxmodem, spandsp)
 * call each other in a private network namespace (tests/helpers/iaxmodem-pair.ts), one driven by us over
 * the real serialport, the other by efax — an independent fax program. Every page is compared as a
 * bitmap, and the files are read by libtiff (`tiffcp -c none`) as well as by our reader:
 * - we send three pages at 9600 (V.29) and two at 14400 (V.17) to efax; each TIFF efax writes holds
 *   exactly the bitmap we sent;
 * - efax sends us a page made by efix at 14400; the TIFF-F we store holds efax's source page exactly,
 *   below the 20 rows efax adds on top of every page it sends (its header, which `-h ''` leaves blank:
 *   with text there, the header's glyphs reach 3 rows into the page).
 * - with ECM: we send two pages at 14400 to HylaFAX's faxgetty (ECM and MMR are what it offers), and the
 *   TIFF it files holds exactly our bitmaps; and our own two sides exchange ECM pages through the modems.
 * A missing tool (iaxmodem, efax, libtiff-tools, HylaFAX's .debs) fails these tests; `npm test` installs them. Each call
 * takes 25–40 s, so there are only three, with their own timeout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { receiveFax } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxEvent } from '../../src/fax/t30/session';
import { createBitmap, type FaxBitmap, sameBitmap } from '../../src/fax/t4/bitmap';
import { readTiffF } from '../../src/fax/tiff/tiff-read';
import { writeTiffF } from '../../src/fax/tiff/tiff-write';
import { Class1Error, Class1Modem } from '../../src/telephony/fax/class1.modem';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { realTimers } from '../../src/telephony/transport';
import { textPage } from '../helpers/fax-pages';
import { startFaxgetty } from '../helpers/hylafax';
import { type IaxModemPair, runProgram, startIaxModemPair } from '../helpers/iaxmodem-pair';

const CALL_MS = 150_000;
/** efax's header: 20 rows added above the page it sends (blank with `-h ''`). */
const EFAX_HEADER_ROWS = 20;

let pair: IaxModemPair | undefined;
afterEach(async () => {
  await pair?.stop();
  pair = undefined;
});

function libtiffPages(file: string): FaxBitmap[] {
  const out = `${file}.none.tif`;
  const r = spawnSync('tiffcp', ['-c', 'none', file, out], { encoding: 'utf8' });
  if (r.error || r.status !== 0 || r.stderr.trim() !== '') throw new Error(`tiffcp ${file}: ${r.error?.message ?? r.stderr}`);
  return readTiffF(readFileSync(out)).map((p) => p.bitmap);
}

/** Rows [from, from + count) of a bitmap, as a bitmap. */
function rows(b: FaxBitmap, from: number, count: number): FaxBitmap {
  const out = createBitmap(b.width, count);
  out.data.set(b.data.subarray(from * b.rowBytes, (from + count) * b.rowBytes));
  return out;
}

async function openModem(tty: string, trace: string[]): Promise<{ modem: Class1Modem; close(): Promise<void> }> {
  const transport = await serialTransport(tty)();
  const modem = new Class1Modem(transport, { timers: realTimers, onTrace: (d, t) => trace.push(`${d} ${t.slice(0, 100)}`) });
  await modem.init();
  return { modem, close: () => transport.close() };
}

const explain = (trace: string[], efaxOutput: string) => `our trace:\n${trace.slice(-60).join('\n')}\nefax:\n${efaxOutput.slice(-3000)}`;

describe('T.30 over iaxmodem against efax and HylaFAX', () => {
  beforeAll(() => {
    const missing = ['tiffcp'].filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);
    if (missing.length > 0) throw new Error('reference tool missing: tiffcp (Debian package libtiff-tools; `npm test` installs it)');
  });

  test.each([
    [9600, 'V.29', [textPage(1728, 320, 21), textPage(1728, 260, 22), textPage(1728, 200, 23)]],
    [14400, 'V.17', [textPage(1728, 300, 24), textPage(1728, 240, 25)]],
  ] as const)(
    'we send %i bit/s (%s) to efax: every page it stores is the bitmap we sent, read by libtiff and by us',
    async (bps, modem, bitmaps) => {
      pair = await startIaxModemPair();
      const efax = runProgram('efax', ['-d', pair.ttyB, '-o1', '-jS0=1', '-w', '-l', '+1 555 0002', '-r', path.join(pair.dir, 'recv'), '-v', 'ewinchrt']);
      const trace: string[] = [];
      const events: FaxEvent[] = [];
      // efax answers only once it is waiting for activity.
      for (let i = 0; i < 100 && !efax.output().includes('waiting for activity'); i++) await new Promise((r) => setTimeout(r, 100));
      const ours = await openModem(pair.ttyA, trace);
      const pages: SendPage[] = bitmaps.map((bitmap) => ({ bitmap, fine: true }));
      let outcome;
      try {
        await ours.modem.dial('5551234');
        outcome = await transmitFax({ port: ours.modem, clock: realTimers, localId: '+98 21 5555 0001', pages, maxBps: bps, onEvent: (e) => events.push(e) });
        await ours.modem.hangUp();
      } finally {
        await ours.close();
      }
      const timer = setTimeout(() => efax.kill(), 15_000); // efax exits after DCN; this only bounds a stuck one
      const { output } = await efax.done;
      clearTimeout(timer);
      const why = explain(trace, output);
      expect([outcome.ok, outcome.reason, why]).toEqual([true, undefined, why]);
      expect(outcome.pages).toBe(pages.length);
      expect(outcome.remoteId).toBe('+1 555 0002');
      expect([outcome.params!.rate.bps, outcome.params!.rate.modem]).toEqual([bps, modem]);
      expect(output).toMatch(new RegExp(`session 196lpi +${bps === 14400 ? '14.4kbps' : '9600bps'}`));
      const files = readdirSync(pair.dir)
        .filter((f) => /^recv\.\d{3}$/.test(f))
        .sort();
      expect(files).toHaveLength(pages.length);
      files.forEach((f, i) => {
        const file = path.join(pair!.dir, f);
        const byLibtiff = libtiffPages(file);
        const byUs = readTiffF(readFileSync(file));
        expect(byLibtiff).toHaveLength(1);
        expect([f, sameBitmap(byLibtiff[0]!, bitmaps[i]!)]).toEqual([f, true]);
        expect([f, sameBitmap(byUs[0]!.bitmap, bitmaps[i]!), byUs[0]!.badLines]).toEqual([f, true, []]);
      });
    },
    CALL_MS,
  );

  test(
    'efax sends us an efix page at 14400 (V.17): the TIFF-F we store is its source page, checked with libtiff',
    async () => {
      pair = await startIaxModemPair();
      const text = path.join(pair.dir, 'text.txt');
      writeFileSync(text, 'Monshi fax reception test\n\nLine two: 0123456789 ABCDEFGHIJ\n');
      const efix = spawnSync('efix', ['-n', path.join(pair.dir, 'page.%03d'), text], { encoding: 'utf8' });
      expect(efix.status).toBe(0);
      const source = libtiffPages(path.join(pair.dir, 'page.001'))[0]!;
      const trace: string[] = [];
      const ours = await openModem(pair.ttyB, trace);
      const efax = runProgram('efax', [
        '-d',
        pair.ttyA,
        '-o1',
        '-h',
        '',
        '-c',
        '1,5,0,2,0,0,0,0',
        '-l',
        '+1 555 0001',
        '-t',
        '5551234',
        path.join(pair.dir, 'page.001'),
      ]);
      let outcome;
      try {
        expect(await ours.modem.waitForRing(30_000)).not.toBeNull();
        await ours.modem.answer();
        outcome = await receiveFax({ port: ours.modem, clock: realTimers, localId: '+98 21 5555 0002' });
        await ours.modem.hangUp();
      } finally {
        await ours.close();
      }
      const { output, code } = await efax.done;
      const why = explain(trace, output);
      expect([outcome.ok, outcome.reason, code, why]).toEqual([true, undefined, 0, why]);
      expect(outcome.remoteId).toBe('+1 555 0001');
      expect(outcome.params!.rate.bps).toBe(14400);
      expect(output).toContain('received MCF');
      expect(outcome.received).toHaveLength(1);
      // Stored as TIFF Class F (MH, fine) and read back by libtiff.
      const stored = path.join(pair.dir, 'received.tif');
      writeFileSync(stored, writeTiffF(outcome.received.map((p) => ({ bitmap: p.bitmap, compression: 'mh', yResolution: p.fine ? 196 : 98 }))));
      const page = libtiffPages(stored)[0]!;
      expect([page.width, page.height]).toEqual([source.width, source.height + EFAX_HEADER_ROWS]);
      expect(outcome.received[0]!.badLines).toBe(0);
      expect(sameBitmap(rows(page, EFAX_HEADER_ROWS, source.height), source)).toBe(true);
      expect(rows(page, 0, EFAX_HEADER_ROWS).data.every((b) => b === 0)).toBe(true);
      // And the page is not blank: efix's text is in it.
      expect(source.data.filter((b) => b !== 0).length).toBeGreaterThan(100);
    },
    CALL_MS,
  );

  test(
    'ECM at 14400 to HylaFAX faxgetty: MMR pages in 256-octet frames, confirmed by PPS/MCF; its TIFF holds our bitmaps',
    async () => {
      pair = await startIaxModemPair();
      const faxgetty = await startFaxgetty(pair.dir, pair.ttyB, '+1 555 0002');
      const trace: string[] = [];
      const events: FaxEvent[] = [];
      const bitmaps = [textPage(1728, 500, 28), textPage(1728, 400, 29)];
      let outcome;
      try {
        const ours = await openModem(pair.ttyA, trace);
        try {
          // iaxmodem refuses calls for ~5 s after a hang-up (fax-loopback.md), and faxgetty's reset hangs B up.
          // Once in a clean-clone CI run faxgetty let the first call ring out (NO ANSWER after 45 s) although
          // its status said "Running and idle" — not reproduced since, cause unknown: one more call then,
          // with both modems' logs kept for the next time it happens.
          let unanswered = 0;
          for (let tries = 1; ; tries++) {
            const e = await ours.modem.dial('5551234').then(
              () => null,
              (err: unknown) => err,
            );
            if (!e) break;
            if (e instanceof Class1Error && e.code === 'no-answer' && unanswered++ === 0) {
              trace.push(`first call not answered; modem logs:\n${pair!.log()}`);
              continue;
            }
            if (!(e instanceof Class1Error && e.code === 'no-dialtone' && tries < 4)) throw e;
            await new Promise((r) => setTimeout(r, 6000));
          }
          const pages = bitmaps.map((bitmap) => ({ bitmap, fine: true }));
          outcome = await transmitFax({ port: ours.modem, clock: realTimers, localId: '+98 21 5555 0001', pages, ecm: true, onEvent: (e) => events.push(e) });
          await ours.modem.hangUp();
        } finally {
          await ours.close();
        }
        // faxgetty files the fax and logs it a moment after DCN.
        const log = path.join(faxgetty.spool, 'log/xferfaxlog');
        for (let i = 0; i < 100 && !(existsSync(log) && readFileSync(log, 'utf8').includes('RECV')); i++) await new Promise((r) => setTimeout(r, 100));
      } finally {
        await faxgetty.stop();
      }
      const why = `${trace.slice(-40).join('\n')}\n${events.map((e) => `${e.dir} ${e.text}`).join('\n')}`;
      expect([outcome.ok, outcome.reason, why]).toEqual([true, undefined, why]);
      expect([outcome.params!.rate.bps, outcome.params!.ecm, outcome.params!.coding, outcome.pages]).toEqual([14400, true, 'mmr', 2]);
      expect(outcome.remoteId).toBe('+1 555 0002');
      const recvq = path.join(faxgetty.spool, 'recvq');
      const files = readdirSync(recvq).filter((f) => f.endsWith('.tif'));
      expect(files).toHaveLength(1);
      const file = path.join(recvq, files[0]!);
      const byLibtiff = libtiffPages(file);
      const byUs = readTiffF(readFileSync(file));
      expect(byLibtiff).toHaveLength(2);
      bitmaps.forEach((b, i) => {
        expect([i, sameBitmap(byLibtiff[i]!, b)]).toEqual([i, true]);
        expect([i, byUs[i]!.compression, sameBitmap(byUs[i]!.bitmap, b)]).toEqual([i, 'mmr', true]);
      });
    },
    CALL_MS + 60_000, // room for the second call above
  );

  test(
    'ECM at 14400 through the real modems, our transmitter to our receiver: MMR pages in HDLC frames we frame ourselves',
    async () => {
      pair = await startIaxModemPair();
      const traceA: string[] = [];
      const traceB: string[] = [];
      const a = await openModem(pair.ttyA, traceA);
      const b = await openModem(pair.ttyB, traceB);
      const pages: SendPage[] = [textPage(1728, 500, 26), textPage(1728, 400, 27)].map((bitmap) => ({ bitmap, fine: true }));
      try {
        const answering = (async () => {
          expect(await b.modem.waitForRing(30_000)).not.toBeNull();
          await b.modem.answer();
          return receiveFax({ port: b.modem, clock: realTimers, localId: '1002', capabilities: { ecm: true, mmr: true } });
        })();
        await a.modem.dial('1002');
        const sent = await transmitFax({ port: a.modem, clock: realTimers, localId: '1001', pages, ecm: true });
        const got = await answering;
        const why = `A:\n${traceA.slice(-40).join('\n')}\nB:\n${traceB.slice(-40).join('\n')}`;
        expect([sent.ok, sent.reason, got.ok, got.reason, why]).toEqual([true, undefined, true, undefined, why]);
        expect([sent.params!.rate.bps, sent.params!.ecm, sent.params!.coding]).toEqual([14400, true, 'mmr']);
        expect(got.received).toHaveLength(2);
        got.received.forEach((p, i) => expect([i, sameBitmap(p.bitmap, pages[i]!.bitmap)]).toEqual([i, true]));
        await Promise.all([a.modem.hangUp(), b.modem.hangUp()]);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    },
    CALL_MS,
  );
});
