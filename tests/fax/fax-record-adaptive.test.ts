/**
 * Adaptive answer through a call recording, in the real engine on a real SQLite file with the demo line
 * (the modem simulator behind the real voice-modem driver): a line set to record every answered call and
 * to take faxes adaptively answers a call (Answer on the call card); the recording starts; the caller is
 * a fax machine, whose calling tone ends the recording and hands the call to fax; the far machine's
 * pages are received and logged. The recording is kept — what the code intends
 * (recordings.service.ts: what was recorded is the start of the call, before anyone knew it was a fax).
 */
import type { EventMap } from '../../src/shared/contract/api';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { demoSims, fastDemo } from '../helpers/demo-line';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { textPage } from '../helpers/fax-pages';
import { waitFor } from '../helpers/wait';

jest.setTimeout(120_000);

const pages: SendPage[] = [textPage(1728, 60, 61), textPage(1728, 50, 62)].map((bitmap) => ({ bitmap, fine: true }));

let dir: string;
let engine: TestEngine;
afterEach(async () => {
  await engine?.close();
  removeDir(dir);
});

test('a recorded call hears a fax machine: the call goes to fax, the pages are received and logged, the recording is kept', async () => {
  dir = tempDir();
  engine = testEngine(dir, undefined, { lineFactory: fastDemo });
  const events: { name: string; payload: unknown }[] = [];
  engine.subscribe((e) => events.push(e));
  const lineId = (await engine.ok('lines/create', { name: 'Front', kind: 'demo', recordCalls: true, faxMode: 'adaptive' })).id;
  await waitFor(() => events.some((e) => e.name === 'lines/status' && (e.payload as EventMap['lines/status']).status === 'idle') || undefined);
  const sim = demoSims.get(lineId)!;
  let far: Promise<FaxOutcome> | null = null;
  sim.onFaxMachine((end) => {
    far = transmitFax({ port: end, clock: { now: () => Date.now() }, localId: '+98 21 7777', pages }).finally(() => end.hangUp());
  });
  sim.ring({ number: '02177776666', format: 'formatted', fax: true, rings: 10 });
  await waitFor(() => events.find((e) => e.name === 'call/incoming') || undefined, { timeoutMs: 20_000 });
  await engine.ok('calls/answer', { lineId });
  // The recording runs…
  await waitFor(async () => ((await engine.ok('recordings/active', {})) as unknown[]).length > 0 || undefined, { timeoutMs: 10_000 });
  // …until the fax machine's tone hands the call to fax; the far machine's pages are confirmed.
  const sent = await waitFor(() => far ?? undefined, { timeoutMs: 30_000 });
  expect(await sent).toMatchObject({ ok: true, pages: 2 });
  const logged = await waitFor(async () => (await engine.ok('fax/log', {})).rows.find((r) => r.direction === 'in' && r.pagesDone === 2), { timeoutMs: 30_000 });
  expect(logged).toMatchObject({ direction: 'in', pagesDone: 2, remoteId: '+98 21 7777' });
  const call = await waitFor(() => {
    const e = [...events].reverse().find((x) => x.name === 'call/updated' && (x.payload as EventMap['call/updated']).call.endedAt !== null);
    return e ? (e.payload as EventMap['call/updated']).call : undefined;
  });
  expect(call.outcome).toBe('fax');
  const recs = await engine.ok('recordings/list', {});
  expect(recs.rows.map((r) => r.callId)).toEqual([call.id]);
});

test('on a line that does not take faxes, a recorded call goes on past a fax tone until the caller hangs up', async () => {
  dir = tempDir();
  engine = testEngine(dir, undefined, { lineFactory: fastDemo });
  const events: { name: string; payload: unknown }[] = [];
  engine.subscribe((e) => events.push(e));
  const lineId = (await engine.ok('lines/create', { name: 'Front', kind: 'demo', recordCalls: true, faxMode: 'off' })).id;
  await waitFor(() => events.some((e) => e.name === 'lines/status' && (e.payload as EventMap['lines/status']).status === 'idle') || undefined);
  // The fax machine's tone is reported 3.5 s into the call; the caller hangs up at 7 s.
  demoSims.get(lineId)!.ring({ number: '02177776666', format: 'formatted', fax: true, rings: 10, hangUpAfterMs: 7000 });
  await waitFor(() => events.find((e) => e.name === 'call/incoming') || undefined, { timeoutMs: 20_000 });
  await engine.ok('calls/answer', { lineId });
  const call = await waitFor(
    () => {
      const e = [...events].reverse().find((x) => x.name === 'call/updated' && (x.payload as EventMap['call/updated']).call.endedAt !== null);
      return e ? (e.payload as EventMap['call/updated']).call : undefined;
    },
    { timeoutMs: 30_000 },
  );
  expect(call.outcome).not.toBe('fax');
  const rec = await waitFor(async () => (await engine.ok('recordings/list', {})).rows.find((r) => r.callId === call.id && r.durationMs > 0), {
    timeoutMs: 10_000,
  });
  // Stopped at the tone it would have lasted about 3.5 s; it records the whole call instead.
  expect(rec.durationMs).toBeGreaterThan(5000);
});
