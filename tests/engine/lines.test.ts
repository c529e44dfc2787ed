/**
 * What the Lines screen and the popup window need from the engine, on a real SQLite file with the
 * real demo line (the simulator behind the real driver, ring cadence shortened): the device learnt at
 * start is pushed with 'lines/changed'; the demo line takes a caller's number typed in Persian
 * digits and with spaces, and refuses one that is not a number, naming the field; 'calls/get' gives
 * one call as the log shows it. The line and the engine run on one driven clock (helpers/manual-timers.ts).
 */
import type { EventMap, InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { createEngine } from '../../src/main/engine/engine';
import { demoOn } from '../helpers/demo-line';
import { removeDir, tempDir } from '../helpers/engine';
import { drivenClock } from '../helpers/manual-timers';

jest.setTimeout(30_000);

let dir: string;
let engine: ReturnType<typeof createEngine>;
const events: { name: string; payload: unknown }[] = [];
const last = <E extends keyof EventMap>(name: E, pred: (p: EventMap[E]) => boolean = () => true) =>
  [...events].reverse().find((x) => x.name === name && pred(x.payload as EventMap[E]))?.payload as EventMap[E] | undefined;

async function ok<M extends Method>(method: M, input: InputOf<M>, lang: 'fa' | 'en' = 'fa'): Promise<OutputOf<M>> {
  const r = await engine.invoke(method, input, lang);
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}
async function fail<M extends Method>(method: M, input: InputOf<M>, lang: 'fa' | 'en' = 'fa') {
  const r = await engine.invoke(method, input, lang);
  if (r.ok) throw new Error(`${method} should have failed`);
  return r.error;
}

const clock = drivenClock();
const until = clock.until;
let lineId = 0;
beforeAll(async () => {
  dir = tempDir();
  engine = createEngine({ dataDir: dir, clock: clock.date, timers: clock.timers, lineFactory: demoOn(clock) });
  engine.subscribe((e) => events.push(e));
  lineId = (await ok('lines/create', { name: 'Demo', kind: 'demo' })).id;
});
afterAll(async () => {
  await clock.during(engine.close());
  removeDir(dir);
});

it('pushes the identified device with lines/changed once the line is ready', async () => {
  const changed = await until(() => last('lines/changed', (p) => p.lines.some((l) => l.id === lineId && l.status === 'idle')));
  const line = changed.lines.find((l) => l.id === lineId)!;
  expect(line.identity?.manufacturer).toBe('CONEXANT');
  expect(line.identity?.compression?.rate).toBe(8000);
});

it('rings the demo line with a number typed in Persian digits and spaces, and logs it in ASCII', async () => {
  const before = events.length;
  await ok('lines/demo-call', { lineId, number: '۰۹۱۲ ۱۲۳ ۴۵۶۷', format: 'mdmf', rings: 1 });
  const incoming = await until(() => events.slice(before).find((e) => e.name === 'call/incoming')?.payload as EventMap['call/incoming'] | undefined);
  expect(incoming.call.numberRaw).toBe('09121234567');
  expect(incoming.call.numberKey).toBe('989121234567');
  const ended = await until(() => last('call/updated', (p) => p.call.id === incoming.call.id && p.call.endedAt !== null));
  expect(ended.call.outcome).toBe('missed');

  const one = await ok('calls/get', { id: incoming.call.id });
  expect(one).toEqual(ended.call);
});

it('refuses a caller number that is not a number, naming the field, in the user language', async () => {
  const fa = await fail('lines/demo-call', { lineId, number: 'علی' });
  expect(fa).toMatchObject({ code: 'validation', field: 'number' });
  expect(fa.message).toContain('شمارهٔ تلفن نیست');
  const en = await fail('lines/demo-call', { lineId, number: '0912-abc' }, 'en');
  expect(en.message).toBe('“0912-abc” is not a telephone number: digits only, with + in front if needed.');
});

it("says 'not found' for a call that does not exist", async () => {
  const e = await fail('calls/get', { id: 999_999 }, 'en');
  expect(e).toMatchObject({ code: 'not_found', message: 'This call was not found.' });
});

it('an update changes only what it carries: the rings from "Hours and lines" keep recording on, and the reverse', async () => {
  const id = (await ok('lines/create', { name: 'Recorded', kind: 'demo', recordCalls: true, callerIdMode: 'unformatted', ringsBeforeAnswer: 2 })).id;
  await ok('lines/update', { id, data: { ringsBeforeAnswer: 4 } });
  expect((await ok('lines/list', {})).find((l) => l.id === id)).toMatchObject({
    recordCalls: true,
    ringsBeforeAnswer: 4,
    callerIdMode: 'unformatted',
    name: 'Recorded',
  });
  await ok('lines/update', { id, data: { enabled: false } });
  await ok('lines/update', { id, data: { recordCalls: false } });
  expect((await ok('lines/list', {})).find((l) => l.id === id)).toMatchObject({
    recordCalls: false,
    ringsBeforeAnswer: 4,
    enabled: false,
    callerIdMode: 'unformatted',
  });
  // A bad value in a patch is still refused, naming the field.
  expect(await fail('lines/update', { id, data: { ringsBeforeAnswer: 99 } })).toMatchObject({ code: 'validation', field: 'data.ringsBeforeAnswer' });
  // A modem line needs its port even when the patch only changes the kind.
  expect(await fail('lines/update', { id, data: { kind: 'modem' } })).toMatchObject({ code: 'validation', field: 'port' });
  await ok('lines/delete', { id });
});
