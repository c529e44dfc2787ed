/**
 * Notes on one call (its page's "Notes on this call"), on a real SQLite file with the real demo line:
 * a note added to a logged call is read back with its author and time, in order, and still there after
 * the engine starts again on the same folder; an empty note is refused naming the field, in the user's
 * language, and writes nothing; a call that does not exist is 'not_found'.
 */
import type { EventMap, InputOf, Method, OutputOf } from '../../src/shared/contract/api';
import { createEngine } from '../../src/main/engine/engine';
import { fastDemo, until } from '../helpers/demo-line';
import { removeDir, tempDir } from '../helpers/engine';

jest.setTimeout(30_000);

let dir: string;
let engine: ReturnType<typeof createEngine>;
const events: { name: string; payload: unknown }[] = [];

function start() {
  engine = createEngine({ dataDir: dir, lineFactory: fastDemo });
  engine.subscribe((e) => events.push(e));
}
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

let callId = 0;
beforeAll(async () => {
  dir = tempDir();
  start();
  await ok('settings/update', { userName: 'منشی' });
  const lineId = (await ok('lines/create', { name: 'Demo', kind: 'demo' })).id;
  const idle = (e: (typeof events)[number]) => e.name === 'lines/changed' && (e.payload as EventMap['lines/changed']).lines.some((l) => l.status === 'idle');
  await until(() => events.some(idle));
  await ok('lines/demo-call', { lineId, number: '09121234567', rings: 1 });
  const incoming = await until(() => events.find((e) => e.name === 'call/incoming')?.payload as EventMap['call/incoming'] | undefined);
  callId = incoming.call.id;
});
afterAll(async () => {
  await engine.close();
  removeDir(dir);
});

it('keeps the notes of a call in order, with their author and time, across a restart', async () => {
  expect(await ok('calls/notes', { callId })).toEqual([]);
  const first = await ok('calls/add-note', { callId, body: '  فاکتور را خواست  ' });
  expect(first).toEqual([{ id: expect.any(Number), callId, body: 'فاکتور را خواست', author: 'منشی', createdAt: expect.stringMatching(/Z$/) }]);
  const both = await ok('calls/add-note', { callId, body: 'Call back on Tuesday', author: 'Reza' });
  expect(both.map((n) => [n.body, n.author])).toEqual([
    ['فاکتور را خواست', 'منشی'],
    ['Call back on Tuesday', 'Reza'],
  ]);

  await engine.close();
  start();
  expect(await ok('calls/notes', { callId })).toEqual(both);
});

it('refuses an empty note naming the field, in the user language, and writes nothing', async () => {
  const before = await ok('calls/notes', { callId });
  const fa = await fail('calls/add-note', { callId, body: ' \n ' });
  expect(fa).toMatchObject({ code: 'validation', field: 'body', message: 'متن یادداشت خالی است.' });
  const en = await fail('calls/add-note', { callId, body: '' }, 'en');
  expect(en).toMatchObject({ code: 'validation', field: 'body', message: 'The note is empty.' });
  expect(await ok('calls/notes', { callId })).toEqual(before);
});

it("says 'not found' for the notes of a call that does not exist", async () => {
  expect(await fail('calls/notes', { callId: 999_999 }, 'en')).toMatchObject({ code: 'not_found', message: 'This call was not found.' });
  expect(await fail('calls/add-note', { callId: 999_999, body: 'x' }, 'en')).toMatchObject({ code: 'not_found', message: 'This call was not found.' });
});
