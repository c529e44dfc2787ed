import { AtChannel, MAX_LINE } from '../../../src/telephony/modem/at-channel';
import { DleDecoder, shield, type DleEvent } from '../../../src/telephony/modem/dle';
import { chooseVoiceMethod, codecOfMethod, parseClasses, parseLineModes, parseVoiceMethods } from '../../../src/telephony/modem/identify';
import { profileFor } from '../../../src/telephony/modem/modem-profiles';
import type { Transport } from '../../../src/telephony/transport';
import { manualTimers } from '../../helpers/manual-timers';

/** A byte pipe the test plays the modem on: what the channel writes is recorded, replies are pushed. */
function wire() {
  const listeners = new Set<(b: Buffer) => void>();
  const written: string[] = [];
  const t: Transport = {
    description: 'test',
    write: async (d) => void written.push(Buffer.from(d).toString('latin1')),
    onData: (l) => (listeners.add(l), () => listeners.delete(l)),
    onClose: () => () => undefined,
    close: async () => undefined,
  };
  return { t, written, reply: (...parts: string[]) => parts.forEach((p) => listeners.forEach((l) => l(Buffer.from(p, 'latin1')))) };
}

describe('AtChannel on recorded byte strings', () => {
  function channel() {
    const w = wire();
    const unsolicited: string[] = [];
    const events: DleEvent[] = [];
    const at = new AtChannel(w.t, {
      timers: manualTimers().timers,
      onLine: (l) => unsolicited.push(l),
      onEvent: (e) => events.push(e),
      onAudio: () => undefined,
      onTrace: () => undefined,
    });
    return { ...w, at, unsolicited, events };
  }
  test('echo (E1) is dropped: ATV1\\r\\r\\nOK\\r\\n', async () => {
    const c = channel();
    const r = c.at.command('ATV1');
    c.reply('ATV1\r\r\nOK\r\n');
    await expect(r).resolves.toEqual({ final: 'OK', lines: [], echoed: true });
  });
  test('an answer in separate reads with blank lines (Zoom 3095 ATI0)', async () => {
    const c = channel();
    const r = c.at.command('ATI0');
    c.reply('\r\n', '56000\r\n', '\r\n', 'OK\r\n');
    await expect(r).resolves.toEqual({ final: 'OK', lines: ['56000'] });
  });
  test('RING and caller ID inside an answer go to the unsolicited listener', async () => {
    const c = channel();
    const r = c.at.command('AT+FCLASS?');
    c.reply('\r\n0\r\n\r\nRING\r\n\r\nNMBR = 5551234\r\n\r\nOK\r\n');
    await expect(r).resolves.toEqual({ final: 'OK', lines: ['0'] });
    expect(c.unsolicited).toEqual(['RING', 'NMBR = 5551234']);
  });
  test('a numeric result code (V0) counts where the command allows it, and says so', async () => {
    const c = channel();
    const r = c.at.command('ATZE0V1Q0', 3000, false, true);
    c.reply('ATZE0V1Q0\r', '0\r');
    await expect(r).resolves.toEqual({ final: 'OK', lines: [], numeric: true, echoed: true });
    const info = c.at.command('AT+FCLASS?');
    c.reply('0\r\n0\r');
    await Promise.resolve();
    c.reply('\r\nOK\r\n'); // elsewhere a digit is information text
    await expect(info).resolves.toEqual({ final: 'OK', lines: ['0', '0'] });
  });
  test('CONNECT and audio in one read: data from the byte after CONNECT, DLE pairs kept', async () => {
    const w = wire();
    const audio: number[] = [];
    const at = new AtChannel(w.t, {
      timers: manualTimers().timers,
      onLine: () => undefined,
      onEvent: () => undefined,
      onAudio: (b) => audio.push(...b),
      onTrace: () => undefined,
    });
    const r = at.command('AT+VRX', 3000, true);
    w.reply('\r\nCONNECT\r\n\x10\x10\x0a\x10\x10\x80', '\x0d\x10\x10');
    await expect(r).resolves.toEqual({ final: 'CONNECT', lines: [] });
    expect(audio).toEqual([0x10, 0x0a, 0x10, 0x80, 0x0d, 0x10]);
  });
  test('a line with no end is cut at MAX_LINE: a megabyte of it is dropped, the next answer still counts', async () => {
    const c = channel();
    const r = c.at.command('ATI3');
    const junk = Buffer.alloc(1024, 0x41).toString('latin1');
    for (let i = 0; i < 1024; i++) c.reply(junk);
    c.reply('\r\nRING\r\n', 'x'.repeat(MAX_LINE + 1), '\r\nCX93001\r\n\r\nOK\r\n');
    await expect(r).resolves.toEqual({ final: 'OK', lines: ['CX93001'] });
    expect(c.unsolicited).toEqual(['RING']);
  });
  test('DLE events in command state while off hook', async () => {
    const c = channel();
    c.reply('\x10/\x105\x105\x105\x10~\x10l\x10b');
    expect(c.events).toEqual([{ kind: 'dtmf', digit: '5' }, { kind: 'hangup' }, { kind: 'tone', tone: 'busy' }]);
  });
});

describe('DLE', () => {
  test('data, doubled DLE, <DLE><SUB>, events, end', () => {
    const events: DleEvent[] = [];
    const d = new DleDecoder((e) => events.push(e));
    const out = d.feed(Uint8Array.from([0x80, 0x10, 0x10, 0x81, 0x10, 0x1a, 0x10, 0x71, 0x10, 0x03, 0x0d, 0x0a]), true);
    expect(out.bytes).toEqual([0x80, 0x10, 0x81, 0x10, 0x10]);
    expect(Array.from(out.rest!)).toEqual([0x0d, 0x0a]);
    expect(events).toEqual([{ kind: 'tone', tone: 'quiet' }, { kind: 'end' }]);
  });
  test('the same key twice outside shielding counts twice; repeats inside count once', () => {
    const events: DleEvent[] = [];
    const d = new DleDecoder((e) => events.push(e));
    d.feed(Buffer.from('\x105\x105\x10/\x107\x107\x107\x10~\x10/\x107\x10~', 'latin1'), false);
    expect(events.map((e) => (e.kind === 'dtmf' ? e.digit : e.kind))).toEqual(['5', '5', '7', '7']);
  });
  test('shield doubles every 0x10', () => {
    expect(Array.from(shield(Uint8Array.from([1, 0x10, 2, 0x10])))).toEqual([1, 0x10, 0x10, 2, 0x10, 0x10]);
  });
});

describe('capabilities and the voice method, by name', () => {
  const cx = [
    '0,"SIGNED PCM",8,0,8000,0,0',
    '1,"UNSIGNED PCM",8,0,8000,0,0',
    '129,"IMA ADPCM",4,0,8000,0,0',
    '130,"UNSIGNED PCM",8,0,8000,0,0',
    '131,"Mu-Law",8,0,8000,0,0',
    '132,"A-Law",8,0,8000,0,0',
    '133,"14 bit PCM",14,0,8000,0,0',
  ];
  const usr = [
    '128,"8-BIT LINEAR",(7200,8000,11025)',
    '129,"16-BIT LINEAR",(7200,8000,11025)',
    '130,"8-BIT ALAW",(8000)',
    '131,"8-BIT ULAW",(8000)',
    '132,"IMA ADPCM",(7200,8000,11025)',
  ];
  test("CX93001 → method 1 UNSIGNED PCM (not vgetty's 130)", () => {
    expect(chooseVoiceMethod(parseVoiceMethods(cx))).toMatchObject({ method: { id: 1, name: 'UNSIGNED PCM' }, codec: 'u8' });
  });
  test('USR5637 → 128 8-BIT LINEAR with its rate list', () => {
    const m = parseVoiceMethods(usr);
    expect(m[0]).toEqual({ id: 128, name: '8-BIT LINEAR', bits: 8, rates: [7200, 8000, 11025] });
    expect(chooseVoiceMethod(m)).toMatchObject({ method: { id: 128 }, codec: 'u8' });
  });
  test('IMA ADPCM is spoken (4 bits only) but chosen last; Rockwell\'s ADPCMs, a bare "ADPCM" and G.72x are not', () => {
    const one = (line: string) => codecOfMethod(parseVoiceMethods([line])[0]!);
    expect(one('129,"IMA ADPCM",4,0,8000,0,0')).toBe('ima');
    expect(one('132,"IMA ADPCM",(7200,8000,11025)')).toBe('ima'); // USR's layout: 4 bits from the name
    expect(one('129,"IMA ADPCM",8,0,8000,0,0')).toBeNull();
    expect(one('140,"2 Bit ADPCM",2,0,(7200,8000,11025),0,0')).toBeNull();
    expect(one('141,"4 Bit ADPCM",4,0,(7200,8000,11025),0,0')).toBeNull();
    expect(one('129,"ADPCM",4,0,(7200,8000),0,0')).toBeNull();
    expect(one('7,"G.726",4,0,8000,0,0')).toBeNull();
    expect(chooseVoiceMethod(parseVoiceMethods(usr))).toMatchObject({ codec: 'u8' });
    // Nothing else Monshi speaks (the RC56's Rockwell ADPCM, the CX93001's 14-bit): IMA is the one left.
    const rc56 = ['129,"IMA ADPCM",4,0,(7200,8000),0,0', '140,"2 Bit ADPCM",2,0,(7200,8000,11025),0,0', '133,"14 bit PCM",14,0,8000,0,0'];
    expect(chooseVoiceMethod(parseVoiceMethods(rc56))).toMatchObject({ method: { id: 129, name: 'IMA ADPCM', bits: 4 }, codec: 'ima' });
  });
  test('Intel numbering (140 = A-law, 128 signed) still right by name', () => {
    expect(chooseVoiceMethod(parseVoiceMethods(['128,"SIGNED PCM",8,0,8000,0,0', '140,"A-LAW",8,0,8000,0,0']))).toMatchObject({
      method: { id: 140 },
      codec: 'alaw',
    });
  });
  test('+FCLASS=? both layouts; +VLS=? with 8 or 10 hex digits', () => {
    expect(parseClasses('0,1,2,2.0,8')).toEqual(['0', '1', '2', '2.0', '8']);
    expect(parseClasses('(0-2,8)')).toEqual(['0', '1', '2', '8']);
  });
  test('+FCLASS=? from a misbehaving modem: a huge range is not expanded, the list is capped', () => {
    expect(parseClasses('0-100000').length).toBeLessThanOrEqual(64);
    expect(parseClasses('0-400000000')).toEqual(['0', '400000000']);
    expect(parseClasses('0,1,2.0,8-12')).toEqual(['0', '1', '2.0', '8', '9', '10', '11', '12']);
    expect(parseClasses(Array.from({ length: 5000 }, (_, i) => String(i)).join(',')).length).toBe(64);
    expect(parseLineModes(['0,"",B0804100,B0804100,B0804100', '1,"T",0B8418E000,0B8418E000,0B8418E000'])).toEqual([
      { label: 0, primitives: '' },
      { label: 1, primitives: 'T' },
    ]);
  });
  test('profiles are chosen from what the modem says', () => {
    expect(profileFor('56000\nCX93001-EIS_V0.2013-V92').id).toBe('conexant');
    expect(profileFor('5601\nU.S. Robotics 56K FAX USB V1.2.23').id).toBe('usr-5637');
    expect(profileFor('Agere SoftModem').id).toBe('agere');
    expect(profileFor('Si2493').id).toBe('silabs');
    expect(profileFor('FAKE253').id).toBe('generic-v253');
  });
});
