/**
 * Line.fax on the voice-modem line, over the REAL serialport on a pty to the simulator, with our T.30
 * engine on both sides (ours above the link's Class 1 modem, the far fax machine at the simulator's far
 * end): adaptive answer on a voice call that hears CNG, dialling a fax number, answering a ringing fax
 * call, busy as an outcome, no Class 1 → 'unsupported', and the device unplugged mid-fax. After each
 * release the line is a voice line again: the next call's caller ID is read (the USR profile forgets
 * caller ID when it enters a fax class, so this fails unless release() re-enables it). On a clock three
 * times faster than real time (tests/helpers/fast-timers.ts).
 */
import { receiveFax, type ReceiveOutcome } from '../../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../../src/fax/t30/session';
import { sameBitmap } from '../../../src/fax/t4/bitmap';
import { LineError, type FaxLink } from '../../../src/telephony/line';
import type { SimOptions } from '../../../src/telephony/sim/modem-sim';
import { textPage } from '../../helpers/fax-pages';
import { fastTimers } from '../../helpers/fast-timers';
import { rig, waitFor, type Rig } from '../../helpers/modem-rig';
import { createDemoLine } from '../../../src/telephony/demo-line';

jest.setTimeout(120_000);

const pages: SendPage[] = [textPage(1728, 60, 51), textPage(1728, 50, 52)].map((bitmap) => ({ bitmap, fine: true }));
const timers = fastTimers(3);
const clock = { now: timers.now };

let r: Rig | null = null;
afterEach(async () => {
  await r?.close();
  r = null;
});

async function setUp(profile: 'conexant' | 'usr-5637' = 'usr-5637', sim: SimOptions = {}): Promise<Rig> {
  r = await rig(profile, { timers, ringTimeoutMs: 8000 }, { timers, ringOnMs: 2000, ringOffMs: 4000, faxNumbers: ['5550100'], ...sim });
  await waitFor(r, 'status', (s) => s.status === 'idle', 10_000);
  return r;
}

/** The far fax machine sends our pages when it calls, and receives when we call it. */
function farMachine(rg: Rig): { sent: () => Promise<FaxOutcome>; got: () => Promise<ReceiveOutcome> } {
  let sent: Promise<FaxOutcome> | null = null;
  let got: Promise<ReceiveOutcome> | null = null;
  rg.sim.onFaxMachine((end) => {
    if (!end.receives) sent = transmitFax({ port: end, clock, localId: '+98 21 5550100', pages }).finally(() => end.hangUp());
    else got = receiveFax({ port: end, clock, localId: '+98 21 5550100' }).finally(() => end.hangUp());
    // A call cut short (the unplug test) makes the far machine's T.30 reject; a test that looks awaits it.
    void (sent ?? got)?.catch(() => undefined);
  });
  return { sent: () => sent!, got: () => got! };
}

const samePages = (got: ReceiveOutcome) => got.received.map((p, i) => sameBitmap(p.bitmap, pages[i]!.bitmap));

/** The next ordinary call's caller ID is read: caller ID is on again, the ring logic watches again. */
async function nextCallHasCallerId(rg: Rig): Promise<void> {
  rg.events.length = 0;
  rg.sim.ring({ number: '09121234567', name: 'Next', format: 'formatted', rings: 3 });
  await waitFor(rg, 'caller-id', (c) => c.number === '09121234567', 20_000);
}

/** The T.31 port of a Class 1 link (every modem here has Class 1). */
function t31(link: FaxLink) {
  if (!('modem' in link)) throw new Error('not a Class 1 link');
  return link.modem;
}

async function receiveOn(link: FaxLink): Promise<ReceiveOutcome> {
  const got = await receiveFax({ port: t31(link), clock, localId: '+98 21 1111' });
  await link.release();
  return got;
}

test('a voice call hears CNG while the greeting plays: switch to fax, receive the pages, release; the next call has caller ID', async () => {
  const rg = await setUp('usr-5637');
  const far = farMachine(rg);
  expect(rg.line.info().abilities.fax).toBe('class1');
  rg.sim.ring({ number: '02155550100', format: 'formatted', fax: true, rings: 10 });
  await waitFor(rg, 'ring', () => true, 20_000);
  await rg.line.answer();
  const greeting = rg.line.play(new Int16Array(8000 * 60).fill(1000));
  await waitFor(rg, 'tone', (t) => t.kind === 'fax-calling', 20_000);
  const r1 = await rg.line.fax({ how: 'switch' });
  expect((await greeting).stoppedBy).toBe('stop'); // barge-in: the greeting stopped first
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  const got = await receiveOn(r1.link);
  expect([got.ok, got.pages, got.remoteId]).toEqual([true, 2, '+98 21 5550100']);
  expect(samePages(got)).toEqual([true, true]);
  expect((await far.sent()).ok).toBe(true);
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax');
  expect(rg.line.info().status).toBe('idle');
  await nextCallHasCallerId(rg);
});

test('fax-on-demand: the caller presses Start to receive; switch to send, our pages arrive bit for bit, release; the next call has caller ID', async () => {
  const rg = await setUp('usr-5637');
  const far = farMachine(rg);
  rg.sim.ring({ number: '02155550100', format: 'formatted', rings: 10 });
  await waitFor(rg, 'ring', () => true, 20_000);
  // Start on a machine that is not in a call does nothing, as on a real one.
  expect(rg.sim.faxStart()).toBe(false);
  await rg.line.answer();
  const prompt = rg.line.play(new Int16Array(8000 * 60).fill(1000));
  expect(rg.sim.faxStart()).toBe(true);
  const r1 = await rg.line.fax({ how: 'switch', send: true });
  expect((await prompt).stoppedBy).toBe('stop');
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  const sent = await transmitFax({ port: t31(r1.link), clock, localId: '+98 21 1111', pages });
  await r1.link.release();
  expect([sent.ok, sent.pages, sent.remoteId]).toEqual([true, 2, '+98 21 5550100']);
  const got = await far.got();
  expect([got.ok, got.pages]).toEqual([true, 2]);
  expect(samePages(got)).toEqual([true, true]);
  // Our modem listened (+FRH=3) for the caller's DIS; it never answered as a fax machine (no ATA: no CED, no DIS of ours).
  expect(rg.sim.fax.log.filter((l) => l.startsWith('tx frame')).every((l) => !/^tx frame ff 1[03] 80/.test(l))).toBe(true);
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax');
  await nextCallHasCallerId(rg);
});

test('fax-on-demand when the caller never presses Start: no DIS comes, the transmitter gives up at T1, the line is idle again', async () => {
  const rg = await setUp('usr-5637');
  farMachine(rg);
  rg.sim.ring({ number: '02155550100', format: 'formatted', rings: 10 });
  await waitFor(rg, 'ring', () => true, 20_000);
  await rg.line.answer();
  const r1 = await rg.line.fax({ how: 'switch', send: true });
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  const sent = await transmitFax({ port: t31(r1.link), clock, localId: '+98 21 1111', pages, timers: { t1: 6000 } });
  await r1.link.release();
  expect([sent.ok, sent.pages]).toEqual([false, 0]);
  await waitFor(rg, 'status', (s) => s.status === 'idle', 20_000);
});

test('dial a fax number in Class 1 and send; busy is an outcome, not a throw', async () => {
  const rg = await setUp('usr-5637');
  const far = farMachine(rg);
  const r1 = await rg.line.fax({ how: 'dial', number: '5550100' });
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  expect(rg.line.info().status).toBe('in-call');
  const sent = await transmitFax({ port: t31(r1.link), clock, localId: '+98 21 1111', pages });
  await r1.link.release();
  expect([sent.ok, sent.pages]).toEqual([true, 2]);
  expect(samePages(await far.got())).toEqual([true, true]);
  expect(rg.sim.dialled).toContain('5550100');
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax');
  rg.sim.setRemote({ kind: 'busy' });
  expect(await rg.line.fax({ how: 'dial', number: '5550199' })).toEqual({ ok: false, outcome: 'busy' });
  await waitFor(rg, 'hangup', (h) => h.reason === 'busy');
  expect(rg.line.info().status).toBe('idle');
  await nextCallHasCallerId(rg);
});

test('answer a ringing fax call in Class 1 and receive it', async () => {
  const rg = await setUp('conexant');
  const far = farMachine(rg);
  await expect(rg.line.fax({ how: 'answer' })).rejects.toMatchObject({ code: 'bad-state' }); // not ringing
  rg.sim.ring({ number: '02155550100', format: 'formatted', fax: true, rings: 10 });
  await waitFor(rg, 'ring', () => true, 20_000);
  const r1 = await rg.line.fax({ how: 'answer' });
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  await waitFor(rg, 'answered');
  const got = await receiveOn(r1.link);
  expect(samePages(got)).toEqual([true, true]);
  expect((await far.sent()).pages).toBe(2);
  await waitFor(rg, 'hangup', (h) => h.reason === 'fax');
  await nextCallHasCallerId(rg);
});

test('a modem without Class 1: no fax ability, and Line.fax says unsupported', async () => {
  const rg = await setUp('conexant', { classesAnswer: '0,8' });
  expect(rg.line.info().abilities.fax).toBeNull();
  const e = await rg.line.fax({ how: 'dial', number: '5550100' }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(LineError);
  expect(e).toMatchObject({ code: 'unsupported' });
});

test('the modem unplugged mid-fax: the fax engine gets an error, the call ends device-lost, the line reconnects', async () => {
  const rg = await setUp('conexant');
  farMachine(rg);
  const r1 = await rg.line.fax({ how: 'dial', number: '5550100' });
  if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
  const sending = transmitFax({ port: t31(r1.link), clock, localId: '+98 21 1111', pages }).then(
    (o) => o,
    (e: unknown) => e,
  );
  await new Promise((res) => setTimeout(res, 300));
  rg.sim.unplug();
  const outcome = await sending;
  expect(outcome instanceof Error || (outcome as FaxOutcome).ok === false).toBe(true);
  await waitFor(rg, 'hangup', (h) => h.reason === 'device-lost', 10_000);
  await r1.link.release(); // harmless after the device went
  rg.sim.replug();
  await waitFor(rg, 'status', (s) => s.status === 'idle' && rg.line.info().status === 'idle', 20_000);
  await nextCallHasCallerId(rg);
});

test('the demo line (the simulator in-process) dials a fax number and sends, as the engine will use it', async () => {
  const { line, sim } = createDemoLine('demo-fax', { timers, ringTimeoutMs: 8000, sim: { faxNumbers: ['5550100'] } });
  let got: Promise<ReceiveOutcome> | null = null;
  sim.onFaxMachine((end) => void (got = receiveFax({ port: end, clock, localId: '+98 21 5550100' }).finally(() => end.hangUp())));
  const hangups: string[] = [];
  line.on('hangup', (h) => hangups.push(h.reason));
  try {
    await line.start();
    expect(line.info().abilities.fax).toBe('class1');
    const r1 = await line.fax({ how: 'dial', number: '5550100' });
    if (!r1.ok) throw new Error(`no fax: ${r1.outcome}`);
    const sent = await transmitFax({ port: t31(r1.link), clock, localId: '+98 21 1111', pages });
    await r1.link.release();
    expect([sent.ok, sent.pages]).toEqual([true, 2]);
    expect(samePages(await got!)).toEqual([true, true]);
    expect([hangups, line.info().status]).toEqual([['fax'], 'idle']);
  } finally {
    await line.close();
    sim.close();
  }
});
