/**
 * The driver against the simulator over a REAL pseudo-terminal with the REAL serialport, in real time
 * (the simulator's ring cadence shortened so the suite stays quick).
 */
import { rig, waitFor } from '../../helpers/modem-rig';
import { answeredLast, until } from '../../helpers/wait';

jest.setTimeout(30_000);

describe('identification and set-up', () => {
  test.each([
    ['conexant', 'conexant', 1, 'UNSIGNED PCM', 'AT+VCID=1'],
    ['usr-5637', 'usr-5637', 128, '8-BIT LINEAR', 'AT+VCID=1'],
    ['agere', 'agere', 1, 'UNSIGNED PCM', 'AT+VCID=1'],
    ['silabs', 'silabs', 1, 'UNSIGNED PCM', 'AT+VCID=1'],
  ] as const)('%s', async (simProfile, profile, id, name, cid) => {
    const r = await rig(simProfile);
    try {
      expect(r.line.info().status).toBe('idle');
      expect(r.line.info().identity).toMatchObject({ profile, voice: true, compression: { id, name, rate: 8000 }, callerIdCommand: cid });
      expect(r.sim.regs.cidMode).toBe(1);
    } finally {
      await r.close();
    }
  });
});

describe('incoming calls', () => {
  test.each([
    ['mdmf between rings', { format: 'mdmf', number: '09121234567', name: 'ALI REZAEI' }, { number: '09121234567', name: 'ALI REZAEI', format: 'formatted' }],
    ['no spaces, before the first ring (USR, UK)', { format: 'sdmf', number: '02071234567', beforeFirstRing: true }, { number: '02071234567', name: null }],
    ['withheld', { format: 'private' }, { number: null, absence: 'private' }],
    ['no caller ID at all', { format: 'none' }, { number: null, absence: 'none' }],
    ['damaged packet', { format: 'mdmf', number: '0912', name: 'X', corrupt: true }, { absence: 'none' }],
    ['DTMF caller ID', { format: 'dtmf', number: '0612345678' }, { number: '0612345678', format: 'dtmf' }],
  ] as const)('%s → one caller-id event, then ring-stopped', async (_t, call, expected) => {
    const r = await rig(_t.includes('USR') ? 'usr-5637' : 'conexant');
    try {
      r.sim.ring({ ...call, rings: 3 });
      const cid = await waitFor(r, 'caller-id');
      expect(cid).toMatchObject(expected);
      await waitFor(r, 'hangup', (h) => h.reason === 'ring-stopped', 5000);
      expect(r.events.filter((e) => e.name === 'caller-id')).toHaveLength(1);
      expect(r.events.filter((e) => e.name === 'ring').length).toBeGreaterThanOrEqual(2);
      expect(r.line.info().status).toBe('idle');
    } finally {
      await r.close();
    }
  });

  test('unformatted caller ID (+VCID=2) decoded with its checksum', async () => {
    const r = await rig('conexant', { callerIdMode: 'unformatted' });
    try {
      expect(r.sim.regs.cidMode).toBe(2);
      r.sim.ring({ format: 'mdmf', number: '09351112233', name: 'SARA', rings: 2 });
      expect(await waitFor(r, 'caller-id')).toMatchObject({ number: '09351112233', name: 'SARA', format: 'mdmf' });
    } finally {
      await r.close();
    }
  });

  test('answer, keys collapsed to one digit each, caller hangs up; caller ID is on again afterwards', async () => {
    const r = await rig();
    try {
      r.sim.ring({ number: '09121234567', name: 'A', keys: '12#', hangUpAfterMs: 800 });
      await waitFor(r, 'caller-id');
      await r.line.answer();
      expect(r.line.info().status).toBe('in-call');
      expect(r.sim.offHook).toBe(true);
      await waitFor(r, 'hangup', (h) => h.reason === 'remote', 4000);
      expect(r.events.filter((e) => e.name === 'dtmf').map((e) => (e.payload as { digit: string }).digit)).toEqual(['1', '2', '#']);
      // The line goes on hook and turns caller ID on again after the hang-up event: wait for the last command's answer.
      await until(() => answeredLast(r.sim, 'AT+VCID=1\r'), 5000);
      expect(r.sim.offHook).toBe(false);
      expect(r.sim.regs.fclass).toBe('0');
      expect(r.sim.regs.cidMode).toBe(1);
    } finally {
      await r.close();
    }
  });
});

describe('dialling', () => {
  test('connected, then hang up from the PC', async () => {
    const r = await rig();
    try {
      r.sim.setRemote({ kind: 'answer', afterMs: 300 });
      expect(await r.line.dial('021-8888 7777')).toBe('connected');
      expect(r.sim.dialled.at(-1)).toBe('02188887777');
      expect(r.line.info().status).toBe('in-call');
      await r.line.hangUp();
      expect(r.line.info().status).toBe('idle');
      // hangUp() resolves once its on-hook commands were answered.
      expect(r.sim.offHook).toBe(false);
    } finally {
      await r.close();
    }
  });
  test('busy and no answer', async () => {
    const r = await rig();
    try {
      r.sim.setRemote({ kind: 'busy' });
      expect(await r.line.dial('5551234')).toBe('busy');
      r.sim.setRemote({ kind: 'no-answer' });
      r.sim.regs.vrn = 1;
      expect(await r.line.dial('5551234')).toBe('no-answer');
      expect(r.line.info().status).toBe('idle');
    } finally {
      await r.close();
    }
  });
  test('hang up while the number is still being dialled', async () => {
    const r = await rig();
    try {
      r.sim.setRemote({ kind: 'answer', afterMs: 5000 });
      const outcome = r.line.dial('5551234');
      await until(() => r.sim.dialled.at(-1) === '5551234' && r.sim.offHook, 5000);
      await r.line.hangUp();
      expect(await outcome).toBe('failed');
      expect(r.line.info().status).toBe('idle');
    } finally {
      await r.close();
    }
  });
});

describe('voice', () => {
  test('play is paced at the line rate and arrives intact', async () => {
    const r = await rig();
    try {
      r.sim.ring({ number: '1' });
      await waitFor(r, 'ring');
      await r.line.answer();
      const pcm = Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));
      const t0 = Date.now();
      expect(await r.line.play(pcm)).toEqual({ stoppedBy: 'end', digit: undefined });
      const took = Date.now() - t0;
      expect(took).toBeGreaterThan(900);
      expect(took).toBeLessThan(2500);
      const played = r.sim.played.at(-1)!;
      expect(played.length).toBe(8000);
      // 8-bit unsigned linear keeps the top 8 bits.
      expect(Math.abs(played[2000]! - pcm[2000]!)).toBeLessThan(300);
    } finally {
      await r.close();
    }
  });
  test('a key stops the prompt (barge-in); record ends on QUIET with the caller audio', async () => {
    const r = await rig();
    try {
      const speech = Int16Array.from({ length: 4000 }, (_, i) => (i % 20 < 10 ? 6000 : -6000));
      r.sim.ring({ number: '1', keys: '5', audio: speech });
      await waitFor(r, 'ring');
      await r.line.answer();
      const out = await r.line.play(new Int16Array(8000 * 3), { stopOnDtmf: true });
      expect(out).toEqual({ stoppedBy: 'dtmf', digit: '5' });
      const rec = await r.line.record({ maxMs: 5000, silenceMs: 500 });
      expect(rec.stoppedBy).toBe('quiet');
      expect(rec.pcm.length).toBeGreaterThan(4000);
      expect(Math.max(...rec.pcm.subarray(0, 4000))).toBeGreaterThan(5000);
    } finally {
      await r.close();
    }
  });
});

describe('IMA ADPCM: a modem that offers nothing else Monshi speaks', () => {
  // The CX93001's own IMA and 14-bit lines, with the RC56's 2-bit Rockwell ADPCM: no recorded device
  // offers only these, so the simulated Conexant is cut down to them (SimOptions.voiceMethods).
  const voiceMethods = ['129,"IMA ADPCM",4,0,8000,0,0', '133,"14 bit PCM",14,0,8000,0,0', '140,"2 Bit ADPCM",2,0,(7200,8000,11025),0,0'];
  const tone = Int16Array.from({ length: 8000 }, (_, i) => Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)));

  function correlation(a: Int16Array, b: Int16Array): number {
    let ab = 0;
    let aa = 0;
    let bb = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      ab += a[i]! * b[i]!;
      aa += a[i]! ** 2;
      bb += b[i]! ** 2;
    }
    return ab / Math.sqrt(aa * bb);
  }

  test('identified as method 129; a 1 s tone plays at 4000 bytes/s and arrives as the tone', async () => {
    const r = await rig('conexant', {}, { voiceMethods });
    try {
      expect(r.line.info().identity?.compression).toEqual({ id: 129, name: 'IMA ADPCM', rate: 8000 });
      r.sim.ring({ number: '1' });
      await waitFor(r, 'ring');
      await r.line.answer();
      const t0 = Date.now();
      expect(await r.line.play(tone)).toEqual({ stoppedBy: 'end', digit: undefined });
      const took = Date.now() - t0;
      expect(took).toBeGreaterThan(900);
      expect(took).toBeLessThan(2500);
      expect(r.sim.regs.vsm).toBe(129);
      // What the host sent in the voice state: 4 bits a sample, plus DLE doubling and <DLE><ETX>.
      const host = r.sim.transcript.filter((e) => e.dir === 'host');
      const vtx = host.findIndex((e) => e.bytes.toString('latin1').includes('AT+VTX'));
      const bytes = host.slice(vtx + 1).reduce((n, e) => n + e.bytes.length, 0);
      expect(bytes).toBeGreaterThanOrEqual(4000 + 2);
      expect(bytes).toBeLessThan(4000 + 200);
      const played = r.sim.played.at(-1)!;
      expect(played.length).toBe(8000);
      expect(correlation(played, tone)).toBeGreaterThan(0.95);
    } finally {
      await r.close();
    }
  });

  test("the caller's voice is recorded through the modem's ADPCM encoder and decoded close to it", async () => {
    const r = await rig('conexant', {}, { voiceMethods });
    try {
      const speech = Int16Array.from({ length: 8000 }, (_, i) =>
        Math.round(7000 * Math.sin((2 * Math.PI * 300 * i) / 8000) + 3000 * Math.sin((2 * Math.PI * 1100 * i) / 8000)),
      );
      r.sim.ring({ number: '1', audio: speech });
      await waitFor(r, 'ring');
      await r.line.answer();
      const rec = await r.line.record({ maxMs: 5000, silenceMs: 500 });
      expect(rec.stoppedBy).toBe('quiet');
      expect(rec.pcm.length).toBeGreaterThan(8000);
      expect(correlation(rec.pcm.subarray(0, 8000), speech)).toBeGreaterThan(0.95);
      // After the caller's second, the modem's encoder sends silence and the decoder stays with it.
      expect(Math.max(...rec.pcm.subarray(8400).map(Math.abs))).toBeLessThan(300);
    } finally {
      await r.close();
    }
  });
});

describe('conversations', () => {
  test('abilities come from +VLS=?: "LT" keeps the phone socket connected', async () => {
    const r = await rig();
    try {
      expect(r.line.info().abilities).toEqual({ recordCalls: 'phone-socket', flash: true, fax: 'class1' });
    } finally {
      await r.close();
    }
  });
  test('recordCall: line mode LT, no silence end, audio as events until stopAudio', async () => {
    const r = await rig();
    try {
      const speech = Int16Array.from({ length: 8000 }, (_, i) => Math.round(7000 * Math.sin((2 * Math.PI * 300 * i) / 8000)));
      r.sim.ring({ number: '1', audio: speech });
      await waitFor(r, 'ring');
      await r.line.answer();
      const heard: Int16Array[] = [];
      r.line.on('audio', (a) => heard.push(a.pcm));
      const rec = r.line.recordCall({ maxMs: 60_000 });
      // 1.5 s of silence after the caller's one second: still recording (silence detection is off, +VSD sdi 0).
      await until(() => heard.reduce((n, c) => n + c.length, 0) >= 8000 * 2.5, 10_000);
      await r.line.stopAudio();
      const out = await rec;
      expect(out.stoppedBy).toBe('stop');
      expect(out.pcm.length).toBe(0);
      const sent = r.sim.transcript
        .filter((t) => t.dir === 'host')
        .map((t) => t.bytes.toString('latin1'))
        .join('');
      expect(sent).toMatch(/AT\+VLS=3\r[\s\S]*AT\+VSD=0,0\r[\s\S]*AT\+VRX/);
      const total = heard.reduce((n, c) => n + c.length, 0);
      expect(total).toBeGreaterThan(8000 * 2);
      const all = new Int16Array(total);
      let o = 0;
      for (const c of heard) {
        all.set(c, o);
        o += c.length;
      }
      expect(Math.max(...all.subarray(0, 8000))).toBeGreaterThan(6000);
      expect(r.line.info().status).toBe('in-call');
    } finally {
      await r.close();
    }
  });
  test('recordCall ends with the hang-up', async () => {
    const r = await rig();
    try {
      r.sim.ring({ number: '1', hangUpAfterMs: 800 });
      await waitFor(r, 'ring');
      await r.line.answer();
      const out = await r.line.recordCall({ maxMs: 60_000 });
      expect(out.stoppedBy).toBe('hangup');
      await waitFor(r, 'hangup', (h) => h.reason === 'remote');
    } finally {
      await r.close();
    }
  });
  test('flash sends a hook flash, a pause and the digits with +VTS', async () => {
    const r = await rig();
    try {
      r.sim.regs.vtd = 10;
      r.sim.ring({ number: '1' });
      await waitFor(r, 'ring');
      await r.line.answer();
      await r.line.flash('12#');
      expect(r.sim.tones.at(-1)).toBe('{!,30},[,,100],{1,10},[,,5],{2,10},[,,5],{#,10}');
    } finally {
      await r.close();
    }
  });
});

describe('a modem that goes away', () => {
  test('unplugged → disconnected → plugged back → idle, caller ID enabled again', async () => {
    // A pty's slave side notices a vanished master only on its next write (a USB modem's port errors
    // at once), so the idle watchdog is what finds out here.
    const r = await rig('conexant', { watchdogMs: 400 });
    try {
      r.sim.unplug();
      await waitFor(r, 'status', (s) => s.status === 'disconnected');
      expect(r.line.info().detail).toBeTruthy();
      r.events.length = 0;
      r.sim.replug();
      await waitFor(r, 'status', (s) => s.status === 'idle', 8000);
      expect(r.sim.regs.cidMode).toBe(1);
      r.sim.ring({ number: '09121234567', name: 'BACK', rings: 2 });
      expect(await waitFor(r, 'caller-id')).toMatchObject({ name: 'BACK' });
    } finally {
      await r.close();
    }
  });
  test('a frozen modem is noticed by the watchdog and reopened', async () => {
    const r = await rig('conexant', { watchdogMs: 400 });
    try {
      r.sim.freeze();
      await waitFor(r, 'status', (s) => s.status === 'disconnected', 6000);
      r.sim.thaw();
      await waitFor(
        r,
        'status',
        (s) => s.status === 'idle' && r.events.some((e) => e.name === 'status' && (e.payload as { status: string }).status === 'disconnected'),
        8000,
      );
    } finally {
      await r.close();
    }
  });
});
