/**
 * The simulator's modes for odd but real modem behaviour (issue 14): a stored profile with numeric or
 * quiet results, a spontaneous reset, NO CARRIER in a call, CONNECT and audio in one write, what it
 * refuses (fax), and a fax caller's CNG as audio.
 */
import { ModemSimulator, type SimOptions } from '../../../src/telephony/sim/modem-sim';
import { manualTimers } from '../../helpers/manual-timers';

function harness(opts: SimOptions = {}) {
  const t = manualTimers(new Date(2026, 10, 23, 10, 0).getTime());
  const sim = new ModemSimulator({ profile: 'conexant', timers: t.timers, ...opts });
  let out = '';
  sim.onData((b) => (out += b.toString('latin1')));
  const take = () => ((s) => ((out = ''), s))(out);
  const at = (cmd: string) => {
    take();
    sim.write(Buffer.from(cmd + '\r', 'latin1'));
    return take();
  };
  return { t, sim, at, take };
}

describe('a stored profile (AT&W) that every reset restores', () => {
  test('V0: numeric results; information text as V.250 frames it without the leading CR LF', () => {
    const { at } = harness({ stored: { verbose: false } });
    expect(at('ATZ')).toBe('ATZ\r0\r');
    expect(at('ATE0')).toBe('ATE0\r0\r');
    expect(at('ATI3')).toBe('CX93001-EIS_V0.2013-V92\r\n0\r');
    expect(at('AT+FCLASS?')).toBe('0\r\n0\r');
    expect(at('AT+ZZZ')).toBe('4\r');
    // The reset line NCID sends: the rest of the line runs after Z, the result is verbose again.
    expect(at('ATZE0V1Q0')).toBe('\r\nOK\r\n');
  });

  test('Q1: no result codes at all, information text still printed', () => {
    const { at } = harness({ stored: { quiet: true } });
    expect(at('ATE0')).toBe('ATE0\r');
    expect(at('AT')).toBe('');
    expect(at('ATI0')).toBe('\r\n56000\r\n');
    expect(at('ATZE0V1Q0')).toBe('\r\nOK\r\n');
  });
});

describe('faults in a call', () => {
  function inCall(opts: SimOptions = {}) {
    const h = harness(opts);
    h.at('ATE0');
    h.at('AT+VCID=1');
    h.sim.ring({ number: '1', rings: 5 });
    h.at('AT+FCLASS=8');
    h.at('AT+VLS=1');
    return h;
  }

  test('a spontaneous reset drops the call and the voice state silently; echo is back, caller ID off', () => {
    const { sim, at, take } = inCall();
    expect(at('AT+VTX')).toBe('\r\nCONNECT\r\n');
    sim.spontaneousReset();
    expect(take()).toBe('');
    expect(sim.voice).toBeNull();
    expect(sim.offHook).toBe(false);
    expect(sim.call).toBeNull();
    expect(sim.regs.cidMode).toBe(0);
    // What the host still "plays" is now typed at the command parser, and echoed.
    sim.write(Buffer.from([0x80, 0x80, 0x7f]));
    expect(take()).toBe('\x80\x80\x7f');
    expect(at('AT')).toBe('AT\r\r\nOK\r\n');
  });

  test('NO CARRIER during a recording: <DLE><ETX>, then the result, on hook', () => {
    const { t, sim, at, take } = inCall();
    at('AT+VRX');
    t.advance(100);
    take();
    sim.noCarrier();
    expect(take()).toBe('\x10\x03\r\nNO CARRIER\r\n');
    expect(sim.voice).toBeNull();
    expect(sim.offHook).toBe(false);
    expect(sim.call).toBeNull();
  });

  test('NO CARRIER during a prompt or in command state: just the result', () => {
    const { sim, at, take } = inCall();
    at('AT+VTX');
    sim.noCarrier();
    expect(take()).toBe('\r\nNO CARRIER\r\n');
  });

  test('CONNECT and the first audio in one write', () => {
    const { sim, at } = inCall({ connectWithAudio: true });
    sim.sendAudio(new Int16Array(400).fill(-28672)); // encodes to 0x10 in 8-bit unsigned linear
    const out = Buffer.from(at('AT+VRX'), 'latin1');
    expect(out.subarray(0, 11).toString('latin1')).toBe('\r\nCONNECT\r\n');
    expect([...out.subarray(11, 15)]).toEqual([0x10, 0x10, 0x10, 0x10]);
    expect(out.length).toBe(11 + 2 * 160);
  });
});

describe('what the simulator does not implement, it refuses', () => {
  test("fax: the classes offered as the device has them (Class 2.0 is not the Conexant's), T.32 and T.31 actions only in their class", () => {
    const { at } = harness();
    at('ATE0');
    expect(at('AT+FCLASS=?')).toBe('\r\n0,1,1.0,2,8\r\n\r\nOK\r\n');
    // The T.31 commands only in Class 1, the T.32 page commands only in Class 2/2.0, Class 2.1 (V.34 fax) not at all.
    const refused = ['AT+FCLASS=2.0', 'AT+FCLASS=2.1', 'AT+FDT', 'AT+FDR', 'AT+FET=2', 'AT+FTH=3', 'AT+FRS=8'];
    for (const c of refused) expect([c, at(c)]).toEqual([c, '\r\nERROR\r\n']);
    expect(at('AT+FCLASS=2')).toBe('\r\nOK\r\n');
    // In Class 2, on hook: no call to send a page on, and Class 1's commands are not there.
    for (const c of ['AT+FDT', 'AT+FTH=3', 'AT+FLI="1"', 'AT+FDCC=1,5,0,2,0,0,0,0']) expect([c, at(c)]).toEqual([c, '\r\nERROR\r\n']);
    expect(at('AT+FCLASS=1')).toBe('\r\nOK\r\n');
    for (const c of ['AT+FAR=1', 'AT+FDD=1', 'AT+FTH=24', 'AT+FTM=3', 'AT+FRM=95']) expect([c, at(c)]).toEqual([c, '\r\nERROR\r\n']);
    expect(at('AT+FCLASS=8')).toBe('\r\nOK\r\n');
  });
});

describe('Class 1 (T.31) at the AT level', () => {
  test('the =? lists as iaxmodem prints them; on hook a receive or transmit finds no carrier', () => {
    const { t, sim, at, take } = harness();
    at('ATE0');
    expect(at('AT+FCLASS=1.0')).toBe('\r\nOK\r\n');
    expect(at('AT+FTM=?')).toBe('\r\n24,48,72,73,74,96,97,98,121,122,145,146\r\n\r\nOK\r\n');
    expect(at('AT+FRH=?')).toBe('\r\n3\r\n\r\nOK\r\n');
    expect(at('AT+FRS=?')).toBe('\r\n0-255\r\n\r\nOK\r\n');
    expect(at('AT+FRH=3')).toBe('\r\nNO CARRIER\r\n');
    expect(at('AT+FTM=96')).toBe('\r\nNO CARRIER\r\n');
    // +FTS waits its n x 10 ms, then the rest of the line runs (mgetty's AT+FTS=8;+FTM=96).
    expect(at('AT+FTS=8;+FRH=3')).toBe('');
    t.advance(79);
    expect(take()).toBe('');
    t.advance(1);
    expect(take()).toBe('\r\nNO CARRIER\r\n');
    // +FRS is cancelled by any character.
    expect(at('AT+FRS=100')).toBe('');
    sim.write(Buffer.from([0x18]));
    expect(take()).toBe('\r\nOK\r\n');
    t.advance(2000);
    expect(take()).toBe('');
  });

  test('a fax caller answered with ATA in Class 1: the answer tone, then CONNECT; no <DLE>c any more; the DTE timeout', () => {
    const { t, sim, at, take } = harness();
    at('ATE0');
    sim.ring({ fax: true, rings: 5 });
    at('AT+FCLASS=1');
    t.advance(7000);
    take();
    expect(at('ATA')).toBe('');
    t.advance(2999);
    expect(take()).toBe('');
    t.advance(1);
    expect(take()).toBe('\r\nCONNECT\r\n');
    // No <DLE>c after the answer; a host that sends no frame within the DTE timeout (5 s) gets ERROR,
    // and its next command is a command again, not frame data.
    t.advance(4999);
    expect(take()).toBe('');
    t.advance(1);
    expect(take()).toBe('\r\nERROR\r\n');
    t.advance(20_000);
    expect(take()).toBe('');
    expect(at('AT')).toBe('\r\nOK\r\n');
  });
});

describe('a fax machine calls', () => {
  test('the caller sends CNG as audio: 1100 Hz for 0.5 s, then 3 s of silence; <DLE>c about every 4 s', () => {
    const { t, sim, at, take } = harness();
    at('ATE0');
    sim.ring({ fax: true, rings: 5 });
    at('AT+FCLASS=8');
    at('AT+VLS=1');
    at('AT+VRX');
    t.advance(4000);
    const got = Buffer.from(take(), 'latin1');
    const audio: number[] = [];
    const codes: string[] = [];
    for (let i = 0; i < got.length; i++) {
      if (got[i] === 0x10) {
        if (got[i + 1] === 0x10) audio.push(0x10);
        else codes.push(String.fromCharCode(got[i + 1]!));
        i++;
      } else audio.push(got[i]!);
    }
    expect(codes).toEqual(['c']);
    const pcm = audio.map((b) => (b - 128) << 8);
    const loud = (from: number, to: number) => Math.max(...pcm.slice(from, to).map(Math.abs));
    expect(loud(0, 4000)).toBeGreaterThan(6000); // the first half second
    expect(loud(4200, 27_000)).toBeLessThan(300); // three seconds of nothing
    expect(loud(28_100, 31_900)).toBeGreaterThan(6000); // the next burst at 3.5 s
    // 1100 Hz: 2200 zero crossings a second, 1100 in the half second.
    let crossings = 0;
    for (let i = 1; i < 4000; i++) if (pcm[i - 1]! < 0 !== pcm[i]! < 0) crossings++;
    expect(crossings).toBeGreaterThan(1050);
    expect(crossings).toBeLessThan(1150);
  });
});
