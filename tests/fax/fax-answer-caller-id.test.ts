/**
 * A fax-only line set to answer at ring 1, over the simulator (the demo line: the real voice-modem driver,
 * the simulator's ring cadence with the caller ID between rings 1 and 2 as the network sends it), in the
 * real engine on a real SQLite file. With caller ID on, the line waits for the caller ID before answering,
 * so the received fax is logged with the caller's number; with caller ID off it answers at ring 1 as set.
 * A line set to "fax after 1 ring" (voice answering did not take the call) waits the same way.
 */
import type { CallerIdMode } from '../../src/shared/contract/calls';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { waitFor } from '../helpers/wait';

jest.setTimeout(120_000);

let dir: string;
let engine: TestEngine;
beforeEach(() => {
  dir = tempDir();
  engine = testEngine(dir);
});
afterEach(async () => {
  await engine.close();
  removeDir(dir);
});

async function faxCall(callerIdMode: CallerIdMode, faxMode: 'fax-only' | 'after-rings' = 'fax-only') {
  const line = await engine.ok('lines/create', { name: 'Fax', kind: 'demo', faxMode, faxRings: 1, callerIdMode });
  const idle = async () => (await engine.ok('lines/list', {})).find((l) => l.id === line.id)?.status === 'idle' || undefined;
  await waitFor(idle, { timeoutMs: 30_000, everyMs: 200 });
  await engine.ok('lines/demo-call', { lineId: line.id, number: '02155550100', fax: true, rings: 0 });
  const row = await waitFor(async () => (await engine.ok('fax/log', {}, 'en')).rows[0], { what: 'the fax in the log', timeoutMs: 90_000, everyMs: 200 });
  return { line, row };
}

it('caller ID on: the fax-only line at ring 1 waits for the caller ID, and the fax log has the caller’s number', async () => {
  const { row } = await faxCall('auto');
  expect([row.direction, row.ok, row.pagesDone, row.remoteNumber]).toEqual(['in', true, 1, '02155550100']);
  const calls = (await engine.ok('calls/list', {})).rows;
  expect(calls.map((c) => [c.outcome, c.numberRaw])).toEqual([['fax', '02155550100']]);
});

it('caller ID off: the line answers at ring 1 as set, with no number to wait for', async () => {
  const { row } = await faxCall('off');
  expect([row.direction, row.ok, row.remoteNumber]).toEqual(['in', true, '']);
});

it('caller ID on: "fax after 1 ring" (no IVR on the line) also waits for the caller ID, and the log has the number', async () => {
  const { row } = await faxCall('auto', 'after-rings');
  expect([row.direction, row.ok, row.pagesDone, row.remoteNumber]).toEqual(['in', true, 1, '02155550100']);
  const calls = (await engine.ok('calls/list', {})).rows;
  expect(calls.map((c) => [c.outcome, c.numberRaw])).toEqual([['fax', '02155550100']]);
});
