/** The prompt library through the engine: import errors name the field, TTS when espeak-ng is installed, deletion guarded. */
import { testWithTools } from '../helpers/reference-tools';
import { removeDir, tempDir, testEngine } from '../helpers/engine';
import { makeWav, tone } from './audio-helpers';

jest.setTimeout(30_000);

const dir = tempDir();
const e = testEngine(dir, undefined, { noLines: true });
afterAll(async () => {
  await e.close();
  removeDir(dir);
});

test('a file that is not WAV, or has no samples, is refused naming the field', async () => {
  expect(await e.fail('prompts/import', { name: 'x', base64: Buffer.from('ID3 an mp3 header').toString('base64') }, 'en')).toMatchObject({
    code: 'validation',
    field: 'base64',
    message: expect.stringMatching(/not a WAV/),
  });
  expect(await e.fail('prompts/import', { name: 'x', base64: makeWav([new Float32Array(0)], 8000, 16).toString('base64') }, 'fa')).toMatchObject({
    code: 'validation',
    field: 'base64',
    message: 'در این فایل صدایی نیست.',
  });
});

test('a prompt a tree plays cannot be deleted; the tree is named', async () => {
  const p = await e.ok('prompts/import', { name: 'سلام', base64: makeWav([tone(400, 300, 16000)], 16000, 16).toString('base64'), source: 'record' });
  expect(p).toMatchObject({ name: 'سلام', source: 'record', durationMs: 300 });
  await e.ok('ivr/tree-create', { name: 'روزانه', tree: { root: 'a', nodes: [{ id: 'a', kind: 'play', promptId: p.id }] } });
  expect(await e.fail('prompts/delete', { id: p.id }, 'en')).toMatchObject({
    code: 'conflict',
    message: 'Tree “روزانه” plays this prompt; remove it from the tree first.',
  });
  const audio = await e.ok('prompts/audio', { id: p.id });
  expect(audio.durationMs).toBe(300);
  expect(audio.peaks.length).toBeGreaterThan(100);
});

testWithTools(['espeak-ng'], 'espeak-ng')('text to speech in Persian with espeak-ng', async () => {
  expect(await e.ok('prompts/tts-available', {})).toEqual({ available: true });
  const p = await e.ok('prompts/tts', { name: 'خوشامد', text: 'به شرکت ما خوش آمدید. برای فروش یک را بزنید.', voice: 'fa' });
  expect(p).toMatchObject({ source: 'tts', text: 'به شرکت ما خوش آمدید. برای فروش یک را بزنید.' });
  expect(p.durationMs).toBeGreaterThan(1500);
});
