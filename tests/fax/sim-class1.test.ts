/**
 * The simulator as a Class 1 fax modem, proved with our own software on both sides: the Class 1 driver
 * over the REAL serialport on a pty to the simulator, our T.30 engine above it, and our T.30 engine as
 * the far fax machine at the simulator's far end. Three pages each way, compared bit for bit, with and
 * without ECM; a noisy line that makes training fail at 14400; +FCERROR when frames come where page
 * data was expected. On a clock ten times faster than real time (tests/helpers/fast-timers.ts).
 */
import { receiveFax, type ReceiveOutcome } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { Class1Modem } from '../../src/telephony/fax/class1.modem';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { ModemSimulator, type SimOptions } from '../../src/telephony/sim/modem-sim';
import type { SimFaxFarEnd } from '../../src/telephony/sim/sim-fax-line';
import { serveSimulatorOnPty, type PtyServer } from '../../src/telephony/sim/serve-pty';
import type { Timers, Transport } from '../../src/telephony/transport';
import { textPage } from '../helpers/fax-pages';
import { fastTimers } from '../helpers/fast-timers';

jest.setTimeout(60_000);

const pages: SendPage[] = [textPage(1728, 90, 41), textPage(1728, 70, 42), textPage(1728, 80, 43)].map((bitmap) => ({ bitmap, fine: true }));

type Bench = { sim: ModemSimulator; server: PtyServer; transport: Transport; modem: Class1Modem; timers: Timers; trace: string[] };
let bench: Bench | null = null;

async function setUp(opts: SimOptions = {}): Promise<Bench> {
  const timers = fastTimers(10);
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
async function send(b: Bench, ecm: boolean): Promise<{ sent: FaxOutcome; got: ReceiveOutcome }> {
  const clock = { now: b.timers.now };
  let far: Promise<ReceiveOutcome> | null = null;
  b.sim.onFaxMachine((end) => {
    expect(end.role).toBe('called');
    far = receiveFax({ port: end, clock, localId: '+98 21 5550100', capabilities: { ecm, mmr: ecm } }).finally(() => end.hangUp());
  });
  await b.modem.init();
  await b.modem.dial('5550100');
  const sent = await transmitFax({ port: b.modem, clock, localId: '+98 21 1111', pages, ecm });
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
