/**
 * A fax modem in Class 1 (ITU T.31): the modulations, V.21 HDLC framing and the FCS are the modem's;
 * the T.30 protocol above them is the caller's (src/fax/t30). It implements the fax engine's port
 * (FaxPort in src/fax/t30/port.ts, matched by shape: telephony imports nothing of src/fax).
 *
 * The driver owns its transport exclusively while a fax runs: it is the only reader and writer, so no
 * watchdog or ring logic can interleave a command with page data. Every operation waits on the injected
 * timers with a deadline; a closed port or an unexpected result rejects with a Class1Error.
 *
 * Sequences follow T.31 and the reference (voice-modems.md §5.1): ATD/ATA leave the modem in HDLC
 * receive/transmit with CONNECT already given (the first frame operation then sends no command); a
 * receive that hears nothing is cancelled with <CAN>; +FTM data is paced at the line rate and stops on
 * XOFF until XON (iaxmodem's flow control on a pseudo-terminal, which has no RTS/CTS).
 */
import type { Timers, Transport } from '../transport';
import { ByteReader, PortClosedError, shield, linesUntilRing } from './byte-reader';

export type Class1ErrorCode = 'timeout' | 'modem-error' | 'closed' | 'busy' | 'no-answer' | 'no-carrier' | 'no-dialtone' | 'not-class1';

export class Class1Error extends Error {
  constructor(
    readonly code: Class1ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Class1Error';
  }
}

export type Class1FrameResult = { kind: 'frame'; octets: Uint8Array; fcsOk: boolean } | { kind: 'timeout' } | { kind: 'no-carrier' };
export type Class1DataResult = { kind: 'data'; octets: Uint8Array } | { kind: 'other-carrier' } | { kind: 'timeout' };

export type Class1Options = {
  timers: Timers;
  /** Every command and result line, and a summary of data, for the fax log's detail and for tests. */
  onTrace?(dir: 'tx' | 'rx', text: string): void;
};

const CAN = 0x18;
/** The final result codes a command or a receive ends with (T.31 and V.250); any other line is not one. */
const RESULT = /^(OK|CONNECT|ERROR|NO CARRIER|BUSY|NO ANSWER|NO DIAL ?TONE|\+FCERROR|FCERROR)$/;
/** How long a command's result may take (not ATD/ATA, which wait for the far end). */
const COMMAND_MS = 5_000;
/** A V.21 frame of 256 octets at 300 bit/s with its preamble takes under 8 s. */
const FRAME_MS = 10_000;
/** Data is written ahead of the line by this long, so the modem never runs dry between our writes. */
const LEAD_SECONDS = 0.5;
const CHUNK_MS = 50;

/** Modulation code → bit/s (T.31 Table 2), for pacing +FTM data. */
const BPS: Record<number, number> = {
  ...{ 3: 300, 24: 2400, 48: 4800, 72: 7200, 73: 7200, 74: 7200, 96: 9600 },
  ...{ 97: 9600, 98: 9600, 121: 12000, 122: 12000, 145: 14400, 146: 14400 },
};

type Mode = 'command' | 'hdlc-rx' | 'hdlc-tx';

export class Class1Modem {
  private readonly reader: ByteReader;
  /** After ATD the modem is already receiving HDLC, after ATA already transmitting (CONNECT given). */
  private mode: Mode = 'command';
  private readonly offData: () => void;
  private readonly offClose: () => void;

  constructor(
    private readonly transport: Transport,
    private readonly o: Class1Options,
  ) {
    this.reader = new ByteReader(o.timers);
    this.offData = transport.onData((chunk) => this.reader.push(chunk));
    this.offClose = transport.onClose((e) => this.reader.close(e ?? new Error(`${transport.description} closed`)));
  }

  /** Resets echo/verbosity and selects Class 1; fails with `not-class1` when the modem refuses it. */
  async init(): Promise<void> {
    await this.command('ATE0V1Q0', COMMAND_MS, ['OK']);
    const r = await this.command('AT+FCLASS=1', COMMAND_MS);
    if (r !== 'OK') throw new Class1Error('not-class1', `${this.transport.description} refused AT+FCLASS=1 (${r})`);
  }

  /** Dials and waits for the far fax machine (CONNECT: its V.21 frames are coming). */
  async dial(number: string, timeoutMs = 90_000): Promise<void> {
    if (!/^[0-9*#,+WwPpTt]+$/.test(number)) throw new RangeError(`not a number to dial: ${number}`);
    const r = await this.command(`ATDT${number}`, timeoutMs);
    if (r !== 'CONNECT') throw this.callError(r);
    this.mode = 'hdlc-rx';
  }

  /** Waits for RING; returns the lines that came with it (caller ID) or null at the deadline. */
  async waitForRing(timeoutMs: number): Promise<string[] | null> {
    return linesUntilRing((deadline) => this.readLine(deadline), this.o.timers.now() + timeoutMs);
  }

  /** Answers (ATA): the modem sends CED, then CONNECT when it is ready to send our first frames. */
  async answer(timeoutMs = 30_000): Promise<void> {
    const r = await this.command('ATA', timeoutMs);
    if (r !== 'CONNECT') throw this.callError(r);
    this.mode = 'hdlc-tx';
  }

  async hangUp(): Promise<void> {
    this.mode = 'command';
    await this.command('ATH0', COMMAND_MS).catch(() => undefined);
  }

  /** Lets go of the transport (it stays open for whoever owned it before the fax). */
  release(): void {
    this.offData();
    this.offClose();
  }

  async sendFrames(frames: readonly Uint8Array[]): Promise<void> {
    if (this.mode !== 'hdlc-tx') await this.expect('AT+FTH=3', COMMAND_MS, 'CONNECT');
    this.mode = 'command';
    for (let i = 0; i < frames.length; i++) {
      const last = i === frames.length - 1;
      const f = Uint8Array.from(frames[i]!);
      f[1] = last ? 0x13 : 0x03;
      this.trace('tx', `<frame ${hex(f)}>`);
      await this.transport.write(shield(f));
      const r = await this.readLine(this.o.timers.now() + FRAME_MS);
      if (r !== (last ? 'OK' : 'CONNECT')) throw new Class1Error(r === null ? 'timeout' : 'modem-error', `sending a frame: ${r ?? 'no answer'}`);
    }
  }

  async receiveFrame(timeoutMs: number): Promise<Class1FrameResult> {
    const deadline = this.o.timers.now() + timeoutMs;
    if (this.mode !== 'hdlc-rx') {
      this.reader.discard();
      await this.write('AT+FRH=3');
      const r = await this.result(deadline);
      if (r === null) return this.cancel();
      if (r !== 'CONNECT') return { kind: 'no-carrier' };
    }
    this.mode = 'command';
    const octets = await this.reader.shielded(this.o.timers.now() + FRAME_MS);
    if (octets === null) return this.cancel();
    const r = await this.result(this.o.timers.now() + COMMAND_MS);
    this.trace('rx', `<frame ${hex(octets)}> ${r}`);
    if (r === 'OK') return { kind: 'frame', octets, fcsOk: true };
    if (r === 'ERROR') return { kind: 'frame', octets, fcsOk: false };
    return { kind: 'no-carrier' };
  }

  async sendData(modulation: number, octets: Uint8Array): Promise<void> {
    const bps = BPS[modulation];
    if (!bps) throw new RangeError(`unknown modulation ${modulation}`);
    this.mode = 'command';
    let r = await this.command(`AT+FTM=${modulation}`, COMMAND_MS);
    // +FCERROR: the modem still heard the far end's carrier; T.31 lets us simply ask again.
    if (r === '+FCERROR') r = await this.command(`AT+FTM=${modulation}`, COMMAND_MS);
    if (r !== 'CONNECT') throw new Class1Error('modem-error', `AT+FTM=${modulation}: ${r}`);
    this.reader.setFlowControl(true);
    try {
      const t0 = this.o.timers.now();
      const perMs = bps / 8 / 1000;
      let sent = 0;
      while (sent < octets.length) {
        if (this.reader.paused) await this.reader.waitXon(10_000);
        const due = Math.ceil((this.o.timers.now() - t0) * perMs + (LEAD_SECONDS * bps) / 8);
        if (due <= sent) {
          await sleep(this.o.timers, CHUNK_MS);
          continue;
        }
        const end = Math.min(octets.length, due, sent + Math.ceil(CHUNK_MS * perMs * 2));
        await this.transport.write(shield(octets.subarray(sent, end), false));
        sent = end;
      }
      this.trace('tx', `<${octets.length} octets at ${bps}>`);
      await this.transport.write(Uint8Array.of(0x10, 0x03));
      const left = Math.max(0, (octets.length / (bps / 8)) * 1000 - (this.o.timers.now() - t0));
      const done = await this.readLine(this.o.timers.now() + left + 10_000);
      if (done !== 'OK') throw new Class1Error(done === null ? 'timeout' : 'modem-error', `sending data: ${done ?? 'no answer'}`);
    } finally {
      this.reader.setFlowControl(false);
    }
  }

  async receiveData(modulation: number, timeoutMs: number): Promise<Class1DataResult> {
    this.mode = 'command';
    this.reader.discard();
    await this.write(`AT+FRM=${modulation}`);
    const r = await this.result(this.o.timers.now() + timeoutMs);
    if (r === null) {
      const c = await this.cancel();
      return c;
    }
    if (r === '+FCERROR') return { kind: 'other-carrier' };
    if (r !== 'CONNECT') return { kind: 'timeout' };
    // Page data lasts as long as the far end sends; an hour is more than any page at 2400 bit/s.
    const octets = await this.reader.shielded(this.o.timers.now() + 3_600_000);
    if (octets === null) return this.cancel();
    const end = await this.readLine(this.o.timers.now() + COMMAND_MS);
    this.trace('rx', `<${octets.length} octets> ${end}`);
    return { kind: 'data', octets };
  }

  async pause(ms: number): Promise<void> {
    this.mode = 'command';
    await this.expect(`AT+FTS=${Math.max(1, Math.round(ms / 10))}`, COMMAND_MS, 'OK');
  }

  async waitSilence(ms: number): Promise<void> {
    this.mode = 'command';
    await this.expect(`AT+FRS=${Math.max(1, Math.round(ms / 10))}`, COMMAND_MS, 'OK');
  }

  /** Sends a command and returns its final result (information lines are traced and skipped). */
  async command(cmd: string, timeoutMs: number, accept?: string[]): Promise<string> {
    this.reader.discard();
    await this.write(cmd);
    const deadline = this.o.timers.now() + timeoutMs;
    for (;;) {
      const l = await this.readLine(deadline);
      if (l === null) throw new Class1Error('timeout', `${cmd}: no answer in ${timeoutMs} ms`);
      if (l.startsWith('AT')) continue; // the echo, before ATE0 took effect
      if (RESULT.test(l)) {
        if (accept && !accept.includes(l)) throw new Class1Error('modem-error', `${cmd}: ${l}`);
        return l;
      }
    }
  }

  private async expect(cmd: string, timeoutMs: number, want: string): Promise<void> {
    const r = await this.command(cmd, timeoutMs);
    if (r !== want) throw new Class1Error('modem-error', `${cmd}: ${r}`);
  }

  /**
   * The next final result line, skipping any other line (an unsolicited RING, a late voice-mode event's
   * text), or null at the deadline: a stray line must not end a receive as if it were its result.
   */
  private async result(deadline: number): Promise<string | null> {
    for (;;) {
      const l = await this.readLine(deadline);
      if (l === null || RESULT.test(l)) return l;
      this.trace('rx', `${l} (ignored)`);
    }
  }

  /** T.31: <CAN> stops a receive that heard nothing; the modem answers OK (or finishes what it had). */
  private async cancel(): Promise<{ kind: 'timeout' }> {
    this.mode = 'command';
    this.trace('tx', '<CAN>');
    await this.transport.write(Uint8Array.of(CAN));
    const deadline = this.o.timers.now() + 2_000;
    for (;;) {
      const l = await this.readLine(deadline);
      if (l === null || l === 'OK' || l === 'NO CARRIER' || l === 'ERROR') break;
    }
    return { kind: 'timeout' };
  }

  private callError(r: string): Class1Error {
    const code: Class1ErrorCode =
      r === 'BUSY' ? 'busy' : r === 'NO ANSWER' ? 'no-answer' : r === 'NO CARRIER' ? 'no-carrier' : /^NO DIAL/.test(r) ? 'no-dialtone' : 'modem-error';
    return new Class1Error(code, r);
  }

  private async write(cmd: string): Promise<void> {
    this.trace('tx', cmd);
    await this.transport.write(new TextEncoder().encode(`${cmd}\r`));
  }

  private async readLine(deadline: number): Promise<string | null> {
    try {
      const l = await this.reader.line(deadline);
      if (l !== null) this.trace('rx', l);
      return l;
    } catch (e) {
      if (e instanceof PortClosedError) throw new Class1Error('closed', e.message);
      throw e;
    }
  }

  private trace(dir: 'tx' | 'rx', text: string): void {
    this.o.onTrace?.(dir, text);
  }
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');
const sleep = (timers: Timers, ms: number) => new Promise<void>((r) => timers.setTimeout(r, ms));
