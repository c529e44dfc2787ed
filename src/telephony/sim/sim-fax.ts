/**
 * The simulator as a Class 1 fax modem (ITU T.31), at the frame level: +FTH/+FRH carry V.21 HDLC
 * frames, +FTM/+FRM page data, +FTS/+FRS pauses, over the simulated line (sim-fax-line.ts) to a fax
 * machine that someone outside the simulator drives. What the host sees follows T.31 and the reference
 * (voice-modems.md §5.1, the efax capture, iaxmodem in fax-loopback.md):
 * - ATD in Class 1 → CONNECT with the far end's first frame (ATD implies +FRH=3); ATA → CONNECT after
 *   the answer tone, ready for our first frame (ATA implies +FTH=3);
 * - +FTH=3: CONNECT; each frame `FF 03|13 FCF FIF…` (no FCS) DLE-shielded and ended by <DLE><ETX> is
 *   answered CONNECT (0x03: the next may follow) or OK (0x13: final) once it is on the line;
 * - +FRH=3: CONNECT, the frame with its FCS, <DLE><ETX>, OK; NO CARRIER when the far end has gone;
 * - +FTM=n: CONNECT; data drained at the modulation's rate, XOFF when the host is more than a second
 *   ahead, XON when it has caught up; <DLE><ETX> → OK when the last octet is sent;
 * - +FRM=n: CONNECT, the data at the line rate, <DLE><ETX>, NO CARRIER; +FCERROR when V.21 frames
 *   are heard instead;
 * - a receive or +FRS that is still waiting is cancelled by any character (<CAN>): OK;
 * - +FRH=3 in Class 1 on an answered voice call (no fax call yet) listens on that call: a caller who
 *   pressed Start to receive (`faxStart`, fax-on-demand) is heard there, with its DIS.
 * Not simulated, so refused: +FAR=1 (adaptive reception), +FDD=1 (<DLE><SUB>). Class 2/2.0 is sim-class2.ts.
 */
import { MODULATION_BPS, frameMs, MODULATIONS, PREAMBLE_MS, SimFaxLine, trainingMs, withFcs, type FaxSignal } from './sim-fax-line';
import { DIAL_CARRIER_MS, DLE, DTE_TIMEOUT_MS, ETX, hex, highMark, RECEIVER_T1_MS, shield, TICK_MS, XOFF, XON, type Class1State } from './sim-fax-states';
import type { SimFaxState, SimState } from './sim-state';

/** CED (2100 Hz answer tone) lasts 2.6–4 s (T.30 §5.3.5.3), then the answerer's V.21 flags begin. */
export const CED_MS = 3000;

export class SimClass1 implements SimFaxState {
  /** The fax call on the line (null before ATA/ATD connected one, and after the hang-up). */
  line: SimFaxLine | null = null;
  private state: Class1State = { kind: 'idle' };
  private timer: unknown = null;
  private dteTimer: unknown = null;
  /** The line whose caller's machine already runs as a receiver (fax-on-demand): it is driven once. */
  private receiverDriven: SimFaxLine | null = null;
  /** Frames and data the host sent and received on this modem, for tests. */
  readonly log: string[] = [];

  constructor(private readonly sim: SimState) {}

  get busy(): boolean {
    return this.state.kind !== 'idle';
  }

  /** The call connected in fax mode: a new line; a fax machine at the far end if the simulator has one. */
  connect(role: 'called' | 'caller'): SimFaxLine {
    this.hangUp();
    const line = new SimFaxLine(this.sim.timers, this.sim.faxLimitBps, this.sim.faxBitErrors);
    this.line = line;
    line.onEnd(() => this.farGone(line));
    // The caller's fax machine heard our answer: its calling tone (and the <DLE>c reports) stop.
    const call = this.sim.call;
    if (call) {
      for (const h of call.timers) this.sim.timers.clearTimeout(h);
      call.timers = [];
    }
    const driver = this.sim.faxMachine;
    if (driver && (role === 'called' || this.sim.call?.spec.fax)) driver(line.farEnd(role));
    else this.driveReceiver();
    return line;
  }

  /**
   * Fax-on-demand (FaxHandover 'switch' with send, line.ts): the caller pressed Start with an empty
   * feeder, so its machine receives — it sends DIS (T.30: the receiver does, every T4 until T1) and waits
   * for our DCS. It is driven once both happened: Start pressed, and our modem in Class 1 listening on
   * the line. A machine whose Start was pressed more than T1 ago gave up (no DIS any more) and is silent.
   */
  callerPressedStart(): void {
    this.driveReceiver();
  }

  private driveReceiver(): void {
    const call = this.sim.call;
    const line = this.line;
    const driver = this.sim.faxMachine;
    if (!driver || !line || line.ended || this.receiverDriven === line || !call?.answered || call.faxStartAt == null) return;
    if (this.sim.timers.now() - call.faxStartAt > RECEIVER_T1_MS) return;
    this.receiverDriven = line;
    driver(line.farEnd('caller', true));
  }

  /** ATD reached a fax machine: CONNECT comes with its first frame. */
  dialled(): void {
    this.connect('called');
    this.enter({ kind: 'hdlc-rx', abort: 'NO CARRIER', deadline: this.sim.timers.now() + DIAL_CARRIER_MS });
  }

  /** ATA in Class 1, after the answer tone: CONNECT, and our first frame is expected. */
  answered(): void {
    this.connect('caller');
    this.sim.result('CONNECT');
    this.enterHdlcTx();
  }

  /** On hook (ATH, reset, DTR dropped, unplugged): the call ends for the far end too. */
  hangUp(): void {
    this.clearTimer();
    if (this.dteTimer !== null) this.sim.timers.clearTimeout(this.dteTimer);
    this.dteTimer = null;
    this.state = { kind: 'idle' };
    const line = this.line;
    this.line = null;
    line?.end();
  }

  // ------------------------------------------------------------ commands

  /** +FTH / +FRH / +FTM / +FRM (after the class check); the result follows later. */
  command(name: string, op: string, arg: string): 'ok' | 'error' | 'later' {
    const n = Number(arg.trim());
    const hdlc = name === '+FTH' || name === '+FRH';
    if (op === '=?') {
      this.sim.sendLine(hdlc ? '3' : MODULATIONS);
      return 'ok';
    }
    if (op !== '=' || (hdlc ? n !== 3 : !MODULATION_BPS[n] || n === 3)) return 'error';
    if ((!this.line || this.line.ended) && name === '+FRH' && this.sim.offHook && this.sim.call?.answered && !this.sim.call.spec.fax) {
      // Switched to Class 1 on an answered voice call and listening (fax-on-demand): the phone line is
      // there, whatever is on it — a caller's machine that pressed Start sends its DIS into it.
      this.connect('caller');
    }
    if (!this.line || this.line.ended) {
      // Nothing connected: no carrier to send on or to hear.
      this.sim.result('NO CARRIER');
      return 'later';
    }
    if (name === '+FTH') {
      this.sim.result('CONNECT');
      this.enterHdlcTx();
    } else if (name === '+FRH') this.enter({ kind: 'hdlc-rx', abort: 'OK', deadline: null });
    else if (name === '+FTM') {
      this.sim.result('CONNECT');
      const startAt = this.sim.timers.now() + trainingMs(n);
      this.enter({ kind: 'data-tx', modulation: n, buffer: [], sent: [], escaped: false, ending: false, xoff: false, startAt });
      this.armDteTimeout();
    } else this.enter({ kind: 'data-rx', modulation: n, octets: null, at: 0 });
    return 'later';
  }

  /** +FTS=n (silence for n × 10 ms) and +FRS=n (wait for n × 10 ms of silence); `rest` of the command line runs after. */
  wait(name: string, op: string, arg: string, rest: string): 'ok' | 'error' | 'later' {
    if (op === '=?') {
      this.sim.sendLine('0-255');
      return 'ok';
    }
    const n = Number(arg.trim());
    if (op !== '=' || !/^\d+$/.test(arg.trim()) || n > 255) return 'error';
    const handle = this.sim.timers.setTimeout(() => {
      this.state = { kind: 'idle' };
      if (rest.trim()) this.sim.runLine(rest);
      else this.sim.result('OK');
    }, n * 10);
    this.state = { kind: 'wait', abortable: name === '+FRS', handle };
    return 'later';
  }

  // ------------------------------------------------------------ bytes from the host

  /** Bytes while a Class 1 state is on; returns how many it took (the rest are commands again). */
  fromHost(buf: Buffer): number {
    this.armDteTimeout();
    for (let i = 0; i < buf.length; i++) {
      const s = this.state;
      const b = buf[i]!;
      if (s.kind === 'idle') return i;
      if (s.kind === 'hdlc-tx' || s.kind === 'data-tx') this.dataByte(s, b);
      else if (s.kind === 'wait' && !s.abortable) continue;
      else this.abort();
    }
    return buf.length;
  }

  private dataByte(s: Extract<Class1State, { kind: 'hdlc-tx' | 'data-tx' }>, b: number): void {
    const out = s.kind === 'hdlc-tx' ? s.bytes : s.buffer;
    if (!s.escaped && b === DLE) return void (s.escaped = true);
    if (!s.escaped) return void out.push(b);
    s.escaped = false;
    if (b === DLE) out.push(DLE);
    else if (b === ETX) {
      if (s.kind === 'data-tx') s.ending = true;
      else {
        s.queued.push(Uint8Array.from(s.bytes));
        s.bytes = [];
        this.sendNextFrame(s);
      }
    } // any other <DLE>x is not data (T.31 §4): dropped
    if (s.kind === 'data-tx' && s.buffer.length > highMark(s.modulation) && !s.xoff) {
      s.xoff = true;
      this.sim.send(Buffer.from([XOFF]));
    }
  }

  /** A character while waiting stops the wait (T.31: <CAN> cancels a receive); the modem says OK. */
  private abort(): void {
    const s = this.state;
    this.clearTimer();
    this.state = { kind: 'idle' };
    if (s.kind === 'wait') this.sim.timers.clearTimeout(s.handle);
    if (s.kind === 'hdlc-rx' && s.abort === 'NO CARRIER') {
      this.sim.finishPending('NO CARRIER');
      this.hangUp();
      this.sim.offHook = false;
      return;
    }
    if (s.kind === 'data-rx' && s.octets) this.sim.send(Buffer.from([DLE, ETX]));
    this.sim.result('OK');
  }

  // ------------------------------------------------------------ the states

  private enter(s: Class1State): void {
    this.clearTimer();
    this.state = s;
    this.step();
  }

  private enterHdlcTx(): void {
    this.state = { kind: 'hdlc-tx', bytes: [], escaped: false, queued: [], sending: false, first: true };
    this.armDteTimeout();
  }

  /** (Re)starts the DTE timeout while a transmit state waits for the host's bytes. */
  private armDteTimeout(): void {
    if (this.dteTimer !== null) this.sim.timers.clearTimeout(this.dteTimer);
    this.dteTimer = null;
    if (!this.waitsForHost()) return;
    this.dteTimer = this.sim.timers.setTimeout(() => {
      this.dteTimer = null;
      if (!this.waitsForHost()) return;
      this.clearTimer();
      this.state = { kind: 'idle' };
      this.sim.result('ERROR');
    }, DTE_TIMEOUT_MS);
  }

  private waitsForHost(): boolean {
    const s = this.state;
    return (s.kind === 'hdlc-tx' && !s.sending && s.queued.length === 0) || (s.kind === 'data-tx' && !s.ending);
  }

  /** One frame of the host's on the line, then CONNECT (more follow) or OK (it was the final one). */
  private sendNextFrame(s: Extract<Class1State, { kind: 'hdlc-tx' }>): void {
    if (s.sending) return;
    const frame = s.queued.shift();
    if (!frame) return;
    if (frame.length === 0) {
      // <DLE><ETX> alone: nothing more to send (T.31 §8.3.5).
      this.state = { kind: 'idle' };
      return this.sim.result('OK');
    }
    const final = frame.length > 1 && (frame[1]! & 0x10) !== 0;
    s.sending = true;
    this.timer = this.sim.timers.setTimeout(
      () => {
        this.timer = null;
        s.sending = false;
        this.log.push(`tx frame ${hex(frame)}`);
        this.line?.toFar.put({ kind: 'frame', octets: withFcs(frame) });
        s.first = final;
        if (final) {
          this.state = { kind: 'idle' };
          this.sim.result('OK');
        } else {
          this.sim.result('CONNECT');
          this.sendNextFrame(s);
          this.armDteTimeout();
        }
      },
      (s.first ? PREAMBLE_MS : 0) + frameMs(frame.length),
    );
  }

  /** Runs the state one step: a receive looks at the line, a transmit drains its buffer. */
  private step(): void {
    const s = this.state;
    const line = this.line;
    if (!line) return;
    if (s.kind === 'hdlc-rx') return this.stepHdlcRx(s, line);
    if (s.kind === 'data-rx') return this.stepDataRx(s, line);
    if (s.kind === 'data-tx') return this.stepDataTx(s, line);
  }

  private stepHdlcRx(s: Extract<Class1State, { kind: 'hdlc-rx' }>, line: SimFaxLine): void {
    // High-speed data is not V.21: the HDLC receiver does not hear it.
    while (line.toModem.items[0]?.kind === 'data') line.toModem.items.shift();
    const f = line.toModem.items.shift();
    if (f?.kind === 'frame') {
      this.state = { kind: 'idle' };
      if (s.abort === 'NO CARRIER') this.sim.finishPending(null);
      this.log.push(`rx frame ${hex(f.octets)}`);
      this.sim.send(Buffer.concat([Buffer.from(this.sim.resultText('CONNECT'), 'latin1'), shield(f.octets), Buffer.from([DLE, ETX])]));
      return this.sim.result('OK');
    }
    if (line.ended || (s.deadline !== null && this.sim.timers.now() >= s.deadline)) {
      this.state = { kind: 'idle' };
      if (s.abort === 'NO CARRIER') this.sim.offHook = false;
      return s.abort === 'NO CARRIER' ? this.sim.finishPending('NO CARRIER') : this.sim.result('NO CARRIER');
    }
    this.later(() => this.step(), TICK_MS, line);
  }

  private stepDataRx(s: Extract<Class1State, { kind: 'data-rx' }>, line: SimFaxLine): void {
    if (!s.octets) {
      const head: FaxSignal | undefined = line.toModem.items[0];
      if (head?.kind === 'frame') {
        this.state = { kind: 'idle' };
        return this.sim.result('+FCERROR');
      }
      if (head?.kind === 'data') {
        line.toModem.items.shift();
        if (head.modulation === s.modulation) {
          s.octets = head.octets;
          s.at = 0;
          this.log.push(`rx data ${s.modulation} ${head.octets.length}`);
          this.sim.result('CONNECT');
        }
        return this.step();
      }
      if (line.ended) {
        this.state = { kind: 'idle' };
        return this.sim.result('NO CARRIER');
      }
      return this.later(() => this.step(), TICK_MS, line);
    }
    // The data at the line rate, then the carrier drops.
    const n = Math.max(1, Math.round((MODULATION_BPS[s.modulation]! / 8) * (TICK_MS / 1000)));
    const chunk = s.octets.subarray(s.at, s.at + n);
    s.at += chunk.length;
    if (chunk.length) this.sim.send(shield(chunk));
    if (s.at < s.octets.length) return this.later(() => this.step(), TICK_MS, line);
    this.state = { kind: 'idle' };
    this.sim.send(Buffer.from([DLE, ETX]));
    this.sim.result('NO CARRIER');
  }

  private stepDataTx(s: Extract<Class1State, { kind: 'data-tx' }>, line: SimFaxLine): void {
    const now = this.sim.timers.now();
    if (now >= s.startAt) {
      const n = Math.round((MODULATION_BPS[s.modulation]! / 8) * (TICK_MS / 1000));
      s.sent.push(...s.buffer.splice(0, n));
      if (s.xoff && s.buffer.length <= highMark(s.modulation) / 2) {
        s.xoff = false;
        this.sim.send(Buffer.from([XON]));
      }
      if (s.ending && s.buffer.length === 0) {
        this.state = { kind: 'idle' };
        const octets = Uint8Array.from(s.sent);
        this.log.push(`tx data ${s.modulation} ${octets.length}`);
        line.toFar.put({ kind: 'data', modulation: s.modulation, octets: line.carry(s.modulation, octets) });
        return this.sim.result('OK');
      }
    }
    this.later(() => this.step(), TICK_MS, line);
  }

  private later(fn: () => void, ms: number, line: SimFaxLine): void {
    this.timer = this.sim.timers.setTimeout(() => {
      this.timer = null;
      if (this.line === line) fn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.sim.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** The far fax machine hung up: a receive waiting now hears no carrier; the caller is gone. */
  private farGone(line: SimFaxLine): void {
    if (this.line !== line) return;
    this.sim.endCall();
    if (this.state.kind === 'hdlc-rx' || (this.state.kind === 'data-rx' && !this.state.octets)) {
      this.clearTimer();
      this.step();
    }
  }
}
