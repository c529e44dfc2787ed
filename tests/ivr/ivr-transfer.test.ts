/**
 * Transfer nodes (hook flash and digits) on the REAL demo line (the modem simulator in-process behind
 * the real V.253 driver): the caller reaches the node, hears the prompt, the line sends +VTS with the
 * flash and the digits and then goes on hook (a blind transfer); the run ends 'transferred' and the
 * call is logged. A line that cannot flash (the sound-card test) takes the fallback and says so. The
 * simulator, the driver and the engine run on one driven clock (helpers/manual-timers.ts).
 */
import { createEngine } from '../../src/main/engine/engine';
import { runIvr } from '../../src/main/ivr/ivr.engine';
import { createSoundCardLine } from '../../src/main/ivr/soundcard-line';
import type { SoundCardEvent } from '../../src/shared/contract/ivr';
import { LineError, realTimers, type ModemSimulator } from '../../src/telephony';
import { demoOn, demoSims } from '../helpers/demo-line';
import { drivenClock } from '../helpers/manual-timers';
import { hostPlaying } from '../helpers/wait';
import { removeDir, tempDir } from '../helpers/engine';
import { makeWav, similarity, tone } from './audio-helpers';

jest.setTimeout(60_000);

describe('transfer by hook flash and digits', () => {
  const dir = tempDir();
  const clock = drivenClock();
  const until = clock.until;
  const e = createEngine({ dataDir: dir, clock: clock.date, timers: clock.timers, lineFactory: demoOn(clock) });
  const events: { name: string; payload: unknown }[] = [];
  e.subscribe((ev) => events.push(ev));
  const ok = async <T>(method: string, input: unknown, lang: 'fa' | 'en' = 'en'): Promise<T> => {
    const r = await e.invoke(method as never, input, lang);
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  let lineId: number;
  let sim: ModemSimulator;
  const prompt: Record<string, { id: number; pcm: Int16Array }> = {};
  let treeId: number;
  const text = (b: Buffer) => b.toString('latin1');

  beforeAll(async () => {
    const { readPcm16 } = await import('../../src/main/ivr/audio/wav');
    for (const [name, hz, ms] of [
      ['welcome', 500, 1200],
      ['connecting', 900, 500],
      ['sorry', 1400, 300],
    ] as const) {
      const p = await ok<{ id: number }>('prompts/import', { name, base64: makeWav([tone(hz, ms, 8000, 0.3)], 8000, 16).toString('base64') });
      prompt[name] = { id: p.id, pcm: readPcm16(Buffer.from((await ok<{ base64: string }>('prompts/audio', { id: p.id })).base64, 'base64')).pcm };
    }
    treeId = (
      await ok<{ id: number }>('ivr/tree-create', {
        name: 'Front desk',
        tree: {
          root: 'main',
          nodes: [
            { id: 'main', label: 'Main menu', kind: 'menu', promptId: prompt.welcome!.id, timeoutS: 3, retries: 0, options: [{ key: '3', next: 'desk' }] },
            { id: 'desk', label: 'Sales desk', kind: 'transfer', promptId: prompt.connecting!.id, digits: '12#', fallback: 'sorry' },
            { id: 'sorry', kind: 'play', promptId: prompt.sorry!.id },
          ],
        },
      })
    ).id;
    lineId = (await ok<{ id: number }>('lines/create', { name: 'Demo', kind: 'demo', ringsBeforeAnswer: 2 })).id;
    await ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: treeId, closedTreeId: treeId, holidayTreeId: treeId }] });
    sim = demoSims.get(lineId)!;
    await until(() => events.some((x) => x.name === 'lines/status' && (x.payload as { status: string }).status === 'idle'));
  });
  afterAll(async () => {
    await clock.during(e.close());
    removeDir(dir);
  });

  async function call(): Promise<number> {
    sim.played.length = 0;
    sim.tones.length = 0;
    const before = events.length;
    sim.ring({ number: '09121234567', name: 'ALI', format: 'mdmf', rings: 6 });
    const answered = await until(
      () => events.slice(before).find((x) => x.name === 'call/updated' && (x.payload as { call: { outcome: string } }).call.outcome === 'ivr'),
      15_000,
    );
    return (answered.payload as { call: { id: number } }).call.id;
  }
  const lineStatus = () =>
    [...events].reverse().find((x) => x.name === 'lines/status' && (x.payload as { lineId: number }).lineId === lineId)?.payload as
      { status: string } | undefined;

  test('key 3: the prompt, then flash and the digits, then on hook; the run ends transferred and the call is logged', async () => {
    const callId = await call();
    const from = sim.transcript.length;
    await until(() => hostPlaying(sim));
    sim.pressKeys('3');
    const run = await until(() => ok<{ path: string[]; end: string } | null>('ivr/run', { callId }), 20_000);
    expect(run).toMatchObject({ path: ['main', 'key:3', 'desk'], end: 'transferred', treeName: 'Front desk' });
    // The flash ('!'), a second for the exchange's dial tone, then the digits — sent once.
    expect(sim.tones).toEqual(['{!,30},[,,100],{1,10},[,,5],{2,10},[,,5],{#,10}']);
    // The "connecting you" prompt was played in full before the flash.
    expect(sim.played).toHaveLength(2);
    expect(sim.played[1]!.length).toBeGreaterThanOrEqual(prompt.connecting!.pcm.length - 80);
    expect(similarity(sim.played[1]!, prompt.connecting!.pcm.subarray(0, sim.played[1]!.length))).toBeGreaterThan(0.95);
    // Order on the wire: the prompt's +VTX, then +VTS, then the hang-up that completes the transfer.
    const sent = sim.transcript
      .slice(from)
      .filter((x) => x.dir === 'host')
      .map((x) => text(x.bytes));
    const vts = sent.findIndex((s) => s.includes('AT+VTS={!,'));
    const lastVtx =
      sent
        .map((s, i) => (s.includes('AT+VTX') ? i : -1))
        .filter((i) => i >= 0 && i < vts)
        .pop() ?? -1;
    // On hook is ATH or, in voice mode on this profile, +VLS=0.
    const hook = sent.findIndex((s, i) => i > vts && /^AT(H|\+VLS=0)/i.test(s.trim()));
    expect(lastVtx).toBeGreaterThanOrEqual(0);
    expect(vts).toBeGreaterThan(lastVtx);
    expect(hook).toBeGreaterThan(vts);
    // The call log: answered by the IVR, ended, the caller kept.
    const c = await until(async () => {
      const row = await ok<{ outcome: string; endedAt: string | null; answeredAt: string | null; numberRaw: string; direction: string }>('calls/get', {
        id: callId,
      });
      return row.endedAt ? row : null;
    }, 20_000);
    expect(c).toMatchObject({ outcome: 'ivr', direction: 'in', numberRaw: '09121234567' });
    expect(c.answeredAt).not.toBeNull();
    // The line is on hook and idle, ready for the next call.
    await until(() => lineStatus()?.status === 'idle' && !sim.offHook && sim.call === null);
  });

  test('the caller hanging up during the prompt: no flash is sent', async () => {
    const callId = await call();
    await until(() => hostPlaying(sim));
    sim.pressKeys('3');
    await until(() => sim.played.length >= 1 && hostPlaying(sim)); // the welcome was cut; "connecting" plays
    sim.callerHangsUp();
    const run = await until(() => ok<{ path: string[]; end: string } | null>('ivr/run', { callId }), 20_000);
    expect(run).toMatchObject({ path: ['main', 'key:3', 'desk'], end: 'caller-hung-up' });
    expect(sim.tones).toEqual([]);
    await until(() => lineStatus()?.status === 'idle');
  });

  test('the sound-card test cannot flash: the fallback is taken and the step says why', async () => {
    const at = events.length;
    const card = () =>
      events
        .slice(at)
        .filter((x) => x.name === 'ivr/soundcard')
        .map((x) => x.payload as SoundCardEvent);
    const { session } = await ok<{ session: number }>('ivr/soundcard-start', { treeId });
    // Skip the menu prompt with the key, as on the telephone.
    await until(() => card().some((x) => x.kind === 'play'));
    await ok('ivr/soundcard-key', { session, key: '3' });
    await until(() => card().some((x) => x.kind === 'ended'), 15_000);
    const steps = card().flatMap((x) => (x.kind === 'step' ? [x.step] : []));
    expect(steps).toEqual(['main', 'key:3', 'desk', 'transfer:unsupported', 'sorry']);
    // welcome (cut by the key), connecting, then the fallback's prompt.
    expect(
      card()
        .filter((x) => x.kind === 'play')
        .map((x) => (x.kind === 'play' ? x.durationMs : 0)),
    ).toEqual([1200, 500, 300]);
  });

  test('any other failure of the flash also takes the fallback', async () => {
    const sent: SoundCardEvent[] = [];
    for (const [failure, step] of [
      [new LineError('bad-state', 'audio running'), 'transfer:bad-state'],
      [new Error('port closed'), 'transfer:failed'],
    ] as const) {
      const line = { ...createSoundCardLine(99, realTimers, (x) => sent.push(x)), flash: () => Promise.reject(failure) };
      const h = runIvr({
        line,
        tree: {
          root: 't',
          nodes: [
            { id: 't', label: '', kind: 'transfer', promptId: null, digits: '12', fallback: 'h' },
            { id: 'h', label: '', kind: 'hangup', promptId: null },
          ],
        },
        timers: realTimers,
        prompt: () => null,
        greeting: () => null,
        office: () => 'open',
        saveVoicemail: () => undefined,
        operator: () => undefined,
      });
      expect(await h.done).toEqual({ path: ['t', step, 'h'], end: 'hung-up' });
    }
  });

  test('a tree with a bad transfer node is refused, naming the node, in English and Persian', async () => {
    const bad = (transfer: Record<string, unknown>) => ({
      name: 'Bad',
      tree: {
        root: 'm',
        nodes: [
          { id: 'm', kind: 'menu', options: [{ key: '1', next: 'x' }] },
          { id: 'x', label: 'Sales desk', kind: 'transfer', ...transfer },
          { id: 'h', kind: 'hangup' },
        ],
      },
    });
    const refused = async (input: unknown, lang: 'fa' | 'en') => {
      const r = await e.invoke('ivr/tree-create', input as never, lang);
      if (r.ok) throw new Error('accepted');
      return r.error;
    };
    expect(await refused(bad({ digits: '12a', fallback: 'h' }), 'en')).toEqual({
      code: 'validation',
      field: 'nodes.x.digits',
      message: 'Node “Sales desk”: the transfer number “12a” is not valid; use only 0–9, * and #, at most 20.',
    });
    expect(await refused(bad({ digits: '12a', fallback: 'h' }), 'fa')).toEqual({
      code: 'validation',
      field: 'nodes.x.digits',
      message: 'گرهٔ «Sales desk»: شمارهٔ انتقال «12a» درست نیست؛ فقط رقم‌های ۰ تا ۹، * و #، حداکثر ۲۰ تا.',
    });
    expect(await refused(bad({ fallback: 'h' }), 'en')).toMatchObject({
      field: 'nodes.x.digits',
      message: 'Node “Sales desk”: enter the extension or number to transfer to.',
    });
    expect(await refused(bad({ digits: '12' }), 'fa')).toMatchObject({
      field: 'nodes.x.fallback',
      message: 'گرهٔ «Sales desk»: مشخص کنید اگر خط نتوانست تماس را منتقل کند، تماس به کجا برود.',
    });
    expect(await refused(bad({ digits: '12', fallback: 'nowhere' }), 'en')).toMatchObject({
      field: 'nodes.x.fallback',
      message: 'Node “Sales desk”: it points to a node that does not exist (nowhere).',
    });
  });
});
