/**
 * The simulator as a Class 1 fax modem, proved with our own software on both sides: the Class 1 driver
 * over the REAL serialport on a pty to the simulator, our T.30 engine above it, and our T.30 engine as
 * the far fax machine at the simulator's far end. Three pages each way, compared bit for bit, with and
 * without ECM; a noisy line that makes training fail at 14400; +FCERROR when frames come where page
 * data was expected. On a clock five times faster than real time (tests/helpers/fast-timers.ts): not
 * more, as a command's answer may take a second of real time on a loaded machine.
 */
import { receiveFax, type ReceiveOutcome } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxEvent, FaxOutcome } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { Class1Modem } from '../../src/telephony/fax/class1.modem';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { ModemSimulator, type SimOptions } from '../../src/telephony/sim/modem-sim';
import type { SimFaxFarEnd } from '../../src/telephony/sim/sim-fax-line';
import { serveSimulatorOnPty, type PtyServer } from '../../src/telephony/sim/serve-pty';
import type { Timers, Transport } from '../../src/telephony/transport';
import { textPage } from '../helpers/fax-pages';
import { fastTimers } from '../helpers/fast-timers';

jest.setTimeout(90_000);

const pages: SendPage[] = [textPage(1728, 90, 41), textPage(1728, 70, 42), textPage(1728, 80, 43)].map((bitmap) => ({ bitmap, fine: true }));

type Bench = { sim: ModemSimulator; server: PtyServer; transport: Transport; modem: Class1Modem; timers: Timers; trace: string[] };
let bench: Bench | null = null;

async function setUp(opts: SimOptions = {}): Promise<Bench> {
  const timers = fastTimers(5);
  const sim = new ModemSimulator({ profile: 'conexant', timers, faxNumbers: ['5550100'], ...opts });
  const server = await serveSimulatorOnPty(sim);
  const transport = await serialTransport(server.path())();
  const trace: string[] = [];
  const modem = new Class1Modem(transport, { timers, onTrace: (d, t) => trace.push(`${d} ${t.slice(0, 80)}`) });
  bench = { sim, server, transport, modem, timers, trace };
  return bench;
}

afterEach(async () => {
  if (!bench) return;
  await bench.transport.close();
  await bench.server.close();
  bench.sim.close();
  bench = null;
});

const samePages = (got: ReceiveOutcome) => got.received.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap));

/** We dial the far fax machine (our receiveFax) and send it the three pages. */
type Events = { tx: FaxEvent[]; rx: FaxEvent[] };
async function send(b: Bench, ecm: boolean, events: Events = { tx: [], rx: [] }, toSend = pages): Promise<{ sent: FaxOutcome; got: ReceiveOutcome }> {
  const clock = { now: b.timers.now };
  let far: Promise<ReceiveOutcome> | null = null;
  b.sim.onFaxMachine((end) => {
    expect(end.role).toBe('called');
    const onEvent = (e: FaxEvent) => events.rx.push(e);
    far = receiveFax({ port: end, clock, localId: '+98 21 5550100', capabilities: { ecm, mmr: ecm }, onEvent }).finally(() => end.hangUp());
  });
  await b.modem.init();
  await b.modem.dial('5550100');
  const sent = await transmitFax({ port: b.modem, clock, localId: '+98 21 1111', pages: toSend, ecm, onEvent: (e) => events.tx.push(e) });
  await b.modem.hangUp();
  return { sent, got: await far! };
}

/** The far fax machine (our transmitFax) calls; we answer in Class 1 and receive the three pages. */
async function receive(b: Bench, ecm: boolean): Promise<{ sent: FaxOutcome; got: ReceiveOutcome }> {
  const clock = { now: b.timers.now };
  let far: Promise<FaxOutcome> | null = null;
  b.sim.onFaxMachine((end) => {
    expect(end.role).toBe('caller');
    far = transmitFax({ port: end, clock, localId: '+98 21 2222', pages, ecm }).finally(() => end.hangUp());
  });
  await b.modem.init();
  b.sim.ring({ number: '02122222', fax: true, rings: 5 });
  expect(await b.modem.waitForRing(20_000)).not.toBeNull();
  await b.modem.answer();
  const got = await receiveFax({ port: b.modem, clock, localId: '+98 21 1111', capabilities: { ecm, mmr: ecm } });
  await b.modem.hangUp();
  return { sent: await far!, got };
}

describe.each([false, true])('a 3-page fax through the simulator (ECM %s)', (ecm) => {
  test('we send: the far machine keeps every page as sent', async () => {
    const b = await setUp();
    const { sent, got } = await send(b, ecm);
    expect([sent.ok, sent.pages, sent.remoteId, sent.params?.rate.bps, sent.params?.ecm]).toEqual([true, 3, '+98 21 5550100', 14400, ecm]);
    expect([got.ok, got.pages, got.remoteId]).toEqual([true, 3, '+98 21 1111']);
    expect(samePages(got)).toEqual([true, true, true]);
    // The pages crossed the line as page data at V.17 14400 (ECM or not), paced by XON/XOFF.
    expect(b.sim.fax.log.filter((l) => l.startsWith('tx data 14')).length).toBeGreaterThanOrEqual(4);
    expect(b.sim.transcript.some((t) => t.dir === 'modem' && t.bytes.includes(0x13) && t.bytes.length === 1)).toBe(true);
  });

  test('we receive: every page as the far machine sent it', async () => {
    const b = await setUp();
    const { sent, got } = await receive(b, ecm);
    expect([sent.ok, sent.pages, sent.remoteId]).toEqual([true, 3, '+98 21 1111']);
    expect([got.ok, got.pages, got.remoteId, got.params?.ecm]).toEqual([true, 3, '+98 21 2222', ecm]);
    expect(samePages(got)).toEqual([true, true, true]);
  });
});

test('a line that cannot carry 14400: TCF fails, FTT, and the fax goes through at 12000', async () => {
  const b = await setUp({ faxLimitBps: 12000 });
  const { sent, got } = await send(b, false);
  const tcf = b.sim.fax.log.filter((l) => / (145|146|121|122) /.test(l) && l.startsWith('tx data'));
  expect(tcf[0]).toMatch(/^tx data 14[56] /);
  expect(b.sim.fax.log.some((l) => /^rx frame ff 13 44/.test(l))).toBe(true); // FTT
  expect([sent.ok, sent.params?.rate.bps, got.pages]).toEqual([true, 12000, 3]);
  expect(samePages(got)).toEqual([true, true, true]);
});

describe('ECM on a line with bit errors in the page data (T.30 Annex A: PPR, then CTC or EOR)', () => {
  const said = (events: FaxEvent[]) => events.filter((e) => e.dir === 'info').map((e) => e.text);
  // Two pages of 8 FCD frames each (MMR), so a block can lose one frame and keep the others.
  const big: SendPage[] = [textPage(1728, 400, 51), textPage(1728, 400, 52)].map((bitmap) => ({ bitmap, fine: true }));

  test('errors above 9600: after 4 PPRs for a block, CTC → CTR twice (12000, then 9600), and every page arrives intact', async () => {
    // At 14400 and 12000 the first frame of every burst is hit (also when sent again); 9600 is clean.
    const b = await setUp({ faxBitErrors: { aboveBps: 9600, firstAt: 40, everyOctets: 1000 } });
    const events = { tx: [] as FaxEvent[], rx: [] as FaxEvent[] };
    const { sent, got } = await send(b, true, events, big);
    expect([sent.ok, sent.pages, sent.params?.rate.bps, sent.pagesWithErrors]).toEqual([true, 2, 9600, undefined]);
    expect(said(events.tx).filter((t) => / CTC, on at /.test(t))).toEqual([
      'page 1 block 0: 1 of 8 frames still bad after 4 PPRs: CTC, on at 12000',
      'page 1 block 0: 1 of 8 frames still bad after 4 PPRs: CTC, on at 9600',
    ]);
    expect(said(events.rx).filter((t) => t.startsWith('ECM: CTC'))).toEqual([
      'ECM: CTC, the transmitter goes on at 12000',
      'ECM: CTC, the transmitter goes on at 9600',
    ]);
    // The receiver answered CTR (0xc4) to each; no EOR was needed, and the page data went at 9600 from then on.
    expect(b.sim.fax.log.filter((l) => l.startsWith('rx frame ff 13 c4'))).toHaveLength(2);
    expect([got.ok, got.pages, got.pagesWithErrors, got.received.map((p) => p.uncorrected)]).toEqual([true, 2, undefined, [undefined, undefined]]);
    expect(got.received.map((p, i) => sameBitmap(p.bitmap, big[i]!.bitmap))).toEqual([true, true]);
  });

  test('errors at every rate: after CTC twice the block is given up with EOR → ERR; the pages are kept, marked, and the trace says so', async () => {
    // The first frame of every burst is hit at every rate (also when sent again); the others get through.
    // Two CTCs (12000, 9600) do not help page 1, so page 2 ends with EOR after their 4th PPR at once.
    const b = await setUp({ faxBitErrors: { aboveBps: 0, firstAt: 40, everyOctets: 1000 } });
    const events = { tx: [] as FaxEvent[], rx: [] as FaxEvent[] };
    const { sent, got } = await send(b, true, events, big);
    expect([sent.ok, sent.pages, sent.params?.rate.bps, sent.pagesWithErrors]).toEqual([true, 2, 9600, [1, 2]]);
    expect(said(events.tx).filter((t) => t.endsWith(': EOR'))).toHaveLength(2);
    expect(said(events.tx).filter((t) => t.includes(': CTC, on at '))).toHaveLength(2);
    expect(said(events.tx)).toContain('page 1 block 0: 1 of 8 frames not corrected after 4 PPRs at 9600: EOR');
    expect(b.sim.fax.log.filter((l) => l.startsWith('rx frame ff 13 1c'))).toHaveLength(2); // ERR
    expect([got.ok, got.pages, got.pagesWithErrors]).toEqual([true, 2, [1, 2]]);
    expect(got.received.map((p) => p.uncorrected)).toEqual([true, true]);
    expect(said(events.rx).filter((t) => t.startsWith('ECM: EOR'))[0]).toBe('ECM: EOR, 1 of 8 frames not corrected: the page is kept with errors');
    expect(said(events.rx).find((t) => t.startsWith('page 1 kept with uncorrected ECM errors'))).toBeDefined();
  });
});

test('+FCERROR: V.21 frames heard where page data was expected; the frame is then read with +FRH', async () => {
  const b = await setUp();
  let far: SimFaxFarEnd | null = null;
  b.sim.onFaxMachine((end) => (far = end));
  await b.modem.init();
  const dialled = b.modem.dial('5550100');
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((r) => setTimeout(r, 5));
  };
  await until(() => far !== null);
  await far!.sendFrames([Uint8Array.of(0xff, 0x13, 0x80, 0x00, 0x46, 0x78)]); // DIS
  await dialled;
  expect(await b.modem.receiveFrame(5000)).toMatchObject({ kind: 'frame', fcsOk: true });
  const frame = far!.sendFrames([Uint8Array.of(0xff, 0x13, 0x2e)]); // EOP while we expect a page
  await frame;
  expect(await b.modem.receiveData(96, 10_000)).toEqual({ kind: 'other-carrier' });
  expect(b.trace).toContain('rx +FCERROR');
  const r = await b.modem.receiveFrame(5000);
  expect(r.kind === 'frame' && [...r.octets.subarray(0, 3)]).toEqual([0xff, 0x13, 0x2e]);
});

test('a receive that hears nothing is cancelled with <CAN>: OK, and the modem takes commands again', async () => {
  const b = await setUp();
  b.sim.onFaxMachine((end) => void end.sendFrames([Uint8Array.of(0xff, 0x13, 0x80, 0x00, 0x46, 0x78)])); // one DIS, then silence
  await b.modem.init();
  await b.modem.dial('5550100');
  expect(await b.modem.receiveFrame(5000)).toMatchObject({ kind: 'frame', fcsOk: true });
  expect(await b.modem.receiveFrame(3000)).toEqual({ kind: 'timeout' });
  expect(b.trace.slice(-3)).toEqual(['tx AT+FRH=3', 'tx <CAN>', 'rx OK']);
  await b.modem.pause(80);
  expect(b.trace.slice(-2)).toEqual(['tx AT+FTS=8', 'rx OK']);
});

test('a fax number nobody runs a machine for does not answer; a person at a number answers with no fax tone: NO CARRIER', async () => {
  const b = await setUp();
  await b.modem.init();
  await expect(b.modem.dial('5550100', 30_000)).rejects.toMatchObject({ code: 'no-answer' });
  b.sim.setRemote({ kind: 'busy' });
  await expect(b.modem.dial('5550199', 30_000)).rejects.toMatchObject({ code: 'busy' });
  b.sim.setRemote({ kind: 'answer', afterMs: 500 });
  await expect(b.modem.dial('5550199', 80_000)).rejects.toMatchObject({ code: 'no-carrier' });
  // On hook nothing is connected: +FRH=3 says NO CARRIER at once.
  expect(await b.modem.receiveFrame(2000)).toEqual({ kind: 'no-carrier' });
});
