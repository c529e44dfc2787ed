/**
 * Fax-on-demand through the IVR, in the real engine on a real SQLite file, on the REAL demo line (the
 * modem simulator behind the real V.253/Class 1 driver), with our T.30 as the caller's fax machine at
 * the simulator's far end. The caller presses 1, then Start with an empty feeder (their machine
 * receives): the library document arrives — every row under the header line bit for bit the document's
 * page — and the fax log has it (out, 1/1 pages confirmed, the caller's number, the matched contact,
 * so on the contact's timeline), the call ends as 'fax', the IVR run ends 'fax'. A key whose document
 * was deleted is refused when the tree is saved, naming the node and the key.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { readTiffF } from '../../src/fax';
import { receiveFax } from '../../src/fax/t30/t30-receive';
import type { ReceivedPage } from '../../src/fax/t30/session';
import { headerRows } from '../../src/main/fax/pages/page-header';
import { runIvr } from '../../src/main/ivr/ivr.engine';
import { createSoundCardLine } from '../../src/main/ivr/soundcard-line';
import { realTimers } from '../../src/telephony';
import { demoSims, fastDemo } from '../helpers/demo-line';
import { removeDir, tempDir, testEngine, type TestEngine } from '../helpers/engine';
import { rectPdf } from '../helpers/fax-docs';
import { hostPlaying, until } from '../helpers/wait';

jest.setTimeout(120_000);

const CALLER = '09121234567';
let dir: string;
let engine: TestEngine;
beforeEach(() => {
  dir = tempDir();
  engine = testEngine(dir, undefined, { lineFactory: fastDemo });
});
afterEach(async () => {
  await engine.close();
  removeDir(dir);
});

async function setUp() {
  const base64 = (await rectPdf()).toString('base64');
  const doc = await engine.ok('fax/document-add', { fileName: 'prices.pdf', name: 'Price list', base64, resolution: 'fine' });
  const contact = await engine.ok('contacts/create', { firstName: 'Sara', lastName: 'Karimi', phones: [{ kind: 'mobile', number: CALLER }] });
  const lineId = (await engine.ok('lines/create', { name: 'Demo', kind: 'demo', ringsBeforeAnswer: 2 })).id;
  const tree = await engine.ok('ivr/tree-create', {
    name: 'Fax on demand',
    tree: { root: 'f', nodes: [{ id: 'f', label: 'Documents', kind: 'fax-document', timeoutS: 20, documents: [{ key: '1', documentId: doc.id }] }] },
  });
  await engine.ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
  const sim = demoSims.get(lineId)!;
  await until(async () => (await engine.ok('lines/list', {})).find((l) => l.id === lineId && l.status === 'idle'), 20_000);
  return { doc, contact, lineId, sim };
}

it('the caller presses 1, then Start: the document arrives bit for bit, the log and the contact’s timeline have it, the call ends as fax', async () => {
  const { doc, contact, sim } = await setUp();
  const got: ReceivedPage[] = [];
  let farOk: boolean | null = null;
  sim.onFaxMachine((end) => {
    // The caller's machine, Start pressed with an empty feeder, receives.
    expect(end.receives).toBe(true);
    void receiveFax({ port: end, clock: { now: () => Date.now() }, localId: 'SARA FAX', capabilities: { ecm: true }, onPage: (p) => got.push(p) })
      .then((r) => (farOk = r.ok))
      .finally(() => end.hangUp());
  });
  sim.ring({ number: CALLER, format: 'mdmf', rings: 6 });
  await until(() => hostPlaying(sim) || sim.played.length > 0 || undefined, 20_000).catch(() => undefined);
  sim.pressKeys('1');
  expect(await until(() => sim.faxStart() || undefined, 20_000)).toBe(true);
  const log = await until(async () => (await engine.ok('fax/log', {})).rows[0], 90_000);
  expect(log).toMatchObject({ direction: 'out', ok: true, pagesDone: 1, pagesTotal: 1, remoteNumber: CALLER, remoteId: 'SARA FAX', contactId: contact.id });
  expect(farOk).toBe(true);
  // The pages: our header line over the top rows, then the document's page exactly.
  const stored = readTiffF(readFileSync(path.join(dir, 'fax', 'documents', readdirSync(path.join(dir, 'fax', 'documents'))[0]!)));
  expect(got).toHaveLength(1);
  const page = got[0]!.bitmap;
  const want = stored[0]!.bitmap;
  expect([page.width, page.height]).toEqual([want.width, want.height]);
  const skip = headerRows({ paper: 'a4', resolution: 'fine' }) * page.rowBytes;
  expect(Buffer.from(page.data.subarray(skip)).equals(Buffer.from(want.data.subarray(skip)))).toBe(true);
  expect(page.data.subarray(0, skip).some((b) => b !== 0)).toBe(true); // the header line has ink
  // The contact's timeline (the log filtered by contact) has it, and the log keeps the pages sent.
  expect((await engine.ok('fax/log', { contactId: contact.id })).rows.map((r) => r.id)).toEqual([log.id]);
  expect(await engine.ok('fax/log-page', { id: log.id, page: 1 })).toMatchObject({ page: 1, pages: 1 });
  const callId = log.callId!;
  expect(callId).not.toBeNull();
  const row = await until(async () => {
    const c = await engine.ok('calls/get', { id: callId });
    return c.endedAt ? c : undefined;
  });
  expect(row.outcome).toBe('fax');
  expect(await until(async () => await engine.ok('ivr/run', { callId }))).toMatchObject({ end: 'fax' });
  expect(doc.pages).toBe(1);
});

it('a key whose document was deleted from the library: saving the tree names the node and the key', async () => {
  const { doc } = await setUp();
  await engine.ok('fax/document-delete', { id: doc.id });
  const e = await engine.fail(
    'ivr/tree-create',
    { name: 'Stale', tree: { root: 'f', nodes: [{ id: 'f', label: 'Documents', kind: 'fax-document', documents: [{ key: '3', documentId: doc.id }] }] } },
    'en',
  );
  expect(e.field).toBe('nodes.f.documents.0.documentId');
  expect(e.message).toContain('Documents');
  expect(e.message).toContain('key 3');
  const half = { name: 'Half', tree: { root: 'f', nodes: [{ id: 'f', kind: 'fax-document', documents: [{ key: '2' }] }] } };
  const none = await engine.fail('ivr/tree-create', half, 'fa');
  expect(none.field).toBe('nodes.f.documents.0.documentId');
  expect(none.message).toContain('کلید ۲');
});

describe('the fax-document node’s fallback: only when no fax started', () => {
  const tree = {
    root: 'f',
    nodes: [
      { id: 'f', label: '', kind: 'fax-document' as const, promptId: null, startPromptId: null, wrongPromptId: null, timeoutS: 5, retries: 1, fallback: 'h' },
      { id: 'h', label: '', kind: 'hangup' as const, promptId: null },
    ].map((n) =>
      n.kind === 'fax-document'
        ? {
            ...n,
            documents: [
              { key: '1' as const, documentId: 7 },
              { key: '2' as const, documentId: null },
            ],
          }
        : n,
    ),
  };
  const run = (sendFax?: (id: number) => Promise<'sent' | 'failed' | 'unavailable'>) => {
    const line = createSoundCardLine(98, realTimers, () => undefined);
    const h = runIvr({
      line,
      tree: tree as never,
      timers: realTimers,
      prompt: () => null,
      greeting: () => null,
      office: () => 'open',
      saveVoicemail: () => undefined,
      operator: () => undefined,
      sendFax,
    });
    return { h, line };
  };

  it('a line that cannot fax (the sound-card test) goes to the fallback after the key', async () => {
    const { h, line } = run();
    line.key('1');
    expect(await h.done).toEqual({ path: ['f', 'key:1', 'fax:unavailable', 'h'], end: 'hung-up' });
  });

  it('a document gone at call time goes to the fallback; a key with no document is a wrong key; a fax sent ends the run as fax', async () => {
    const asked: number[] = [];
    const gone = run(async (id) => (asked.push(id), 'unavailable'));
    gone.line.key('1');
    expect(await gone.h.done).toEqual({ path: ['f', 'key:1', 'fax:unavailable', 'h'], end: 'hung-up' });
    const sent = run(async (id) => (asked.push(id), 'sent'));
    sent.line.key('2');
    // Keys typed after a wrong key are dropped (as in a menu): the next one comes after it was handled.
    await new Promise((r) => setTimeout(r, 200));
    sent.line.key('1');
    expect(await sent.h.done).toEqual({ path: ['f', 'key:2', 'key:1', 'fax:sent'], end: 'fax' });
    expect(asked).toEqual([7, 7]);
  });
});
