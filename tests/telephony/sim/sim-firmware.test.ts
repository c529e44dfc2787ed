/**
 * What running the real vm and vgetty against the simulator showed it did differently from a
 * Conexant modem, each pinned down here (tests/telephony/vgetty.test.ts runs the programs themselves).
 */
import { ModemSimulator } from '../../../src/telephony/sim/modem-sim';
import { applyParam, parseRange } from '../../../src/telephony/sim/sim-params';
import { manualTimers } from '../../helpers/manual-timers';

function harness(profile: 'conexant' | 'usr-5637' = 'conexant') {
  const t = manualTimers(new Date(2026, 10, 23, 10, 0).getTime());
  const sim = new ModemSimulator({ profile, timers: t.timers });
  let out = '';
  sim.onData((b) => (out += b.toString('latin1')));
  const take = () => ((s) => ((out = ''), s))(out);
  const at = (cmd: string) => {
    take();
    sim.write(Buffer.from(cmd + '\r', 'latin1'));
    return take();
  };
  at('ATE0');
  return { t, sim, at, take };
}

describe('voice parameters are checked against the ranges the firmware declares', () => {
  test("Conexant refuses vgetty's AT+VSD=40,70 and AT+VDR=1,15 and keeps its settings", () => {
    const { at } = harness();
    expect(at('AT+VSD=?')).toBe('\r\n(0,127,128,129),(0-255)\r\n\r\nOK\r\n');
    expect(at('AT+VSD=40,70')).toBe('\r\nERROR\r\n');
    expect(at('AT+VSD?')).toBe('\r\n128,50\r\n\r\nOK\r\n');
    expect(at('AT+VSD=0,70')).toBe('\r\nOK\r\n'); // callattendant's Conexant value
    expect(at('AT+VSD?')).toBe('\r\n0,70\r\n\r\nOK\r\n');
    expect(at('AT+VDR=?')).toBe('\r\n(0,1),(0-6)\r\n\r\nOK\r\n');
    expect(at('AT+VDR=1,15')).toBe('\r\nERROR\r\n');
    expect(at('AT+VDR=1,0')).toBe('\r\nOK\r\n'); // NCID's distinctive-ring setting
  });

  test('the other parameters answer =? and ?, remember a value in range and forget it at ATZ', () => {
    const { at } = harness();
    expect(at('AT+VGT=?')).toBe('\r\n(0-255)\r\n\r\nOK\r\n');
    expect(at('AT+VGT?')).toBe('\r\n128\r\n\r\nOK\r\n');
    expect(at('AT+VGT=127')).toBe('\r\nOK\r\n');
    expect(at('AT+VGT?')).toBe('\r\n127\r\n\r\nOK\r\n');
    expect(at('AT+VGT=256')).toBe('\r\nERROR\r\n');
    expect(at('AT+VNH=3')).toBe('\r\nERROR\r\n');
    expect(at('AT+VRA=70;+VRN=10')).toBe('\r\nOK\r\n');
    expect(at('AT+VIT=0')).toBe('\r\nOK\r\n');
    at('ATZ');
    at('ATE0');
    expect(at('AT+VGT?')).toBe('\r\n128\r\n\r\nOK\r\n');
  });

  test('the rejected +VSD leaves silence detection at the default 5 s, which is when QUIET comes', () => {
    const { t, sim, at, take } = harness();
    sim.ring({ number: '1', audio: new Int16Array(800).fill(8000) });
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    at('AT+VSD=40,70');
    at('AT+VRX');
    t.advance(100 + 4900);
    expect(take()).not.toContain('\x10q');
    t.advance(200);
    expect(take()).toContain('\x10q');
  });

  test('a USR keeps the permissive V.253 range', () => {
    const { at } = harness('usr-5637');
    expect(at('AT+VSD=40,70')).toBe('\r\nOK\r\n');
  });

  test('range texts and empty sub-parameters', () => {
    expect(parseRange('(0,127,128,129),(0-255)').map((ok) => [ok(0), ok(40), ok(129), ok(255)])).toEqual([
      [true, false, true, false],
      [true, true, true, true],
    ]);
    const spec = { range: '(0,1),(0-6)', initial: '0,0' };
    expect(applyParam(spec, [0, 0], '1')).toEqual([1, 0]);
    expect(applyParam(spec, [0, 3], ',5')).toEqual([0, 5]);
    expect(applyParam(spec, [0, 0], '1,2,3')).toBeNull();
    expect(applyParam(spec, [0, 0], 'x')).toBeNull();
  });
});

describe('pre-V.253 Rockwell commands', () => {
  test("a Conexant answers ERROR to #CLS and #VLS (vgetty's Rockwell driver fails there, as on the real chip)", () => {
    const { at } = harness();
    expect(at('AT#CLS?')).toBe('\r\nERROR\r\n');
    expect(at('AT#CLS=8')).toBe('\r\nERROR\r\n');
    expect(at('AT#VLS=4')).toBe('\r\nERROR\r\n');
    expect(at('AT#VSP=70')).toBe('\r\nERROR\r\n');
  });

  test('a profile that keeps them treats #CLS as +FCLASS', () => {
    const { sim, at } = harness('usr-5637');
    expect(at('AT#CLS?')).toBe('\r\n0\r\n\r\nOK\r\n');
    expect(at('AT#CLS=8')).toBe('\r\nOK\r\n');
    expect(sim.regs.fclass).toBe('8');
    expect(at('AT#VLS=0')).toBe('\r\nOK\r\n');
  });
});

describe('the command line', () => {
  test('characters before the AT prefix are ignored, and a line without one gets no answer', () => {
    const { sim, at, take } = harness();
    // What vgetty's shell left on the port when its dtmf.sh was missing, then vgetty's next command.
    sim.write(Buffer.from('/bin/sh: 0: cannot open /var/spool/voice/dtmf.sh: No such file\n', 'latin1'));
    expect(at('AT+FCLASS=0')).toBe('\r\nOK\r\n');
    expect(at('hello')).toBe('');
    sim.write(Buffer.from('x'.repeat(300), 'latin1'));
    expect(at('AT')).toBe('\r\nOK\r\n'); // a long run of noise does not push the command out
    expect(take()).toBe('');
  });
});

describe('the line', () => {
  test('keys pressed while the modem has not answered reach nobody; a held key repeats every 70 ms', () => {
    const { t, sim, at, take } = harness();
    sim.ring({ number: '1', rings: 5 });
    sim.pressKeys('9');
    expect(take()).toBe('');
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    sim.pressKeys('9');
    t.advance(1);
    expect(take()).toBe('\x10/\x109');
    t.advance(70);
    expect(take()).toBe('\x109');
    t.advance(70);
    expect(take()).toBe('\x109');
    t.advance(40);
    expect(take()).toBe('\x10~');
  });

  test('a held key stops being reported once the host switches to a fax class (DTMF is a voice-mode event)', () => {
    const { t, sim, at, take } = harness();
    sim.ring({ number: '1', rings: 5 });
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    sim.pressKeys('1');
    t.advance(1);
    expect(take()).toBe('\x10/\x101');
    // Fax-on-demand: the key chose a document and the host goes to Class 1 while the key is still held.
    expect(at('AT+FCLASS=1')).toBe('\r\nOK\r\n');
    t.advance(200);
    expect(take()).toBe('');
  });

  test('DTR drop (the host closed the port) leaves the voice state and hangs up', () => {
    const { sim, at } = harness();
    sim.ring({ number: '1', rings: 5 });
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    expect(at('AT+VRX')).toBe('\r\nCONNECT\r\n');
    sim.dtrDropped();
    expect(sim.voice).toBeNull();
    expect(sim.offHook).toBe(false);
    expect(sim.call).toBeNull();
  });

  test('flow control: CTS drops above half a second of unplayed audio and comes back at a quarter', () => {
    const { t, sim, at } = harness();
    const cts: boolean[] = [];
    sim.onFlow((ready) => cts.push(ready));
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    at('AT+VTX');
    sim.write(Buffer.alloc(4000, 0x80));
    expect(cts).toEqual([]);
    sim.write(Buffer.alloc(4000, 0x80));
    expect(cts).toEqual([false]);
    t.advance(500); // 8000 → 4000 bytes left
    expect(cts).toEqual([false]);
    t.advance(260); // ≤ 2000 left
    expect(cts).toEqual([false, true]);
    sim.write(Buffer.from([0x10, 0x18, 0x10, 0x03])); // <DLE><CAN><DLE><ETX>: vgetty's abort
    t.advance(40);
    expect(sim.voice).toBeNull();
  });
});
