/**
 * A line takes a call as fax by its fax setting, in the real engine on a real SQLite file: fax only at
 * ring N (the IVR not asked), fax after N rings when voice answering has not taken the call, and
 * adaptive answer — the IVR answers, a fax machine's calling tone switches the call to fax instead of
 * hanging up. Proven by what the far fax machine (our T.30 sending) got confirmed and by the call log
 * row's outcome 'fax'; a line set to Off hangs up on the tone as before. The line is one whose modem is
 * in memory (helpers/fax-handover-line.ts) until the simulator's line can hand over.
 */
import type { EventMap } from '../../src/shared/contract/api';
import type { FaxOutcome } from '../../src/fax/t30/session';
import { transmitFax, type SendPage } from '../../src/fax/t30/t30-transmit';
import type { LineDbRow } from '../../src/main/calls/calls.repo';
import { textPage } from '../helpers/fax-pages';
import { faxHandoverLine, type HandoverLine } from '../helpers/fax-handover-line';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { waitFor } from '../helpers/wait';

jest.setTimeout(30_000);

const timers = { t1: 3000, t2: 1500, t4: 600 };
const clock = { now: () => Date.now() };
const pages: SendPage[] = [textPage(1728, 80, 51), textPage(1728, 60, 52)].map((bitmap) => ({ bitmap, fine: true }));

let dir: string;
let engine: TestEngine;
let line: HandoverLine;
const events: { name: string; payload: unknown }[] = [];
beforeEach(() => {
  dir = tempDir();
  events.length = 0;
  line = faxHandoverLine('fax-line', (port) => transmitFax({ port, clock, localId: 'SENDER', pages, timers }));
  engine = testEngine(dir, undefined, { lineFactory: (_row: LineDbRow) => ({ lines: [line], sim: null }) });
  engine.subscribe((e) => events.push(e));
});
afterEach(async () => {
  await engine.close();
  removeDir(dir);
});

const endedCall = () =>
  waitFor(() => {
    const e = [...events].reverse().find((x) => x.name === 'call/updated' && (x.payload as EventMap['call/updated']).call.endedAt !== null);
    return e ? (e.payload as EventMap['call/updated']).call : undefined;
  });

async function ring(n: number): Promise<void> {
  line.status = 'ringing';
  for (let i = 1; i <= n; i++) {
    line.emit('ring', { count: i });
    if (i === 1) line.emit('caller-id', { number: '02188776655', name: null, absence: null, date: null, time: null, format: 'mdmf', extras: {}, raw: [] });
    await new Promise((r) => setTimeout(r, 5));
  }
}

it('fax only: the call is answered as fax at ring N, the far end’s pages are confirmed, the log says fax', async () => {
  await engine.ok('lines/create', { name: 'Fax', kind: 'demo', faxMode: 'fax-only', faxRings: 2, ringsBeforeAnswer: 1 });
  await ring(1);
  expect(line.handovers).toEqual([]);
  await ring(2);
  expect(line.handovers).toEqual([{ how: 'answer' }]);
  const far = (await line.farEnd) as FaxOutcome;
  expect([far.ok, far.pages]).toEqual([true, 2]);
  const call = await endedCall();
  expect([call.outcome, call.numberRaw, call.direction]).toEqual(['fax', '02188776655', 'in']);
});

it('fax after N rings: answered as fax at ring N when nothing else took the call', async () => {
  await engine.ok('lines/create', { name: 'Fax', kind: 'demo', faxMode: 'after-rings', faxRings: 3 });
  await ring(2);
  expect(line.handovers).toEqual([]);
  await ring(3);
  expect(line.handovers).toEqual([{ how: 'answer' }]);
  expect((await line.farEnd) as FaxOutcome).toMatchObject({ ok: true, pages: 2 });
  expect((await endedCall()).outcome).toBe('fax');
});

async function ivrAnswers(faxMode: 'adaptive' | 'off'): Promise<void> {
  const lineId = (await engine.ok('lines/create', { name: 'Voice', kind: 'demo', faxMode, ringsBeforeAnswer: 1 })).id;
  const tree = await engine.ok('ivr/tree-create', {
    name: 'Main',
    tree: {
      root: 'm',
      nodes: [
        { id: 'm', kind: 'menu', promptId: null, timeoutS: 20, retries: 0, options: [{ key: '1', next: 'bye' }] },
        { id: 'bye', kind: 'hangup' },
      ],
    },
  });
  await engine.ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
  await ring(1);
  await waitFor(() => line.status === 'in-call' || undefined);
  // The caller is a fax machine: its calling tone.
  line.emit('tone', { kind: 'fax-calling' });
}

it('adaptive: the IVR answers, the fax machine’s tone switches the call to fax, the pages arrive, the log says fax', async () => {
  await ivrAnswers('adaptive');
  await waitFor(() => line.handovers.length > 0 || undefined);
  expect(line.handovers).toEqual([{ how: 'switch' }]);
  expect((await line.farEnd) as FaxOutcome).toMatchObject({ ok: true, pages: 2 });
  expect((await endedCall()).outcome).toBe('fax');
});

it('off: the IVR hangs up on a fax machine’s tone as before; no fax, the log says the answering service took it', async () => {
  await ivrAnswers('off');
  const call = await endedCall();
  expect(call.outcome).toBe('ivr');
  expect(line.handovers).toEqual([]);
});
