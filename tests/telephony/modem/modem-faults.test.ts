/**
 * The driver against odd but real modem behaviour (issue 14), each reproduced by a simulator mode over
 * a real pseudo-terminal with the real serialport.
 */
import { rig, waitFor, type Rig } from '../../helpers/modem-rig';
import { manualTimers } from '../../helpers/manual-timers';
import { answeredLast, hostPlaying, hostSentCount, modemSentAudio, until } from '../../helpers/wait';

jest.setTimeout(30_000);

async function answered(r: Rig, call: Parameters<Rig['sim']['ring']>[0] = { number: '09121234567' }): Promise<void> {
  r.sim.ring(call);
  await waitFor(r, 'ring');
  await r.line.answer();
  r.events.length = 0;
}

describe('a stored profile with numeric results or quiet mode (finding 1)', () => {
  test.each([
    ['V0 (numeric results)', { verbose: false }],
    ['Q1 (quiet)', { quiet: true }],
    ['V0 Q1 E0', { verbose: false, quiet: true, echo: false }],
  ])('%s: the line initialises, with caller ID on', async (_t, stored) => {
    const r = await rig('conexant', {}, { stored });
    try {
      expect(r.line.info().status).toBe('idle');
      expect(r.sim.regs).toMatchObject({ verbose: true, quiet: false, echo: false, cidMode: 1 });
      r.sim.ring({ number: '09121234567', name: 'ALI', rings: 2 });
      expect(await waitFor(r, 'caller-id')).toMatchObject({ number: '09121234567' });
    } finally {
      await r.close();
    }
  });
});

describe('a modem that resets itself (findings 2 and 3)', () => {
  test('while idle: noticed, initialised again, the next call has its number', async () => {
    const r = await rig('conexant', { watchdogMs: 300 });
    try {
      r.events.length = 0;
      r.sim.spontaneousReset();
      expect(r.sim.regs.cidMode).toBe(0);
      await waitFor(r, 'status', (s) => s.status === 'initialising', 3000);
      await waitFor(r, 'status', (s) => s.status === 'idle', 5000);
      expect(r.sim.regs.cidMode).toBe(1);
      expect(r.sim.regs.echo).toBe(false);
      r.sim.ring({ number: '09351112233', name: 'SARA', rings: 2 });
      expect(await waitFor(r, 'caller-id')).toMatchObject({ number: '09351112233' });
    } finally {
      await r.close();
    }
  });

  test('while idle, with a stored profile that does not echo: the caller ID switched off gives it away', async () => {
    const r = await rig('conexant', { watchdogMs: 300 }, { stored: { echo: false } });
    try {
      r.events.length = 0;
      r.sim.spontaneousReset();
      await waitFor(r, 'status', (s) => s.status === 'initialising' && /caller ID/.test(s.detail ?? ''), 3000);
      await waitFor(r, 'status', (s) => s.status === 'idle', 5000);
      expect(r.sim.regs.cidMode).toBe(1);
    } finally {
      await r.close();
    }
  });

  test("echo or another caller-ID mode set by the user's extra init commands is not taken for a reset", async () => {
    const r = await rig('conexant', { watchdogMs: 200, extraInit: ['ATE1', 'AT+VCID=2'] });
    try {
      r.events.length = 0;
      // Five rounds of the idle watchdog (each AT, then AT+VCID?), every one answered with the echo and mode the user set.
      const from = r.sim.transcript.length;
      await until(() => hostSentCount(r.sim, 'AT+VCID?\r', from) >= 5 && r.sim.transcript.at(-1)!.dir === 'modem', 10_000);
      expect(r.events.filter((e) => e.name === 'status')).toEqual([]);
      expect(r.sim.regs).toMatchObject({ echo: true, cidMode: 2 });
    } finally {
      await r.close();
    }
  });

  test('during a prompt: the play stops, the call ends as device-lost, the modem is initialised again', async () => {
    const r = await rig();
    try {
      await answered(r);
      const play = r.line.play(new Int16Array(8000 * 4).fill(3000));
      await until(() => hostPlaying(r.sim), 5000);
      r.sim.spontaneousReset();
      const out = await play;
      expect(out.stoppedBy).toBe('hangup');
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'device-lost' });
      await waitFor(r, 'status', (s) => s.status === 'initialising');
      await waitFor(r, 'status', (s) => s.status === 'idle', 8000);
      expect(r.sim.regs.cidMode).toBe(1);
      // Less than the prompt's four seconds reached the modem before the reset was noticed.
      expect(r.sim.played.length).toBe(0);
    } finally {
      await r.close();
    }
  });

  test('during a recording: the missing audio gives it away', async () => {
    const r = await rig();
    try {
      await answered(r);
      const rec = r.line.record({ maxMs: 20_000, silenceMs: 8000 });
      await until(() => modemSentAudio(r.sim, 1600), 5000);
      r.sim.spontaneousReset();
      const t0 = Date.now();
      const out = await rec;
      expect(Date.now() - t0).toBeLessThan(6000);
      expect(out.stoppedBy).toBe('hangup');
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'device-lost' });
      await waitFor(r, 'status', (s) => s.status === 'initialising');
      await waitFor(r, 'status', (s) => s.status === 'idle', 8000);
    } finally {
      await r.close();
    }
  });
});

describe('NO CARRIER from the modem in a call (finding 4)', () => {
  test('during a prompt: the play ends as a hang-up, the line is idle again', async () => {
    const r = await rig();
    try {
      await answered(r);
      const play = r.line.play(new Int16Array(8000 * 4).fill(3000));
      await until(() => hostPlaying(r.sim), 5000);
      r.sim.noCarrier();
      expect((await play).stoppedBy).toBe('hangup');
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'remote' });
      await waitFor(r, 'status', (s) => s.status === 'idle');
    } finally {
      await r.close();
    }
  });

  test('during a recording, and between prompts', async () => {
    const r = await rig();
    try {
      await answered(r);
      const rec = r.line.record({ maxMs: 20_000, silenceMs: 8000 });
      await until(() => modemSentAudio(r.sim, 1600), 5000);
      r.sim.noCarrier();
      expect((await rec).stoppedBy).toBe('hangup');
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'remote' });
      await waitFor(r, 'status', (s) => s.status === 'idle');
      r.events.length = 0;
      await answered(r, { number: '2' });
      r.sim.noCarrier();
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'remote' });
      expect(r.line.info().status).toBe('idle');
    } finally {
      await r.close();
    }
  });
});

describe('CONNECT and the first audio in one read (finding 5)', () => {
  test('the audio after CONNECT is data from its first byte: DLE DLE pairs are kept', async () => {
    const r = await rig('conexant', {}, { connectWithAudio: true });
    try {
      // -28672 is 0x10 in 8-bit unsigned linear: every sample is shielded as <DLE><DLE>.
      const speech = Int16Array.from({ length: 4000 }, (_, i) => (i % 3 === 0 ? -28672 : i % 3 === 1 ? 4096 : -4096));
      await answered(r, { number: '1', audio: speech });
      const rec = await r.line.record({ maxMs: 5000, silenceMs: 500 });
      expect(rec.stoppedBy).toBe('quiet');
      expect(Array.from(rec.pcm.subarray(0, 4000))).toEqual(Array.from(speech));
    } finally {
      await r.close();
    }
  });
});

describe('telephones on the line and a fax machine calling (finding 6)', () => {
  test('the handset on the PHONE socket lifted while ringing: answered at the phone, the modem stays on hook', async () => {
    // The line and the simulator on one manual clock (the pty's I/O stays real): the ring timeout passes at once.
    const clock = manualTimers(Date.now());
    const r = await rig('conexant', { timers: clock.timers }, { timers: clock.timers });
    const pump = <T>(found: () => T | undefined) => until(() => (clock.advance(50), found()), 5000);
    try {
      r.sim.ring({ number: '09121234567', rings: 10 });
      await pump(() => r.events.find((e) => e.name === 'caller-id'));
      r.sim.phone('handset', true);
      expect(await waitFor(r, 'phone')).toEqual({ phone: 'handset', offHook: true });
      expect(await waitFor(r, 'answered')).toEqual({ byPhone: true });
      expect(r.line.info().status).toBe('in-call');
      const rings = r.events.filter((e) => e.name === 'ring').length;
      clock.advance(1200); // past the ring timeout: no more rings, no 'ring-stopped'
      expect(r.events.some((e) => e.name === 'hangup')).toBe(false);
      expect(r.sim.offHook).toBe(false);
      r.sim.phone('handset', false);
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'local' });
      // A RING sent in the 1.2 s would have come through the pty before the handset's <DLE>h.
      expect(r.events.filter((e) => e.name === 'ring').length).toBe(rings);
      expect(r.events.filter((e) => e.name === 'hangup')).toEqual([{ name: 'hangup', payload: { reason: 'local' } }]);
      expect(r.line.info().status).toBe('idle');
    } finally {
      await r.close();
    }
  });

  test('an extension lifted while the modem holds the call is reported; the line leaves the call to its owner', async () => {
    const r = await rig();
    try {
      await answered(r);
      r.sim.phone('extension', true);
      expect(await waitFor(r, 'phone')).toEqual({ phone: 'extension', offHook: true });
      // Still the owner's call: a prompt played after the event goes through to its end.
      expect(await r.line.play(new Int16Array(800).fill(3000))).toEqual({ stoppedBy: 'end', digit: undefined });
      expect(r.line.info().status).toBe('in-call');
    } finally {
      await r.close();
    }
  });

  test('a fax machine\'s CNG ends a message recording as "fax"', async () => {
    const r = await rig();
    try {
      await answered(r, { fax: true });
      const rec = await r.line.record({ maxMs: 20_000, silenceMs: 4000 });
      expect(rec.stoppedBy).toBe('fax');
      expect(await waitFor(r, 'tone')).toEqual({ kind: 'fax-calling' });
      expect(rec.pcm.length).toBeLessThan(8000 * 5);
    } finally {
      await r.close();
    }
  });
});

describe('a modem that prints nonsense (finding 8)', () => {
  test('+FCLASS=? answered with 0-400000000: the line still starts (voice unknown), nothing is expanded', async () => {
    const r = await rig('conexant', {}, { classesAnswer: '0-400000000' });
    try {
      expect(r.line.info().status).toBe('idle');
      expect(r.line.info().identity).toMatchObject({ classes: ['0', '400000000'], voice: false });
      expect(r.sim.regs.cidMode).toBe(1);
    } finally {
      await r.close();
    }
  });
});

describe('a call answered at the phone and recorded', () => {
  test('putting the handset down ends the conversation recording and the call', async () => {
    const r = await rig();
    try {
      r.sim.ring({ number: '09121234567', rings: 10 });
      await waitFor(r, 'ring');
      r.sim.phone('handset', true);
      await waitFor(r, 'answered');
      const rec = r.line.recordCall({ maxMs: 60_000 });
      await until(() => modemSentAudio(r.sim, 2000), 5000);
      r.sim.phone('handset', false);
      expect((await rec).stoppedBy).toBe('hangup');
      expect(await waitFor(r, 'hangup')).toEqual({ reason: 'local' });
      expect(r.line.info().status).toBe('idle');
      await until(() => answeredLast(r.sim, 'AT+VCID=1\r'), 5000);
      expect(r.sim.offHook).toBe(false);
    } finally {
      await r.close();
    }
  });
});
