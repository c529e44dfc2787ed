/**
 * The T.30 engine's decisions, our transmitter against our receiver over a line in memory
 * (tests/helpers/fax-memory-line.ts) with faults put in: FTT and the speed fallback, a lost response
 * and the command repeated, a spoiled page answered RTN and sent again after retraining, a far end that
 * never answers. The protocol against real modems and efax is in t30-iaxmodem.test.ts.
 */
import { FCF } from '../../src/fax/t30/fcf';
import { receiveFax, type ReceiveOutcome } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { textPage } from '../helpers/fax-pages';
import { memoryLine, type Tamper } from '../helpers/fax-memory-line';

const timers = { t1: 1500, t2: 400, t4: 150 };
const clock = { now: () => Date.now() };
const pages: SendPage[] = [textPage(1728, 120, 31), textPage(1728, 90, 32)].map((bitmap) => ({ bitmap, fine: true }));

async function call(tamper?: Tamper): Promise<{ sent: FaxOutcome; got: ReceiveOutcome; log: string[] }> {
  const line = memoryLine(tamper);
  const [sent, got] = await Promise.all([
    transmitFax({ port: line.caller, clock, localId: '+98 21 1', pages, timers }),
    receiveFax({ port: line.answerer, clock, localId: '+98 21 2', timers }),
  ]);
  return { sent, got, log: line.log };
}

const fcfOf = (s: { kind: string; octets: Uint8Array }) => (s.kind === 'frame' ? s.octets[2]! & 0xfe : -1);

test('a clean line: both pages at 14400, identical, each side names the other', async () => {
  const { sent, got } = await call();
  expect([sent.ok, sent.pages, sent.params!.rate.bps, sent.remoteId]).toEqual([true, 2, 14400, '+98 21 2']);
  expect([got.ok, got.pages, got.remoteId]).toEqual([true, 2, '+98 21 1']);
  got.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
});

test('TCF spoiled at 14400 and 12000: FTT twice, the transmitter falls back to 9600 (V.29) and the pages arrive', async () => {
  const tried: number[] = [];
  const { sent, got, log } = await call((_from, s) => {
    if (s.kind === 'data' && s.octets.every((b) => b === 0)) {
      tried.push(s.modulation);
      if (s.modulation === 145 || s.modulation === 121) return { ...s, octets: s.octets.map((_b, i) => (i % 100 === 50 ? 0xff : 0)) };
    }
    return s;
  });
  expect(tried).toEqual([145, 121, 96]);
  expect(log.filter((l) => l.startsWith('answerer → frame 44'))).toHaveLength(2); // FTT
  expect([sent.ok, sent.params!.rate.bps, sent.params!.rate.modem]).toEqual([true, 9600, 'V.29']);
  expect(got.received.map((p) => sameBitmap(p.bitmap, pages[got.received.indexOf(p)]!.bitmap))).toEqual([true, true]);
});

test('the first MCF is lost: the transmitter repeats MPS after T4, the receiver answers again and keeps one copy', async () => {
  let dropped = false;
  const { sent, got, log } = await call((from, s) => {
    if (from === 'answerer' && !dropped && fcfOf(s) === FCF.MCF) {
      dropped = true;
      return null;
    }
    return s;
  });
  expect(log.filter((l) => l.startsWith('caller → frame 4f'))).toHaveLength(2); // MPS (with X) twice
  expect([sent.ok, sent.pages, got.ok, got.pages]).toEqual([true, 2, true, 2]);
});

test('a page spoiled on the line is answered RTN; the transmitter retrains one rate lower and sends it again', async () => {
  let spoiled = false;
  const { sent, got, log } = await call((_from, s) => {
    if (s.kind === 'data' && !spoiled && s.modulation === 146) {
      spoiled = true;
      return { ...s, octets: s.octets.map((b, i) => (i > 200 && i % 7 === 0 ? b ^ 0x5a : b)) };
    }
    return s;
  });
  expect(log.some((l) => l.startsWith('answerer → frame 4c'))).toBe(true); // RTN
  expect([sent.ok, sent.pages, sent.params!.rate.bps]).toEqual([true, 2, 12000]);
  expect(got.pages).toBe(2);
  got.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
});

test('nobody answers with DIS: the transmitter gives up after T1 and says why', async () => {
  const line = memoryLine(() => null);
  const started = Date.now();
  const sent = await transmitFax({ port: line.caller, clock, localId: '1', pages, timers });
  expect([sent.ok, sent.reason]).toEqual([false, 'no-handshake']);
  expect(Date.now() - started).toBeGreaterThanOrEqual(timers.t1 - 50);
});

test('a receiver that hears no DCS repeats DIS every T4 and gives up after T1', async () => {
  const line = memoryLine(() => null);
  const got = await receiveFax({ port: line.answerer, clock, localId: '2', timers });
  expect([got.ok, got.reason]).toEqual([false, 'no-handshake']);
  expect(line.log.filter((l) => l.startsWith('answerer → frame 80')).length).toBeGreaterThanOrEqual(timers.t1 / timers.t4 - 2);
});
