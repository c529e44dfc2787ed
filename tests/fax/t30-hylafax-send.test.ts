/**
 * Our T.30 receiving with ECM from an independent sender: HylaFAX's `faxsend` (its Class 1 T.30, the
 * program faxq runs for every job) dials from one real software modem (iaxmodem, spandsp) to the other,
 * which our receiver answers over the real serialport. HylaFAX is asked for ECM with 256-octet frames and
 * MMR, at 9600 (V.29) and 14400 (V.17); every page we keep is compared as a bitmap with the page it sent.
 * A missing tool (iaxmodem, HylaFAX's .debs) fails these tests; `npm test` installs them.
 */
import { receiveFax } from '../../src/fax/t30/t30-receive';
import type { FaxEvent } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { writeTiffF } from '../../src/fax/tiff/tiff-write';
import { Class1Modem } from '../../src/telephony/fax/class1.modem';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { realTimers } from '../../src/telephony/transport';
import { textPage } from '../helpers/fax-pages';
import { startFaxsend } from '../helpers/hylafax';
import { type IaxModemPair, startIaxModemPair } from '../helpers/iaxmodem-pair';

const CALL_MS = 180_000;

let pair: IaxModemPair | undefined;
afterEach(async () => {
  await pair?.stop();
  pair = undefined;
});

describe('HylaFAX faxsend sends to our T.30 with ECM over iaxmodem', () => {
  test.each([
    [9600, 'V.29', [textPage(1728, 420, 41), textPage(1728, 380, 42), textPage(1728, 300, 43)]],
    [14400, 'V.17', [textPage(1728, 520, 44), textPage(1728, 360, 45)]],
  ] as const)(
    'at %i bit/s (%s): ECM with MMR, every page we keep is the bitmap HylaFAX sent',
    async (bps, modem, bitmaps) => {
      pair = await startIaxModemPair();
      const trace: string[] = [];
      const events: FaxEvent[] = [];
      const transport = await serialTransport(pair.ttyB)();
      const ours = new Class1Modem(transport, { timers: realTimers, onTrace: (d, t) => trace.push(`${d} ${t.slice(0, 100)}`) });
      let outcome;
      let sent;
      try {
        await ours.init();
        const tiff = writeTiffF(bitmaps.map((bitmap) => ({ bitmap, compression: 'mh', yResolution: 196 })));
        const faxsend = startFaxsend(pair.dir, pair.ttyA, { number: '5551234', localId: '+1 555 0001', tiff, bps, pages: bitmaps.length });
        expect(await ours.waitForRing(40_000)).not.toBeNull();
        await ours.answer();
        outcome = await receiveFax({
          port: ours,
          clock: realTimers,
          localId: '+98 21 5555 0002',
          capabilities: { ecm: true, mmr: true },
          onEvent: (e) => events.push(e),
        });
        await ours.hangUp();
        sent = await faxsend.done;
      } finally {
        await transport.close();
      }
      const ourSide = `${events.map((e) => `${e.dir} ${e.text}`).join('\n')}\n${trace.slice(-30).join('\n')}`;
      const why = `ours:\n${ourSide}\nHylaFAX:\n${sent.log.slice(-4000)}\n${sent.qfile}`;
      expect([outcome.ok, outcome.reason, why]).toEqual([true, undefined, why]);
      expect(outcome.remoteId).toBe('+1 555 0001');
      expect([outcome.params!.rate.bps, outcome.params!.rate.modem, outcome.params!.ecm, outcome.params!.coding]).toEqual([bps, modem, true, 'mmr']);
      // HylaFAX's own verdict: the job is done (its status line is empty), every page sent.
      expect(sent.qfile).toMatch(/^status:$/m);
      expect(sent.qfile).toContain(`npages:${bitmaps.length}`);
      expect(outcome.received).toHaveLength(bitmaps.length);
      outcome.received.forEach((p, i) => expect([i, p.badLines, p.fine, sameBitmap(p.bitmap, bitmaps[i]!)]).toEqual([i, 0, true, true]));
    },
    CALL_MS,
  );
});
