/**
 * A line's fax setting (issue 16: fax-only, after N rings, adaptive) on a real SQLite file: stored with
 * the line, still set after a restart, refused with the field named when out of range, and — the
 * issue-13 lesson — not reset when another screen saves the same line (the IVR's "Hours and lines"
 * saves only the rings, the line form's record switch only that).
 */
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';

jest.setTimeout(30_000);

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

const lineOf = async (e: TestEngine, id: number) => (await e.ok('lines/list', {})).find((l) => l.id === id)!;

it('a new line is voice only; the fax setting is kept, survives a restart, and other screens’ saves leave it alone', async () => {
  const id = (await engine.ok('lines/create', { name: 'Office', kind: 'demo' })).id;
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'off', faxRings: 4 });
  await engine.ok('lines/update', { id, data: { faxMode: 'after-rings', faxRings: 6 } });
  // The IVR's answering screen saves the rings only; the line form's record switch saves that only.
  await engine.ok('lines/update', { id, data: { ringsBeforeAnswer: 3 } });
  await engine.ok('lines/update', { id, data: { recordCalls: true } });
  await engine.ok('lines/update', { id, data: { name: 'Front office', callerIdMode: 'unformatted' } });
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'after-rings', faxRings: 6, ringsBeforeAnswer: 3, recordCalls: true, name: 'Front office' });

  await engine.close();
  engine = testEngine(dir);
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'after-rings', faxRings: 6, ringsBeforeAnswer: 3, recordCalls: true });
  // And the fax setting's own save leaves the rest alone.
  await engine.ok('lines/update', { id, data: { faxMode: 'adaptive' } });
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'adaptive', faxRings: 6, ringsBeforeAnswer: 3, recordCalls: true });
});

it('refuses a fax setting that is not one, naming the field, in the user’s language', async () => {
  const id = (await engine.ok('lines/create', { name: 'Office', kind: 'demo', faxMode: 'fax-only', faxRings: 2 })).id;
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'fax-only', faxRings: 2 });
  expect(await engine.fail('lines/update', { id, data: { faxRings: 0 } })).toMatchObject({ code: 'validation', field: 'data.faxRings' });
  expect(await engine.fail('lines/update', { id, data: { faxMode: 'sometimes' } }, 'en')).toMatchObject({ code: 'validation', field: 'data.faxMode' });
  expect(await lineOf(engine, id)).toMatchObject({ faxMode: 'fax-only', faxRings: 2 });
});
