/**
 * The sound-card test through the engine: the same executor runs a tree with the page as the caller.
 * The page is played by this test: it receives the prompts as WAV, presses keys, and answers a
 * 'record' with a WAV at 48 kHz as a browser would send; the message lands in the mailbox.
 */
import type { SoundCardEvent } from '../../src/shared/contract/ivr';
import { readPcm16 } from '../../src/main/ivr/audio/wav';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { makeWav, similarity, tone } from './audio-helpers';

jest.setTimeout(30_000);

const dir = tempDir();
const e = testEngine(dir, undefined, { noLines: true });
const events: SoundCardEvent[] = [];
e.subscribe((ev) => ev.name === 'ivr/soundcard' && events.push(ev.payload));
afterAll(async () => {
  await e.close();
  removeDir(dir);
});
async function next(pred: (x: SoundCardEvent) => boolean, from: number): Promise<SoundCardEvent> {
  const end = Date.now() + 10_000;
  for (;;) {
    const hit = events.slice(from).find(pred);
    if (hit) return hit;
    if (Date.now() > end) throw new Error(`no such event; got ${JSON.stringify(events.slice(from).map((x) => x.kind))}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('a tree runs on the sound card: prompts to the speakers, keys from the keypad, the microphone into the mailbox', async () => {
  const welcome = await e.ok('prompts/import', { name: 'welcome', base64: makeWav([tone(500, 2000, 16000)], 16000, 16).toString('base64') });
  const box = await e.ok('mailboxes/create', { name: 'Support' });
  const tree = await e.ok('ivr/tree-create', {
    name: 'Test',
    tree: {
      root: 'm',
      nodes: [
        { id: 'm', kind: 'menu', promptId: welcome.id, options: [{ key: '3', next: 'vm' }] },
        { id: 'vm', kind: 'voicemail', mailboxId: box.id, maxSeconds: 30 },
      ],
    },
  });
  const { session } = await e.ok('ivr/soundcard-start', { treeId: tree.id });
  const play = await next((x) => x.kind === 'play', 0);
  if (play.kind !== 'play') throw new Error();
  expect(play.session).toBe(session);
  expect(play.durationMs).toBe(2000);
  const stored = readPcm16(Buffer.from((await e.ok('prompts/audio', { id: welcome.id })).base64, 'base64')).pcm;
  expect(similarity(readPcm16(Buffer.from(play.base64, 'base64')).pcm, stored, 0)).toBeGreaterThan(0.999);
  // Barge-in: the key stops the prompt on the speakers at once.
  const at = events.length;
  const t0 = Date.now();
  await e.ok('ivr/soundcard-key', { session, key: '3' });
  await next((x) => x.kind === 'stop', at);
  expect(Date.now() - t0).toBeLessThan(100);
  await next((x) => x.kind === 'record', at);
  const speech = tone(220, 1500, 48000, 0.3);
  await e.ok('ivr/soundcard-audio', { session, base64: makeWav([speech], 48000, 16).toString('base64') });
  await next((x) => x.kind === 'ended', at);
  const steps = events.filter((x) => x.kind === 'step').map((x) => (x.kind === 'step' ? x.step : ''));
  expect(steps).toEqual(['m', 'key:3', 'vm']);
  const [msg] = await e.ok('voicemail/list', {});
  expect(msg).toMatchObject({ mailboxName: 'Support', numberRaw: '' });
  expect(msg!.durationMs).toBeGreaterThan(1400);
  expect((await e.fail('ivr/soundcard-key', { session, key: '1' }, 'en')).message).toBe('This test call has ended.');
});

test('a ring-through node on the sound card: the page is told the caller waits, and takes the call', async () => {
  const hold = await e.ok('prompts/import', { name: 'hold', base64: makeWav([tone(400, 500, 8000)], 8000, 16).toString('base64') });
  const tree = await e.ok('ivr/tree-create', {
    name: 'Desk',
    tree: { root: 'op', nodes: [{ id: 'op', kind: 'operator', promptId: hold.id, waitS: 60, fallback: null }] },
  });
  const at = events.length;
  const { session } = await e.ok('ivr/soundcard-start', { treeId: tree.id });
  const waiting = await next((x) => x.kind === 'waiting' && x.waiting, at);
  expect(waiting.session).toBe(session);
  await e.ok('ivr/soundcard-take', { session });
  await next((x) => x.kind === 'waiting' && !x.waiting, at);
  await next((x) => x.kind === 'ended', at);
  expect((await e.fail('ivr/soundcard-take', { session }, 'en')).message).toBe('This test call has ended.');
});
