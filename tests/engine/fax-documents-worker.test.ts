/**
 * Adding a document to the fax library renders it in a thread of its own (render-in-worker.ts): the
 * running server (`monshi serve`, a real process) keeps answering HTTP while a 10-page PDF is rendered.
 * Proved by counting: one GET after the other during the add. On the engine thread pdf.js held the event
 * loop for a whole page at a time (0.2–0.3 s), so one or two GETs got through per page; in the worker the
 * GETs are answered as fast as they come. That the pages are the ones rendered on the engine thread
 * before is tests/engine/fax-documents.test.ts's comparison.
 */
import http from 'node:http';
import WebSocket from 'ws';
import { removeDir } from '../helpers/engine';
import { pdfOf } from '../helpers/fax-docs';
import { startServeProcess, type ServeProcess } from '../helpers/serve-process';

jest.setTimeout(120_000);

let srv: ServeProcess;
afterAll(async () => {
  await srv?.stop();
  if (srv) removeDir(srv.dataDir);
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
afterAll(() => agent.destroy());

/** GET / on the server; resolves with the status once the whole answer is in. */
function getRoot(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

async function signIn(): Promise<string> {
  const u = new URL(srv.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: srv.port, path: `${u.pathname}${u.search}` }, (res) => {
        res.resume();
        resolve(/^([^;]+);/.exec(String(res.headers['set-cookie']?.[0] ?? ''))?.[1] ?? '');
      })
      .on('error', reject);
  });
}

test('the server answers HTTP requests while a 10-page PDF is rendered for the fax library', async () => {
  srv = await startServeProcess();
  const cookie = await signIn();
  expect(cookie).toMatch(/^monshi-\d+=/);
  const ws = new WebSocket(`ws://127.0.0.1:${srv.port}/ws`, { origin: `http://127.0.0.1:${srv.port}`, headers: { cookie } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pdf = await pdfOf((doc) => {
    for (let p = 0; p < 10; p++) {
      if (p > 0) doc.addPage();
      for (let y = 40; y < 800; y += 14) doc.fontSize(11).text(`Page ${p + 1}, line ${y}: Monshi renders this in a worker thread 0123456789`, 30, y);
    }
  });
  const replies = new Map<number, Record<string, unknown>>();
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as Record<string, unknown>;
    if (typeof m.id === 'number') replies.set(m.id, m);
  });
  const input = { fileName: 'ten.pdf', base64: pdf.toString('base64'), resolution: 'fine' };
  ws.send(JSON.stringify({ t: 'req', id: 1, method: 'fax/document-add', input, lang: 'en' }));
  let answered = 0;
  while (!replies.has(1)) {
    // Any HTTP answer counts (without a built renderer / is a 404): it was written by the engine's thread.
    expect(await getRoot(srv.port)).toBeGreaterThanOrEqual(200);
    if (!replies.has(1)) answered++;
  }
  ws.close();
  expect(replies.get(1)).toMatchObject({ result: { ok: true, value: { name: 'ten.pdf', kind: 'pdf', pages: 10 } } });
  // On the engine thread one or two a page got through (18 in a run); in the worker, thousands (loaded machine).
  expect(answered).toBeGreaterThan(50);
});
