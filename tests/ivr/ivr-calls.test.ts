/**
 * A scripted caller walks answering trees on the REAL demo line (the modem simulator in-process
 * behind the real V.253 driver; ring cadence shortened): what the line played is compared with the
 * prompts, the mailbox holds the caller's audio, and wrong keys, timeouts, barge-in and hanging up
 * mid-prompt behave. Prompts are tones of different pitches so each is recognisable. The simulator,
 * the driver and the engine run on one driven clock (helpers/manual-timers.ts): a call's seconds pass
 * in milliseconds, and timings are the clock's, so a loaded machine slows the file without changing it.
 */
import { createEngine } from '../../src/main/engine/engine';
import { demoVoice } from '../../src/main/ivr/ivr.service';
import type { ModemSimulator } from '../../src/telephony';
import { demoOn, demoSims } from '../helpers/demo-line';
import { drivenClock } from '../helpers/manual-timers';
import { hostPlaying, modemSentAudio } from '../helpers/wait';
import { removeDir, tempDir } from '../helpers/engine';
import { makeWav, similarity, tone } from './audio-helpers';

jest.setTimeout(60_000);

describe('IVR on the demo line', () => {
  const dir = tempDir();
  const clock = drivenClock();
  const until = clock.until;
  const e = createEngine({ dataDir: dir, clock: clock.date, timers: clock.timers, lineFactory: demoOn(clock) });
  const events: { name: string; payload: unknown }[] = [];
  e.subscribe((ev) => events.push(ev));
  const ok = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await e.invoke(method as never, input, 'en');
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value as T;
  };
  let lineId: number;
  let sim: ModemSimulator;
  const prompt: Record<string, { id: number; pcm: Int16Array }> = {};
  let mailboxId: number;
  let contactId: number;

  beforeAll(async () => {
    for (const [name, hz, ms] of [
      ['welcome', 500, 1200],
      ['info', 900, 500],
      ['wrong', 1400, 300],
      ['greeting', 700, 400],
      ['hold', 300, 300],
    ] as const) {
      // Imported from 44.1 kHz stereo 16-bit, as a user's file would be.
      const src = tone(hz, ms, 44100, 0.3);
      const p = await ok<{ id: number }>('prompts/import', { name, base64: makeWav([src, src], 44100, 16).toString('base64') });
      prompt[name] = {
        id: p.id,
        pcm: (await import('../../src/main/ivr/audio/wav')).readPcm16(
          Buffer.from((await ok<{ base64: string }>('prompts/audio', { id: p.id })).base64, 'base64'),
        ).pcm,
      };
    }
    mailboxId = (await ok<{ id: number }>('mailboxes/create', { name: 'Sales', kind: 'department', greetingPromptId: prompt.greeting!.id })).id;
    contactId = (await ok<{ id: number }>('contacts/create', { firstName: 'Ali', lastName: 'Rezaei', phones: [{ kind: 'mobile', number: '09121234567' }] })).id;
    const tree = await ok<{ id: number }>('ivr/tree-create', {
      name: 'Main',
      tree: {
        root: 'main',
        nodes: [
          {
            id: 'main',
            label: 'Main menu',
            kind: 'menu',
            promptId: prompt.welcome!.id,
            wrongPromptId: prompt.wrong!.id,
            timeoutS: 1,
            retries: 1,
            repeatKey: '*',
            backKey: '#',
            options: [
              { key: '1', next: 'info' },
              { key: '2', next: 'vm' },
              { key: '0', next: 'desk' },
            ],
          },
          { id: 'info', kind: 'play', promptId: prompt.info!.id, next: 'bye' },
          { id: 'bye', kind: 'hangup' },
          { id: 'vm', kind: 'voicemail', mailboxId, maxSeconds: 20 },
          { id: 'desk', kind: 'operator', promptId: prompt.hold!.id, waitS: 30 },
        ],
      },
    });
    lineId = (await ok<{ id: number }>('lines/create', { name: 'Demo', kind: 'demo', ringsBeforeAnswer: 2 })).id;
    // The same tree day and night, so the test does not depend on the hour it runs at.
    await ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: tree.id, closedTreeId: tree.id, holidayTreeId: tree.id }] });
    sim = demoSims.get(lineId)!;
    await until(() => events.some((x) => x.name === 'lines/status' && (x.payload as { status: string }).status === 'idle'));
  });
  afterAll(async () => {
    await clock.during(e.close());
    removeDir(dir);
  });

  /** Rings with a caller ID; resolves with the call id once the IVR answered. */
  async function call(number = '09121234567'): Promise<number> {
    sim.played.length = 0;
    const before = events.length;
    sim.ring({ number, name: 'ALI', format: 'mdmf', rings: 6 });
    const answered = await until(() =>
      events.slice(before).find((x) => x.name === 'call/updated' && (x.payload as { call: { outcome: string } }).call.outcome === 'ivr'),
    );
    return (answered.payload as { call: { id: number } }).call.id;
  }
  const closeTo = (played: Int16Array | undefined, p: Int16Array) =>
    similarity(played ?? new Int16Array(0), p.subarray(0, Math.min(p.length, played?.length ?? 0)));

  test('answers after ringsBeforeAnswer; key 1 plays the info prompt and hangs up; path and outcome logged', async () => {
    const callId = await call();
    // The caller ID came between ring 1 and 2, before the answer: the call carries it.
    await until(() => hostPlaying(sim));
    sim.pressKeys('1');
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    expect(run.path).toEqual(['main', 'key:1', 'info', 'bye']);
    expect(run.end).toBe('hung-up');
    // Barge-in: the welcome stopped at the key (well before its 1.2 s), then info played in full.
    expect(sim.played[0]!.length).toBeLessThan(8000 * 0.9);
    expect(closeTo(sim.played[0], prompt.welcome!.pcm)).toBeGreaterThan(0.95);
    expect(sim.played[1]!.length).toBeGreaterThanOrEqual(prompt.info!.pcm.length - 80);
    expect(closeTo(sim.played[1], prompt.info!.pcm)).toBeGreaterThan(0.95);
    const c = await until(async () => {
      const row = await ok<{ outcome: string; endedAt: string | null; numberRaw: string }>('calls/get', { id: callId });
      return row.endedAt ? row : null;
    });
    expect(c).toMatchObject({ outcome: 'ivr', numberRaw: '09121234567' });
  });

  test('a wrong key plays the wrong-key prompt and the menu again; after the retries the call ends', async () => {
    const callId = await call();
    await until(() => hostPlaying(sim));
    sim.pressKeys('9');
    await until(() => sim.played.length >= 2 && hostPlaying(sim));
    sim.pressKeys('7');
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    expect(run.path).toEqual(['main', 'key:9', 'key:7']);
    expect(run.end).toBe('timeout');
    // welcome (cut) → wrong → welcome (cut by 7) → wrong
    expect(closeTo(sim.played[1], prompt.wrong!.pcm)).toBeGreaterThan(0.95);
    expect(closeTo(sim.played[2], prompt.welcome!.pcm)).toBeGreaterThan(0.95);
    expect(closeTo(sim.played[3], prompt.wrong!.pcm)).toBeGreaterThan(0.95);
  });

  test('no key: the menu repeats after its timeout, then the call ends; the timing follows timeoutS', async () => {
    const callId = await call();
    const t0 = clock.now();
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    const took = clock.now() - t0;
    expect(run.path).toEqual(['main', 'timeout', 'timeout']);
    expect(run.end).toBe('timeout');
    // two full welcomes (1.2 s each) and two 1 s timeouts, plus the answer and hang-up
    expect(took).toBeGreaterThan(4200);
    expect(took).toBeLessThan(7500);
    expect(sim.played).toHaveLength(2);
    expect(closeTo(sim.played[0], prompt.welcome!.pcm)).toBeGreaterThan(0.95);
    expect(sim.played[0]!.length).toBeGreaterThanOrEqual(prompt.welcome!.pcm.length - 80);
  });

  test('the repeat key plays the menu again; the caller hanging up mid-prompt ends the run at once', async () => {
    const callId = await call();
    await until(() => hostPlaying(sim));
    sim.pressKeys('*');
    await until(() => sim.played.length >= 1 && hostPlaying(sim));
    const t0 = clock.now();
    sim.callerHangsUp();
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    expect(clock.now() - t0).toBeLessThan(600);
    expect(run.path).toEqual(['main', 'key:*']);
    expect(run.end).toBe('caller-hung-up');
    const c = await ok<{ outcome: string }>('calls/get', { id: callId });
    expect(c.outcome).toBe('ivr');
  });

  test("voicemail: greeting, beep, the caller speaks; the message ends on silence and holds the caller's audio with the caller ID and contact", async () => {
    const voice = demoVoice(1.5);
    const before = events.length;
    const callId = await call();
    sim.sendAudio(voice);
    await until(() => hostPlaying(sim));
    sim.pressKeys('2');
    const changed = await until(() => events.slice(before).find((x) => x.name === 'voicemail/changed'), 20000);
    expect(changed.payload).toEqual({ unheard: 1 });
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    expect(run).toMatchObject({ path: ['main', 'key:2', 'vm'], end: 'voicemail' });
    // greeting then the beep were played before recording
    expect(closeTo(sim.played[1], prompt.greeting!.pcm)).toBeGreaterThan(0.95);
    const [msg] = await ok<{ id: number; numberRaw: string; contactId: number | null; durationMs: number; heard: boolean; mailboxId: number }[]>(
      'voicemail/list',
      {},
    );
    expect(msg).toMatchObject({ numberRaw: '09121234567', contactId, heard: false, mailboxId });
    // The call's page finds the message by its call, and no other call's.
    expect((await ok<{ id: number }[]>('voicemail/list', { callId })).map((v) => v.id)).toEqual([msg!.id]);
    expect(await ok<unknown[]>('voicemail/list', { callId: callId + 1000 })).toEqual([]);
    // 1.5 s of voice plus at most the kept 300 ms of silence
    expect(msg!.durationMs).toBeGreaterThan(1400);
    expect(msg!.durationMs).toBeLessThan(2100);
    const audio = await ok<{ base64: string; peaks: number[] }>('voicemail/audio', { id: msg!.id });
    const { readPcm16 } = await import('../../src/main/ivr/audio/wav');
    const got = readPcm16(Buffer.from(audio.base64, 'base64')).pcm;
    // The caller's audio crossed the line as 8-bit samples: compare with what was sent.
    expect(similarity(got.subarray(0, 8000), voice.subarray(0, 8000), 400)).toBeGreaterThan(0.9);
    // Mark heard, note, attach to the contact's timeline, forward.
    await ok('voicemail/mark', { id: msg!.id, heard: true });
    expect(await ok('voicemail/unheard', {})).toEqual({ unheard: 0 });
    await ok('voicemail/note', { id: msg!.id, note: 'wants a quote' });
    await ok('voicemail/attach', { id: msg!.id });
    const contact = await ok<{ timeline: { body: string }[] }>('contacts/get', { id: contactId });
    expect(contact.timeline[0]!.body).toMatch(/Voicemail in “Sales”.*wants a quote/);
    const other = await ok<{ id: number }>('mailboxes/create', { name: 'Manager', kind: 'person' });
    const fwd = await ok<{ mailboxId: number; forwardedFrom: string; heard: boolean }>('voicemail/forward', { id: msg!.id, mailboxId: other.id });
    expect(fwd).toMatchObject({ mailboxId: other.id, forwardedFrom: 'Sales', heard: false });
  });

  test('voicemail ends when the caller hangs up, and keeps what was said', async () => {
    const callId = await call('02188776655');
    sim.sendAudio(demoVoice(3));
    await until(() => hostPlaying(sim));
    sim.pressKeys('2');
    await until(() => modemSentAudio(sim, 8000 * 1.2)); // 1.2 s of the caller's 8-bit audio recorded
    sim.callerHangsUp();
    const run = await until(async () => await ok<{ end: string } | null>('ivr/run', { callId }));
    expect(run.end).toBe('voicemail');
    const list = await ok<{ numberRaw: string; durationMs: number }[]>('voicemail/list', { mailboxId });
    expect(list[0]!.numberRaw).toBe('02188776655');
    expect(list[0]!.durationMs).toBeGreaterThan(900);
    expect(list[0]!.durationMs).toBeLessThan(2000);
  });

  test('key 0 asks for a person: the front desk is alerted and takes the call', async () => {
    const before = events.length;
    const callId = await call();
    await until(() => hostPlaying(sim));
    sim.pressKeys('0');
    const alert = await until(() => events.slice(before).find((x) => x.name === 'ivr/operator' && (x.payload as { waiting: boolean }).waiting));
    expect(alert.payload).toMatchObject({ lineId, callId, waiting: true });
    expect(await ok('ivr/waiting', {})).toEqual([{ lineId, callId }]);
    await ok('ivr/take', { lineId });
    const run = await until(async () => await ok<{ end: string } | null>('ivr/run', { callId }));
    expect(run.end).toBe('operator');
    expect(events.slice(before).some((x) => x.name === 'ivr/operator' && !(x.payload as { waiting: boolean }).waiting)).toBe(true);
  });

  test('a fax machine calls a voicemail-only tree: its tone ends the recording, no message is kept, the run ends as "fax"', async () => {
    const afterHours = await ok<{ id: number }>('ivr/tree-create', {
      name: 'After hours',
      tree: { root: 'vm', nodes: [{ id: 'vm', kind: 'voicemail', mailboxId, maxSeconds: 20 }] },
    });
    const main = (await ok<{ assignments: { officeTreeId: number }[] }>('ivr/settings', {})).assignments[0]!.officeTreeId;
    await ok('ivr/settings-update', {
      hours: [],
      assignments: [{ lineId, officeTreeId: afterHours.id, closedTreeId: afterHours.id, holidayTreeId: afterHours.id }],
    });
    try {
      const messages = (await ok<unknown[]>('voicemail/list', {})).length;
      const before = events.length;
      sim.ring({ number: '02144556677', format: 'mdmf', rings: 6, fax: true });
      const answered = await until(() =>
        events.slice(before).find((x) => x.name === 'call/updated' && (x.payload as { call: { outcome: string } }).call.outcome === 'ivr'),
      );
      const callId = (answered.payload as { call: { id: number } }).call.id;
      const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }), 15000);
      expect(run).toEqual(expect.objectContaining({ path: ['vm', 'fax'], end: 'fax' }));
      expect((await ok<unknown[]>('voicemail/list', {})).length).toBe(messages);
      const row = await until(async () => {
        const c = await ok<{ outcome: string; endedAt: string | null }>('calls/get', { id: callId });
        return c.endedAt ? c : null;
      });
      expect(row.outcome).toBe('ivr');
      await until(() => !sim.offHook);
    } finally {
      await ok('ivr/settings-update', { hours: [], assignments: [{ lineId, officeTreeId: main, closedTreeId: main, holidayTreeId: main }] });
    }
  });

  test('an extension lifted during the menu: that person has the caller, the IVR goes on hook', async () => {
    const callId = await call();
    await until(() => hostPlaying(sim));
    sim.phone('extension', true);
    const run = await until(async () => await ok<{ path: string[]; end: string } | null>('ivr/run', { callId }));
    expect(run).toEqual(expect.objectContaining({ path: ['main', 'phone:extension'], end: 'operator' }));
    await until(() => !sim.offHook);
    sim.phone('extension', false);
  });

  test('the handset lifted while it rings: answered at the phone, the IVR does not answer', async () => {
    const before = events.length;
    sim.ring({ number: '09121234567', format: 'mdmf', rings: 6 });
    await until(() => events.slice(before).find((x) => x.name === 'call/updated' && (x.payload as { call: { outcome: string } }).call.outcome === 'ringing'));
    sim.phone('handset', true); // at the first ring: the IVR would answer at the second
    const answered = await until(() =>
      events.slice(before).find((x) => x.name === 'call/updated' && (x.payload as { call: { outcome: string } }).call.outcome === 'answered'),
    );
    const callId = (answered.payload as { call: { id: number } }).call.id;
    await clock.pass(1500); // the IVR would answer at ring 2
    expect(sim.offHook).toBe(false);
    sim.phone('handset', false);
    const row = await until(async () => {
      const c = await ok<{ outcome: string; endedAt: string | null }>('calls/get', { id: callId });
      return c.endedAt ? c : null;
    });
    expect(row.outcome).toBe('answered');
    expect(await ok('ivr/run', { callId })).toBeNull();
  });

  test('a tree with a problem is refused, naming the node', async () => {
    const r = await e.invoke(
      'ivr/tree-create',
      { name: 'Bad', tree: { root: 'm', nodes: [{ id: 'm', label: 'Sales menu', kind: 'menu', options: [{ key: '2', next: 'gone' }] }] } },
      'en',
    );
    expect(r).toEqual({
      ok: false,
      error: { code: 'validation', field: 'nodes.m.options.0.next', message: 'Node “Sales menu”: it points to a node that does not exist (gone).' },
    });
  });
});
