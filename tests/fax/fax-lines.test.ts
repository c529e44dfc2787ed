/**
 * Fax calls on lines (src/main/fax/fax-lines.ts): our T.30 both ways over a line whose `fax()` hands
 * over one side of the in-memory modem pair, the far end running our own receiveFax/transmitFax.
 * What is checked is what the office gets: the pages the far end received (bit for bit), the report's
 * fields, the progress, the modem always given back, and the pages kept when a call breaks part way.
 */
import { createFaxLines, type FaxLinesDeps } from '../../src/main/fax/fax-lines';
import type { FaxProgress, ReceivedFax } from '../../src/main/fax/fax-calls';
import { receiveFax, type ReceiveOutcome } from '../../src/fax/t30/t30-receive';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { sameBitmap } from '../../src/fax/t4/bitmap';
import { textPage } from '../helpers/fax-pages';
import { faxHandoverLine, type FarEnd, type HandoverLine } from '../helpers/fax-handover-line';

const timers = { t1: 1500, t2: 400, t4: 150 };
const clock = { now: () => Date.now() };
const pages: SendPage[] = [textPage(1728, 120, 41), textPage(1728, 90, 42), textPage(1728, 60, 43)].map((bitmap) => ({ bitmap, fine: true }));
const log = { info: () => undefined, error: () => undefined };

const receiver: FarEnd = (port) => receiveFax({ port, clock, localId: 'FAR 2', timers });
const sender =
  (p: readonly SendPage[] = pages): FarEnd =>
  (port) =>
    transmitFax({ port, clock, localId: 'FAR 1', pages: p, timers });

function setup(lines: HandoverLine[], extra: Partial<FaxLinesDeps> = {}) {
  return createFaxLines({
    lines: () => lines.map((line, i) => ({ id: i + 1, name: `L${i + 1}`, line })),
    now: () => Date.now(),
    localId: () => 'OFFICE',
    log,
    timers,
    ...extra,
  });
}

type SendCall = Parameters<ReturnType<typeof setup>['send']>[0];
const call = (over: Partial<SendCall> = {}): SendCall => ({ lineId: '', dial: '5551234', pages, localId: '+98 21 9', ecm: false, ...over });

test('send: dials on an idle line that can fax, the far end receives every page bit for bit, the report says so, the modem is given back', async () => {
  const voiceOnly = faxHandoverLine('a', receiver, { canFax: false });
  const busy = faxHandoverLine('b', receiver);
  busy.status = 'ringing';
  const idle = faxHandoverLine('c', receiver);
  const fax = setup([voiceOnly, busy, idle]);
  expect(fax.available()).toEqual([
    { lineId: '2', name: 'L2', busy: true },
    { lineId: '3', name: 'L3', busy: false },
  ]);
  const progress: FaxProgress[] = [];
  const report = await fax.send(call({ onProgress: (p) => progress.push(p) }));
  expect(idle.handovers).toEqual([{ how: 'dial', number: '5551234' }]);
  expect(busy.handovers).toEqual([]);
  const far = (await idle.farEnd) as ReceiveOutcome;
  expect([far.ok, far.pages, far.remoteId]).toEqual([true, 3, '+98 21 9']);
  far.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
  expect(report).toMatchObject({ ok: true, reason: null, remoteId: 'FAR 2', pages: 3, bps: 14400, ecm: false, fine: true });
  expect(report.trace.some((l) => l.includes('training at 14400'))).toBe(true);
  expect(idle.releases).toBe(1);
  expect(idle.status).toBe('idle');
  // Progress: dialling, the handshake, each page in turn with its rate, then finishing.
  expect(progress[0]).toEqual({ stage: 'dialing', page: 0, pages: 3, bps: null });
  expect(progress.filter((p) => p.stage === 'page').map((p) => [p.page, p.bps])).toEqual([
    [1, 14400],
    [2, 14400],
    [3, 14400],
  ]);
  expect(progress.at(-1)!.stage).toBe('finishing');
});

test('send with ECM when the far end offers it: the report says ECM and the pages arrive', async () => {
  const line = faxHandoverLine('a', (port) => receiveFax({ port, clock, localId: 'FAR', timers, capabilities: { ecm: true } }));
  const report = await setup([line]).send(call({ lineId: '1', ecm: true }));
  expect(report).toMatchObject({ ok: true, pages: 3, ecm: true });
  const far = (await line.farEnd) as ReceiveOutcome;
  far.received.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
});

test('send: busy, no answer and no dial tone from the handover are the report’s reason; a throw is modem-error; always given back or never taken', async () => {
  const line = faxHandoverLine('a', receiver);
  const fax = setup([line]);
  for (const outcome of ['busy', 'no-answer', 'no-dialtone'] as const) {
    line.nextOutcome = outcome;
    const r = await fax.send(call());
    expect([r.ok, r.reason, r.pages, r.bps]).toEqual([false, outcome, 0, null]);
  }
  line.nextOutcome = 'throw';
  expect((await fax.send(call())).reason).toBe('modem-error');
  expect(line.releases).toBe(0);
  expect(line.status).toBe('idle');
});

test('send: a line in a call, a line that cannot fax, or no line at all is line-unavailable, without touching the modem', async () => {
  const inCall = faxHandoverLine('a', receiver);
  inCall.status = 'in-call';
  const voiceOnly = faxHandoverLine('b', receiver, { canFax: false });
  const fax = setup([inCall, voiceOnly]);
  expect((await fax.send(call({ lineId: '1' }))).reason).toBe('line-unavailable');
  expect((await fax.send(call({ lineId: '2' }))).reason).toBe('line-unavailable');
  expect((await fax.send(call())).reason).toBe('line-unavailable');
  expect((await setup([]).send(call())).reason).toBe('line-unavailable');
  expect(inCall.handovers).toEqual([]);
});

test('send: a far end that never answers with DIS is a T.30 failure (no-handshake), and the modem is given back', async () => {
  const line = faxHandoverLine('a', async () => undefined);
  const r = await setup([line]).send(call());
  expect([r.ok, r.reason]).toEqual([false, 'no-handshake']);
  expect(line.releases).toBe(1);
});

test('send: cancelling during page 2 ends the call at once as cancelled, with the confirmed pages, and hangs up', async () => {
  const line = faxHandoverLine('a', receiver);
  const ctl = new AbortController();
  const fax = setup([line]);
  const started = Date.now();
  const report = await fax.send(call({ signal: ctl.signal, onProgress: (p) => p.stage === 'page' && p.page === 2 && ctl.abort() }));
  expect([report.ok, report.reason, report.pages]).toEqual([false, 'cancelled', 1]);
  expect(Date.now() - started).toBeLessThan(timers.t1);
  expect(line.releases).toBe(1);
  expect(line.status).toBe('idle');
  expect(fax.available()).toEqual([{ lineId: '1', name: 'L1', busy: false }]);
});

test('receive: answering a ringing fax call keeps every page, says who sent it, reports progress and gives the modem back', async () => {
  const line = faxHandoverLine('a', sender());
  line.status = 'ringing';
  const fax = setup([line]);
  const got: ReceivedFax[] = [];
  const live: FaxProgress[] = [];
  fax.onReceived((f) => got.push(f));
  fax.onReceiving((e) => live.push(e.progress));
  const r = await fax.receiveOn(1, 'answer', { callId: 7, callerNumber: '02155' });
  expect(line.handovers).toEqual([{ how: 'answer' }]);
  expect(got).toEqual([r]);
  expect(r).toMatchObject({ lineId: '1', callId: 7, callerNumber: '02155', report: { ok: true, reason: null, remoteId: 'FAR 1', pages: 3, fine: true } });
  r!.pages.forEach((p, i) => expect(sameBitmap(p.bitmap, pages[i]!.bitmap)).toBe(true));
  const far = (await line.farEnd) as FaxOutcome;
  expect([far.ok, far.remoteId]).toEqual([true, 'OFFICE']);
  expect(live[0]!.stage).toBe('answering');
  expect(live.filter((p) => p.stage === 'page').map((p) => p.page)).toEqual([1, 2, 3, 4]);
  expect(line.releases).toBe(1);
});

test('receive: a call that breaks after page 2 keeps the two pages and says why it failed', async () => {
  let pagesSeen = 0;
  // The line dies as the third page starts (page data is what is not TCF's zeros): nothing more reaches us.
  const line = faxHandoverLine('a', sender(), {
    tamper: (from, s) => {
      if (from === 'caller' && s.kind === 'data' && s.octets.some((b) => b !== 0)) pagesSeen++;
      return pagesSeen > 2 ? null : s;
    },
  });
  line.status = 'in-call';
  const fax = setup([line]);
  const r = await fax.receiveOn(1, 'switch', { callId: 3, callerNumber: null });
  expect(line.handovers).toEqual([{ how: 'switch' }]);
  expect(r!.pages).toHaveLength(2);
  expect(r!.report).toMatchObject({ ok: false, pages: 2 });
  expect(r!.report.reason).not.toBeNull();
  expect(line.releases).toBe(1);
});

test('receive: a line that is not ringing any more (the caller gave up) receives nothing and stays usable', async () => {
  const line = faxHandoverLine('a', sender());
  const fax = setup([line]);
  const got: ReceivedFax[] = [];
  fax.onReceived((f) => got.push(f));
  expect(await fax.receiveOn(1, 'answer', { callId: 1, callerNumber: null })).toBeNull();
  expect(got).toEqual([]);
  expect(fax.holds(1)).toBe(false);
});
