/**
 * The simulator as a Class 2.0 (and Class 2) fax modem, proved with our own software on both sides: the
 * Class 2 driver over the REAL serialport on a pty to the simulator, our T.32 page layer above it
 * (src/fax/t32), the simulator's own T.30 inside the modem, and our full T.30 engine as the far fax
 * machine. Three pages each way compared bit for bit; busy and no answer; a far end that hangs up in
 * the middle of a page, whose hang-up status becomes the fax log's reason. Five times real time.
 */
import { receiveFax, type ReceiveOutcome } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { receiveOverClass2, transmitOverClass2, type Class2Outcome } from '../../src/fax/t32/class2-fax';
import { Class2Modem, type Class2Dialect } from '../../src/telephony/fax/class2.modem';
import { serialTransport } from '../../src/telephony/modem/serial.transport';
import { ModemSimulator, type SimOptions } from '../../src/telephony/sim/modem-sim';
import type { SimFaxFarEnd } from '../../src/telephony/sim/sim-fax-line';
import { serveSimulatorOnPty, type PtyServer } from '../../src/telephony/sim/serve-pty';
import type { Timers, Transport } from '../../src/telephony/transport';
import { textPage } from '../helpers/fax-pages';
import { fastTimers } from '../helpers/fast-timers';

jest.setTimeout(120_000);

const pages: SendPage[] = [textPage(1728, 90, 41), textPage(1728, 70, 42), textPage(1728, 80, 43)].map((bitmap) => ({ bitmap, fine: true }));
/** A page 2 long enough (seconds on the line) for the far end to hang up in the middle of it. */
const withLongPage2: SendPage[] = [pages[0]!, { bitmap: textPage(1728, 1400, 44), fine: true }, pages[2]!];

type Bench = { sim: ModemSimulator; server: PtyServer; transport: Transport; modem: Class2Modem; timers: Timers; trace: string[] };
let bench: Bench | null = null;

async function setUp(dialect: Class2Dialect = '2.0', opts: SimOptions = {}): Promise<Bench> {
  const timers = fastTimers(5);
  // Class 2 on the Conexant, which lists it (+FCLASS=? 0,1,1.0,2,8); 2.0 on the modem that has nothing else.
  const sim = new ModemSimulator({ profile: dialect === '2' ? 'conexant' : 'class20-only', timers, faxNumbers: ['5550100'], ...opts });
  const server = await serveSimulatorOnPty(sim);
  const transport = await serialTransport(server.path())();
  const trace: string[] = [];
  const modem = new Class2Modem(transport, { dialect, timers, onTrace: (d, t) => trace.push(`${d} ${t.slice(0, 80)}`) });
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

const samePages = (got: { received: { bitmap: SendPage['bitmap'] }[] }) => got.received.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap));

/** `far` wraps the far machine's end (to make it hang up part way). */
async function send(b: Bench, far = (e: SimFaxFarEnd) => e, events: string[] = [], list = pages): Promise<{ sent: Class2Outcome; got: ReceiveOutcome }> {
  const clock = { now: b.timers.now };
  let farDone: Promise<ReceiveOutcome> | null = null;
  b.sim.onFaxMachine((end) => {
    farDone = receiveFax({ port: far(end), clock, localId: '+98 21 5550100' }).finally(() => end.hangUp());
  });
  await b.modem.init('+98 21 1111');
  await b.modem.dial('5550100');
  const sent = await transmitOverClass2({ port: b.modem, pages: list, onEvent: (e) => events.push(e.text) });
  await b.modem.hangUp();
  return { sent, got: await farDone! };
}

async function receive(b: Bench, far: (end: SimFaxFarEnd) => SimFaxFarEnd = (e) => e) {
  const clock = { now: b.timers.now };
  let farDone: Promise<FaxOutcome> | null = null;
  b.sim.onFaxMachine((end) => {
    farDone = transmitFax({ port: far(end), clock, localId: '+98 21 2222', pages }).finally(() => end.hangUp());
  });
  await b.modem.init('+98 21 1111');
  b.sim.ring({ number: '02122222', fax: true, rings: 5 });
  expect(await b.modem.waitForRing(20_000)).not.toBeNull();
  await b.modem.answer();
  const got = await receiveOverClass2({ port: b.modem });
  await b.modem.hangUp();
  return { sent: await farDone!.catch((e: unknown) => e), got };
}

/** The far machine hangs up `afterMs` into its `n`-th high-speed transmission or reception (TCF is the first): mid-page. */
const hangsUpMidData = (n: number, timers: Timers, afterMs: number) => (end: SimFaxFarEnd) => {
  let count = 0;
  const maybe = () => {
    if (++count === n) timers.setTimeout(() => end.hangUp(), afterMs);
  };
  return {
    ...end,
    role: end.role,
    hangUp: end.hangUp,
    sendData: (modulation: number, octets: Uint8Array) => (maybe(), end.sendData(modulation, octets)),
    receiveData: (modulation: number, timeoutMs: number) => (maybe(), end.receiveData(modulation, timeoutMs)),
  } satisfies SimFaxFarEnd;
};

describe.each(['2.0', '2'] as const)('a 3-page fax through a Class %s modem', (dialect) => {
  test('we send: the far machine keeps every page as sent', async () => {
    const b = await setUp(dialect);
    const { sent, got } = await send(b);
    expect([sent.ok, sent.pages, sent.remoteId, sent.hangup, sent.params?.rate.bps, sent.params?.fine]).toEqual([true, 3, '+98 21 5550100', 0, 9600, true]);
    expect([got.ok, got.pages, got.remoteId]).toEqual([true, 3, '+98 21 1111']);
    expect(samePages(got)).toEqual([true, true, true]);
    // What crossed the pty is T.32's dialect: the session and the end of the fax as this class writes them.
    const rx = b.trace.filter((l) => l.startsWith('rx +F'));
    const v20 = ['rx +FCO', 'rx +FCI:"+98 21 5550100"', 'rx +FCS:1,3,0,2,1,0,0,0', 'rx +FPS:1', 'rx +FHS:00'];
    if (dialect === '2.0') expect(rx).toEqual(expect.arrayContaining(v20));
    else expect(rx).toEqual(expect.arrayContaining(['rx +FCON', 'rx +FCSI:"+98 21 5550100"', 'rx +FDCS:1,3,0,2,1,0,0,0', 'rx +FPTS:1', 'rx +FHNG:0']));
    if (dialect === '2') expect(b.trace.filter((l) => /^tx AT\+FET=/.test(l))).toEqual(['tx AT+FET=0', 'tx AT+FET=0', 'tx AT+FET=2']);
  });

  test('we receive: every page as the far machine sent it', async () => {
    const b = await setUp(dialect);
    const { sent, got } = await receive(b);
    expect(sent).toMatchObject({ ok: true, pages: 3, remoteId: '+98 21 1111' });
    expect([got.ok, got.pages, got.remoteId, got.hangup]).toEqual([true, 3, '+98 21 2222', 0]);
    expect(samePages(got)).toEqual([true, true, true]);
    expect(b.trace.filter((l) => l === 'tx <DC2>').length).toBe(3);
  });
});

test('busy and no answer are the dial outcomes, as with Class 1', async () => {
  const b = await setUp();
  await b.modem.init('+98 21 1111');
  b.sim.setRemote({ kind: 'busy' });
  await expect(b.modem.dial('5550199', 30_000)).rejects.toMatchObject({ code: 'busy' });
  b.sim.setRemote({ kind: 'no-answer' });
  await expect(b.modem.dial('5550199', 80_000)).rejects.toMatchObject({ code: 'no-answer' });
});

test('the far machine hangs up in the middle of page 2 we send: +FHS:52, "no response" with the code in words', async () => {
  const b = await setUp();
  const events: string[] = [];
  // TCF is the far machine's first high-speed receive, page 1 its second: it hangs up waiting for page 2.
  const { sent, got } = await send(b, hangsUpMidData(3, b.timers, 800), events, withLongPage2);
  expect(got.pages).toBe(1);
  expect([sent.ok, sent.pages, sent.hangup, sent.reason]).toEqual([false, 1, 52, 'no-response']);
  expect(b.trace).toContain('rx +FHS:52');
  expect(events).toContain('hang-up status 52: no response to MPS repeated three times');
});

test('the far machine hangs up in the middle of page 2 it sends us: page 1 is kept, the reason says the page stopped coming', async () => {
  const b = await setUp();
  const events: string[] = [];
  const clock = { now: b.timers.now };
  const far = hangsUpMidData(3, b.timers, 800);
  b.sim.onFaxMachine((end) => void transmitFax({ port: far(end), clock, localId: '+98 21 2222', pages: withLongPage2 }).catch(() => undefined));
  await b.modem.init('+98 21 1111');
  b.sim.ring({ number: '02122222', fax: true, rings: 5 });
  expect(await b.modem.waitForRing(20_000)).not.toBeNull();
  await b.modem.answer();
  const got = await receiveOverClass2({ port: b.modem, onEvent: (e) => events.push(e.text) });
  expect(b.sim.fax2.log).toEqual([expect.stringMatching(/^rx page/), expect.stringMatching(/^rx page/), 'hangup 90']);
  expect([got.ok, got.pages, got.hangup, got.reason]).toEqual([false, 1, 90, 'no-page-data']);
  expect(samePages(got)).toEqual([true]);
  expect(b.trace).toContain('rx +FHS:90');
  expect(events).toContain('hang-up status 90: unspecified receive phase C error (the page stopped coming)');
});

test("what the modem does not implement is refused as a real one would: ECM, V.17 rates, the other class's commands", async () => {
  const b = await setUp();
  await b.modem.init('+98 21 1111');
  expect(await b.modem.command('AT+FCC=1,3,0,2,1,1,0,0', 5000)).toBe('ERROR');
  expect(await b.modem.command('AT+FCC=1,5,0,2,1,0,0,0', 5000)).toBe('ERROR');
  expect(await b.modem.command('AT+FET=2', 5000)).toBe('ERROR');
  expect(await b.modem.command('AT+FLID="1"', 5000)).toBe('ERROR');
  expect(await b.modem.command('AT+FCLASS=1', 5000)).toBe('ERROR');
  expect(await b.modem.command('AT+FDT', 5000)).toBe('ERROR'); // no call
});
