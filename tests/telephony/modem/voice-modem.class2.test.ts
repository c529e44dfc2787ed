/**
 * The fax class chosen per modem from +FCLASS=? (Class 1 when the modem has it, else Class 2.0, else
 * Class 2), and faxing through a line whose modem has only Class 2.0: the voice-modem line over the REAL
 * serialport on a pty to the simulator, fax calls on lines (src/main/fax/fax-lines.ts, what the outbox
 * and the fax log use) above it, our full T.30 as the far fax machine. Three times real time.
 */
import { receiveFax, type ReceiveOutcome } from '../../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../../src/fax/t30/session';
import { sameBitmap } from '../../../src/fax/t4/bitmap';
import { createFaxLines } from '../../../src/main/fax/fax-lines';
import { faxClassOf } from '../../../src/telephony/modem/voice-modem.abilities';
import type { SimFaxFarEnd } from '../../../src/telephony/sim/sim-fax-line';
import { textPage } from '../../helpers/fax-pages';
import { fastTimers } from '../../helpers/fast-timers';
import { rig, waitFor, type Rig } from '../../helpers/modem-rig';

jest.setTimeout(120_000);

const pages: SendPage[] = [textPage(1728, 60, 71), textPage(1728, 50, 72), textPage(1728, 70, 73)].map((bitmap) => ({ bitmap, fine: true }));
const timers = fastTimers(3);
const clock = { now: timers.now };
const log = { info: () => undefined, error: () => undefined };

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

test('the class from +FCLASS=?: Class 1 whenever it is there, then 2.0, then 2', () => {
  expect(faxClassOf(['0', '1', '1.0', '2', '2.0', '8'])).toBe('class1');
  expect(faxClassOf(['0', '1', '2.0', '8'])).toBe('class1');
  expect(faxClassOf(['0', '2', '2.0', '8'])).toBe('class2.0');
  expect(faxClassOf(['0', '2.0', '8'])).toBe('class2.0');
  expect(faxClassOf(['0', '2', '8'])).toBe('class2');
  expect(faxClassOf(['0', '8'])).toBeNull();
});

test.each([
  ['conexant', '0,1,1.0,2,8 (its own)', 'class1', null],
  ['class20-only', '0,2.0,8 (its own)', 'class2.0', null],
  ['conexant', '0,2,8', 'class2', '0,2,8'],
] as const)('a %s modem answering +FCLASS=? with %s faxes in %s', async (profile, _label, want, classes) => {
  r = await rig(profile, { timers }, { timers, ...(classes ? { classesAnswer: classes } : {}) });
  await waitFor(r, 'status', (s) => s.status === 'idle', 10_000);
  expect(r.line.info().abilities.fax).toBe(want);
});

async function classTwoLine(): Promise<{ rg: Rig; fax: ReturnType<typeof createFaxLines> }> {
  r = await rig('class20-only', { timers, ringTimeoutMs: 8000 }, { timers, ringOnMs: 2000, ringOffMs: 4000, faxNumbers: ['5550100'] });
  await waitFor(r, 'status', (s) => s.status === 'idle', 10_000);
  const rg = r;
  const fax = createFaxLines({ lines: () => [{ id: 1, name: 'T32', line: rg.line }], now: timers.now, localId: () => '+98 21 1111', log });
  return { rg, fax };
}

test('a line with only Class 2.0 sends 3 pages and receives 3 pages through fax calls on lines, bit for bit', async () => {
  const { rg, fax } = await classTwoLine();
  let got: Promise<ReceiveOutcome> | null = null;
  let sent: Promise<FaxOutcome> | null = null;
  rg.sim.onFaxMachine((end) => {
    if (end.role === 'called') got = receiveFax({ port: end, clock, localId: '+98 21 5550100' }).finally(() => end.hangUp());
    else sent = transmitFax({ port: end, clock, localId: '+98 21 2222', pages }).finally(() => end.hangUp());
  });
  expect(fax.available()).toEqual([{ lineId: '1', name: 'T32', busy: false }]);
  const report = await fax.send({ lineId: '1', dial: '5550100', pages, localId: '+98 21 1111', ecm: true });
  expect(report).toMatchObject({ ok: true, reason: null, pages: 3, remoteId: '+98 21 5550100', bps: 9600, ecm: false, fine: true });
  expect(report.trace).toEqual(expect.arrayContaining(['-- page 3/3 at 9600', '-- hang-up status 0: normal end of the call']));
  const far = await got!;
  expect([far.ok, far.pages, far.remoteId]).toEqual([true, 3, '+98 21 1111']);
  expect(far.received.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap))).toEqual([true, true, true]);
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax', 10_000);
  await waitFor(rg, 'status', (s) => s.status === 'idle', 10_000);

  rg.sim.ring({ number: '02122222', fax: true, rings: 0 });
  await waitFor(rg, 'status', (s) => s.status === 'ringing', 20_000);
  const fx = await fax.receiveOn(1, 'answer', { callId: null, callerNumber: '02122222' });
  expect(fx!.report).toMatchObject({ ok: true, pages: 3, remoteId: '+98 21 2222', bps: 9600, fine: true });
  expect(fx!.pages.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap))).toEqual([true, true, true]);
  expect(await sent!).toMatchObject({ ok: true, pages: 3, remoteId: '+98 21 1111' });
});

test("busy and no answer on a Class 2.0 line are the report's reasons, as on Class 1 (the outbox retries them)", async () => {
  const { rg, fax } = await classTwoLine();
  rg.sim.setRemote({ kind: 'busy' });
  expect((await fax.send({ lineId: '1', dial: '5550199', pages, localId: '+98 21 1111', ecm: false })).reason).toBe('busy');
  await waitFor(rg, 'status', (s) => s.status === 'idle', 10_000);
  rg.sim.setRemote({ kind: 'no-answer' });
  expect((await fax.send({ lineId: '1', dial: '5550199', pages, localId: '+98 21 1111', ecm: false })).reason).toBe('no-answer');
});

test("the far machine hangs up in the middle of page 2: the report says why in the fax log's words and keeps the code's", async () => {
  const { rg, fax } = await classTwoLine();
  const long: SendPage[] = [pages[0]!, { bitmap: textPage(1728, 1400, 74), fine: true }, pages[2]!];
  rg.sim.onFaxMachine((end) => {
    let n = 0;
    const port: SimFaxFarEnd = {
      ...end,
      role: end.role,
      hangUp: end.hangUp,
      receiveData: (m, ms) => (++n === 3 && timers.setTimeout(() => end.hangUp(), 800), end.receiveData(m, ms)),
    };
    void receiveFax({ port, clock, localId: '+98 21 5550100' }).catch(() => undefined);
  });
  const report = await fax.send({ lineId: '1', dial: '5550100', pages: long, localId: '+98 21 1111', ecm: false });
  expect([report.ok, report.reason, report.pages]).toEqual([false, 'no-response', 1]);
  expect(report.trace).toContain('-- hang-up status 52: no response to MPS repeated three times');
  await waitFor(rg, 'status', (s) => s.status === 'idle', 10_000);
});

test('adaptive answer on a Class 2.0 line: the greeting hears CNG, the call switches to fax (+FCLASS=2.0, ATA off hook), 3 pages kept', async () => {
  const { rg, fax } = await classTwoLine();
  let sent: Promise<FaxOutcome> | null = null;
  rg.sim.onFaxMachine((end) => {
    sent = transmitFax({ port: end, clock, localId: '+98 21 2222', pages }).finally(() => end.hangUp());
  });
  rg.sim.ring({ number: '02122222', format: 'formatted', fax: true, rings: 10 });
  await waitFor(rg, 'ring', () => true, 20_000);
  await rg.line.answer();
  const greeting = rg.line.play(new Int16Array(8000 * 60).fill(1000));
  await waitFor(rg, 'tone', (t) => t.kind === 'fax-calling', 20_000);
  const fx = await fax.receiveOn(1, 'switch', { callId: null, callerNumber: '02122222' });
  expect((await greeting).stoppedBy).toBe('stop');
  expect(fx!.report).toMatchObject({ ok: true, pages: 3, remoteId: '+98 21 2222' });
  expect(fx!.pages.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap))).toEqual([true, true, true]);
  expect((await sent!).ok).toBe(true);
  const host = rg.sim.transcript
    .filter((t) => t.dir === 'host')
    .map((t) => t.bytes.toString('latin1'))
    .join('');
  expect(host).toMatch(/AT\+FCLASS=2\.0\r[\s\S]*ATA\r/);
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax', 10_000);
});
